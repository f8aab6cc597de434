import { createHash } from 'node:crypto';
import type { PolicyModel } from '../policy/model';
import type { Plan } from '../policy/types';

const print = (value: unknown): string => createHash('sha256').update(JSON.stringify(value) ?? 'null').digest('base64url');

/**
 * The organization's own data as a fingerprint: a confirmation is stale when it differs (another
 * change of the same organization landed), and only then; changes of other organizations leave it.
 */
export function orgPrint(model: PolicyModel, orgId: string): string {
  return print(model.organizations.find((o) => o.id === orgId) ?? null);
}

/**
 * What a preview showed, as a fingerprint: the change understood, before → after and who gains or
 * loses reachability. Warnings are left out: the "in effect by" note moves with the clock.
 */
export function shownPrint(plan: Plan): string {
  return print({ change: plan.change, orgId: plan.orgId, summary: plan.summary, diff: plan.diff, impact: plan.impact });
}
