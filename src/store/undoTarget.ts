import type { Change } from '../policy/change';
import type { AuditLog } from './auditLog';
import { listBefore } from './listDelta';
import { restoreFromBefore } from './restoreChange';
import type { AuditEntry } from './types';

export type UndoTarget = { ok: true; entry: AuditEntry; inverse: Change } | { ok: false; reason: string };

/**
 * Which entry an undo puts back, or why it cannot: there is nothing to undo, it was undone already,
 * or a later change of the same organization touched any of the same settings (undoing would
 * silently throw that later change away).
 */
export function undoTarget(log: AuditLog, orgId: string, entryId: string | undefined, current: (path: string) => unknown): UndoTarget {
  const ofOrg = log.ofOrg(orgId);
  let entry: AuditEntry | undefined;
  if (entryId === undefined) {
    entry = ofOrg[ofOrg.length - 1];
    if (entry === undefined) return { ok: false, reason: `There is no change of ${orgId} to undo.` };
  } else {
    entry = log.get(entryId);
    if (entry === undefined) return { ok: false, reason: `There is no change with id ${entryId}.` };
    if (entry.orgId !== orgId) return { ok: false, reason: `Change ${entryId} belongs to ${entry.orgId}, not ${orgId}.` };
  }
  const undone = log.undoneBy(entry.id);
  if (undone !== undefined) {
    return { ok: false, reason: `${describe(entry)} was already undone by ${who(undone)} at ${undone.time}.` };
  }
  const touched = new Set(entry.touched);
  const later = ofOrg.slice(ofOrg.indexOf(entry) + 1).find((e) => e.touched.some((path) => touched.has(path)));
  if (later !== undefined) {
    const shared = later.touched.filter((path) => touched.has(path)).join(', ');
    return {
      ok: false,
      reason: `${describe(entry)} cannot be undone: a later change by ${who(later)} at ${later.time} ("${later.summary}") also changed ${shared}.`,
    };
  }
  if (entry.inverse !== undefined) return { ok: true, entry, inverse: entry.inverse };
  const before = beforeValues(entry, current);
  if (!before.ok) return { ok: false, reason: `${describe(entry)} cannot be undone: ${before.reason}` };
  const inverse = restoreFromBefore({ ...entry, before: before.values });
  if (inverse === undefined) return { ok: false, reason: `${describe(entry)} cannot be undone: its audit entry does not record how.` };
  return { ok: true, entry, inverse };
}

/**
 * The entry's before values, with its list deltas played back from the lists as they are now. No
 * later change touched those paths (checked above), so they are what the change left. A delta of a
 * field inside an object ("policies.Sales.blockedExternalDomains") goes back into that object; an
 * object the change created (before: null) needs none, one it deleted counts as empty lists now.
 */
function beforeValues(entry: AuditEntry, current: (path: string) => unknown): { ok: true; values: Record<string, unknown> } | { ok: false; reason: string } {
  const values: Record<string, unknown> = { ...entry.before };
  for (const [key, delta] of Object.entries(entry.lists ?? {})) {
    const owner = entry.touched.includes(key) ? undefined : entry.touched.find((p) => key.startsWith(`${p}.`) && /^[A-Za-z]\w*$/.test(key.slice(p.length + 1)));
    if (owner === undefined) {
      const now = current(key);
      const before = Array.isArray(now) ? listBefore(now as string[], delta) : undefined;
      if (before === undefined) return { ok: false, reason: `${key} is no longer what this change left.` };
      values[key] = before;
      continue;
    }
    const field = key.slice(owner.length + 1);
    const object = values[owner];
    if (object === null || object === undefined) {
      if (delta.size[0] !== 0) return { ok: false, reason: `its audit entry does not record ${owner}.` };
      continue;
    }
    const nowObject = current(owner);
    const now = nowObject === null || nowObject === undefined ? [] : (nowObject as Record<string, unknown>)[field];
    const before = Array.isArray(now) ? listBefore(now as string[], delta) : undefined;
    if (before === undefined) return { ok: false, reason: `${key} is no longer what this change left.` };
    values[owner] = { ...(object as Record<string, unknown>), [field]: before };
  }
  return { ok: true, values };
}

function describe(entry: AuditEntry): string {
  return `The change "${entry.summary}" (${entry.id})`;
}

function who(entry: AuditEntry): string {
  return entry.actor.displayName ?? entry.actor.address;
}
