import { plan } from '../../src/policy';
import { buildModelIndex, indexModel } from '../../src/policy/model-index';
import type { Actor, PolicyModel } from '../../src/policy';
import { randomChange, randomModel } from '../policy/generators';
import { forAll } from '../policy/prng';

const god = (m: PolicyModel): Actor => ({ address: 'root@example.com', adminOf: m.organizations.map((o) => o.id) });
const entries = (m: PolicyModel) => {
  const i = indexModel(m);
  return { byId: [...i.byId.entries()].sort(), byDomain: [...i.byDomain.entries()].sort() };
};
const fresh = (m: PolicyModel) => {
  const i = buildModelIndex(m);
  return { byId: [...i.byId.entries()].sort(), byDomain: [...i.byDomain.entries()].sort() };
};

describe('model index derived from the previous model', () => {
  it('equals the index built from scratch, along a sequence of planned changes (seeded)', () => {
    forAll(60, (r) => {
      let m = randomModel(r);
      // Duplicate a domain now and then: the first organization listing it must keep winning.
      if (r.bool(0.3) && m.organizations.length > 2) {
        const [x, y, ...rest] = m.organizations;
        m = { organizations: [x!, { ...y!, domains: [...y!.domains, x!.domains[0]!] }, ...rest] };
      }
      expect(entries(m)).toEqual(fresh(m));
      for (let i = 0; i < 8; i++) {
        const res = plan(m, randomChange(r, m), god(m));
        if (!res.ok) continue;
        m = res.next;
        expect(entries(m)).toEqual(fresh(m));
      }
    });
  });

  it('a model with other organizations or other domains is indexed from scratch, correctly', () => {
    forAll(30, (r) => {
      const m = randomModel(r);
      indexModel(m);
      const moved: PolicyModel = { organizations: m.organizations.map((o, i) => (i === 0 ? { ...o, domains: ['moved.example.com'] } : o)) };
      expect(entries(moved)).toEqual(fresh(moved));
      const fewer: PolicyModel = { organizations: m.organizations.slice(1) };
      expect(entries(fewer)).toEqual(fresh(fewer));
    });
  });
});
