import type { Change } from '../change';
import { domainOfAddress, normalizeAddress } from '../domain';
import { DOMAIN_LIST_LIMIT, GLOBAL_POLICY, tenantExtrasSchema } from '../model';
import type { OrgSettings, Organization, TenantExtras, User, UserPolicy } from '../model';
import { normalizeDomains } from './domain-input';
import { refuse } from './context';
import type { ApplyContext, StepResult } from './context';

type Import = Extract<Change, { kind: 'import' }>;

const LIST_KEYS = ['allowedDomains', 'blockedDomains', 'allowedTrialTenantDomains'] as const;

/**
 * Take over what the tenant says. The change arrives from a card action too, so every list and name
 * is checked again here: the tenant reader's validation is a convenience, this is the rule.
 */
export function applyImport(ctx: ApplyContext, change: Import): StepResult {
  const settings = cleanSettings(ctx.settings, change.settings ?? {});
  if (!settings.ok) return settings;
  let next: Organization = { ...ctx.org, settings: settings.settings };
  const parts: string[] = [];
  if (change.settings && Object.keys(change.settings).length > 0) parts.push('the organization settings');

  if (change.policies) {
    const policies = putPolicies(next.policies, change.policies);
    if (!policies.ok) return policies;
    next = { ...next, policies: policies.list };
    parts.push(`${Object.keys(change.policies).length} external access ${Object.keys(change.policies).length === 1 ? 'policy' : 'policies'}`);
  }
  if (change.assignments) {
    const users = assign(next, change.assignments);
    if (!users.ok) return users;
    next = { ...next, users: users.list };
    parts.push(`${Object.keys(change.assignments).length} policy ${Object.keys(change.assignments).length === 1 ? 'assignment' : 'assignments'}`);
  }
  if (parts.length === 0) return refuse('The import holds nothing to take over.');
  if (change.tenantExtras) {
    const extras = mergeExtras(ctx.org.tenantExtras, change.tenantExtras);
    if (!extras.ok) return extras;
    next = withExtras(next, extras.extras);
  }
  return { ok: true, org: next, summary: `Imported ${parts.join(', ')} of ${ctx.org.name} from ${change.source}.` };
}

function cleanSettings(current: OrgSettings, patch: Partial<OrgSettings>): { ok: true; settings: OrgSettings } | { ok: false; reason: string } {
  const out: OrgSettings = { ...current, ...patch };
  for (const key of LIST_KEYS) {
    const list = patch[key];
    if (list === undefined || list.length === 0) continue;
    const r = normalizeDomains(list);
    if (!r.ok) return r;
    out[key] = r.domains;
  }
  if (out.allowedDomains.length > DOMAIN_LIST_LIMIT || out.blockedDomains.length > DOMAIN_LIST_LIMIT) {
    return { ok: false, reason: `Teams holds at most ${DOMAIN_LIST_LIMIT.toLocaleString('en-US')} domains in a list; the import has more. Nothing changed.` };
  }
  return { ok: true, settings: out };
}

function putPolicies(list: readonly UserPolicy[], entries: Record<string, UserPolicy | null>): { ok: true; list: UserPolicy[] } | { ok: false; reason: string } {
  let out = [...list];
  for (const [name, value] of Object.entries(entries)) {
    if (value === null && name === GLOBAL_POLICY) return { ok: false, reason: 'The Global policy always exists; an import cannot remove it.' };
    if (value !== null && value.name !== name) return { ok: false, reason: `The imported policy ${value.name} is filed under ${name}.` };
    if (value?.name === GLOBAL_POLICY && value.communicationWithExternalOrgs !== 'OrganizationDefault') {
      return { ok: false, reason: 'The Global policy is fixed to CommunicationWithExternalOrgs OrganizationDefault in Teams.' };
    }
    const i = out.findIndex((p) => p.name === name);
    if (value === null) out = out.filter((_, j) => j !== i);
    else if (i >= 0) out[i] = value;
    else out.push(value);
  }
  // Global first, as the model keeps it.
  out.sort((a, b) => Number(b.name === GLOBAL_POLICY) - Number(a.name === GLOBAL_POLICY));
  return { ok: true, list: out };
}

function assign(org: Organization, assignments: Record<string, string>): { ok: true; list: User[] } | { ok: false; reason: string } {
  const own = new Set(org.domains);
  const users = [...org.users];
  for (const [raw, policyName] of Object.entries(assignments)) {
    const address = normalizeAddress(raw);
    if (address === undefined) return { ok: false, reason: `\`${raw}\` is not an address.` };
    const domain = domainOfAddress(address) ?? '';
    if (![...own].some((d) => domain === d || domain.endsWith(`.${d}`))) return { ok: false, reason: `${address} is not a user of ${org.name}.` };
    const policy = org.policies.find((p) => p.name.toLowerCase() === policyName.toLowerCase());
    if (!policy && policyName.toLowerCase() !== GLOBAL_POLICY.toLowerCase()) return { ok: false, reason: `${org.name} has no policy named ${policyName} to assign to ${address}.` };
    const name = policy?.name ?? GLOBAL_POLICY;
    const i = users.findIndex((u) => u.address.toLowerCase() === address);
    const base: User = i >= 0 ? users[i]! : { address, coexistence: 'TeamsOnly', onPremises: false };
    const { policy: _old, ...rest } = base;
    const user: User = name === GLOBAL_POLICY ? rest : { ...rest, policy: name };
    if (i >= 0) users[i] = user;
    else users.push(user);
  }
  return { ok: true, list: users };
}

/** The organization with these unmodeled tenant properties, or without the field when none are kept. */
export function withExtras(org: Organization, extras: TenantExtras | undefined): Organization {
  const { tenantExtras: _old, ...rest } = org;
  return extras === undefined ? rest : { ...rest, tenantExtras: extras };
}

/** `federation` replaced, named policies replaced, an empty map clearing its part; undefined when nothing is left. */
function mergeExtras(current: TenantExtras | undefined, patch: TenantExtras): { ok: true; extras: TenantExtras | undefined } | { ok: false; reason: string } {
  const out: TenantExtras = { ...current };
  if (patch.federation !== undefined) {
    if (Object.keys(patch.federation).length > 0) out.federation = patch.federation;
    else delete out.federation;
  }
  if (patch.policies !== undefined) {
    // A Map, so a policy of any name (even "__proto__") is an entry like the others.
    const policies = new Map(Object.entries(out.policies ?? {}));
    for (const [name, map] of Object.entries(patch.policies)) {
      if (Object.keys(map).length > 0) policies.set(name, map);
      else policies.delete(name);
    }
    if (policies.size > 0) out.policies = Object.fromEntries(policies);
    else delete out.policies;
  }
  const checked = tenantExtrasSchema.safeParse(out);
  if (!checked.success) return { ok: false, reason: `The tenant properties not managed here cannot be kept: ${checked.error.issues[0]?.message ?? 'unknown shape'}. Nothing changed.` };
  return { ok: true, extras: Object.keys(out).length > 0 ? out : undefined };
}
