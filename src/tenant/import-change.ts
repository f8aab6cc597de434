import type { Change } from '../policy/change';
import { domainOfAddress, isSameOrSubdomain } from '../policy/domain';
import { GLOBAL_POLICY, TENANT_EXTRAS_LIMITS } from '../policy/model';
import type { Organization, TenantExtraMap, TenantExtras, UserPolicy } from '../policy/model';
import { SOURCES, type ReadFailure, type Skipped, type TenantReading, type Unmanaged } from './types';

type ImportChange = Extract<Change, { kind: 'import' }>;

/** An import ready to plan, with everything the admin should see before Confirm. */
export interface PreparedImport {
  ok: true;
  change: ImportChange;
  unmanaged: Unmanaged[];
  skipped: Skipped[];
  notes: string[];
}

const ownDomainIn = (org: Organization, list: readonly string[]): string | undefined =>
  list.find((d) => org.domains.some((own) => isSameOrSubdomain(d, own)));

/**
 * The change that takes over what was read, for `org`, or why this reading is not this
 * organization's: a tenant never lists its own domains as external partners, an export names the
 * organization it was made for, and assigned users must be its own.
 */
export function prepareImport(org: Organization, reading: TenantReading): PreparedImport | ReadFailure {
  const notYours = (why: string): ReadFailure => ({
    ok: false,
    code: 'not-yours',
    reason: `This does not look like ${org.name}'s tenant: ${why}. Nothing was changed.`,
  });
  const skipped = [...reading.skipped];
  const notes = [...reading.notes];
  const change: ImportChange = { kind: 'import', org: org.id, source: SOURCES[reading.kind] };

  if (reading.kind === 'export' && !reading.domains.some((d) => org.domains.includes(d))) {
    return notYours(`the export was made for ${reading.domains.join(', ') || 'an organization without domains'}`);
  }
  if (reading.kind === 'federation' || reading.kind === 'export') {
    const s = reading.settings;
    const own = ownDomainIn(org, [...(s.allowedDomains ?? []), ...(s.blockedDomains ?? []), ...(s.allowedTrialTenantDomains ?? [])]);
    if (own !== undefined) return notYours(`it lists ${own}, a domain of ${org.name} itself, as an external domain`);
    if (Object.keys(s).length > 0) change.settings = s;
    // The whole configuration was read: what it does not hold is no longer in the tenant either.
    change.tenantExtras = { federation: reading.kind === 'federation' ? reading.extras : (reading.extras.federation ?? {}) };
  }
  const policies: UserPolicy[] = reading.kind === 'policies' || reading.kind === 'export' ? reading.policies : [];
  for (const p of policies) {
    const own = ownDomainIn(org, [...p.allowedExternalDomains, ...p.blockedExternalDomains]);
    if (own !== undefined) return notYours(`policy ${p.name} lists ${own}, a domain of ${org.name} itself`);
  }
  if (policies.length > 0) {
    change.policies = Object.fromEntries(policies.map((p) => [p.name, p]));
    const absent = org.policies.filter((p) => !policies.some((q) => q.name === p.name)).map((p) => p.name);
    if (absent.length > 0) notes.push(`Kept here though not in the import: policy ${absent.join(', ')}.`);
    const read = reading.kind === 'policies' ? reading.extras : reading.kind === 'export' ? (reading.extras.policies ?? {}) : {};
    const extras = policyExtras(org, policies, read, notes);
    if (extras) change.tenantExtras = { ...change.tenantExtras, policies: extras };
  }

  if (reading.kind === 'assignments' || reading.kind === 'export') {
    const known = new Set([GLOBAL_POLICY.toLowerCase(), ...org.policies.map((p) => p.name.toLowerCase()), ...policies.map((p) => p.name.toLowerCase())]);
    const assignments: Record<string, string> = {};
    let foreign = 0;
    for (const a of reading.assignments) {
      const domain = domainOfAddress(a.user) ?? '';
      if (!org.domains.some((own) => isSameOrSubdomain(domain, own))) {
        foreign += 1;
        skipped.push({ input: a.user, reason: `${a.user} is not a user of ${org.name}` });
      } else if (!known.has(a.policy.toLowerCase())) {
        skipped.push({ input: a.user, reason: `${org.name} has no policy ${a.policy} (import Get-CsExternalAccessPolicy first)` });
      } else assignments[a.user] = a.policy;
    }
    if (reading.assignments.length > 0 && foreign === reading.assignments.length) {
      return notYours(`none of its ${reading.assignments.length} users has an address in ${org.domains.join(', ')}`);
    }
    if (Object.keys(assignments).length > 0) change.assignments = assignments;
  }
  if (!change.settings && !change.policies && !change.assignments) {
    return { ok: false, code: 'invalid', reason: `Nothing in it can be imported${skipped[0] ? ` (${skipped[0].reason})` : ''}. Nothing was changed.` };
  }
  return { ok: true, change, unmanaged: reading.unmanaged, skipped, notes };
}

/**
 * The imported policies' unmodeled properties, each replacing what was kept for that policy (an empty
 * map clears it); only policies that have some, or had some, are named, within the model's bound.
 */
function policyExtras(org: Organization, policies: readonly UserPolicy[], read: Record<string, TenantExtraMap>, notes: string[]): NonNullable<TenantExtras['policies']> | undefined {
  const had = org.tenantExtras?.policies ?? {};
  const named = policies.filter((p) => Object.keys(read[p.name] ?? {}).length > 0 || Object.hasOwn(had, p.name));
  const kept = named.slice(0, TENANT_EXTRAS_LIMITS.policies);
  if (named.length > kept.length) notes.push(`Properties not managed here are kept for the first ${kept.length} policies only; ${named.length - kept.length} more policies have some.`);
  return kept.length > 0 ? Object.fromEntries(kept.map((p) => [p.name, read[p.name] ?? {}])) : undefined;
}
