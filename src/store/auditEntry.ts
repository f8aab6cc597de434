import type { Actor, Plan } from '../policy/types';
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
    before: plan.before,
    after: plan.after,
  };
  if (undoes !== undefined) entry.undoes = undoes;
  // The inverse is usually just the before values (a domain list can be thousands long): store it
  // only when it says something else.
  const derived = restoreFromBefore(entry);
  if (derived === undefined || !jsonEqual(derived, plan.inverse)) entry.inverse = plan.inverse;
  return entry;
}
