import type { Actor, Plan } from '../policy/types';
import { COMPACT_FROM, listDelta } from './listDelta';
import { jsonEqual, restoreFromBefore } from './restoreChange';
import type { AuditEntry } from './types';

/** The audit entry of a planned change: who, when, what was asked, what it touched, before → after. */
export function auditEntry(id: string, plan: Plan, input: { actor: Actor; request: string; now: Date }, undoes?: string): AuditEntry {
  const { address, displayName, objectId } = input.actor;
  const entry: AuditEntry = {
    id,
    time: input.now.toISOString(),
    actor: { address, ...(displayName !== undefined && { displayName }), ...(objectId !== undefined && { objectId }) },
    orgId: plan.orgId,
    request: input.request,
    change: plan.change,
    summary: plan.summary,
    touched: plan.touched,
    ...compactLists(plan.before, plan.after),
  };
  if (undoes !== undefined) entry.undoes = undoes;
  // The inverse is usually just the before values (a domain list can be thousands long): store it
  // only when it says something else.
  const derived = restoreFromBefore({ orgId: plan.orgId, touched: plan.touched, before: plan.before });
  if (derived === undefined || !jsonEqual(derived, plan.inverse)) entry.inverse = plan.inverse;
  return entry;
}

/** Before/after values, with long lists that changed a little kept as deltas instead. */
function compactLists(before: Record<string, unknown>, after: Record<string, unknown>): Pick<AuditEntry, 'before' | 'after' | 'lists'> {
  const out: Pick<AuditEntry, 'before' | 'after' | 'lists'> = { before: { ...before }, after: { ...after } };
  for (const path of Object.keys(before)) {
    const b = before[path];
    const a = after[path];
    if (!isStringList(b) || !isStringList(a) || b.length + a.length < COMPACT_FROM) continue;
    const delta = listDelta(b, a);
    if (delta === undefined) continue;
    delete out.before[path];
    delete out.after[path];
    (out.lists ??= {})[path] = delta;
  }
  return out;
}

function isStringList(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((x) => typeof x === 'string');
}
