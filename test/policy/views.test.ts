import { describeOrganization, domainStatus, indexModel, reachMatrix, resolveParticipant, whoCanReach } from '../../src/policy';
import { demoModel, demoWith, eastWest, policy, tenant, user } from './fixtures';

describe('resolveParticipant', () => {
  it.each([
    ['rob@contosoeast.com', 'managed', 'contoso-east', 'Contoso East', true],
    ['Someone@ContosoWest.com', 'managed', 'contoso-west', 'Contoso West', false],
    ['bob@fabrikam.com', 'known', 'fabrikam', 'Fabrikam', false],
    ['x@tailspin.com', 'unknown', undefined, 'tailspin.com', false],
    ['kim@outlook.com', 'consumer', undefined, 'personal Teams account', false],
    ['kim@hotmail.com', 'consumer', undefined, 'personal Teams account', false],
    ['kim@live.com', 'consumer', undefined, 'personal Teams account', false],
    ['kim@msn.com', 'consumer', undefined, 'personal Teams account', false],
    ['not an address', 'invalid', undefined, 'not an address', false],
  ])('%s → %s %s', (address, kind, orgId, orgName, listed) => {
    const r = resolveParticipant(demoModel(), address);
    expect(r.kind).toBe(kind);
    expect(r.participant.orgId).toBe(orgId);
    expect(r.participant.orgName).toBe(orgName);
    expect(r.listed).toBe(listed);
  });

  it('a user not listed in a managed org: Global policy, TeamsOnly, not on-premises', () => {
    const r = resolveParticipant(demoModel(), 'new@contosoeast.com');
    expect(r.policy?.policy.name).toBe('Global');
    expect(r.user).toEqual({ address: 'new@contosoeast.com', coexistence: 'TeamsOnly', onPremises: false });
  });

  it('an organization in the model claiming outlook.com wins over the consumer rule', () => {
    const m = eastWest({}, {}, tenant('ol', 'Outlook Corp', { domains: ['outlook.com'] }));
    expect(resolveParticipant(m, 'x@outlook.com').kind).toBe('managed');
  });

  it('an address at a subdomain of a known org is not assumed to belong to it', () => {
    expect(resolveParticipant(demoModel(), 'x@eu.contosoeast.com').kind).toBe('unknown');
  });
});

describe('model index', () => {
  it('is built once per model object (WeakMap) and maps every domain, normalized', () => {
    const m = eastWest({ domains: ['east.com', 'EAST.net.'] });
    const a = indexModel(m);
    expect(indexModel(m)).toBe(a);
    expect(a.byDomain.get('east.net')?.id).toBe('east');
    expect(indexModel({ ...m })).not.toBe(a);
  });
});

describe('domainStatus: is D allowed for O, and why', () => {
  it.each<[string, Parameters<typeof demoWith>[1], string, boolean | 'unknown', string, string]>([
    ['open', {}, 'fabrikam.com', true, 'allowAll', 'Allow all external domains'],
    ['blocked', { domainMode: 'blockSpecific', blockedDomains: ['fabrikam.com'] }, 'FABRIKAM.com', false, 'blockSpecific.listed', 'fabrikam.com is on the blocked list'],
    ['blocked subdomain', { domainMode: 'blockSpecific', blockedDomains: ['fabrikam.com'], blockAllSubdomains: true }, 'eu.fabrikam.com', false, 'blockSpecific.subdomain', 'subdomain of blocked fabrikam.com'],
    ['not on the allow list', { domainMode: 'allowSpecific', allowedDomains: ['a.com'] }, 'fabrikam.com', false, 'allowSpecific.notListed', 'fabrikam.com is not one of them'],
    ['on the allow list, shown in Unicode', { domainMode: 'allowSpecific', allowedDomains: ['xn--bcher-kva.de'] }, 'bücher.de', true, 'allowSpecific.listed', 'bücher.de is on the allowed list'],
    ['block all', { domainMode: 'blockAll' }, 'fabrikam.com', false, 'blockAll', 'Block all external domains'],
    ['master switch off', { allowFederatedUsers: false }, 'fabrikam.com', false, 'allowFederatedUsers', 'whatever the lists say'],
    ['own domain', {}, 'contosoeast.com', true, 'internal', 'external access does not apply'],
    ['personal accounts', { allowTeamsConsumer: false }, 'outlook.com', false, 'allowTeamsConsumer', 'personal Teams accounts'],
    ['invalid', {}, 'contoso', false, 'invalidDomain', '`contoso` has no top-level domain'],
  ])('%s', (_case, settings, domain, allowed, rule, reason) => {
    const s = domainStatus(demoWith('contoso-east', settings), 'contoso-east', domain);
    expect(s).toMatchObject({ orgId: 'contoso-east', allowed, rule });
    expect(s.reason).toContain(reason);
  });

  it.each([
    ['fabrikam', 'notManaged'],
    ['nope', 'unknownOrg'],
  ])('%s → unknown (%s)', (orgId, rule) => {
    expect(domainStatus(demoModel(), orgId, 'x.com')).toMatchObject({ allowed: 'unknown', rule });
  });

  it('mentions custom policies that replace the rule', () => {
    const m = eastWest({ policies: [policy('Sales', { communicationWithExternalOrgs: 'BlockAllExternalDomains' })] });
    expect(domainStatus(m, 'east', 'x.com').reason).toContain('users with policy Sales follow that policy');
  });
});

describe('describeOrganization', () => {
  it('lists in effect vs stored, in Unicode, with policies in use', () => {
    const m = eastWest({
      settings: { domainMode: 'allowSpecific', allowedDomains: ['xn--bcher-kva.de'], blockedDomains: ['x.com'] },
      policies: [policy('Off', { enableFederationAccess: false })],
      users: [user('rob@east.com', { policy: 'Off' }), user('sue@east.com')],
    });
    expect(describeOrganization(m, 'east')).toMatchObject({
      modeLabel: 'Allow only specific external domains',
      legacyLabel: 'On only for allowed domains',
      inEffect: { list: 'allowed', domains: ['bücher.de'] },
      storedNotInEffect: [{ list: 'blocked', domains: ['x.com'] }],
      policiesInUse: [
        { name: 'Global', users: 1, summary: "external access on: the organization's domain rule" },
        { name: 'Off', users: 1, summary: 'external access off' },
      ],
    });
  });

  it.each([
    ['allowAll', 'Allow all external domains', null],
    ['blockSpecific', 'Block only specific external domains', 'blocked'],
    ['blockAll', 'Block all external domains', null],
  ] as const)('%s → %s', (mode, label, list) => {
    const v = describeOrganization(demoWith('contoso-east', { domainMode: mode }), 'contoso-east');
    expect(v?.modeLabel).toBe(label);
    expect(v?.inEffect.list).toBe(list);
  });

  it('an organization known by name only, and an unknown id', () => {
    expect(describeOrganization(demoModel(), 'fabrikam')).toMatchObject({ managed: false, modeLabel: 'Not known here (not managed by this bot)' });
    expect(describeOrganization(demoModel(), 'nope')).toBeUndefined();
  });
});

describe('reachMatrix and whoCanReach', () => {
  it('the demo: the Contosos reach each other, Fabrikam depends', () => {
    const mx = reachMatrix(demoModel(), 10)!;
    expect(mx.orgs.map((o) => o.id)).toEqual(['contoso-east', 'contoso-west', 'fabrikam']);
    expect(mx.cells).toHaveLength(6);
    expect(mx.cells).toContainEqual({ fromId: 'contoso-east', toId: 'contoso-west', outcome: 'reachable' });
    expect(mx.cells).toContainEqual({ fromId: 'fabrikam', toId: 'contoso-west', outcome: 'depends' });
  });

  it('who can Contoso East talk to, after blocking Contoso West and personal inbound', () => {
    const m = demoWith('contoso-east', { domainMode: 'blockSpecific', blockedDomains: ['contosowest.com'], allowTeamsConsumerInbound: false });
    const rows = whoCanReach(m, 'contoso-east');
    expect(rows?.map((r) => [r.id, r.outbound, r.inbound])).toEqual([
      ['contoso-west', 'notReachable', 'notReachable'],
      ['fabrikam', 'depends', 'depends'],
      ['consumer', 'reachable', 'notReachable'],
      ['*', 'depends', 'depends'],
    ]);
    expect(whoCanReach(m, 'nope')).toBeUndefined();
  });
});
