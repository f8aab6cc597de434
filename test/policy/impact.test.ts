import { plan } from '../../src/policy';
import type { Change, PolicyModel } from '../../src/policy';
import { admin, demoModel, eastWest, policy, user } from './fixtures';

function impactOf(model: PolicyModel, change: Change, orgId = 'contoso-east') {
  const r = plan(model, change, admin(orgId));
  if (!r.ok) throw new Error(r.reason);
  return r.plan;
}

describe('impact: who gains or loses reachability', () => {
  it('unmanaged inbound off: only the direction where they start is lost', () => {
    const p = impactOf(demoModel(), { kind: 'setTeamsConsumer', org: 'contoso-east', inbound: false });
    expect(p.impact).toEqual([
      { fromOrgId: 'consumer', toOrgId: 'contoso-east', fromLabel: 'personal Teams accounts', toLabel: 'Contoso East', before: 'reachable', after: 'notReachable', kind: 'loses' },
    ]);
    expect(p.needsConfirmation).toBe(true);
  });

  it('updating a custom policy affects only the users who have it', () => {
    const m = eastWest({ policies: [policy('Sales')], users: [user('rob@east.com', { policy: 'Sales' }), user('sue@east.com')] });
    const p = impactOf(m, { kind: 'updatePolicy', org: 'east', name: 'Sales', settings: { communicationWithExternalOrgs: 'BlockAllExternalDomains' } }, 'east');
    expect(p.impact.map((i) => [i.fromLabel, i.toLabel, i.kind])).toEqual([
      ['rob@east.com', 'West', 'loses'],
      ['rob@east.com', 'any other organization', 'loses'],
    ]);
    expect(p.warnings.find((w) => w.code === 'delay')?.message).toContain('4 to 48 hours');
  });

  it('a user whose change matches their organization\'s row is not repeated', () => {
    const m = eastWest({}, { policies: [policy('OnlyEast', { communicationWithExternalOrgs: 'AllowSpecificExternalDomains', allowedExternalDomains: ['east.com'] })], users: [user('ann@west.com', { policy: 'OnlyEast' })] });
    // Ann has a policy of her own, but loses East exactly like the rest of West: one row.
    const p = impactOf(m, { kind: 'addBlocked', org: 'east', domains: ['west.com'] }, 'east');
    expect(p.impact.map((i) => [i.fromLabel, i.toLabel, i.before, i.after])).toEqual([
      ['East', 'West', 'reachable', 'notReachable'],
    ]);
  });

  it('a user whose policy already cut them off gets no row, the others do', () => {
    const m = eastWest({ policies: [policy('Off', { enableFederationAccess: false })], users: [user('rob@east.com', { policy: 'Off' })] });
    const p = impactOf(m, { kind: 'addBlocked', org: 'east', domains: ['west.com'] }, 'east');
    expect(p.impact.filter((i) => i.fromLabel === 'rob@east.com' || i.toLabel === 'rob@east.com')).toEqual([]);
    expect(p.impact.map((i) => i.fromLabel)).toEqual(['East']);
  });

  it('a change that only stores an entry not in effect has no impact and needs no confirmation', () => {
    const p = impactOf(demoModel(), { kind: 'setSubdomainBlocking', org: 'contoso-east', enabled: true });
    expect(p.impact).toEqual([]);
    expect(p.needsConfirmation).toBe(false);
  });
});

import { evaluateResolved } from '../../src/policy/reach';
import { impactOf as fastImpactOf } from '../../src/policy/plan/impact';
import { consumerRepresentative, orgRepresentative, otherRepresentative } from '../../src/policy/representative';
import type { Actor, Impact, Organization } from '../../src/policy';
import { randomChange, randomModel } from './generators';
import { forAll, type Rng } from './prng';
import { referenceImpactOf } from './impactReference';

const RUNS = 150;
const god = (m: PolicyModel): Actor => ({ address: 'root@example.com', adminOf: m.organizations.map((o) => o.id) });

/** A change that plans (some random ones are refused), with its before and after models. */
function plannedChange(r: Rng, m: PolicyModel): { next: PolicyModel; orgId: string } | undefined {
  for (let i = 0; i < 10; i++) {
    const res = plan(m, randomChange(r, m), god(m));
    if (res.ok && res.plan.touched.length > 0) return { next: res.next, orgId: res.plan.orgId };
  }
  return undefined;
}

/**
 * The slow way: every ordered pair of known organizations (users on the Global policy), personal
 * accounts and anyone else, evaluated before and after with the verdict itself. Rows as the impact
 * shows them: "from>to:kind", a pair whose two directions change alike shown once, from the changed side.
 */
function slowImpact(before: PolicyModel, after: PolicyModel, orgId: string): string[] {
  const reps = (m: PolicyModel) => [
    ...m.organizations.filter((o) => o.kind === 'tenant').map((o) => ({ id: o.id, p: orgRepresentative(o) })),
    { id: 'consumer', p: consumerRepresentative(m) },
    { id: '*', p: otherRepresentative() },
  ];
  const rb = reps(before);
  const ra = reps(after);
  const kind = (b: string, a: string): string | undefined =>
    b !== 'notReachable' && a === 'notReachable' ? 'loses' : b === 'notReachable' && a !== 'notReachable' ? 'gains' : undefined;
  const out: string[] = [];
  rb.forEach((x, i) => {
    rb.forEach((y, j) => {
      if (i >= j) return;
      const vb = evaluateResolved(x.p, y.p).directions;
      const va = evaluateResolved(ra[i]!.p, ra[j]!.p).directions;
      const xy = kind(vb.aToB, va.aToB);
      const yx = kind(vb.bToA, va.bToA);
      if (!xy && !yx) return;
      // Only pairs with the changed organization can change.
      expect([x.id, y.id]).toContain(orgId);
      const [us, them, out1, in1, same] =
        x.id === orgId ? [x.id, y.id, xy, yx, vb.aToB === vb.bToA && va.aToB === va.bToA] : [y.id, x.id, yx, xy, vb.aToB === vb.bToA && va.aToB === va.bToA];
      if (out1) out.push(`${us}>${them}:${out1}`);
      if (in1 && !same) out.push(`${them}>${us}:${in1}`);
    });
  });
  return out.sort();
}

/** The impact's organization-level rows (user rows name an address). */
const orgRows = (impact: readonly Impact[]): string[] =>
  impact.filter((i) => !i.fromLabel.includes('@') && !i.toLabel.includes('@')).map((i) => `${i.fromOrgId}>${i.toOrgId}:${i.kind}`).sort();

/** The model grown by `n` copies of one of its organizations, each with its own id and domain. */
function grown(m: PolicyModel, source: Organization, n: number, from = 0): PolicyModel {
  const copies = Array.from({ length: n }, (_, k): Organization => {
    const i = from + k;
    const domain = `copy${i}.example.org`;
    return { ...source, id: `copy-${i}`, name: `Copy ${i}`, domains: [domain], users: source.users.map((u) => ({ ...u, address: `${u.address.split('@')[0]}@${domain}` })) };
  });
  return { organizations: [...m.organizations, ...copies] };
}

describe('impact: the pairs the change can affect, the same as the slow way', () => {
  it('organization rows equal every pair evaluated before and after (seeded random models and changes)', () => {
    let compared = 0;
    forAll(RUNS, (r) => {
      const m = randomModel(r);
      const c = plannedChange(r, m);
      if (!c) return;
      compared++;
      expect(orgRows(fastImpactOf(m, c.next, c.orgId))).toEqual(slowImpact(m, c.next, c.orgId));
    });
    expect(compared).toBeGreaterThan(RUNS / 2);
  });

  it('every row, users included, equals the full evaluation of each counterpart (the reference)', () => {
    forAll(RUNS, (r) => {
      const m = randomModel(r);
      const c = plannedChange(r, m);
      if (c) expect(fastImpactOf(m, c.next, c.orgId)).toEqual(referenceImpactOf(m, c.next, c.orgId));
    });
  });

  it('on a large store, equals the slow way on a small one: each copy of an organization is affected like one copy', () => {
    forAll(20, (r) => {
      const small = randomModel(r);
      const source = r.pick(small.organizations.filter((o) => o.kind === 'tenant'));
      const one = grown(small, source, 1);
      const c = plannedChange(r, one);
      if (!c || c.orgId === 'copy-0') return;
      const change = c.next.organizations.find((o) => o.id === c.orgId)!;
      const swap = (m: PolicyModel): PolicyModel => ({ organizations: m.organizations.map((o) => (o.id === c.orgId ? change : o)) });
      const large = grown(small, source, 2000);
      const fast = orgRows(fastImpactOf(large, swap(large), c.orgId));
      const slow = slowImpact(one, c.next, c.orgId);
      // The small model's rows, then the one copy's rows repeated for every copy.
      const copyRows = slow.filter((row) => row.includes('copy-0'));
      const expected = [
        ...slow.filter((row) => !row.includes('copy-0')),
        ...Array.from({ length: 2000 }, (_, i) => copyRows.map((row) => row.replace('copy-0', `copy-${i}`))).flat(),
      ].sort();
      expect(fast).toEqual(expected);
    });
  });
});

import { appended } from '../../src/policy/list-middle';
import { DOMAIN_MODES } from '../../src/policy/model';
import { DOMAIN_POOL } from './generators';

describe('impact: a change of domain lists only looks again only at the domains it names', () => {
  const LISTS = ['allowedDomains', 'blockedDomains', 'allowedTrialTenantDomains'] as const;
  /** Entries a list may gain: the pool, subdomains of its organizations, a parent of gamma.alpha.com. */
  const ENTRIES = [...DOMAIN_POOL, 'x.beta.com', 'alpha.com', 'BETA.com'];

  /** One list edited as a change would (appended, taken out of, replaced), or left as it was. */
  function edited(r: Rng, list: readonly string[]): readonly string[] {
    switch (r.int(4)) {
      case 0:
        return appended(Object.freeze([...list]), r.subset(ENTRIES, 2));
      case 1:
        return list.filter(() => r.bool(0.6));
      case 2:
        return r.subset(ENTRIES, 5);
      default:
        return list;
    }
  }

  /** Users of organizations with a second domain moved there: a counterpart's people at another domain than its first. */
  const spread = (m: PolicyModel): PolicyModel => ({
    organizations: m.organizations.map((o) =>
      o.domains.length > 1 ? { ...o, users: o.users.map((u, i) => (i % 2 === 0 ? { ...u, address: `${u.address.split('@')[0]}@${o.domains[1]}` } : u)) } : o,
    ),
  });

  it('every row, users included, equals the reference (seeded random models and list edits)', () => {
    let changed = 0;
    forAll(RUNS * 2, (r) => {
      const m = r.bool() ? spread(randomModel(r)) : randomModel(r);
      const org = r.pick(m.organizations.filter((o) => o.settings !== undefined));
      const settings = { ...org.settings! };
      for (const list of LISTS) settings[list] = edited(r, settings[list]) as string[];
      const next: PolicyModel = { organizations: m.organizations.map((o) => (o === org ? { ...org, settings } : o)) };
      const fast = fastImpactOf(m, next, org.id);
      expect(fast).toEqual(referenceImpactOf(m, next, org.id));
      if (fast.length > 0) changed++;
    });
    // The edits do change who can reach whom (about one in nine), so the rows compared are not all empty.
    expect(changed).toBeGreaterThan(RUNS / 10);
  });

  it('anything else changed with the lists (the mode, the subdomain switch, a user): every counterpart looked at again', () => {
    forAll(RUNS, (r) => {
      const m = spread(randomModel(r));
      const org = r.pick(m.organizations.filter((o) => o.settings !== undefined));
      const settings = { ...org.settings!, blockedDomains: edited(r, org.settings!.blockedDomains) as string[] };
      const other = r.pick([
        () => ({ ...org, settings: { ...settings, domainMode: r.pick(DOMAIN_MODES) } }),
        () => ({ ...org, settings: { ...settings, blockAllSubdomains: !settings.blockAllSubdomains } }),
        () => ({ ...org, settings, trialOnly: !org.trialOnly }),
        () => ({ ...org, settings, users: org.users.slice(1) }),
      ])();
      const next: PolicyModel = { organizations: m.organizations.map((o) => (o === org ? other : o)) };
      expect(fastImpactOf(m, next, org.id)).toEqual(referenceImpactOf(m, next, org.id));
    });
  });
});
