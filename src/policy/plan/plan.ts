import type { Change } from '../change';
import { indexOrg, findOrg } from '../model-index';
import type { Organization, OrgSettings, PolicyModel } from '../model';
import { PerVersion } from '../per-version';
import type { Actor, Impact, Plan, PlanResult, PlanWarning } from '../types';
import { dispatch } from './dispatch';
import { impactSteps } from './impact';
import { finish } from './steps';
import { addedLookalikes } from './lookalikes';
import { touchedBetween } from './touched';
import type { Touched } from './touched';
import type { StepResult } from './context';

/**
 * Plan a change: the next model (a new object; the input is never mutated) and what the change
 * does, whom it affects, what to warn about, whether to confirm, and the restore change that undoes
 * it exactly. The only way to change a model. `now` dates the "in effect by" note.
 */
export function plan(model: PolicyModel, change: Change, actor: Actor, now?: Date): PlanResult {
  return finish(planSteps(model, change, actor, now));
}

/**
 * `plan` in steps: its impact over every organization pauses every few hundred of them (see
 * `impactSteps`), so the bot can answer others between the steps. The plan is the return value.
 */
export function* planSteps(model: PolicyModel, change: Change, actor: Actor, now?: Date): Generator<void, PlanResult> {
  // A generator only around the impact (the only step that pauses): the rest is plain functions,
  // each optimized on its own, instead of one body the JIT compiles whole (and again on a deopt).
  const begun = begin(model, change, actor);
  if (!begun.ok) return begun;
  const impact = begun.changed ? yield* impactSteps(model, begun.next, begun.org.id) : [];
  return planned(begun, change, impact, now);
}

/** A change applied to its organization, before its impact is known. */
interface Begun {
  ok: true;
  org: Organization;
  made: OrgStep & { step: Extract<StepResult, { ok: true }> };
  changed: boolean;
  next: PolicyModel;
}

/** The checks of who may change what, then the change applied to its organization (`stepOf`). */
function begin(model: PolicyModel, change: Change, actor: Actor): Begun | Extract<PlanResult, { ok: false }> {
  const org = findOrg(model, change.org);
  if (!org) return { ok: false, reason: `No organization "${change.org}" is known here.` };
  if (!org.managed || !org.settings) return { ok: false, reason: `${org.name} is not managed here: only its own admin can change its settings.` };
  if (!actor.adminOf.includes(org.id)) return { ok: false, reason: `${actor.address} is not an admin of ${org.name}: only its admins can change its settings.` };
  const made = stepOf(org, org.settings, change);
  const { step, touched } = made;
  if (!step.ok) return step;
  const changed = touched.paths.length > 0;
  const next: PolicyModel = changed ? { ...model, organizations: model.organizations.map((o) => (o === org ? step.org : o)) } : model;
  return { ok: true, org, made: { ...made, step }, changed, next };
}

/** The plan of a change begun, with its impact: warnings, whether to confirm, what it touched and undoes. */
function planned({ org, made, changed, next }: Begun, change: Change, impact: Impact[], now?: Date): PlanResult {
  const warnings: PlanWarning[] = [];
  const warn = (code: PlanWarning['code'], message: string): void => {
    if (!warnings.some((w) => w.message === message)) warnings.push({ code, message });
  };
  for (const w of made.warnings) warn(w.code, w.message);
  const { step, touched } = made;
  if (!changed) warn('noEffect', `Nothing changes: ${org.name} is already set that way.`);
  else warnings.push(delayWarning(touched.paths, now));

  const lookalikes = made.lookalikes;
  for (const message of lookalikes) warn('lookalike', message);
  // An import replaces settings wholesale from a file: always shown before it is taken over.
  const reasons = [...(change.kind === 'import' ? [`This takes over what ${change.source} says for ${org.name}.`] : []), ...confirmReasons(org, step.org, touched.paths, impact)];
  if (lookalikes.length > 0) reasons.push('It adds a domain that imitates another one (see the warning).');
  return {
    ok: true,
    next,
    plan: {
      change,
      orgId: org.id,
      orgName: org.name,
      summary: changed ? step.summary : `Nothing changes: ${org.name} is already set that way (${step.summary.replace(/\.$/, '')}).`,
      diff: touched.diff,
      impact,
      warnings,
      needsConfirmation: reasons.length > 0,
      ...(reasons.length > 0 ? { confirmReason: reasons.join(' ') } : {}),
      inverse: touched.inverse,
      touched: touched.paths,
      before: touched.before,
      after: touched.after,
    },
  };
}

/** What a change does to its organization: the step, its warnings, what it touched, the lookalikes it adds. */
interface OrgStep {
  step: StepResult;
  warnings: readonly PlanWarning[];
  touched: Touched;
  lookalikes: readonly string[];
}

/**
 * Kept per organization version and change (as JSON: a confirmation read back from the database is a
 * new object), a few changes for the latest version planned on of each of the last organizations: a
 * step depends on nothing else (see ApplyContext), and models are immutable. So the store, planning a
 * confirmed change again on a model where only other organizations changed since the preview, reuses
 * the preview's step, and with it the impact rows kept for its organization after the change (see
 * impactSteps). A plan on a newer version of the organization replaces its steps: the store plans on
 * the newest, and so would a preview's confirmation. Not kept with the organization object (see
 * PerVersion): the organization after a step, kept here, would keep its own successors alive.
 */
const steps = new PerVersion<Map<string, OrgStep>>(64);
const STEPS_PER_ORG = 8;

function stepOf(org: Organization, settings: OrgSettings, change: Change): OrgStep {
  const key = JSON.stringify(change);
  let ofOrg = steps.get(org.id, org);
  const kept = ofOrg?.get(key);
  if (kept) return kept;
  const warnings: PlanWarning[] = [];
  const warn = (code: PlanWarning['code'], message: string): void => void warnings.push({ code, message });
  const step = dispatch({ org, settings, own: indexOrg(org).domains, warn }, change);
  // Shared by every plan of this change on this organization: frozen, so none can alter another's.
  const touched = step.ok ? frozenParts(touchedBetween(org, step.org)) : NOTHING_TOUCHED;
  const lookalikes = step.ok && touched.paths.length > 0 ? addedLookalikes(org, step.org) : [];
  if (!ofOrg) steps.set(org.id, org, (ofOrg = new Map()));
  ofOrg.delete(key);
  if (ofOrg.size >= STEPS_PER_ORG) ofOrg.delete(ofOrg.keys().next().value!);
  const made: OrgStep = { step, warnings, touched, lookalikes };
  ofOrg.set(key, made);
  return made;
}

function frozenParts(t: Touched): Touched {
  for (const part of [t.paths, t.before, t.after, t.diff, t.inverse]) Object.freeze(part);
  return t;
}

const NOTHING_TOUCHED: Touched = { paths: [], before: {}, after: {}, inverse: { kind: 'restore', org: '' }, diff: [] };

const blocksAll = (o: Organization): boolean =>
  o.settings !== undefined && (o.settings.domainMode === 'blockAll' || (o.settings.domainMode === 'allowSpecific' && o.settings.allowedDomains.length === 0));

function confirmReasons(before: Organization, after: Organization, paths: readonly string[], impact: readonly Impact[]): string[] {
  const reasons: string[] = [];
  if (paths.includes('settings.allowFederatedUsers')) {
    reasons.push(`This is the master switch (AllowFederatedUsers): it decides external access for everyone in ${after.name}.`);
  }
  if (after.settings?.allowFederatedUsers && blocksAll(after) && !blocksAll(before)) {
    reasons.push(`This blocks all external domains for ${after.name}.`);
  }
  const losers = [...new Set(impact.filter((i) => i.kind === 'loses').map((i) => (i.fromOrgId === after.id ? i.toLabel : i.fromLabel)))];
  if (losers.length > 0) {
    const named = losers.length > 5 ? [...losers.slice(0, 5), `${losers.length - 5} more`] : losers;
    const list = named.length > 1 ? `${named.slice(0, -1).join(', ')} and ${named[named.length - 1]}` : named.join('');
    reasons.push(`It cuts off ${list}: today ${after.name} does not stand in the way of ${losers.length > 1 ? 'them' : 'it'}.`);
  }
  return reasons;
}

/**
 * The same plan as made at `now`: only the "in effect by" note depends on the time, so a plan
 * previewed a few minutes ago and confirmed now need not be made again.
 */
export function retimed(plan: Plan, now: Date): Plan {
  return { ...plan, warnings: plan.warnings.map((w) => (w.code === 'delay' ? delayWarning(plan.touched, now) : w)) };
}

function delayWarning(paths: readonly string[], now?: Date): PlanWarning {
  const userPolicy = paths.some((p) => p.startsWith('users.') || (p.startsWith('policies.') && p !== 'policies.Global'));
  const kind = userPolicy ? 'user' : paths.includes('policies.Global') ? 'global' : 'org';
  // The note names the minute (the same minute of `now`, whole hours later): the plans of a batch of
  // confirmations share one note, made once.
  const key = `${kind}|${now === undefined ? '' : Math.floor(now.getTime() / 60_000)}`;
  if (lastDelay?.key !== key) lastDelay = { key, warning: Object.freeze(delayNote(paths, now)) };
  return lastDelay.warning;
}

let lastDelay: { key: string; warning: PlanWarning } | undefined;

function delayNote(paths: readonly string[], now?: Date): PlanWarning {
  const userPolicy = paths.some((p) => p.startsWith('users.') || (p.startsWith('policies.') && p !== 'policies.Global'));
  const hours = userPolicy ? 48 : 24;
  const what = userPolicy
    ? 'User policy changes take 4 to 48 hours to apply in Teams'
    : paths.includes('policies.Global')
      ? 'Global policy changes take up to 24 hours to apply in Teams'
      : 'Organization setting changes can take hours (up to 24) to apply in Teams';
  const by = now ? `; expect it in effect by ${new Date(now.getTime() + hours * 3_600_000).toISOString().slice(0, 16).replace('T', ' ')} UTC` : '';
  return { code: 'delay', message: `${what}${by}.` };
}
