import { plan } from '../../src/policy';
import { buildModelIndex, consumerOrg, indexModel } from '../../src/policy/model-index';
import type { ModelIndex } from '../../src/policy/model-index';
import type { Actor, PolicyModel } from '../../src/policy';
import { randomChange, randomModel } from '../policy/generators';
import { forAll, rng } from '../policy/prng';
import * as replacedOrgsModule from '../../src/policy/replaced-orgs';

const god = (m: PolicyModel): Actor => ({ address: 'root@example.com', adminOf: m.organizations.map((o) => o.id) });
/** Everything an index answers: its entries, sizes and lookups (a derived index answers them through overlays). */
const answers = (i: ModelIndex) => ({
  byId: [...i.byId.entries()].sort(),
  byDomain: [...i.byDomain.entries()].sort(),
  sizes: [i.byId.size, i.byDomain.size],
  lookups: [...[...i.byDomain.keys(), ...i.byId.keys()].sort(), 'nowhere.example'].map((k) => [i.byDomain.get(k), i.byId.get(k), i.byDomain.has(k), i.byId.has(k)]),
  consumer: i.consumer,
});
const entries = (m: PolicyModel) => answers(indexModel(m));
const fresh = (m: PolicyModel) => answers(buildModelIndex(m));

describe('model index derived from the previous model', () => {
  it('equals the index built from scratch, along a sequence of planned changes (seeded)', () => {
    forAll(60, (r) => {
      let m = randomModel(r);
      // Duplicate a domain now and then: the first organization listing it must keep winning.
      if (r.bool(0.3) && m.organizations.length > 2) {
        const [x, y, ...rest] = m.organizations;
        m = { organizations: [x!, { ...y!, domains: [...y!.domains, x!.domains[0]!] }, ...rest] };
      }
      // Personal accounts as an organization of their own, now and then.
      if (r.bool(0.4)) m = { organizations: [...m.organizations, { ...m.organizations[0]!, id: 'personal', name: 'Personal', kind: 'consumer', domains: ['outlook.com'], managed: false, users: [] }] };
      expect(entries(m)).toEqual(fresh(m));
      // Longer than the overlays go before they are copied into one Map.
      for (let i = 0; i < 40; i++) {
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

  it('the organization of personal accounts of a model that replaced a few of the last one indexed (not indexed for it), as built from scratch (seeded)', () => {
    forAll(60, (r) => {
      let m = randomModel(r);
      if (r.bool(0.5)) m = { organizations: [...m.organizations, { ...m.organizations[0]!, id: 'personal', name: 'Personal', kind: 'consumer', domains: ['outlook.com'], managed: false, users: [] }] };
      for (let i = 0; i < 20; i++) {
        indexModel(m);
        // A few organizations replaced, now and then one of them made (or no longer) an organization of personal accounts.
        const at = new Set(Array.from({ length: 1 + r.int(3) }, () => r.int(m.organizations.length)));
        const next: PolicyModel = {
          organizations: m.organizations.map((o, k) => (at.has(k) ? { ...o, kind: r.bool(0.2) ? (o.kind === 'consumer' ? 'tenant' : 'consumer') : o.kind } : o)),
        };
        expect(consumerOrg(next)).toBe(buildModelIndex(next).consumer);
        if (r.bool(0.5)) m = next;
      }
    });
  });

  it('asked many times about one model it did not index (a view at 10,000 organizations asks once per row), looks through its organizations once', () => {
    const replaced = jest.spyOn(replacedOrgsModule, 'replacedOrgs');
    try {
      const m = randomModel(rng(7));
      indexModel(m);
      const next: PolicyModel = { organizations: m.organizations.map((o, i) => (i === 0 ? { ...o, name: 'Renamed' } : o)) };
      replaced.mockClear();
      for (let i = 0; i < 100; i++) consumerOrg(next);
      expect(replaced.mock.calls.length).toBeLessThanOrEqual(1);
    } finally {
      replaced.mockRestore();
    }
  });
});

