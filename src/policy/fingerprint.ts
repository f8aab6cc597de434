import { hash } from 'node:crypto';
import { differingMiddle } from './list-middle';
import type { PolicyModel } from './model';
import type { Plan } from './types';

/**
 * The one staleness rule of every confirmation (the bot's Confirm button and the import CLI's
 * --yes): what a preview showed is fingerprinted when it is shown, and the store applies the change
 * only when the plan made at commit time still prints the same — the change still does what the
 * person confirmed. Another admin's unrelated change in between (another domain blocked, another
 * organization changed) leaves it as shown; a change of what it touches, of its outcome or of whom
 * it affects makes it stale, and the person gets a fresh preview.
 */

/** One-shot (`crypto.hash`): half the time of a Hash object for a print this size, made for every confirmation in the queue. */
const print = (value: unknown): string => hash('sha256', JSON.stringify(value) ?? 'null', 'base64url');

/**
 * What a preview showed, as a fingerprint: the change understood, its summary, what it does to each
 * setting it touches, and who gains or loses reachability. For a list, what it does is the entries
 * it adds and removes, not the rest of the list (the preview shows the list around them, which
 * another admin's addition changes without changing this change). Warnings are left out: the
 * "in effect by" note moves with the clock.
 */
export function shownPrint(plan: Plan): string {
  // Rows as tuples, without their field names: a change of the master switch at 10,000 organizations
  // has 10,000 rows, and this print is made while the admin waits for the preview.
  const impact = plan.impact.map((i) => [i.fromOrgId, i.toOrgId, i.fromLabel, i.toLabel, i.before, i.after, i.kind]);
  const effect = plan.touched.map((path) => [path, effectOn(plan.before[path], plan.after[path])]);
  return print({ change: plan.change, orgId: plan.orgId, summary: plan.summary, effect, impact });
}

const isStringList = (v: readonly unknown[]): v is string[] => v.every((x) => typeof x === 'string');

/** A list setting as the entries added and removed; anything else (a switch, a policy, a user) as before → after. */
function effectOn(before: unknown, after: unknown): unknown {
  if (!Array.isArray(before) || !Array.isArray(after)) return { before, after };
  // A change adds or takes out a few entries of a list that may hold thousands, and this runs for
  // every confirmation in the write queue: compare only what lies between the common start and end.
  const { before: was, after: is } = differingMiddle(before, after);
  if (!isStringList(was) || !isStringList(is)) return { before, after };
  const had = new Set(was);
  const has = new Set(is);
  return { added: is.filter((x) => !had.has(x)), removed: was.filter((x) => !has.has(x)) };
}

/**
 * Whether a change planned at commit time on `before` is still the one shown (`shown`, its
 * `shownPrint`). `previewed`, the very model and plan of the preview (whose print `shown` is),
 * answers without printing when the plan is made of the same parts: the store planned on nothing
 * newer, or planned again and found the preview's step and impact rows kept (only other
 * organizations changed, and not toward this one).
 */
export function stillAsShown(shown: string, before: PolicyModel, plan: Plan, previewed?: { model: PolicyModel; plan: Plan }): boolean {
  if (previewed && ((before === previewed.model && plan === previewed.plan) || sameParts(plan, previewed.plan))) return true;
  return shownPrint(plan) === shown;
}

/**
 * The same print, found without hashing: by identity where a plan made again shares the preview's
 * parts (its kept step), else by what the print is made of (the same JSON gives the same print).
 */
function sameParts(a: Plan, b: Plan): boolean {
  return (
    (a.change === b.change || JSON.stringify(a.change) === JSON.stringify(b.change)) &&
    a.orgId === b.orgId &&
    a.summary === b.summary &&
    sameEffect(a, b) &&
    a.impact.length === b.impact.length &&
    a.impact.every((row, i) => {
      const other = b.impact[i]!;
      return (
        row === other ||
        (row.fromOrgId === other.fromOrgId && row.toOrgId === other.toOrgId && row.fromLabel === other.fromLabel && row.toLabel === other.toLabel && row.before === other.before && row.after === other.after && row.kind === other.kind)
      );
    })
  );
}

/** What both plans do to each setting they touch, as their prints hold it. */
function sameEffect(a: Plan, b: Plan): boolean {
  if (a.touched === b.touched && a.before === b.before && a.after === b.after) return true;
  if (a.touched.length !== b.touched.length) return false;
  return a.touched.every((path, i) => path === b.touched[i] && sameJson(effectOn(a.before[path], a.after[path]), effectOn(b.before[path], b.after[path])));
}

/** Equal as JSON: lists of entries added and removed compared entry by entry, anything else as text. */
function sameJson(x: unknown, y: unknown): boolean {
  if (isListEffect(x) && isListEffect(y)) return sameStrings(x.added, y.added) && sameStrings(x.removed, y.removed);
  return JSON.stringify(x) === JSON.stringify(y);
}

const isListEffect = (v: unknown): v is { added: string[]; removed: string[] } => typeof v === 'object' && v !== null && 'added' in v;
const sameStrings = (x: readonly string[], y: readonly string[]): boolean => x.length === y.length && x.every((s, i) => s === y[i]);
