import { createHash } from 'node:crypto';
import type { PolicyModel } from './model';
import type { Plan } from './types';

/**
 * The one staleness rule of every confirmation (the bot's Confirm button and the import CLI's
 * --yes): what was shown is fingerprinted when it is shown, and the store applies the change only
 * when the organization and the plan made at commit time still print the same.
 */

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

/** The fingerprints of a preview: the organization it was planned on, and what it showed. */
export interface ShownPrints {
  orgPrint: string;
  shownPrint: string;
}

export function shownPrints(model: PolicyModel, orgId: string, plan: Plan): ShownPrints {
  return { orgPrint: orgPrint(model, orgId), shownPrint: shownPrint(plan) };
}

/**
 * Whether a change of `orgId` planned at commit time on `before` is still the one shown. `previewed`,
 * the very model and plan of the preview, answers yes without printing when the store planned on
 * nothing newer (models are immutable: the plan would print the same).
 */
export function stillAsShown(
  shown: ShownPrints,
  orgId: string,
  before: PolicyModel,
  plan: Plan,
  previewed?: { model: PolicyModel; plan: Plan },
): boolean {
  if (previewed && before === previewed.model && plan === previewed.plan) return true;
  return orgPrint(before, orgId) === shown.orgPrint && shownPrint(plan) === shown.shownPrint;
}
