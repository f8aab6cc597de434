import { normalizeDomain } from './domain';
import { GLOBAL_POLICY, globalPolicy } from './model';
import type { Organization, PolicyModel, User, UserPolicy } from './model';

/** A user policy with its domain lists as Sets. */
export interface PolicyIndex {
  policy: UserPolicy;
  allowed: ReadonlySet<string>;
  blocked: ReadonlySet<string>;
}

/** One organization with every list as a Set, so a verdict never scans a list. */
export interface OrgIndex {
  org: Organization;
  domains: ReadonlySet<string>;
  allowed: ReadonlySet<string>;
  blocked: ReadonlySet<string>;
  trialExceptions: ReadonlySet<string>;
  policies: ReadonlyMap<string, PolicyIndex>;
  /** The Global policy (the built-in default when a managed org stores none). */
  global: PolicyIndex;
  /** Normalized address → user. */
  users: ReadonlyMap<string, User>;
}

export interface ModelIndex {
  /** Normalized domain → owning organization (first one wins if a domain is listed twice). */
  byDomain: ReadonlyMap<string, Organization>;
  byId: ReadonlyMap<string, Organization>;
}

const PLAIN = /^[a-z0-9-]+(\.[a-z0-9-]+)+$/;

/** Stored entries are normalized again so a hand-edited store still matches. */
export function domainKey(raw: string): string {
  // Fast path: already stored form (lower-case ASCII, no punycode, no trailing dot) is its own key.
  if (PLAIN.test(raw)) return raw;
  const r = normalizeDomain(raw);
  return r.ok ? r.domain.ascii : raw.trim().toLowerCase();
}

const domainSet = (list: readonly string[]): ReadonlySet<string> => new Set(list.map(domainKey));

const modelCache = new WeakMap<PolicyModel, ModelIndex>();
const orgCache = new WeakMap<Organization, OrgIndex>();

/** The index of a model, built once per model object. */
export function indexModel(model: PolicyModel): ModelIndex {
  const cached = modelCache.get(model);
  if (cached) return cached;
  const byDomain = new Map<string, Organization>();
  const byId = new Map<string, Organization>();
  for (const org of model.organizations) {
    if (!byId.has(org.id)) byId.set(org.id, org);
    for (const d of org.domains) {
      const key = domainKey(d);
      if (!byDomain.has(key)) byDomain.set(key, org);
    }
  }
  const index = { byDomain, byId };
  modelCache.set(model, index);
  return index;
}

function indexPolicy(policy: UserPolicy): PolicyIndex {
  return { policy, allowed: domainSet(policy.allowedExternalDomains), blocked: domainSet(policy.blockedExternalDomains) };
}

/**
 * The index of one organization, cached per organization object: a plan's next model shares the
 * organizations it did not touch, so their indexes are reused.
 */
export function indexOrg(org: Organization): OrgIndex {
  const cached = orgCache.get(org);
  if (cached) return cached;
  const policies = new Map<string, PolicyIndex>();
  for (const p of org.policies) if (!policies.has(p.name)) policies.set(p.name, indexPolicy(p));
  const users = new Map<string, User>();
  for (const u of org.users) users.set(u.address.trim().toLowerCase(), u);
  const s = org.settings;
  const index: OrgIndex = {
    org,
    domains: domainSet(org.domains),
    allowed: domainSet(s?.allowedDomains ?? []),
    blocked: domainSet(s?.blockedDomains ?? []),
    trialExceptions: domainSet(s?.allowedTrialTenantDomains ?? []),
    policies,
    global: policies.get(GLOBAL_POLICY) ?? indexPolicy(globalPolicy()),
    users,
  };
  orgCache.set(org, index);
  return index;
}

/** The organization with this id. */
export function findOrg(model: PolicyModel, orgId: string): Organization | undefined {
  return indexModel(model).byId.get(orgId);
}

/** The organization owning exactly this (normalized) domain. Subdomains are not assumed to belong. */
export function orgOfDomain(model: PolicyModel, domain: string): Organization | undefined {
  return indexModel(model).byDomain.get(domain);
}
