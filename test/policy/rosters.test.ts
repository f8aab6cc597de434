import { plan } from '../../src/policy';
import type { Actor, PolicyModel } from '../../src/policy';
import { adminOrgIds } from '../../src/policy/organizations';
import { buildRosters, rosters } from '../../src/policy/rosters';
import type { Rosters } from '../../src/policy/rosters';
import { randomChange, randomModel } from './generators';
import { forAll } from './prng';
import type { Rng } from './prng';

const god = (m: PolicyModel): Actor => ({ address: 'root@example.com', adminOf: m.organizations.map((o) => o.id) });
const entries = (r: Rosters) => [...r.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

/** Roster entries to draw from: addresses in any case, object ids, one listed twice, and junk that is neither. */
const ENTRIES = ['ann@alpha.com', 'ANN@alpha.com', 'bob@beta.com', 'root@example.com', '00000000-0000-0000-0000-0000000000AA', 'not an address'];

/** The next model: a planned change, or an organization's admin list replaced (what the planner never does). */
function step(r: Rng, m: PolicyModel): PolicyModel {
  if (r.bool()) {
    const res = plan(m, randomChange(r, m), god(m));
    return res.ok ? res.next : m;
  }
  const which = r.int(m.organizations.length);
  const admins = Array.from({ length: r.int(4) }, () => r.pick(ENTRIES));
  return { organizations: m.organizations.map((o, i) => (i === which ? { ...o, admins } : o)) };
}

describe('admin rosters derived from the previous model', () => {
  it('equal the rosters built from scratch, entry order included, along sequences of changes (seeded)', () => {
    forAll(60, (r) => {
      let m = randomModel(r);
      expect(entries(rosters(m))).toEqual(entries(buildRosters(m)));
      for (let i = 0; i < 10; i++) {
        m = step(r, m);
        expect(entries(rosters(m))).toEqual(entries(buildRosters(m)));
        // What the rosters are for: the organizations an address administers.
        const who = { address: r.pick(ENTRIES.filter((e) => e.includes('@'))) };
        expect(adminOrgIds(m, who, [])).toEqual([...new Set(buildRosters(m).get(who.address.toLowerCase()) ?? [])]);
      }
    });
  });

  it('are the same map when no admin list changed', () => {
    forAll(20, (r) => {
      const m = randomModel(r);
      const before = rosters(m);
      const renamed: PolicyModel = { organizations: m.organizations.map((o, i) => (i === 0 ? { ...o, name: `${o.name} renamed` } : o)) };
      expect(rosters(renamed)).toBe(before);
    });
  });
});
