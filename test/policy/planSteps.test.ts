import { plan, planSteps } from '../../src/policy';
import type { Change, PolicyModel } from '../../src/policy';
import { bigStore } from '../store/bigStore';
import { admin } from './fixtures';

/** The demo store with 1,200 more organizations: enough counterparts for the plan to pause between. */
const model = (): PolicyModel => bigStore(1200, 10) as unknown as PolicyModel;

/** Drives the steps one by one, as the bot does between turns of its event loop. */
function stepwise(model: PolicyModel, change: Change): { pauses: number; result: ReturnType<typeof plan> } {
  const steps = planSteps(model, change, admin('contoso-east'), new Date('2026-01-01T00:00:00Z'));
  for (let pauses = 0; ; pauses++) {
    const next = steps.next();
    if (next.done === true) return { pauses, result: next.value };
  }
}

describe('plan in steps: pauses over many organizations, plans the same', () => {
  it.each<[string, Change]>([
    ['external access off', { kind: 'setFederation', org: 'contoso-east', enabled: false }],
    ['a domain blocked', { kind: 'addBlocked', org: 'contoso-east', domains: ['org7.example.com'] }],
    ['nothing changes', { kind: 'setFederation', org: 'contoso-east', enabled: true }],
  ])('%s', (_name, change) => {
    // Two copies that share no object: the planner keeps what it worked out per object.
    const whole = plan(model(), change, admin('contoso-east'), new Date('2026-01-01T00:00:00Z'));
    const m = model();
    const { pauses, result } = stepwise(m, change);
    expect(result).toEqual(whole);
    // 1,200 counterparts pause at least twice when the change touches something; a no-op has no impact to count.
    if (whole.ok && whole.plan.diff.length > 0) expect(pauses).toBeGreaterThanOrEqual(2);
    else expect(pauses).toBe(0);
    // Planned again on the same model (a confirmation with nothing committed since): nothing to go through.
    const again = stepwise(m, change);
    expect(again.result).toEqual(whole);
    expect(again.pauses).toBe(0);
  });
});
