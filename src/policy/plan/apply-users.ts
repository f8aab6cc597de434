import type { Change } from '../change';
import { domainOfAddress, normalizeAddress } from '../domain';
import { policySummary } from '../labels';
import { GLOBAL_POLICY, coexistenceProblem, globalPolicy } from '../model';
import type { Organization, User, UserPolicy } from '../model';
import { normalizeDomains, shownList } from './domain-input';
import { refuse } from './context';
import type { ApplyContext, StepResult } from './context';

/** Names of the policies setUserFederation creates when none fits. */
export const NO_FEDERATION_POLICY = 'NoFederation';
export const FEDERATION_ON_POLICY = 'FederationOn';

type PolicySettings = Partial<Omit<UserPolicy, 'name'>>;

export function findPolicy(org: Organization, name: string): UserPolicy | undefined {
  const lower = name.toLowerCase();
  return org.policies.find((p) => p.name.toLowerCase() === lower) ?? (lower === GLOBAL_POLICY.toLowerCase() ? globalPolicy() : undefined);
}

/** Normalize the domain lists of policy settings; a reason when one is invalid. */
function cleanSettings(settings: PolicySettings): { ok: true; settings: PolicySettings } | { ok: false; reason: string } {
  const out: PolicySettings = { ...settings };
  for (const key of ['allowedExternalDomains', 'blockedExternalDomains'] as const) {
    const list = settings[key];
    if (list === undefined) continue;
    const r = normalizeDomains(list);
    if (!r.ok) return r;
    out[key] = r.domains;
  }
  return { ok: true, settings: out };
}

function policyWarnings(ctx: ApplyContext, p: UserPolicy): void {
  if (p.communicationWithExternalOrgs === 'AllowSpecificExternalDomains' && p.allowedExternalDomains.length === 0) {
    ctx.warn('blocksEveryone', `Policy ${p.name} allows only specific domains and lists none: its users can talk to no external domain.`);
  }
  if (p.communicationWithExternalOrgs !== 'OrganizationDefault') {
    ctx.warn('notInEffect', `Policy ${p.name} replaces the organization's domain rule for its users (it does not narrow it).`);
  }
}

/** The policies with `p` replacing the one of the same name, or appended. */
function putPolicy(org: Organization, p: UserPolicy): Organization {
  const i = org.policies.findIndex((q) => q.name === p.name);
  const policies = i >= 0 ? org.policies.map((q, j) => (j === i ? p : q)) : [...org.policies, p];
  return { ...org, policies };
}

export function createPolicy(ctx: ApplyContext, name: string, settings: PolicySettings = {}): StepResult {
  if (findPolicy(ctx.org, name)) return refuse(`${ctx.org.name} already has a policy named ${name}.`);
  const clean = cleanSettings(settings);
  if (!clean.ok) return clean;
  const p: UserPolicy = { ...globalPolicy(), ...clean.settings, name };
  policyWarnings(ctx, p);
  return { ok: true, org: putPolicy(ctx.org, p), summary: `Create policy ${name} for ${ctx.org.name}: ${policySummary(p)}.` };
}

export function updatePolicy(ctx: ApplyContext, name: string, settings: PolicySettings): StepResult {
  const existing = findPolicy(ctx.org, name);
  if (!existing) return refuse(`${ctx.org.name} has no policy named ${name} (policies: ${ctx.org.policies.map((p) => p.name).join(', ') || GLOBAL_POLICY}).`);
  if (existing.name === GLOBAL_POLICY && settings.communicationWithExternalOrgs !== undefined && settings.communicationWithExternalOrgs !== 'OrganizationDefault') {
    return refuse('The Global policy is fixed to OrganizationDefault: create a custom policy for a different domain rule.');
  }
  const clean = cleanSettings(settings);
  if (!clean.ok) return clean;
  const p: UserPolicy = { ...existing, ...clean.settings, name: existing.name };
  policyWarnings(ctx, p);
  return { ok: true, org: putPolicy(ctx.org, p), summary: `Update policy ${existing.name} of ${ctx.org.name}: ${policySummary(p)}.` };
}

/** The org's listed user for an address, or a reason the address is not one of its users. */
function member(ctx: ApplyContext, address: string): { ok: true; address: string; user?: User } | { ok: false; reason: string } {
  const normalized = normalizeAddress(address);
  const domain = normalized === undefined ? undefined : domainOfAddress(normalized);
  if (normalized === undefined || domain === undefined) return { ok: false, reason: `\`${address}\` is not an email address.` };
  if (!ctx.own.has(domain)) return { ok: false, reason: `${normalized} is not in ${ctx.org.name} (domains: ${shownList(ctx.org.domains)}).` };
  const user = ctx.org.users.find((u) => normalizeAddress(u.address) === normalized);
  return { ok: true, address: user?.address ?? normalized, ...(user ? { user } : {}) };
}

function putUser(org: Organization, before: User | undefined, after: User): Organization {
  const users = before ? org.users.map((u) => (u === before ? after : u)) : [...org.users, after];
  return { ...org, users };
}

function withPolicy(user: User, policy: string): User {
  const { policy: _old, ...rest } = user;
  return policy === GLOBAL_POLICY ? rest : { ...user, policy };
}

export function assignPolicy(ctx: ApplyContext, address: string, policyName: string): StepResult {
  const m = member(ctx, address);
  if (!m.ok) return m;
  const p = findPolicy(ctx.org, policyName);
  if (!p) return refuse(`${ctx.org.name} has no policy named ${policyName}.`);
  const before = m.user;
  if (!before && p.name === GLOBAL_POLICY) return { ok: true, org: ctx.org, summary: `${m.address} already has the Global policy.` };
  const after = withPolicy(before ?? { address: m.address, coexistence: 'TeamsOnly', onPremises: false }, p.name);
  return { ok: true, org: putUser(ctx.org, before, after), summary: `Assign policy ${p.name} to ${m.address}: ${policySummary(p)}.` };
}

/** Federation off: a federation-off policy (created as a copy of Global if needed); on: back to Global. */
export function setUserFederation(ctx: ApplyContext, address: string, enabled: boolean): StepResult {
  const m = member(ctx, address);
  if (!m.ok) return m;
  const current = findPolicy(ctx.org, m.user?.policy ?? GLOBAL_POLICY) ?? globalPolicy();
  if (current.enableFederationAccess === enabled) {
    return { ok: true, org: ctx.org, summary: `External access is already ${enabled ? 'on' : 'off'} for ${m.address} (policy ${current.name}).` };
  }
  const global = findPolicy(ctx.org, GLOBAL_POLICY) ?? globalPolicy();
  const target = global.enableFederationAccess === enabled ? GLOBAL_POLICY : enabled ? FEDERATION_ON_POLICY : NO_FEDERATION_POLICY;
  let org = ctx.org;
  const existing = findPolicy(org, target);
  if (existing && existing.enableFederationAccess !== enabled) {
    return refuse(`Policy ${existing.name} exists but has external access ${enabled ? 'off' : 'on'}: assign a fitting policy instead.`);
  }
  if (!existing) org = putPolicy(org, { ...global, name: target, enableFederationAccess: enabled, communicationWithExternalOrgs: 'OrganizationDefault' });
  const step = assignPolicy({ ...ctx, org }, m.address, target);
  return step.ok ? { ...step, summary: `Turn ${enabled ? 'on' : 'off'} external access for ${m.address} (policy ${target}).` } : step;
}

/**
 * Coexistence mode and home move together (Microsoft Learn, "Coexistence with Skype for Business";
 * Move-CsUser): TeamsOnly users are homed online and, since Skype for Business Online retired on
 * 31 July 2021, every user homed online is TeamsOnly. So moving a user online makes them TeamsOnly,
 * moving a TeamsOnly user on-premises gives them Islands (Move-CsUser removes TeamsOnly), and Islands
 * or SfBOnly for a user homed online is refused.
 */
export function setUserCoexistence(ctx: ApplyContext, change: Extract<Change, { kind: 'setUserCoexistence' }>): StepResult {
  const m = member(ctx, change.user);
  if (!m.ok) return m;
  const before = m.user;
  const base: User = before ?? { address: m.address, coexistence: 'TeamsOnly', onPremises: false };
  const onPremises = change.onPremises ?? (change.coexistence === undefined ? base.onPremises : change.coexistence === 'TeamsOnly' ? false : base.onPremises);
  const coexistence = change.coexistence ?? (onPremises === base.onPremises ? base.coexistence : onPremises ? 'Islands' : 'TeamsOnly');
  const problem = coexistenceProblem(coexistence, onPremises);
  if (problem) {
    return refuse(onPremises
      ? `${m.address} cannot be TeamsOnly and homed on-premises: ${problem}. Move the user on-premises without TeamsOnly (Islands or SfBOnly).`
      : `${m.address} cannot be ${coexistence}: ${problem}. Move the user on-premises first ("move ${m.address} on-premises").`);
  }
  if (change.onPremises === undefined && onPremises !== base.onPremises) ctx.warn('notInEffect', `${m.address} becomes TeamsOnly by moving online (Move-CsUser -MoveToTeams).`);
  if (change.coexistence === undefined && coexistence !== base.coexistence) {
    ctx.warn('notInEffect', onPremises
      ? `Moving ${m.address} on-premises ends TeamsOnly: the user is set to Islands (set SfBOnly if you prefer).`
      : `Moving ${m.address} online makes the user TeamsOnly (Move-CsUser -MoveToTeams).`);
  }
  const after: User = { ...base, coexistence, onPremises };
  if (onPremises) ctx.warn('notInEffect', `${m.address} homed in Skype for Business Server on-premises: federates from the Skype for Business client; chats with Teams users in other organizations are interop (text only, 1:1).`);
  const same = after.coexistence === base.coexistence && after.onPremises === base.onPremises;
  return { ok: true, org: same ? ctx.org : putUser(ctx.org, before, after), summary: `Set ${m.address} to ${after.coexistence}, ${after.onPremises ? 'homed on-premises' : 'homed online'}.` };
}

/** The policy name setUserAllowOnly uses for a set of domains: one policy per set, shared by its users. */
export function allowOnlyPolicyName(domains: readonly string[]): string {
  return `AllowOnly ${domains.join(' ')}`.slice(0, 64);
}

/**
 * One person may talk only to these domains: a policy allowing exactly them (created, or reused when
 * one with that list exists), assigned to the person. It replaces the organization's domain rule
 * for them; the organization's switch and block list still apply.
 */
export function setUserAllowOnly(ctx: ApplyContext, address: string, domains: readonly string[]): StepResult {
  const m = member(ctx, address);
  if (!m.ok) return m;
  const name = allowOnlyPolicyName(domains);
  const wanted = { enableFederationAccess: true, communicationWithExternalOrgs: 'AllowSpecificExternalDomains' as const, allowedExternalDomains: [...domains] };
  const existing = findPolicy(ctx.org, name);
  if (existing && JSON.stringify(existing.allowedExternalDomains) !== JSON.stringify(wanted.allowedExternalDomains)) {
    return refuse(`Policy ${name} exists with other domains: assign a fitting policy instead.`);
  }
  const global = findPolicy(ctx.org, GLOBAL_POLICY) ?? globalPolicy();
  const p: UserPolicy = existing ?? { ...global, ...wanted, blockedExternalDomains: [], name };
  policyWarnings(ctx, p);
  const step = assignPolicy({ ...ctx, org: existing ? ctx.org : putPolicy(ctx.org, p) }, m.address, name);
  return step.ok ? { ...step, summary: `Let ${m.address} talk only to ${shownList(domains)} (policy ${name}).` } : step;
}
