import { normalizeAddress } from './domain';
import type { PolicyModel } from './model';
import { replacedOrgs } from './replaced-orgs';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An Entra object or tenant id (a GUID), as Teams proves them. */
export function isObjectId(s: string): boolean {
  return GUID.test(s.trim());
}

/** The key an admin roster entry (an address or an object id) is looked up by, if it is either. */
export function rosterKey(entry: string): string | undefined {
  return isObjectId(entry) ? entry.trim().toLowerCase() : normalizeAddress(entry);
}

/** Admin address or object id → ids of the organizations whose roster lists it (once per listing), in store order. */
export type Rosters = ReadonlyMap<string, readonly string[]>;

const cache = new WeakMap<PolicyModel, Rosters>();
/** The last model whose rosters were made (weakly: it may be gone), and those rosters. */
let last: { model: WeakRef<PolicyModel>; rosters: Rosters } | undefined;

/** Beyond this many replaced organizations, a rebuild is as cheap. */
const MAX_DERIVED = 16;

/**
 * The rosters of a model, made once per model object (every turn asks). A model planned from the
 * last one differs in an organization or two: its rosters are then derived from that one's (the same
 * map when no admin list changed), not rebuilt over every organization.
 */
export function rosters(model: PolicyModel): Rosters {
  const cached = cache.get(model);
  if (cached) return cached;
  const prev = last?.model.deref();
  const made = (prev && last && derivedRosters(prev, last.rosters, model)) ?? buildRosters(model);
  cache.set(model, made);
  last = { model: new WeakRef(model), rosters: made };
  return made;
}

/** The rosters built from scratch (exported for the test that derived rosters equal them). */
export function buildRosters(model: PolicyModel): Rosters {
  const index = new Map<string, string[]>();
  for (const org of model.organizations) {
    for (const admin of org.admins) {
      const key = rosterKey(admin);
      if (key === undefined) continue;
      // Appended in place: copying the list per organization would be quadratic for an admin of many.
      const ids = index.get(key);
      if (ids) ids.push(org.id);
      else index.set(key, [org.id]);
    }
  }
  return index;
}

function derivedRosters(prev: PolicyModel, prevRosters: Rosters, model: PolicyModel): Rosters | undefined {
  const replaced = replacedOrgs(prev, model, MAX_DERIVED);
  if (replaced === undefined) return undefined;
  const changed = replaced.filter((r) => r.before.admins !== r.after.admins && !sameList(r.before.admins, r.after.admins));
  if (changed.length === 0) return prevRosters;
  const position = new Map<string, number>();
  prev.organizations.forEach((o, i) => position.has(o.id) || position.set(o.id, i));
  const next = new Map(prevRosters);
  const keysOf = (admins: readonly string[]): string[] => admins.map(rosterKey).filter((k): k is string => k !== undefined);
  for (const { before, after } of changed) {
    const affected = new Set([...keysOf(before.admins), ...keysOf(after.admins)]);
    for (const key of affected) {
      // The id listed once per entry of the new roster naming this key, placed in store order (a stable sort).
      const times = keysOf(after.admins).filter((k) => k === key).length;
      const ids = [...(next.get(key) ?? []).filter((id) => id !== before.id), ...Array<string>(times).fill(after.id)];
      ids.sort((x, y) => (position.get(x) ?? 0) - (position.get(y) ?? 0));
      if (ids.length > 0) next.set(key, ids);
      else next.delete(key);
    }
  }
  return next;
}

const sameList = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);
