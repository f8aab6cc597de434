import type { Change } from '../policy/change';
import type { AuditLog } from './auditLog';
import { restoreFromBefore } from './restoreChange';
import type { AuditEntry } from './types';

export type UndoTarget = { ok: true; entry: AuditEntry; inverse: Change } | { ok: false; reason: string };

/**
 * Which entry an undo puts back, or why it cannot: there is nothing to undo, it was undone already,
 * or a later change of the same organization touched any of the same settings (undoing would
 * silently throw that later change away).
 */
export function undoTarget(log: AuditLog, orgId: string, entryId?: string): UndoTarget {
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
  const inverse = entry.inverse ?? restoreFromBefore(entry);
  if (inverse === undefined) return { ok: false, reason: `${describe(entry)} cannot be undone: its audit entry does not record how.` };
  return { ok: true, entry, inverse };
}

function describe(entry: AuditEntry): string {
  return `The change "${entry.summary}" (${entry.id})`;
}

function who(entry: AuditEntry): string {
  return entry.actor.displayName ?? entry.actor.address;
}
