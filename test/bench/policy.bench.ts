import { evaluateReach } from '../../src/policy';
import { defaultOrgSettings, globalPolicy } from '../../src/policy/model';
import type { OrgSettings, Organization, PolicyModel } from '../../src/policy/model';
import { addressVerified, adminOrgIds, findOrganization, homeOrganization } from '../../src/policy/organizations';
import type { Credentials } from '../../src/policy/organizations';
import { deepFreeze } from '../../src/store/deepFreeze';

/**
 * Verdict time must stay flat as the domain lists grow from 10 to 4,000 entries and the model from
 * 3 to 10,000 organizations: t(large) / t(small) ≤ 1.5. So must who a Teams sender is (their
 * organization by tenant id, their admin rights), asked on every turn, and finding an organization
 * a question names. Not a test: printed by `npm run bench`.
 */
const TARGET = 1.5;

function org(i: number, settings: Partial<OrgSettings>): Organization {
  return {
    id: `org-${i}`,
    name: `Org ${i}`,
    kind: 'tenant',
    domains: [`org${i}.example.com`],
    managed: true,
    trialOnly: false,
    settings: { ...defaultOrgSettings(), ...settings },
    policies: [globalPolicy()],
    users: [{ address: `user@org${i}.example.com`, coexistence: 'TeamsOnly', onPremises: false }],
    admins: [`admin@org${i}.example.com`],
    tenantIds: [tenantOf(i)],
  };
}

const tenantOf = (i: number): string => `${String(i).padStart(8, '0')}-0000-4000-8000-000000000000`;

/** Org 0 blocks `listSize` domains (subdomains too), org 1 allows `listSize` domains incl. org 0; plus filler orgs. */
function model(listSize: number, orgCount: number): PolicyModel {
  const filler = (n: number, prefix: string): string[] => Array.from({ length: n }, (_, i) => `${prefix}${i}.example.net`);
  const orgs: Organization[] = [
    org(0, { domainMode: 'blockSpecific', blockAllSubdomains: true, blockedDomains: filler(listSize, 'blocked') }),
    org(1, { domainMode: 'allowSpecific', allowedDomains: [...filler(listSize - 1, 'allowed'), 'org0.example.com'] }),
  ];
  for (let i = 2; i < orgCount; i++) orgs.push(org(i, {}));
  // Frozen like every model the store holds.
  return deepFreeze({ organizations: orgs });
}

const PAIRS: [string, string][] = [
  ['user@org0.example.com', 'user@org1.example.com'],
  ['user@org1.example.com', 'user@org0.example.com'],
  ['user@org0.example.com', 'someone@stranger.example.org'],
];
let sink = 0;

type Op = (m: PolicyModel, i: number) => number;
const verdict: Op = (m, i) => evaluateReach(m, ...PAIRS[i % PAIRS.length]!).checks.length;

/**
 * Senders of a Teams turn: an admin and a user of org 0 and someone of a tenant not known here (the
 * lookup that finds nothing), each with the tenant id and address Teams proves.
 */
const SENDERS: Credentials[] = [
  { tenantId: tenantOf(0), address: 'admin@org0.example.com' },
  { tenantId: tenantOf(0), address: 'user@org0.example.com' },
  { tenantId: 'ffffffff-0000-4000-8000-000000000000', address: 'someone@stranger.example.org' },
];
/** What identify asks of the model on every Teams turn. */
const sender: Op = (m, i) => {
  const who = SENDERS[i % SENDERS.length]!;
  return (addressVerified(m, who) ? 1 : 0) + adminOrgIds(m, who, []).length + (homeOrganization(m, who) === undefined ? 0 : 1);
};

/** A question that names an organization: one known here, by name, and one that is not. */
const NAMES = ['Org 1', 'Nowhere Inc'];
const byName: Op = (m, i) => (findOrganization(m, NAMES[i % NAMES.length]!) === undefined ? 0 : 1);

/** Mean time per call of `op` over `iterations`, in nanoseconds. */
function once(op: Op, m: PolicyModel, iterations: number): number {
  const start = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) sink += op(m, i);
  return Number(process.hrtime.bigint() - start) / iterations;
}

/**
 * Median per model over rounds that interleave the models, after a warm-up of every model, so JIT
 * warm-up and machine noise fall on all of them alike.
 */
function measure(op: Op, models: PolicyModel[], iterations = 10_000, rounds = 9): number[] {
  for (const m of models) once(op, m, 20_000);
  const samples = models.map((): number[] => []);
  for (let r = 0; r < rounds; r++) models.forEach((m, i) => samples[i]!.push(once(op, m, iterations)));
  if (sink < 0) throw new Error('unreachable');
  return samples.map((s) => s.sort((a, b) => a - b)[Math.floor(s.length / 2)]!);
}

const us = (ns: number): string => `${(ns / 1000).toFixed(2)} µs`;

/** The benchmark lines: one per dimension and one with both large. */
export async function benchPolicy(): Promise<string[]> {
  const labels = ['lists 10 → 4,000 domains', 'organizations 3 → 10,000', 'both large (4,000 domains, 10,000 orgs)'];
  const [small = 0, ...large] = measure(verdict, [model(10, 3), model(4000, 3), model(10, 10_000), model(4000, 10_000)]);
  const rows = labels.map((label, i): [string, number] => [label, large[i] ?? 0]);
  const lines = [`policy verdict, small model (10 domains, 3 orgs): ${us(small)} per verdict`];
  const row = (what: string, t: number, base: number): string => {
    const ratio = t / base;
    return `${what}: ${us(t)}, t(large)/t(small) = ${ratio.toFixed(2)} (target ≤ ${TARGET}) ${ratio <= TARGET ? 'OK' : 'SLOW'}`;
  };
  for (const [label, t] of rows) lines.push(row(`policy verdict, ${label}`, t, small));
  const [few = 0, many = 0] = measure(sender, [model(10, 3), model(10, 10_000)]);
  lines.push(row(`a Teams sender's organization and admin rights (by tenant id), organizations 3 → 10,000 (${us(few)} with 3)`, many, few));
  const [named = 0, namedMany = 0] = measure(byName, [model(10, 3), model(10, 10_000)]);
  lines.push(row(`an organization by name (a question naming one), organizations 3 → 10,000 (${us(named)} with 3)`, namedMany, named));
  return lines;
}

if (require.main === module) {
  benchPolicy().then(
    (lines) => lines.forEach((l) => console.log(l)),
    (e: unknown) => {
      console.error('bench: policy failed', e);
      process.exitCode = 1;
    },
  );
}
