import { DOMAIN_LIST_LIMIT, FEDERATION_ON_POLICY, NO_FEDERATION_POLICY, evaluateReach, plan } from '../../src/policy';
import type { Change, Plan, PolicyModel } from '../../src/policy';
import { admin, deepFreeze, demoModel, demoWith, eastWest, policy, user } from './fixtures';

const east = admin('contoso-east');

function planned(model: PolicyModel, change: Change, actor = east): { plan: Plan; next: PolicyModel } {
  const r = plan(model, change, actor);
  if (!r.ok) throw new Error(`refused: ${r.reason}`);
  return r;
}
const settingsOf = (m: PolicyModel, id = 'contoso-east') => m.organizations.find((o) => o.id === id)?.settings;

describe('plan refuses with a reason a person understands; nothing changes', () => {
  it.each<[string, PolicyModel, Change, string]>([
    ['unknown organization', demoModel(), { kind: 'setFederation', org: 'nope', enabled: false }, 'No organization "nope" is known here.'],
    ['organization not managed here', demoModel(), { kind: 'setFederation', org: 'fabrikam', enabled: false }, 'Fabrikam is not managed here'],
    ['actor not an admin of it', demoModel(), { kind: 'addBlocked', org: 'contoso-west', domains: ['x.com'] }, 'admin@example.com is not an admin of Contoso West'],
    ['domain without top-level domain', demoModel(), { kind: 'addBlocked', org: 'contoso-east', domains: ['contoso'] }, '`contoso` has no top-level domain'],
    ['wildcard', demoModel(), { kind: 'addAllowed', org: 'contoso-east', domains: ['ok.com', '*.fabrikam.com'] }, 'no wildcards'],
    ['unknown policy', demoModel(), { kind: 'updatePolicy', org: 'contoso-east', name: 'Sales', settings: { enableFederationAccess: false } }, 'has no policy named Sales'],
    ['assigning an unknown policy', demoModel(), { kind: 'assignPolicy', org: 'contoso-east', user: 'rob@contosoeast.com', policy: 'Sales' }, 'has no policy named Sales'],
    ['user of another organization', demoModel(), { kind: 'setUserFederation', org: 'contoso-east', user: 'ann@contosowest.com', enabled: false }, 'ann@contosowest.com is not in Contoso East'],
    ['not an address', demoModel(), { kind: 'setUserFederation', org: 'contoso-east', user: 'rob', enabled: false }, 'is not an email address'],
    ['duplicate policy', demoModel(), { kind: 'createPolicy', org: 'contoso-east', name: 'global' }, 'already has a policy named global'],
    ['Global is fixed to OrganizationDefault', demoModel(), { kind: 'updatePolicy', org: 'contoso-east', name: 'Global', settings: { communicationWithExternalOrgs: 'BlockAllExternalDomains' } }, 'fixed to OrganizationDefault'],
    // Set-CsTenantFederationConfiguration reference (Microsoft Learn): AllowedDomains and BlockedDomains
    // each "can support up to 4,000 domains" — the limit is per list.
    ['blocked list limit of 4,000 (per list)', demoWith('contoso-east', { domainMode: 'blockSpecific', blockedDomains: Array.from({ length: DOMAIN_LIST_LIMIT }, (_, i) => `d${i}.com`) }), { kind: 'addBlocked', org: 'contoso-east', domains: ['x.com'] }, 'at most 4,000 domains in the blocked list'],
    ['allowed list limit of 4,000 (per list)', demoWith('contoso-east', { domainMode: 'allowSpecific', allowedDomains: Array.from({ length: DOMAIN_LIST_LIMIT }, (_, i) => `d${i}.com`) }), { kind: 'addAllowed', org: 'contoso-east', domains: ['x.com'] }, 'at most 4,000 domains in the allowed list'],
    ['Islands homed online (impossible since 31 July 2021)', demoModel(), { kind: 'setUserCoexistence', org: 'contoso-east', user: 'rob@contosoeast.com', coexistence: 'Islands' }, 'Move the user on-premises first'],
    ['TeamsOnly homed on-premises (impossible)', demoModel(), { kind: 'setUserCoexistence', org: 'contoso-east', user: 'rob@contosoeast.com', coexistence: 'TeamsOnly', onPremises: true }, 'cannot be TeamsOnly and homed on-premises'],
  ])('%s', (_case, model, change, reason) => {
    const before = JSON.stringify(model);
    const r = plan(model, change, east);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain(reason);
    expect(JSON.stringify(model)).toBe(before);
  });
});

describe('domain list semantics', () => {
  it.each<[string, Partial<NonNullable<ReturnType<typeof settingsOf>>>, Change, Partial<NonNullable<ReturnType<typeof settingsOf>>>]>([
    ['addBlocked on an open org switches to block-specific', {}, { kind: 'addBlocked', org: 'contoso-east', domains: ['Fabrikam.COM.'] }, { domainMode: 'blockSpecific', blockedDomains: ['fabrikam.com'] }],
    ['addBlocked stores IDNs as punycode', {}, { kind: 'addBlocked', org: 'contoso-east', domains: ['bücher.de'] }, { blockedDomains: ['xn--bcher-kva.de'] }],
    ['addAllowed on an open org switches to allow-specific', {}, { kind: 'addAllowed', org: 'contoso-east', domains: ['fabrikam.com'] }, { domainMode: 'allowSpecific', allowedDomains: ['fabrikam.com'] }],
    ['addAllowed on block-specific switches and keeps the block list stored', { domainMode: 'blockSpecific', blockedDomains: ['x.com'] }, { kind: 'addAllowed', org: 'contoso-east', domains: ['fabrikam.com'] }, { domainMode: 'allowSpecific', allowedDomains: ['fabrikam.com'], blockedDomains: ['x.com'] }],
    ['addAllowed on block-all opens exactly that domain', { domainMode: 'blockAll' }, { kind: 'addAllowed', org: 'contoso-east', domains: ['fabrikam.com'] }, { domainMode: 'allowSpecific', allowedDomains: ['fabrikam.com'] }],
    ['allowOnly sets the allow list exactly', { domainMode: 'allowSpecific', allowedDomains: ['a.com', 'b.com'] }, { kind: 'allowOnly', org: 'contoso-east', domains: ['c.com', 'a.com', 'C.com'] }, { domainMode: 'allowSpecific', allowedDomains: ['c.com', 'a.com'] }],
    ['removeBlocked emptying the list returns to allow-all', { domainMode: 'blockSpecific', blockedDomains: ['x.com'] }, { kind: 'removeBlocked', org: 'contoso-east', domains: ['x.com'] }, { domainMode: 'allowAll', blockedDomains: [] }],
    ['removeBlocked keeps block-specific while entries remain', { domainMode: 'blockSpecific', blockedDomains: ['x.com', 'y.com'] }, { kind: 'removeBlocked', org: 'contoso-east', domains: ['x.com'] }, { domainMode: 'blockSpecific', blockedDomains: ['y.com'] }],
    ['removeAllowed emptying the list keeps allow-specific (blocks all)', { domainMode: 'allowSpecific', allowedDomains: ['x.com'] }, { kind: 'removeAllowed', org: 'contoso-east', domains: ['x.com'] }, { domainMode: 'allowSpecific', allowedDomains: [] }],
    ['setDomainMode keeps both lists stored', { domainMode: 'allowSpecific', allowedDomains: ['a.com'], blockedDomains: ['b.com'] }, { kind: 'setDomainMode', org: 'contoso-east', mode: 'blockSpecific' }, { domainMode: 'blockSpecific', allowedDomains: ['a.com'], blockedDomains: ['b.com'] }],
    ['trial exceptions', {}, { kind: 'addTrialException', org: 'contoso-east', domains: ['trial.com'] }, { allowedTrialTenantDomains: ['trial.com'] }],
    ['unmanaged accounts inbound off', {}, { kind: 'setTeamsConsumer', org: 'contoso-east', inbound: false }, { allowTeamsConsumer: true, allowTeamsConsumerInbound: false }],
    ['trial tenants allowed', {}, { kind: 'setTrialTenants', org: 'contoso-east', allowed: true }, { trialTenants: 'Allowed' }],
    ['subdomain blocking', { domainMode: 'blockSpecific', blockedDomains: ['x.com'] }, { kind: 'setSubdomainBlocking', org: 'contoso-east', enabled: true }, { blockAllSubdomains: true }],
  ])('%s', (_case, start, change, expected) => {
    const model = deepFreeze(demoWith('contoso-east', start));
    const { next } = planned(model, change);
    expect(settingsOf(next)).toMatchObject(expected);
  });
});

describe('warnings', () => {
  it.each<[string, Partial<NonNullable<ReturnType<typeof settingsOf>>>, Change, string, string]>([
    ['own domain', {}, { kind: 'addBlocked', org: 'contoso-east', domains: ['contosoeast.com'] }, 'ownDomain', 'contosoeast.com is a domain of Contoso East'],
    ['already listed', { domainMode: 'blockSpecific', blockedDomains: ['x.com'] }, { kind: 'addBlocked', org: 'contoso-east', domains: ['X.com'] }, 'alreadyListed', 'x.com is already on the blocked list'],
    ['not listed', {}, { kind: 'removeBlocked', org: 'contoso-east', domains: ['x.com'] }, 'notListed', 'x.com is not on the blocked list'],
    ['stored but not in effect', { domainMode: 'blockAll' }, { kind: 'addBlocked', org: 'contoso-east', domains: ['x.com'] }, 'notInEffect', 'not in effect while Contoso East uses "Block all external domains"'],
    ['stored allowed entries come into effect', { allowedDomains: ['old.com'] }, { kind: 'addAllowed', org: 'contoso-east', domains: ['x.com'] }, 'notInEffect', 'Stored allowed domains old.com come into effect too'],
    ['no effect', {}, { kind: 'setFederation', org: 'contoso-east', enabled: true }, 'noEffect', 'Nothing changes'],
    ['blocks everyone', {}, { kind: 'setDomainMode', org: 'contoso-east', mode: 'blockAll' }, 'blocksEveryone', 'can talk to no external domain'],
    ['empty allow list blocks everyone', { domainMode: 'allowSpecific', allowedDomains: ['x.com'] }, { kind: 'removeAllowed', org: 'contoso-east', domains: ['x.com'] }, 'blocksEveryone', 'allowed list becomes empty'],
    ['subdomain blocking without a block list in effect', {}, { kind: 'setSubdomainBlocking', org: 'contoso-east', enabled: true }, 'notInEffect', 'Subdomain blocking applies to the blocked list'],
    ['change delay', {}, { kind: 'addBlocked', org: 'contoso-east', domains: ['x.com'] }, 'delay', 'can take hours'],
    ['close to the list limit', { blockedDomains: Array.from({ length: 3700 }, (_, i) => `d${i}.com`), domainMode: 'blockSpecific' }, { kind: 'addBlocked', org: 'contoso-east', domains: ['x.com'] }, 'listLimit', '3,701 of at most 4,000'],
  ])('%s', (_case, start, change, code, text) => {
    const { plan: p } = planned(demoWith('contoso-east', start), change);
    const w = p.warnings.filter((x) => x.code === code);
    expect(w.map((x) => x.message).join(' | ')).toContain(text);
  });

  it('the delay note uses the time passed in (user policies: up to 48 hours)', () => {
    const r = plan(demoModel(), { kind: 'setUserFederation', org: 'contoso-east', user: 'rob@contosoeast.com', enabled: false }, east, new Date('2026-03-01T10:00:00Z'));
    if (!r.ok) throw new Error(r.reason);
    expect(r.plan.warnings.find((w) => w.code === 'delay')?.message).toBe('User policy changes take 4 to 48 hours to apply in Teams; expect it in effect by 2026-03-03 10:00 UTC.');
  });
});

describe('confirmation', () => {
  it.each<[string, Partial<NonNullable<ReturnType<typeof settingsOf>>>, Change, boolean, string | null]>([
    ['blocking a partner reachable today', {}, { kind: 'addBlocked', org: 'contoso-east', domains: ['contosowest.com'] }, true, 'Contoso West'],
    ['master switch off', {}, { kind: 'setFederation', org: 'contoso-east', enabled: false }, true, 'master switch'],
    ['master switch on', { allowFederatedUsers: false }, { kind: 'setFederation', org: 'contoso-east', enabled: true }, true, 'master switch'],
    ['block all', {}, { kind: 'setDomainMode', org: 'contoso-east', mode: 'blockAll' }, true, 'blocks all external domains'],
    ['allowing a partner already reachable', { domainMode: 'allowSpecific', allowedDomains: ['contosowest.com'] }, { kind: 'addAllowed', org: 'contoso-east', domains: ['fabrikam.com'] }, false, null],
    ['unblocking', { domainMode: 'blockSpecific', blockedDomains: ['contosowest.com'] }, { kind: 'removeBlocked', org: 'contoso-east', domains: ['contosowest.com'] }, false, null],
  ])('%s → %s', (_case, start, change, needs, reason) => {
    const { plan: p } = planned(demoWith('contoso-east', start), change);
    expect(p.needsConfirmation).toBe(needs);
    if (reason) expect(p.confirmReason).toContain(reason);
    else expect(p.confirmReason).toBeUndefined();
  });

  it('unblocking is an impact the other way: Contoso West gains', () => {
    const { plan: p } = planned(demoWith('contoso-east', { domainMode: 'blockSpecific', blockedDomains: ['contosowest.com'] }), { kind: 'removeBlocked', org: 'contoso-east', domains: ['contosowest.com'] });
    expect(p.impact).toEqual([{ fromOrgId: 'contoso-east', toOrgId: 'contoso-west', fromLabel: 'Contoso East', toLabel: 'Contoso West', before: 'notReachable', after: 'reachable', kind: 'gains' }]);
  });
});

describe('plan output: diff, touched, before/after, inverse', () => {
  it('addBlocked on an open org', () => {
    const { plan: p } = planned(demoModel(), { kind: 'addBlocked', org: 'contoso-east', domains: ['fabrikam.com'] });
    expect(p.summary).toContain('Block fabrikam.com for Contoso East');
    expect(p.touched).toEqual(['settings.domainMode', 'settings.blockedDomains']);
    expect(p.diff).toEqual([
      { label: 'Domain rule', before: 'Allow all external domains', after: 'Block only specific external domains' },
      { label: 'Blocked domains', before: '(none)', after: 'fabrikam.com' },
    ]);
    expect(p.before).toEqual({ 'settings.domainMode': 'allowAll', 'settings.blockedDomains': [] });
    expect(p.after).toEqual({ 'settings.domainMode': 'blockSpecific', 'settings.blockedDomains': ['fabrikam.com'] });
    expect(p.inverse).toEqual({ kind: 'restore', org: 'contoso-east', settings: { domainMode: 'allowAll', blockedDomains: [] } });
  });

  it('the diff shows Unicode', () => {
    const { plan: p } = planned(demoModel(), { kind: 'addBlocked', org: 'contoso-east', domains: ['xn--bcher-kva.de'] });
    expect(p.diff[1]?.after).toBe('bücher.de');
  });

  it('no effect: nothing touched, same model object, empty restore', () => {
    const m = demoModel();
    const r = planned(m, { kind: 'setTeamsConsumer', org: 'contoso-east', outbound: true });
    expect(r.next).toBe(m);
    expect(r.plan.touched).toEqual([]);
    expect(r.plan.inverse).toEqual({ kind: 'restore', org: 'contoso-east' });
  });
});

describe('user policies', () => {
  it('setUserFederation off creates a federation-off copy of Global and assigns it; on goes back to Global', () => {
    const m0 = demoModel();
    const off = planned(m0, { kind: 'setUserFederation', org: 'contoso-east', user: 'Rob@ContosoEast.com', enabled: false });
    const org = off.next.organizations[0]!;
    expect(org.policies.map((p) => p.name)).toEqual(['Global', NO_FEDERATION_POLICY]);
    expect(org.users[0]).toMatchObject({ address: 'rob@contosoeast.com', policy: NO_FEDERATION_POLICY });
    expect(off.plan.touched).toEqual([`policies.${NO_FEDERATION_POLICY}`, 'users.rob@contosoeast.com']);
    expect(evaluateReach(off.next, 'rob@contosoeast.com', 'ann@contosowest.com').outcome).toBe('notReachable');
    expect(off.plan.impact).toContainEqual(expect.objectContaining({ fromLabel: 'rob@contosoeast.com', toLabel: 'Contoso West', kind: 'loses' }));
    expect(off.plan.needsConfirmation).toBe(true);
    const on = planned(off.next, { kind: 'setUserFederation', org: 'contoso-east', user: 'rob@contosoeast.com', enabled: true });
    expect(on.next.organizations[0]!.users[0]).not.toHaveProperty('policy');
    expect(evaluateReach(on.next, 'rob@contosoeast.com', 'ann@contosowest.com').outcome).toBe('reachable');
  });

  it('setUserFederation on when Global has federation off: a FederationOn copy', () => {
    const m = eastWest();
    const e = m.organizations[0]!;
    const gOff: PolicyModel = { organizations: [{ ...e, policies: [policy('Global', { enableFederationAccess: false })] }, m.organizations[1]!] };
    const r = planned(gOff, { kind: 'setUserFederation', org: 'east', user: 'rob@east.com', enabled: true }, admin('east'));
    expect(r.next.organizations[0]!.users[0]?.policy).toBe(FEDERATION_ON_POLICY);
    expect(evaluateReach(r.next, 'rob@east.com', 'ann@west.com').outcome).toBe('reachable');
  });

  it('a user not listed gets an entry; its inverse removes it', () => {
    const m = demoModel();
    const r = planned(m, { kind: 'setUserCoexistence', org: 'contoso-east', user: 'sue@contosoeast.com', onPremises: true });
    expect(r.next.organizations[0]!.users.map((u) => u.address)).toEqual(['rob@contosoeast.com', 'admin@contosoeast.com', 'sue@contosoeast.com']);
    expect(r.plan.inverse).toEqual({ kind: 'restore', org: 'contoso-east', users: { 'sue@contosoeast.com': null } });
    const back = planned(r.next, r.plan.inverse);
    expect(JSON.stringify(back.next)).toBe(JSON.stringify(m));
  });

  it('createPolicy normalizes its domains and warns that it replaces the org rule', () => {
    const r = planned(demoModel(), { kind: 'createPolicy', org: 'contoso-east', name: 'Partners', settings: { communicationWithExternalOrgs: 'AllowSpecificExternalDomains', allowedExternalDomains: ['Bücher.DE'] } });
    expect(r.next.organizations[0]!.policies[1]?.allowedExternalDomains).toEqual(['xn--bcher-kva.de']);
    expect(r.plan.warnings.map((w) => w.message).join(' ')).toContain('replaces the organization\'s domain rule');
  });

  it('assignPolicy to a user of a second domain of the tenant', () => {
    const m = eastWest({ domains: ['east.com', 'east.net'], policies: [policy('P')] });
    const r = planned(m, { kind: 'assignPolicy', org: 'east', user: 'x@east.net', policy: 'p' }, admin('east'));
    expect(r.next.organizations[0]!.users.at(-1)).toEqual(user('x@east.net', { policy: 'P' }));
  });
});

describe('undo: plan then the inverse gives back the model byte for byte', () => {
  const changes: Change[] = [
    { kind: 'addBlocked', org: 'contoso-east', domains: ['fabrikam.com', 'bücher.de'] },
    { kind: 'addAllowed', org: 'contoso-east', domains: ['fabrikam.com'] },
    { kind: 'allowOnly', org: 'contoso-east', domains: ['a.com'] },
    { kind: 'setFederation', org: 'contoso-east', enabled: false },
    { kind: 'setDomainMode', org: 'contoso-east', mode: 'blockAll' },
    { kind: 'setTeamsConsumer', org: 'contoso-east', outbound: false, inbound: false },
    { kind: 'createPolicy', org: 'contoso-east', name: 'Sales', settings: { enableFederationAccess: false } },
    { kind: 'setUserFederation', org: 'contoso-east', user: 'rob@contosoeast.com', enabled: false },
    { kind: 'setUserCoexistence', org: 'contoso-east', user: 'rob@contosoeast.com', onPremises: true },
    { kind: 'setUserCoexistence', org: 'contoso-east', user: 'rob@contosoeast.com', coexistence: 'SfBOnly', onPremises: true },
    { kind: 'updatePolicy', org: 'contoso-east', name: 'Global', settings: { enableTeamsConsumerInbound: false } },
  ];
  it.each(changes.map((c) => [c.kind, c] as const))('%s', (_kind, change) => {
    const m = deepFreeze(demoModel());
    const text = JSON.stringify(m);
    const r = planned(m, change);
    expect(JSON.stringify(r.next)).not.toBe(text);
    const undo = planned(r.next, r.plan.inverse);
    expect(JSON.stringify(undo.next)).toBe(text);
    // The undo's own inverse is a redo.
    expect(JSON.stringify(planned(undo.next, undo.plan.inverse).next)).toBe(JSON.stringify(r.next));
  });
});
