import { plan, retimed } from '../../src/policy';
import type { Actor, PolicyModel } from '../../src/policy';
import { randomChange, randomModel } from './generators';
import { forAll } from './prng';

const god = (m: PolicyModel): Actor => ({ address: 'root@example.com', adminOf: m.organizations.map((o) => o.id) });

describe('retimed', () => {
  it('makes a plan made earlier equal to the plan made now (seeded)', () => {
    forAll(80, (r) => {
      const m = randomModel(r);
      const change = randomChange(r, m);
      const earlier = new Date(Date.UTC(2026, 10, 29, r.int(24), r.int(60)));
      const now = new Date(earlier.getTime() + r.int(10 * 60_000) + 60_000 * r.int(120));
      const then = plan(m, change, god(m), earlier);
      const fresh = plan(m, change, god(m), now);
      if (!then.ok || !fresh.ok) return expect(then.ok).toBe(fresh.ok);
      expect(retimed(then.plan, now)).toEqual(fresh.plan);
    });
  });
});
