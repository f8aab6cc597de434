import { normalizeDomain } from './domain';
import { derivedKeys } from './key-set';
import type { KeySet } from './key-set';
import { identityOf } from './identity';
import { differingMiddle, originOf, without } from './list-middle';
import { overlaid } from './overlay-map';
import { GLOBAL_POLICY, globalPolicy } from './model';
import type { DomainMode, Organization, PolicyModel, User, UserPolicy } from './model';
import { ModelMemo } from './model-memo';
import { replacedOrgs } from './replaced-orgs';

/** A user policy with its domain lists as Sets. */
export interface PolicyIndex {
  policy: UserPolicy;
  allowed: KeySet;
  blocked: KeySet;
}

/**
 * One organization with every list as a Set, so a verdict never scans a list. It holds no reference
 * to the organization or to its settings, only what the rule asks, as values: it is kept in a WeakMap
 * keyed by the organization, and V8's scavenger keeps alive whatever a WeakMap value reaches, its own
 * key included (see PerVersion). With the organization in it, every version of an organization that
 * a plan made survived each scavenge, with its domain lists, until a full collection.
 */
export interface OrgIndex {
  /** The organization's domain rule (allow-all when it has no settings). */
  domainMode: DomainMode;
  blockAllSubdomains: boolean;
  domains: KeySet;
  allowed: KeySet;
  blocked: KeySet;
  trialExceptions: KeySet;
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
  /** Entra tenant id (lower case) → the organization carrying it (the first one, if two do): every Teams turn asks. */
  byTenant: ReadonlyMap<string, Organization>;
  /** The first organization of kind consumer (personal accounts), if the model holds one. */
  consumer: Organization | undefined;
}

const PLAIN = /^[a-z0-9-]+(\.[a-z0-9-]+)+$/;

/** Stored entries are normalized again so a hand-edited store still matches. */
export function domainKey(raw: string): string {
  // Fast path: already stored form (lower-case ASCII, no punycode, no trailing dot) is its own key.
  if (PLAIN.test(raw)) return raw;
  const r = normalizeDomain(raw);
  return r.ok ? r.domain.ascii : raw.trim().toLowerCase();
}

/**
 * A list's keys as a Set, cached per frozen list object: a changed organization shares the lists the
 * change left alone, so its index need not rebuild their (up to 4,000-entry) Sets; and a list a step
 * made from another (`nextList`) gets its Set from that one's, plus and minus what the step changed.
 */
const listSets = new WeakMap<readonly string[], KeySet>();
/**
 * The same Sets by list token (see `identityOf`), for lists long enough to be worth deriving from:
 * what a list made from another one derives its Set from. A short list's Set is made again in a
 * microsecond, and a token for each of 10,000 organizations' domain lists cost a megabyte or two.
 */
const tokenSets = new WeakMap<object, KeySet>();
const DERIVED_FROM = 32;
const EMPTY: KeySet = new Set<string>();
export function domainSet(list: readonly string[]): KeySet {
  // Most lists of most organizations are empty: one shared Set instead of one each.
  if (list.length === 0) return EMPTY;
  const cached = listSets.get(list);
  if (cached) return cached;
  const set = derivedSet(list) ?? new Set(list.map(domainKey));
  if (Object.isFrozen(list)) {
    listSets.set(list, set);
    if (list.length >= DERIVED_FROM) tokenSets.set(identityOf(list), set);
  }
  return set;
}

/**
 * `list` without its entries whose key is in `gone`. A stored list holds each key once, as the key
 * itself: those entries are found by position, in one copy of the list (2–5 µs for 1,000 entries,
 * where a key per entry took 250 µs). A list holding a key twice or in another spelling (a
 * hand-edited store) is filtered entry by entry.
 */
export function withoutDomains(list: readonly string[], gone: ReadonlySet<string>): string[] {
  if (gone.size === 0) return [...list];
  const keys = [...gone];
  const stored = domainSet(list).size === list.length && keys.every((key) => domainKey(key) === key);
  return (stored ? without(list, keys) : undefined) ?? list.filter((d) => !gone.has(domainKey(d)));
}

/**
 * The Set of a list made from one whose Set is known: that Set with the keys of the entries taken out
 * removed and of those put in added. Removing is exact only when no two entries of the old list share
 * a key (else another entry may still hold it): otherwise, and for an unknown origin, undefined.
 */
function derivedSet(list: readonly string[]): KeySet | undefined {
  const from = originOf(list);
  const base = from && tokenSets.get(from.token);
  if (!from || !base) return undefined;
  const { before: out, after: put } = from.middle as { before: readonly string[]; after: readonly string[] };
  if (out.length > 0 && base.size !== from.length) return undefined;
  return derivedKeys(base, new Set(put.map(domainKey)), new Set(out.map(domainKey)));
}

/**
 * Marks a domain list a change step made from `previous` (the same setting before the step): frozen,
 * like every list of a stored model, so its key Set is cached, and with `previous` as its origin, so
 * that Set derives from `previous`'s (see `derivedSet`).
 */
export function nextList(list: readonly string[], previous: readonly string[]): readonly string[] {
  if (list === previous) return list;
  Object.freeze(list);
  differingMiddle(previous, list);
  return list;
}

/** The current model, a plan's next one, an older one a stale check plans against: a few suffice. */
const modelCache = new ModelMemo<ModelIndex>(4);
const orgCache = new WeakMap<Organization, OrgIndex>();

/**
 * The index of a model, built once per model object (of the last few asked about). A model planned from the last one indexed
 * differs from it in an organization or two (same ids, same domains): its index is then that one
 * with those entries pointed at the new objects on top (see overlaid), not a rebuild over every
 * organization.
 */
export function indexModel(model: PolicyModel): ModelIndex {
  const cached = modelCache.get(model);
  if (cached) return cached;
  const prev = last?.model.deref();
  const index = (prev && last && derivedIndex(prev, last.index, model)) ?? buildModelIndex(model);
  modelCache.set(model, index);
  last = { model: new WeakRef(model), index };
  return index;
}

/** The last model indexed (weakly: it may be gone) and its index. */
let last: { model: WeakRef<PolicyModel>; index: ModelIndex } | undefined;

/** Beyond this many replaced organizations, a rebuild is as cheap. */
const MAX_DERIVED = 16;

function derivedIndex(prev: PolicyModel, prevIndex: ModelIndex, model: PolicyModel): ModelIndex | undefined {
  const replaced = replacedOrgs(prev, model, MAX_DERIVED);
  if (replaced === undefined) return undefined;
  const same = (x: readonly string[] | undefined, y: readonly string[] | undefined): boolean =>
    x === y || (x !== undefined && y !== undefined && x.length === y.length && x.every((v, j) => v === y[j]));
  if (!replaced.every(({ before: o, after: n }) => same(o.domains, n.domains) && same(o.tenantIds, n.tenantIds) && o.kind === n.kind)) return undefined;
  const byId = new Map<string, Organization>();
  const byDomain = new Map<string, Organization>();
  const byTenant = new Map<string, Organization>();
  let consumer = prevIndex.consumer;
  // Same position, id, kind, domains and tenants: an entry that pointed at the old object points at the new one.
  for (const { before: o, after: n } of replaced) {
    if (prevIndex.byId.get(o.id) === o) byId.set(o.id, n);
    for (const d of o.domains) {
      const key = domainKey(d);
      if (prevIndex.byDomain.get(key) === o) byDomain.set(key, n);
    }
    for (const t of o.tenantIds ?? []) {
      const key = t.toLowerCase();
      if (prevIndex.byTenant.get(key) === o) byTenant.set(key, n);
    }
    if (consumer === o) consumer = n;
  }
  const index = { byDomain: overlaid(prevIndex.byDomain, byDomain), byId: overlaid(prevIndex.byId, byId), byTenant: overlaid(prevIndex.byTenant, byTenant), consumer };
  const names = namesOf.get(prevIndex);
  // Names are indexed on the first question by name; carried over while no organization is renamed.
  if (names && replaced.every(({ before: o, after: n }) => o.name === n.name)) {
    const renamed = new Map<string, Organization>();
    for (const { before: o, after: n } of replaced) for (const key of nameKeys(o)) if (names.get(key) === o) renamed.set(key, n);
    namesOf.set(index, overlaid(names, renamed));
  }
  return index;
}

/** The index built from scratch (exported for the test that derived indexes equal it). */
export function buildModelIndex(model: PolicyModel): ModelIndex {
  const byDomain = new Map<string, Organization>();
  const byId = new Map<string, Organization>();
  const byTenant = new Map<string, Organization>();
  let consumer: Organization | undefined;
  for (const org of model.organizations) {
    if (!byId.has(org.id)) byId.set(org.id, org);
    for (const d of org.domains) {
      const key = domainKey(d);
      if (!byDomain.has(key)) byDomain.set(key, org);
    }
    for (const t of org.tenantIds ?? []) {
      const key = t.toLowerCase();
      if (!byTenant.has(key)) byTenant.set(key, org);
    }
    if (org.kind === 'consumer') consumer ??= org;
  }
  return { byDomain, byId, byTenant, consumer };
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
  const policies = policiesIndex(org.policies);
  const users = usersIndex(org.users);
  const s = org.settings;
  const index: OrgIndex = {
    domainMode: s?.domainMode ?? 'allowAll',
    blockAllSubdomains: s?.blockAllSubdomains ?? false,
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

/**
 * The policies and the users of an organization by name and address, kept per (frozen) list: a change
 * of its settings keeps both lists, so the next version's index reuses them (an organization of a
 * thousand users no longer rebuilds their Map for every change of a domain list).
 */
const policyIndexes = new WeakMap<readonly UserPolicy[], ReadonlyMap<string, PolicyIndex>>();
const policiesIndex = (list: readonly UserPolicy[]): ReadonlyMap<string, PolicyIndex> =>
  keptFor(policyIndexes, list, () => {
    const policies = new Map<string, PolicyIndex>();
    for (const p of list) if (!policies.has(p.name)) policies.set(p.name, indexPolicy(p));
    return policies;
  });
const userIndexes = new WeakMap<readonly User[], ReadonlyMap<string, User>>();
const usersIndex = (list: readonly User[]): ReadonlyMap<string, User> =>
  keptFor(userIndexes, list, () => new Map(list.map((u) => [u.address.trim().toLowerCase(), u])));

/** What `make` builds for a list, kept while the list lives if it is frozen (it cannot change then). */
function keptFor<L extends object, V>(kept: WeakMap<L, V>, list: L, make: () => V): V {
  let value = kept.get(list);
  if (value === undefined) {
    value = make();
    if (Object.isFrozen(list)) kept.set(list, value);
  }
  return value;
}

/** The organization with this id. */
export function findOrg(model: PolicyModel, orgId: string): Organization | undefined {
  return indexModel(model).byId.get(orgId);
}

/** Letters and digits only, lower case: "Contoso West", "contoso-west" and "contosowest" are one key. */
export const nameKey = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
const nameKeys = (o: Organization): string[] => [nameKey(o.id), nameKey(o.name)];

/**
 * Name keys (of ids and names) → the first organization with one, per index: built on the first
 * question that names an organization (a scan of 10,000 took 12–15 ms each time), then derived with
 * the index.
 */
const namesOf = new WeakMap<ModelIndex, ReadonlyMap<string, Organization>>();

/** The first organization whose id or name has this name key (see `nameKey`), if one does. */
export function orgOfName(model: PolicyModel, key: string): Organization | undefined {
  const index = indexModel(model);
  let names = namesOf.get(index);
  if (!names) {
    const made = new Map<string, Organization>();
    for (const org of model.organizations) for (const k of nameKeys(org)) if (!made.has(k)) made.set(k, org);
    namesOf.set(index, (names = made));
  }
  return names.get(key);
}

/** The organization carrying this Entra tenant id (any case), if one does. */
export function orgOfTenant(model: PolicyModel, tenantId: string): Organization | undefined {
  return indexModel(model).byTenant.get(tenantId.trim().toLowerCase());
}

/** The organization owning exactly this (normalized) domain. Subdomains are not assumed to belong. */
export function orgOfDomain(model: PolicyModel, domain: string): Organization | undefined {
  return indexModel(model).byDomain.get(domain);
}

/**
 * The model's first organization of kind consumer (personal accounts), if any. For a model that
 * replaced a few organizations of the last one indexed, none of them of kind consumer (a plan's
 * next model, asked by its impact), the last one's answer, without indexing the new model.
 */
export function consumerOrg(model: PolicyModel): Organization | undefined {
  const cached = modelCache.get(model) ?? consumers.get(model);
  if (cached) return cached.consumer;
  const prev = last?.model.deref();
  const replaced = prev && replacedOrgs(prev, model, MAX_DERIVED);
  if (!last || !replaced || replaced.some((r) => r.before.kind === 'consumer' || r.after.kind === 'consumer')) return indexModel(model).consumer;
  // Found once per model: finding what it replaced looks at every organization.
  consumers.set(model, { consumer: last.index.consumer });
  return last.index.consumer;
}
const consumers = new WeakMap<PolicyModel, { consumer: Organization | undefined }>();
