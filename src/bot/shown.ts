import { createHash } from 'node:crypto';
import type { PolicyModel } from '../policy/model';
import type { Plan } from '../policy/types';

const print = (value: unknown): string => createHash('sha256').update(JSON.stringify(value) ?? 'null').digest('base64url');

/**
 * The organization's own data as a fingerprint: a confirmation is stale when it differs (another
 * change of the same organization landed), and only then; changes of other organizations leave it.
 */
export function orgPrint(model: PolicyModel, orgId: string): string {
  const org = model.organizations.find((o) => o.id === orgId);
  if (org === undefined) return print(null);
  // Store snapshots are immutable, so an organization object keeps its print (a 4,000-domain one
  // is not re-serialized on every confirmation in the write queue).
  let p = prints.get(org);
  if (p === undefined) prints.set(org, (p = print(org)));
  return p;
}

const prints = new WeakMap<object, string>();

/**
 * What a preview showed, as a fingerprint: the change understood, before → after and who gains or
 * loses reachability. Warnings are left out: the "in effect by" note moves with the clock.
 */
export function shownPrint(plan: Plan): string {
  // Rows as tuples, without their field names: a change of the master switch at 10,000 organizations
  // has 10,000 rows, and this print is made while the admin waits for the preview.
  const impact = plan.impact.map((i) => [i.fromOrgId, i.toOrgId, i.fromLabel, i.toLabel, i.before, i.after, i.kind]);
  return print({ change: plan.change, orgId: plan.orgId, summary: plan.summary, diff: plan.diff, impact });
}
