import type { PolicyModel } from '../policy/model';
import type { Actor, PlanResult } from '../policy/types';
import type { AuditLog } from './auditLog';
import type { Planner } from './planner';
import type { AuditEntry, CommitResult } from './types';
import { undoTarget } from './undoTarget';

/** Shared by every store: the one stale refusal, in the same words. */
export const notAsShown = (): CommitResult => ({ ok: false, stale: true, reason: 'store: the change no longer does what was previewed; preview it again.' });

export type PlannedUndo = { ok: true; entry: AuditEntry; planned: Extract<PlanResult, { ok: true }> } | { ok: false; reason: string };

/** The entry an undo puts back and the plan of doing so against `model`, or why it cannot. */
export function planUndo(plan: Planner, log: AuditLog, model: PolicyModel, input: { orgId: string; entryId?: string; actor: Actor; now: Date }): PlannedUndo {
  const org = model.organizations.find((o) => o.id === input.orgId);
  const target = undoTarget(log, input.orgId, input.entryId, (path) => settingAt(org, path));
  if (!target.ok) return target;
  const planned = plan(model, target.inverse, input.actor, input.now);
  if (!planned.ok) return { ok: false, reason: `The change "${target.entry.summary}" cannot be undone: ${planned.reason}` };
  return { ok: true, entry: target.entry, planned };
}

/** The current value of a "settings.<key>" path of an organization (the only paths kept as list deltas). */
function settingAt(org: PolicyModel['organizations'][number] | undefined, path: string): unknown {
  // Also "policies.<name>" and "users.<address>" (null: absent), whose objects' lists are deltas too.
  const dot = path.indexOf('.');
  const group = path.slice(0, dot);
  const key = path.slice(dot + 1);
  if (org === undefined || dot <= 0) return undefined;
  if (group === 'settings') return org.settings === undefined ? undefined : (org.settings as Record<string, unknown>)[key];
  if (group === 'policies') return org.policies.find((p) => p.name === key) ?? null;
  if (group === 'users') return org.users.find((u) => u.address === key) ?? null;
  return undefined;
}
