import { plan } from '../../src/policy';
import { buildModelIndex, consumerOrg, indexModel, nameKey, orgOfName } from '../../src/policy/model-index';
import type { ModelIndex } from '../../src/policy/model-index';
import type { Actor, PolicyModel } from '../../src/policy';
import { randomChange, randomModel } from '../policy/generators';
import { forAll, rng } from '../policy/prng';
import * as replacedOrgsModule from '../../src/policy/replaced-orgs';
import { organizationOfTenant } from '../../src/policy/organizations';

const god = (m: PolicyModel): Actor => ({ address: 'root@example.com', adminOf: m.organizations.map((o) => o.id) });
/** Everything an index answers: its entries, sizes and lookups (a derived index answers them through overlays). */
const answers = (i: ModelIndex) => ({
  byId: [...i.byId.entries()].sort(),
  byDomain: [...i.byDomain.entries()].sort(),
  byTenant: [...i.byTenant.entries()].sort(),
  sizes: [i.byId.size, i.byDomain.size, i.byTenant.size],
  lookups: [...[...i.byDomain.keys(), ...i.byId.keys(), ...i.byTenant.keys()].sort(), 'nowhere.example'].map((k) => [
    i.byDomain.get(k),
    i.byId.get(k),
    i.byTenant.get(k),
    i.byDomain.has(k),
    i.byId.has(k),
    i.byTenant.has(k),
  ]),
  consumer: i.consumer,
});
const entries = (m: PolicyModel) => answers(indexModel(m));
/** An Entra tenant id (a GUID) from a small number, so that organizations can share one. */
const tenantId = (n: number): string => `0000000${n}-0000-4000-8000-00000000000${n}`;
/** Some organizations carry a tenant id or two (in mixed case), now and then one another also carries. */
const withTenants = (r: ReturnType<typeof rng>, m: PolicyModel): PolicyModel => ({
  organizations: m.organizations.map((o) => (r.bool(0.6) ? { ...o, tenantIds: Array.from({ length: 1 + r.int(2) }, () => (r.bool(0.5) ? tenantId(r.int(6)) : tenantId(r.int(6)).toUpperCase())) } : o)),
});
const fresh = (m: PolicyModel) => answers(buildModelIndex(m));

describe('model index derived from the previous model', () => {
  it('equals the index built from scratch, along a sequence of planned changes (seeded)', () => {
    forAll(60, (r) => {
      let m = withTenants(r, randomModel(r));
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

  it('finds the organization of a tenant as a scan would: the first one carrying the id, in any case (seeded)', () => {
    forAll(40, (r) => {
      let m = withTenants(r, randomModel(r));
      for (let i = 0; i < 10; i++) {
        for (let n = 0; n < 7; n++) {
          for (const asked of [tenantId(n), tenantId(n).toUpperCase(), ` ${tenantId(n)} `]) {
            const scan = m.organizations.find((o) => (o.tenantIds ?? []).some((t) => t.toLowerCase() === asked.trim().toLowerCase()));
            expect(organizationOfTenant(m, asked)).toBe(scan);
          }
        }
        const res = plan(m, randomChange(r, m), god(m));
        if (res.ok) m = res.next;
      }
    });
  });

  it('finds an organization by name as a scan would: the first one whose id or name has the key, along changes and renames (seeded)', () => {
    forAll(40, (r) => {
      let m = randomModel(r);
      for (let i = 0; i < 12; i++) {
        const refs = [...m.organizations.flatMap((o) => [o.name, o.id.toUpperCase(), o.name.replace(/ /g, '-')]), 'Nobody Here'];
        for (const ref of refs) {
          const key = nameKey(ref);
          expect(orgOfName(m, key)).toBe(m.organizations.find((o) => nameKey(o.id) === key || nameKey(o.name) === key));
        }
        if (r.bool(0.3)) {
          // Renamed, now and then to another organization's name (the first one keeps it).
          const at = r.int(m.organizations.length);
          const name = r.bool(0.5) ? r.pick(m.organizations).name : `Renamed ${i}`;
          m = { organizations: m.organizations.map((o, k) => (k === at ? { ...o, name } : o)) };
        } else {
          const res = plan(m, randomChange(r, m), god(m));
          if (res.ok) m = res.next;
        }
      }
    });
  });

  it('a model with other organizations or other domains is indexed from scratch, correctly', () => {
    forAll(30, (r) => {
      const m = withTenants(r, randomModel(r));
      indexModel(m);
      const moved: PolicyModel = { organizations: m.organizations.map((o, i) => (i === 0 ? { ...o, domains: ['moved.example.com'] } : o)) };
      expect(entries(moved)).toEqual(fresh(moved));
      const fewer: PolicyModel = { organizations: m.organizations.slice(1) };
      expect(entries(fewer)).toEqual(fresh(fewer));
      // A change of an organization's tenants (bound to one, or freed of them).
      indexModel(m);
      const rebound: PolicyModel = { organizations: m.organizations.map((o, i) => (i === 1 ? { ...o, tenantIds: r.bool(0.5) ? [tenantId(9)] : [] } : o)) };
      expect(entries(rebound)).toEqual(fresh(rebound));
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

