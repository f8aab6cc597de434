import { readTenantText } from '../../src/tenant';
import type { TenantReading } from '../../src/tenant';
import { sample } from './fixtures';

function read(text: string): TenantReading {
  const r = readTenantText(text);
  if (!r.ok) throw new Error(r.reason);
  return r.reading;
}

describe('reading Get-CsTenantFederationConfiguration | ConvertTo-Json', () => {
  it.each([
    ['federation-open.json', { allowFederatedUsers: true, domainMode: 'allowAll', allowedDomains: [], blockedDomains: [], blockAllSubdomains: false, allowTeamsConsumer: true, allowTeamsConsumerInbound: true, trialTenants: 'Blocked', allowedTrialTenantDomains: [] }],
    ['federation-blocklist.json', { allowFederatedUsers: true, domainMode: 'blockSpecific', allowedDomains: [], blockedDomains: ['fabrikam.com', 'northwindtraders.com', 'tailspintoys.com'], blockAllSubdomains: true, allowTeamsConsumer: true, allowTeamsConsumerInbound: false, trialTenants: 'Blocked', allowedTrialTenantDomains: ['litware.com'] }],
    ['federation-allowlist.json', { allowFederatedUsers: true, domainMode: 'allowSpecific', allowedDomains: ['contosowest.com', 'xn--bcher-kva.example'], blockedDomains: ['fabrikam.com'], blockAllSubdomains: false, allowTeamsConsumer: false, allowTeamsConsumerInbound: false, trialTenants: 'Allowed', allowedTrialTenantDomains: [] }],
    ['federation-off-allowlist-empty.json', { allowFederatedUsers: false, domainMode: 'blockAll', allowedDomains: [], blockedDomains: [], blockAllSubdomains: false, allowTeamsConsumer: false, allowTeamsConsumerInbound: false, trialTenants: 'Blocked', allowedTrialTenantDomains: [] }],
  ])('%s', (file, settings) => {
    const r = read(sample(file));
    expect(r.kind).toBe('federation');
    if (r.kind !== 'federation') return;
    expect(r.settings).toEqual(settings);
  });

  it('keeps the properties it does not model, by name and value', () => {
    const r = read(sample('federation-blocklist.json'));
    expect(r.unmanaged.map((u) => u.setting)).toEqual(['AllowPublicUsers', 'TreatDiscoveredPartnersAsUnverified', 'SharedSipAddressSpace', 'RestrictTeamsConsumerToExternalUserProfiles', 'CustomizeFederation', 'Key', 'ScopeClass', 'Anchor']);
    expect(r.unmanaged.find((u) => u.setting === 'TreatDiscoveredPartnersAsUnverified')?.value).toBe('false');
  });

  it('lists a wildcard entry as skipped with the reason, and takes the rest', () => {
    const r = read(sample('federation-allowlist.json'));
    expect(r.skipped).toEqual([{ input: '*.wingtiptoys.com', reason: expect.stringContaining('wildcard') }]);
    expect(r.notes.join(' ')).toMatch(/blocked list \(1\) is kept but not in effect/);
  });

  it('reads Windows PowerShell 5.1 output: "True" text, a one-element list as an object, an enum as a number', () => {
    const r = read(sample('federation-ps51.json'));
    if (r.kind !== 'federation') throw new Error(r.kind);
    expect(r.settings).toMatchObject({ allowFederatedUsers: true, domainMode: 'blockSpecific', blockedDomains: ['fabrikam.com'] });
    expect(r.settings.trialTenants).toBeUndefined();
    expect(r.notes.join(' ')).toMatch(/ExternalAccessWithTrialTenants came as the number 1.*-EnumsAsStrings/);
  });
});

describe('reading Get-CsExternalAccessPolicy | ConvertTo-Json', () => {
  it('reads every policy of the list, Tag: names without the prefix', () => {
    const r = read(sample('external-access-policies.json'));
    if (r.kind !== 'policies') throw new Error(r.kind);
    expect(r.policies.map((p) => p.name)).toEqual(['Global', 'Sales', 'NoFederation']);
    expect(r.policies[1]).toEqual({
      name: 'Sales',
      enableFederationAccess: true,
      enableTeamsConsumerAccess: false,
      enableTeamsConsumerInbound: false,
      communicationWithExternalOrgs: 'AllowSpecificExternalDomains',
      allowedExternalDomains: ['contosowest.com', 'fabrikam.com'],
      blockedExternalDomains: [],
    });
    expect(r.unmanaged).toContainEqual({ setting: 'policy Sales: FederatedBilateralChats', value: 'true' });
  });

  it('reads a single policy object', () => {
    const r = read(sample('external-access-policy-single.json'));
    if (r.kind !== 'policies') throw new Error(r.kind);
    expect(r.policies).toEqual([expect.objectContaining({ name: 'Contractors', communicationWithExternalOrgs: 'BlockSpecificExternalDomains', blockedExternalDomains: ['northwindtraders.com'] })]);
    expect(r.notes).toContain('The list has no Global policy: Global stays as it is here.');
  });

  it('reads the Windows PowerShell { value, Count } wrapper', () => {
    const wrapped = JSON.stringify({ value: JSON.parse(sample('external-access-policies.json')), Count: 3 });
    expect(read(wrapped).kind).toBe('policies');
  });
});

describe('reading a user → policy list', () => {
  it('reads Export-Csv output with its #TYPE line; empty policy is Global, Tag: is dropped, bad lines are skipped', () => {
    const r = read(sample('assignments.csv'));
    if (r.kind !== 'assignments') throw new Error(r.kind);
    expect(r.assignments).toEqual([
      { user: 'rob@contosoeast.com', policy: 'Sales' },
      { user: 'ava@contosoeast.com', policy: 'NoFederation' },
      { user: 'admin@contosoeast.com', policy: 'Global' },
      { user: 'zoe@fabrikam.com', policy: 'Sales' },
    ]);
    expect(r.skipped).toEqual([{ input: 'not an address', reason: expect.stringContaining('not a user address') }]);
  });

  it('reads tab-separated lines without a header', () => {
    const r = read(sample('assignments.txt'));
    if (r.kind !== 'assignments') throw new Error(r.kind);
    expect(r.assignments).toEqual([{ user: 'rob@contosoeast.com', policy: 'Sales' }, { user: 'ava@contosoeast.com', policy: 'NoFederation' }]);
  });
});

describe('bad input gets a precise answer', () => {
  it.each([
    ['empty', '   ', 'empty', /nothing to read/],
    ['prose', 'please import our settings', 'not-json', /not JSON from Get-CsTenantFederationConfiguration/],
    ['the on-screen list', 'Identity            : Global\nAllowedDomains      : AllowAllKnownDomains\nAllowFederatedUsers : True', 'not-json', /list PowerShell prints on screen, not JSON.*ConvertTo-Json -Depth 5/],
    ['cut-off JSON', '{ "Identity": "Global", "AllowedDomains": {', 'not-json', /not valid JSON.*cut off/],
    ['another cmdlet', sample('meeting-policy.json'), 'other-cmdlet', /looks like the output of Get-CsTeamsMeetingPolicy/],
    ['an unknown object', '{ "Foo": 1, "Bar": 2 }', 'other-cmdlet', /properties start Foo, Bar/],
    ['a JSON string', '["a", "b"]', 'other-cmdlet', /not a setting object/],
    ['an unreadable boolean', '{ "AllowFederatedUsers": "maybe", "AllowedDomains": {}, "BlockedDomains": [] }', 'invalid', /AllowFederatedUsers has a value I cannot read \(maybe\)/],
    ['an unknown policy mode', '{ "Identity": "Tag:X", "EnableFederationAccess": true, "CommunicationWithExternalOrgs": "Sometimes" }', 'invalid', /Policy X: CommunicationWithExternalOrgs has a value I cannot read \(Sometimes\)/],
    ['Global with a custom mode', '{ "Identity": "Global", "EnableFederationAccess": true, "CommunicationWithExternalOrgs": "BlockAllExternalDomains" }', 'invalid', /fixed to OrganizationDefault/],
  ])('%s', (_name, text, code, reason) => {
    const r = readTenantText(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.code).toBe(code);
    expect(r.reason).toMatch(reason);
    expect(r.reason).toMatch(/Nothing was changed\.$/);
  });
});
