import { evaluateReach } from '../../src/policy';
import type { Outcome, Side } from '../../src/policy';
import type { PolicyModel } from '../../src/policy';
import { eastWest, policy, tenant, user } from './fixtures';

type Row = [string, PolicyModel, string, string, Outcome, string | null, Side | null];

const ROB = 'rob@east.com';
const ANN = 'ann@west.com';
/** West's Global policy has federation off. */
function globalOff(): PolicyModel {
  const m = eastWest();
  const west = m.organizations[1]!;
  return { organizations: [m.organizations[0]!, { ...west, policies: [policy('Global', { enableFederationAccess: false })] }] };
}
const robWith = (p: string) => ({ users: [user(ROB, { policy: p })] });

/** Every rule of federation-rules.md: [rule, model, from, to, outcome, deciding check, its side]. */
const rows: Row[] = [
  ['open federation both sides', eastWest(), ROB, ANN, 'reachable', null, null],
  ['master switch off on our side', eastWest({ settings: { allowFederatedUsers: false } }), ROB, ANN, 'notReachable', 'org.allowFederatedUsers', 'from'],
  ['master switch off on their side', eastWest({}, { settings: { allowFederatedUsers: false } }), ROB, ANN, 'notReachable', 'org.allowFederatedUsers', 'to'],
  ['master switch beats an allow-all policy', eastWest({ settings: { allowFederatedUsers: false }, policies: [policy('Open', { communicationWithExternalOrgs: 'AllowAllExternalDomains' })], ...robWith('Open') }), ROB, ANN, 'notReachable', 'org.allowFederatedUsers', 'from'],
  ['user policy EnableFederationAccess off', eastWest({ policies: [policy('Off', { enableFederationAccess: false })], ...robWith('Off') }), ROB, ANN, 'notReachable', 'policy.enableFederationAccess', 'from'],
  ['Global policy federation off applies to users not listed', globalOff(), ROB, 'someone@west.com', 'notReachable', 'policy.enableFederationAccess', 'to'],
  ['allow list containing them', eastWest({ settings: { domainMode: 'allowSpecific', allowedDomains: ['west.com'] } }), ROB, ANN, 'reachable', null, null],
  ['allow list without them', eastWest({ settings: { domainMode: 'allowSpecific', allowedDomains: ['other.com'] } }), ROB, ANN, 'notReachable', 'org.domainRule', 'from'],
  ['allow list entries are exact (no subdomains)', eastWest({ settings: { domainMode: 'allowSpecific', allowedDomains: ['west.com'] } }, { domains: ['sales.west.com'], users: [user('ann@sales.west.com')] }), ROB, 'ann@sales.west.com', 'notReachable', 'org.domainRule', 'from'],
  ['allow-specific with an empty list blocks everyone', eastWest({ settings: { domainMode: 'allowSpecific', allowedDomains: [] } }), ROB, ANN, 'notReachable', 'org.domainRule', 'from'],
  ['block list naming them', eastWest({ settings: { domainMode: 'blockSpecific', blockedDomains: ['west.com'] } }), ROB, ANN, 'notReachable', 'org.domainRule', 'from'],
  ['block list naming others', eastWest({ settings: { domainMode: 'blockSpecific', blockedDomains: ['other.com'] } }), ROB, ANN, 'reachable', null, null],
  ['block all', eastWest({ settings: { domainMode: 'blockAll' } }), ROB, ANN, 'notReachable', 'org.domainRule', 'from'],
  ['blocked parent, BlockAllSubdomains off', eastWest({ settings: { domainMode: 'blockSpecific', blockedDomains: ['west.com'] } }, { domains: ['sales.west.com'], users: [] }), ROB, 'ann@sales.west.com', 'reachable', null, null],
  ['blocked parent, BlockAllSubdomains on', eastWest({ settings: { domainMode: 'blockSpecific', blockedDomains: ['west.com'], blockAllSubdomains: true } }, { domains: ['sales.west.com'], users: [] }), ROB, 'ann@sales.west.com', 'notReachable', 'org.domainRule', 'from'],
  ['BlockAllSubdomains: subwest.com is not a subdomain of west.com', eastWest({ settings: { domainMode: 'blockSpecific', blockedDomains: ['west.com'], blockAllSubdomains: true } }, { domains: ['subwest.com'], users: [] }), ROB, 'ann@subwest.com', 'reachable', null, null],
  ['block list is ignored while an allow list is in force', eastWest({ settings: { domainMode: 'allowSpecific', allowedDomains: ['west.com'], blockedDomains: ['west.com'] } }), ROB, ANN, 'reachable', null, null],
  ['allow list is ignored in block-specific mode', eastWest({ settings: { domainMode: 'blockSpecific', allowedDomains: ['other.com'], blockedDomains: ['x.com'] } }), ROB, ANN, 'reachable', null, null],
  ['mutual: they use an allow list without us', eastWest({}, { settings: { domainMode: 'allowSpecific', allowedDomains: ['x.com'] } }), ROB, ANN, 'notReachable', 'org.domainRule', 'to'],
  ['mutual: they block us', eastWest({}, { settings: { domainMode: 'blockSpecific', blockedDomains: ['east.com'] } }), ROB, ANN, 'notReachable', 'org.domainRule', 'to'],
  ['custom policy replaces the org list (does not narrow)', eastWest({ settings: { domainMode: 'allowSpecific', allowedDomains: ['west.com', 'c.com'] }, policies: [policy('C', { communicationWithExternalOrgs: 'AllowSpecificExternalDomains', allowedExternalDomains: ['c.com'] })], ...robWith('C') }), ROB, ANN, 'notReachable', 'policy.communicationWithExternalOrgs', 'from'],
  ['custom allow-all policy opens a block-all org for its users', eastWest({ settings: { domainMode: 'blockAll' }, policies: [policy('Open', { communicationWithExternalOrgs: 'AllowAllExternalDomains' })], ...robWith('Open') }), ROB, ANN, 'reachable', null, null],
  ['custom policy allowing them in an allow-list org that does not', eastWest({ settings: { domainMode: 'allowSpecific', allowedDomains: ['c.com'] }, policies: [policy('W', { communicationWithExternalOrgs: 'AllowSpecificExternalDomains', allowedExternalDomains: ['west.com'] })], ...robWith('W') }), ROB, ANN, 'reachable', null, null],
  ['custom block-specific policy naming them', eastWest({ policies: [policy('B', { communicationWithExternalOrgs: 'BlockSpecificExternalDomains', blockedExternalDomains: ['west.com'] })], ...robWith('B') }), ROB, ANN, 'notReachable', 'policy.communicationWithExternalOrgs', 'from'],
  ['custom block-all policy', eastWest({ policies: [policy('None', { communicationWithExternalOrgs: 'BlockAllExternalDomains' })], ...robWith('None') }), ROB, ANN, 'notReachable', 'policy.communicationWithExternalOrgs', 'from'],
  ['their user on a federation-off policy', eastWest({}, { policies: [policy('Off', { enableFederationAccess: false })], users: [user(ANN, { policy: 'Off' })] }), ROB, ANN, 'notReachable', 'policy.enableFederationAccess', 'to'],
  ['trial-only tenant, trial tenants blocked (default)', eastWest({}, { trialOnly: true }), ROB, ANN, 'notReachable', 'org.trialTenants', 'from'],
  ['trial-only tenant with an exception', eastWest({ settings: { allowedTrialTenantDomains: ['west.com'] } }, { trialOnly: true }), ROB, ANN, 'reachable', null, null],
  ['trial-only tenant, trial tenants allowed', eastWest({ settings: { trialTenants: 'Allowed' } }, { trialOnly: true }), ROB, ANN, 'reachable', null, null],
  ['a trial-only tenant is blocked in both directions', eastWest({}, { trialOnly: true }), ANN, ROB, 'notReachable', 'org.trialTenants', 'to'],
  // Microsoft Learn, "Coexistence with Skype for Business": homed on-premises is not "not reachable": the
  // user federates from the Skype for Business client if the on-premises Edge allows it (not known here).
  ['user homed on-premises in Skype for Business', eastWest({ users: [user(ROB, { coexistence: 'SfBOnly', onPremises: true })] }), ROB, ANN, 'depends', null, null],
  ['their user homed on-premises', eastWest({}, { users: [user(ANN, { coexistence: 'Islands', onPremises: true })] }), ROB, ANN, 'depends', null, null],
  ['unmanaged (personal) account, defaults', eastWest(), ROB, 'kim@outlook.com', 'reachable', null, null],
  ['unmanaged accounts off (AllowTeamsConsumer)', eastWest({ settings: { allowTeamsConsumer: false } }), ROB, 'kim@outlook.com', 'notReachable', 'org.allowTeamsConsumer', 'from'],
  ['unmanaged accounts off in the user policy', eastWest({ policies: [policy('NoConsumer', { enableTeamsConsumerAccess: false })], ...robWith('NoConsumer') }), ROB, 'kim@hotmail.com', 'notReachable', 'policy.enableTeamsConsumerAccess', 'from'],
  ['inbound off: we may still start', eastWest({ settings: { allowTeamsConsumerInbound: false } }), ROB, 'kim@live.com', 'reachable', null, null],
  ['inbound off: the unmanaged account may not start', eastWest({ settings: { allowTeamsConsumerInbound: false } }), 'kim@live.com', ROB, 'notReachable', 'org.allowTeamsConsumerInbound', 'to'],
  ['inbound off in the user policy', eastWest({ policies: [policy('In', { enableTeamsConsumerInbound: false })], ...robWith('In') }), 'kim@msn.com', ROB, 'notReachable', 'policy.enableTeamsConsumerInbound', 'to'],
  ['domain rules do not apply to unmanaged accounts', eastWest({ settings: { domainMode: 'blockAll' } }), ROB, 'kim@outlook.com', 'reachable', null, null],
  ['the master switch also stops unmanaged accounts', eastWest({ settings: { allowFederatedUsers: false } }), ROB, 'kim@outlook.com', 'notReachable', 'org.allowFederatedUsers', 'from'],
  ['organization known by name only', eastWest({}, {}, tenant('fabrikam', 'Fabrikam', { managed: false })), ROB, 'bob@fabrikam.com', 'depends', null, null],
  ['unknown domain', eastWest(), ROB, 'bob@tailspin.com', 'depends', null, null],
  ['our side blocks an unknown domain: we know the answer', eastWest({ settings: { domainMode: 'blockSpecific', blockedDomains: ['tailspin.com'] } }), ROB, 'bob@tailspin.com', 'notReachable', 'org.domainRule', 'from'],
  ['known trial-only organization not managed here', eastWest({}, {}, tenant('trial', 'Trial Co', { managed: false, trialOnly: true })), ROB, 'x@trial.com', 'notReachable', 'org.trialTenants', 'from'],
  ['IDN: stored punycode block matches a Unicode address', eastWest({ settings: { domainMode: 'blockSpecific', blockedDomains: ['xn--bcher-kva.de'] } }), ROB, 'max@bücher.de', 'notReachable', 'org.domainRule', 'from'],
  ['case-insensitive: a hand-edited upper-case entry still matches', eastWest({ settings: { domainMode: 'blockSpecific', blockedDomains: ['WEST.COM'] } }), 'Rob@EAST.com', 'Ann@West.Com', 'notReachable', 'org.domainRule', 'from'],
  ['not an address', eastWest(), ROB, 'ann', 'notReachable', 'address.valid', 'to'],
];

describe('evaluateReach: every rule of the reference', () => {
  it.each(rows)('%s', (_rule, model, from, to, outcome, checkId, side) => {
    const v = evaluateReach(model, from, to);
    expect(v.outcome).toBe(outcome);
    const failed = v.checks.filter((c) => c.status === 'failed' && c.direction !== 'bToA');
    if (checkId === null) {
      expect(failed).toEqual([]);
    } else {
      expect(failed.map((c) => [c.id, c.side])).toContainEqual([checkId, side]);
      for (const c of failed) expect(c.fix).toBeDefined();
    }
    const words = { reachable: 'Reachable', notReachable: 'Not reachable', depends: 'Depends on ', internal: 'Internal' }[v.outcome];
    expect(v.summary.startsWith(words)).toBe(true);
  });
});

describe('verdict details', () => {
  it('domains of one tenant are internal: external access does not apply', () => {
    const m = eastWest({ domains: ['east.com', 'east.net'], settings: { allowFederatedUsers: false } });
    const v = evaluateReach(m, ROB, 'sue@east.net');
    expect(v).toMatchObject({ outcome: 'internal', checks: [], directions: { aToB: 'internal', bToA: 'internal' } });
    expect(v.summary).toMatch(/^Internal/);
  });

  it('two personal accounts are not a matter of any organization', () => {
    expect(evaluateReach(eastWest(), 'kim@outlook.com', 'lee@hotmail.com').outcome).toBe('reachable');
  });

  it('two organizations not managed here: depends', () => {
    const v = evaluateReach(eastWest(), 'a@tailspin.com', 'b@northwind.com');
    expect(v.outcome).toBe('depends');
    expect(v.dependsOn?.orgName).toBe('northwind.com');
    expect(v.summary).toMatch(/^Depends on northwind.com: neither/);
  });

  // Islands and SfBOnly users are homed on-premises (every online user is TeamsOnly since 31 July 2021):
  // they talk from the Skype for Business client, a text-only interop chat with Teams users.
  it.each([
    ['TeamsOnly', 'TeamsOnly', 'native', 'reachable'],
    ['TeamsOnly', 'Islands', 'interop', 'depends'],
    ['SfBOnly', 'TeamsOnly', 'interop', 'depends'],
  ] as const)('coexistence %s ↔ %s: %s conversation', (a, b, kind, outcome) => {
    const m = eastWest({ users: [user(ROB, { coexistence: a, onPremises: a !== 'TeamsOnly' })] }, { users: [user(ANN, { coexistence: b, onPremises: b !== 'TeamsOnly' })] });
    const v = evaluateReach(m, ROB, ANN);
    expect(v.outcome).toBe(outcome);
    expect(v.conversation).toBe(kind);
    if (kind === 'interop') expect(v.summary).toContain('Skype for Business client — a text-only interop chat');
  });

  it('depends: names the organization whose settings decide, and what their admin must do', () => {
    const v = evaluateReach(eastWest({}, {}, tenant('fabrikam', 'Fabrikam', { managed: false })), ROB, 'bob@fabrikam.com');
    expect(v.dependsOn).toEqual({ orgId: 'fabrikam', orgName: 'Fabrikam' });
    expect(v.summary).toBe("Depends on Fabrikam: our side permits it; Fabrikam's settings are not known here, so their admin must allow east.com (AllowFederatedUsers, AllowedDomains / BlockedDomains).");
    const unknown = v.checks.filter((c) => c.status === 'unknown');
    expect(unknown.map((c) => c.setting)).toEqual(['AllowFederatedUsers', 'AllowedDomains / BlockedDomains']);
    expect(unknown.every((c) => c.side === 'to' && c.fix?.who === 'theirAdmin')).toBe(true);
  });

  it('an unknown domain may be a trial-only tenant: unknown, not failed', () => {
    const v = evaluateReach(eastWest(), ROB, 'bob@tailspin.com');
    expect(v.checks.find((c) => c.id === 'org.trialTenants' && c.side === 'from')?.status).toBe('unknown');
  });

  it('evaluates both directions: inbound from unmanaged accounts decides who may start', () => {
    const m = eastWest({ settings: { allowTeamsConsumerInbound: false } });
    const v = evaluateReach(m, ROB, 'kim@outlook.com');
    expect(v.directions).toEqual({ aToB: 'reachable', bToA: 'notReachable' });
    expect(v.summary).toContain('kim@outlook.com cannot start the conversation');
    const inbound = v.checks.find((c) => c.id === 'org.allowTeamsConsumerInbound');
    expect(inbound).toMatchObject({ direction: 'bToA', status: 'failed', setting: 'AllowTeamsConsumerInbound' });
  });

  it('every check names side, setting, needs and found', () => {
    const v = evaluateReach(eastWest({}, { settings: { domainMode: 'blockSpecific', blockedDomains: ['east.com'] } }), ROB, ANN);
    const c = v.checks.find((x) => x.status === 'failed');
    expect(c).toMatchObject({ id: 'org.domainRule', side: 'to', orgId: 'west', orgName: 'West', setting: 'BlockedDomains', needs: 'permits east.com', found: 'east.com is on the blocked list', direction: 'both' });
    expect(v.summary).toBe('Not reachable: West: east.com is on the blocked list (BlockedDomains).');
  });

  it('a user not listed gets the Global policy, TeamsOnly, online', () => {
    const m = eastWest({ policies: [] }, { settings: {} });
    const v = evaluateReach(m, 'new@east.com', ANN);
    expect(v.outcome).toBe('reachable');
    expect(v.checks.find((c) => c.id === 'policy.enableFederationAccess' && c.side === 'from')?.found).toBe('on in policy Global');
  });
});
