import type { Change } from '../policy/change';
import type { Actor, Plan } from '../policy/types';
import { COMPACT_FROM, fullListDelta } from './listDelta';
import type { ListDelta } from './listDelta';
import { jsonEqual, restoreFromBefore } from './restoreChange';
import type { AuditEntry } from './types';

/**
 * The audit entry of a planned change: who, when, what was asked, what it touched, before → after.
 * No long list is written whole: list settings, and the lists inside policies (and any object at a
 * touched path), are kept as deltas in `lists`; a restore change (undo, a restore sent by a card)
 * leaves out the values those deltas already record (`elided`). So an entry costs what changed, not
 * the size of the lists it touched, and the audit log grows by that.
 */
export function auditEntry(id: string, plan: Plan, input: { actor: Actor; request: string; now: Date }, undoes?: string): AuditEntry {
  const { address, displayName, objectId } = input.actor;
  const compact = compactLists(plan.before, plan.after);
  const { change, elided } = compactChange(plan.change, compact.lists);
  // Optional fields assigned, not spread in (a temporary object each): every confirmation makes one.
  const actor: AuditEntry['actor'] = { address };
  if (displayName !== undefined) actor.displayName = displayName;
  if (objectId !== undefined) actor.objectId = objectId;
  const entry: AuditEntry = {
    id,
    time: input.now.toISOString(),
    actor,
    orgId: plan.orgId,
    request: input.request,
    change,
    summary: plan.summary,
    touched: plan.touched,
    before: compact.before,
    after: compact.after,
  };
  if (compact.lists !== undefined) entry.lists = compact.lists;
  if (elided !== undefined) entry.elided = elided;
  if (undoes !== undefined) entry.undoes = undoes;
  // The inverse is usually just the before values (a domain list can be thousands long): store it
  // only when it says something else.
  const derived = restoreFromBefore({ orgId: plan.orgId, touched: plan.touched, before: plan.before });
  if (derived === undefined || !jsonEqual(derived, plan.inverse)) entry.inverse = plan.inverse;
  return entry;
}

type Compact = { before: Record<string, unknown>; after: Record<string, unknown>; lists?: Record<string, ListDelta> };

/** Before/after values with every long string list replaced by its delta (at `path`, or `path.field` inside an object). */
function compactLists(before: Record<string, unknown>, after: Record<string, unknown>): Compact {
  const out: Compact = { before: { ...before }, after: { ...after } };
  const keep = (key: string, delta: ListDelta) => ((out.lists ??= {})[key] = delta);
  // Every path of either side, before's first (the order of `lists` in the entry), without a Set of both key lists.
  const paths = Object.keys(before);
  for (const path of Object.keys(after)) if (!isEnumerable.call(before, path)) paths.push(path);
  for (const path of paths) {
    const b = before[path];
    const a = after[path];
    if (isStringList(b) && isStringList(a)) {
      if (b.length + a.length < COMPACT_FROM) continue;
      keep(path, fullListDelta(b, a));
      delete out.before[path];
      delete out.after[path];
      continue;
    }
    // An object (a policy, say) that exists on one side at least: its long lists become deltas, a
    // side that did not exist (null) counting as empty lists.
    if (!isRecord(b) && !isRecord(a)) continue;
    if ((b !== null && b !== undefined && !isRecord(b)) || (a !== null && a !== undefined && !isRecord(a))) continue;
    const bObj = isRecord(b) ? { ...b } : undefined;
    const aObj = isRecord(a) ? { ...a } : undefined;
    for (const field of new Set([...Object.keys(bObj ?? {}), ...Object.keys(aObj ?? {})])) {
      const bl = bObj === undefined ? [] : bObj[field];
      const al = aObj === undefined ? [] : aObj[field];
      if (!/^[A-Za-z]\w*$/.test(field) || !isStringList(bl) || !isStringList(al) || bl.length + al.length < COMPACT_FROM) continue;
      keep(`${path}.${field}`, fullListDelta(bl, al));
      if (bObj !== undefined) delete bObj[field];
      if (aObj !== undefined) delete aObj[field];
    }
    if (bObj !== undefined) out.before[path] = bObj;
    if (aObj !== undefined) out.after[path] = aObj;
  }
  return out;
}

const isEnumerable = Object.prototype.propertyIsEnumerable;

const GROUPS = ['settings', 'policies', 'users'] as const;

/**
 * A restore change sets its paths to exactly their after values; where `lists` records those
 * values' lists, the change leaves the value out and names its path in `elided` (a restore of a
 * 4,000-domain list is then not written three times).
 */
function compactChange(change: Change, lists: Record<string, ListDelta> | undefined): { change: Change; elided?: string[] } {
  if (change.kind !== 'restore' || lists === undefined) return { change };
  const listed = Object.keys(lists);
  const copy: Record<string, unknown> = { ...change };
  const elided: string[] = [];
  for (const group of GROUPS) {
    const values = change[group] as Record<string, unknown> | undefined;
    if (values === undefined) continue;
    const kept: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(values)) {
      const path = `${group}.${key}`;
      if (listed.some((l) => l === path || l.startsWith(`${path}.`))) elided.push(path);
      else kept[key] = value;
    }
    if (Object.keys(kept).length > 0) copy[group] = kept;
    else delete copy[group];
  }
  return elided.length === 0 ? { change } : { change: copy as Change, elided };
}

/**
 * A list of strings, judged by its first entry: the values at touched paths are settings, policies
 * and users, whose only lists are domain lists; anything else in a delta fails the entry's schema
 * check before it is written. (Looking at one entry keeps a 4,000-domain list from costing a loop.)
 */
function isStringList(v: unknown): v is string[] {
  return Array.isArray(v) && (v.length === 0 || typeof v[0] === 'string');
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
