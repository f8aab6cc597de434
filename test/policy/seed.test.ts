import { describeOrganization, domainStatus, evaluateReach, plan } from '../../src/policy';
import type { Change, PolicyModel } from '../../src/policy';
import { admin, demoModel } from './fixtures';

const ROB = 'rob@contosoeast.com';
const ANN = 'ann@contosowest.com';
const BOB = 'bob@fabrikam.com';
const east = admin('contoso-east');
const west = admin('contoso-west');

/** Plan and apply, failing the test when refused. */
function apply(model: PolicyModel, change: Change, actor = east): PolicyModel {
  const r = plan(model, change, actor);
  if (!r.ok) throw new Error(r.reason);
  return r.next;
}

describe('the seed: three scenarios', () => {
  it('by default an organization communicates with all external domains (open federation)', () => {
    const m = demoModel();
    expect(describeOrganization(m, 'contoso-east')).toMatchObject({ mode: 'allowAll', modeLabel: 'Allow all external domains', federation: true });
    expect(evaluateReach(m, ROB, ANN).outcome).toBe('reachable');
    // Their side is not known: open federation reaches every domain that allows ours.
    expect(evaluateReach(m, ROB, BOB).outcome).toBe('depends');
    expect(evaluateReach(m, ROB, 'x@tailspin.com').outcome).toBe('depends');
  });

  it('allow list: one Allowed domain blocks all other domains', () => {
    const r = plan(demoModel(), { kind: 'addAllowed', org: 'contoso-east', domains: ['fabrikam.com'] }, east);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(evaluateReach(r.next, ROB, BOB).outcome).toBe('depends');
    expect(evaluateReach(r.next, ROB, ANN).outcome).toBe('notReachable');
    expect(evaluateReach(r.next, ROB, 'x@tailspin.com').outcome).toBe('notReachable');
    expect(describeOrganization(r.next, 'contoso-east')?.modeLabel).toBe('Allow only specific external domains');
  });

  it('block list: Blocked domains allow all others', () => {
    const next = apply(demoModel(), { kind: 'addBlocked', org: 'contoso-east', domains: ['fabrikam.com'] });
    expect(describeOrganization(next, 'contoso-east')?.modeLabel).toBe('Block only specific external domains');
    expect(evaluateReach(next, ROB, BOB).outcome).toBe('notReachable');
    expect(evaluateReach(next, ROB, ANN).outcome).toBe('reachable');
    expect(evaluateReach(next, ROB, 'x@tailspin.com').outcome).toBe('depends');
  });

  it.each([
    ['allowAll', 'On except for blocked domains'],
    ['blockSpecific', 'On except for blocked domains'],
    ['allowSpecific', 'On only for allowed domains'],
  ] as const)('Skype for Business Online legacy wording for %s: %s', (mode, legacy) => {
    const next = apply(demoModel(), { kind: 'setDomainMode', org: 'contoso-east', mode });
    expect(describeOrganization(next, 'contoso-east')?.legacyLabel).toBe(legacy);
  });
});

describe('the seed: Step 1 on both sides', () => {
  it('switch on, limit to each other, and the other admin completes the same steps', () => {
    let m = apply(demoModel(), { kind: 'setFederation', org: 'contoso-east', enabled: false });
    expect(evaluateReach(m, ROB, ANN).outcome).toBe('notReachable');
    // 2. Turn the switch on.
    m = apply(m, { kind: 'setFederation', org: 'contoso-east', enabled: true });
    expect(evaluateReach(m, ROB, ANN).outcome).toBe('reachable');
    // 4. Allow only specific domains: Contoso West.
    m = apply(m, { kind: 'addAllowed', org: 'contoso-east', domains: ['contosowest.com'] });
    expect(evaluateReach(m, ROB, ANN).outcome).toBe('reachable');
    // Contoso West limits too, but forgets Contoso East: it fails until their admin adds it (6).
    m = apply(m, { kind: 'allowOnly', org: 'contoso-west', domains: ['fabrikam.com'] }, west);
    const v = evaluateReach(m, ROB, ANN);
    expect(v.outcome).toBe('notReachable');
    expect(v.checks.find((c) => c.status === 'failed')?.fix?.command).toBe('allow contosoeast.com for Contoso West');
    m = apply(m, { kind: 'addAllowed', org: 'contoso-west', domains: ['contosoeast.com'] }, west);
    expect(evaluateReach(m, ROB, ANN).outcome).toBe('reachable');
    expect(evaluateReach(m, ANN, ROB).outcome).toBe('reachable');
  });
});

describe('the admin mistakes the seed and the reference list', () => {
  it('the first allowed domain silently blocks everything else: the plan warns and asks to confirm', () => {
    const r = plan(demoModel(), { kind: 'addAllowed', org: 'contoso-east', domains: ['fabrikam.com'] }, east);
    if (!r.ok) throw new Error(r.reason);
    expect(r.plan.warnings.map((w) => w.code)).toContain('blocksEveryone');
    expect(r.plan.needsConfirmation).toBe(true);
    expect(r.plan.confirmReason).toContain('Contoso West');
    expect(r.plan.impact).toContainEqual(expect.objectContaining({ toOrgId: 'contoso-west', before: 'reachable', after: 'notReachable', kind: 'loses' }));
  });

  it('the block list is ignored in allow mode: warned, and the domain stays reachable', () => {
    const m = apply(demoModel(), { kind: 'allowOnly', org: 'contoso-east', domains: ['contosowest.com'] });
    const r = plan(m, { kind: 'addBlocked', org: 'contoso-east', domains: ['contosowest.com'] }, east);
    if (!r.ok) throw new Error(r.reason);
    expect(r.plan.warnings.find((w) => w.code === 'notInEffect')?.message).toContain('contosowest.com stays allowed');
    expect(r.plan.impact).toEqual([]);
    expect(evaluateReach(r.next, ROB, ANN).outcome).toBe('reachable');
    expect(domainStatus(r.next, 'contoso-east', 'contosowest.com').reason).toContain('also on the blocked list, which is not in effect');
    expect(describeOrganization(r.next, 'contoso-east')?.storedNotInEffect).toEqual([{ list: 'blocked', domains: ['contosowest.com'] }]);
  });

  it('both sides must allow: our allow list is not enough', () => {
    let m = apply(demoModel(), { kind: 'allowOnly', org: 'contoso-east', domains: ['contosowest.com'] });
    m = apply(m, { kind: 'addBlocked', org: 'contoso-west', domains: ['contosoeast.com'] }, west);
    const v = evaluateReach(m, ROB, ANN);
    expect(v.outcome).toBe('notReachable');
    expect(v.checks.filter((c) => c.status === 'failed').map((c) => c.orgName)).toEqual(['Contoso West']);
  });

  it('a custom policy replaces the org list, it does not narrow it', () => {
    let m = apply(demoModel(), { kind: 'allowOnly', org: 'contoso-east', domains: ['contosowest.com', 'fabrikam.com'] });
    m = apply(m, { kind: 'createPolicy', org: 'contoso-east', name: 'Tailspin only', settings: { communicationWithExternalOrgs: 'AllowSpecificExternalDomains', allowedExternalDomains: ['tailspin.com'] } });
    m = apply(m, { kind: 'assignPolicy', org: 'contoso-east', user: ROB, policy: 'Tailspin only' });
    expect(evaluateReach(m, ROB, ANN).outcome).toBe('notReachable');
    expect(evaluateReach(m, ROB, 'x@tailspin.com').outcome).toBe('depends');
    expect(evaluateReach(m, 'admin@contosoeast.com', ANN).outcome).toBe('reachable');
  });

  it('the master switch beats policies: turning it off cuts everyone, after confirmation', () => {
    let m = apply(demoModel(), { kind: 'createPolicy', org: 'contoso-east', name: 'Open', settings: { communicationWithExternalOrgs: 'AllowAllExternalDomains' } });
    m = apply(m, { kind: 'assignPolicy', org: 'contoso-east', user: ROB, policy: 'Open' });
    const r = plan(m, { kind: 'setFederation', org: 'contoso-east', enabled: false }, east);
    if (!r.ok) throw new Error(r.reason);
    expect(r.plan.needsConfirmation).toBe(true);
    expect(r.plan.confirmReason).toContain('master switch');
    for (const to of [ANN, BOB, 'kim@outlook.com']) expect(evaluateReach(r.next, ROB, to).outcome).toBe('notReachable');
  });
});
