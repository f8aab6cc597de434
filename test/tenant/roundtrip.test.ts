import { domainStatus, plan } from '../../src/policy';
import { defaultOrgSettings, globalPolicy } from '../../src/policy/model';
import type { Organization, PolicyModel } from '../../src/policy/model';
import { exportJson, prepareImport, readTenantText } from '../../src/tenant';
import { DOMAIN_POOL, randomModel } from '../policy/generators';
import { baseSeed, rng } from '../policy/prng';
import { ORGS } from './orgs';

const NOW = new Date('2026-11-24T10:00:00Z');

/** The same organization as it is before anything was imported: defaults, Global only, no users. */
function emptyLike(org: Organization): Organization {
  const { tenantExtras: _kept, ...rest } = org;
  return { ...rest, settings: defaultOrgSettings(), policies: [globalPolicy()], users: [], admins: [] };
}

/** A tenant never lists its own domains as external partners: the importer refuses such lists. */
function withoutOwnDomains(org: Organization): Organization {
  const own = (d: string): boolean => org.domains.some((o) => d === o || d.endsWith(`.${o}`));
  const s = org.settings!;
  return {
    ...org,
    settings: { ...s, allowedDomains: s.allowedDomains.filter((d) => !own(d)), blockedDomains: s.blockedDomains.filter((d) => !own(d)), allowedTrialTenantDomains: s.allowedTrialTenantDomains.filter((d) => !own(d)) },
    policies: org.policies.map((p) => ({ ...p, allowedExternalDomains: p.allowedExternalDomains.filter((d) => !own(d)), blockedExternalDomains: p.blockedExternalDomains.filter((d) => !own(d)) })),
  };
}

/** Export `org`, import the text into an empty copy of it; the organization after the import. */
function roundTrip(org: Organization, text = exportJson(org, NOW)): Organization {
  const empty = emptyLike(org);
  const model: PolicyModel = { organizations: [empty] };
  const read = readTenantText(text);
  if (!read.ok) throw new Error(read.reason);
  const prepared = prepareImport(empty, read.reading);
  if (!prepared.ok) throw new Error(prepared.reason);
  const r = plan(model, prepared.change, { address: 'admin@x', adminOf: [org.id] }, NOW);
  if (!r.ok) throw new Error(r.reason);
  return r.next.organizations[0]!;
}

/** What Teams and the bot decide by: settings, policies, who has which policy; and what it keeps unmanaged. */
const state = (o: Organization) => ({
  tenantExtras: o.tenantExtras,
  settings: o.settings,
  policies: [...o.policies].sort((a, b) => a.name.localeCompare(b.name)),
  assignments: Object.fromEntries(o.users.map((u) => [u.address, u.policy ?? 'Global'])),
});

describe('round trip: export a store, import it into an empty organization, the states are equal', () => {
  it.each(Object.keys(ORGS))('%s', (name) => {
    const org = ORGS[name]!;
    expect(state(roundTrip(org))).toEqual(state(org));
  });

  it('holds for 200 seeded random organizations', () => {
    const seed = baseSeed();
    for (let i = 0; i < 200; i++) {
      const m = randomModel(rng(seed + i));
      const org = withoutOwnDomains(m.organizations[0]!);
      try {
        expect(state(roundTrip(org))).toEqual(state(org));
      } catch (err) {
        throw new Error(`seed ${seed + i}: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  });

  it('the Teams-shaped part alone (what the cmdlets print) decides every domain the same way', () => {
    const seed = baseSeed();
    for (let i = 0; i < 100; i++) {
      const org = withoutOwnDomains(randomModel(rng(seed + 1000 + i)).organizations[0]!);
      const doc = JSON.parse(exportJson(org, NOW)) as Record<string, unknown>;
      delete doc.Settings;
      const back = roundTrip(org, JSON.stringify(doc));
      for (const d of [...DOMAIN_POOL, 'sub.tailspin.com', 'unknown.example']) {
        const before = domainStatus({ organizations: [org] }, org.id, d);
        const after = domainStatus({ organizations: [back] }, org.id, d);
        if (before.allowed !== after.allowed) throw new Error(`seed ${seed + 1000 + i}: ${d} was ${String(before.allowed)} (${before.reason}), now ${String(after.allowed)} (${after.reason})`);
      }
    }
  });
});
