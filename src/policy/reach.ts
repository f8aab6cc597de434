import { asPersonal, resolveParticipant } from './participant';
import type { ResolvedParticipant } from './participant';
import { sideChecks } from './side-checks';
import { meetingNote, summarize } from './summary';
import type { PolicyModel } from './model';
import type { Check, Medium, Outcome, Verdict } from './types';

function directionOutcome(checks: readonly Check[], direction: 'aToB' | 'bToA'): Outcome {
  const relevant = checks.filter((c) => c.direction === direction || c.direction === 'both');
  if (relevant.some((c) => c.status === 'failed')) return 'notReachable';
  if (relevant.some((c) => c.status === 'unknown')) return 'depends';
  return 'reachable';
}

/** Both directions' outcomes from a list of checks (a starts with b, b starts with a). */
export function directionsOf(checks: readonly Check[]): { aToB: Outcome; bToA: Outcome } {
  return { aToB: directionOutcome(checks, 'aToB'), bToA: directionOutcome(checks, 'bToA') };
}

const isInterop = (p: ResolvedParticipant): boolean => p.user.coexistence !== 'TeamsOnly' || p.user.onPremises;

/**
 * Can `fromAddress` reach `toAddress`? Evaluates both sides and both directions; the outcome is
 * the direction in which `from` starts the conversation. `medium` is what the question asked about
 * (a meeting is not a chat: see summary.ts). Never throws.
 */
export function evaluateReach(model: PolicyModel, fromAddress: string, toAddress: string, medium?: Medium): Verdict {
  return evaluateResolved(resolveParticipant(model, fromAddress), resolveParticipant(model, toAddress), medium);
}

/** The verdict for two already resolved participants (used by matrices and plans). */
export function evaluateResolved(a: ResolvedParticipant, b: ResolvedParticipant, medium?: Medium): Verdict {
  const pa = a.participant;
  const pb = b.participant;
  const m = medium ? { medium } : {};
  if (a.kind === 'consumer' && b.kind === 'consumer') {
    // Two personal accounts (two gmail.com addresses too) are two people, not one organization.
    const summary = `Reachable: ${pa.address} and ${pb.address} are personal Teams accounts, not one organization: organization settings do not apply.`;
    return { outcome: 'reachable', a: pa, b: pb, directions: { aToB: 'reachable', bToA: 'reachable' }, checks: [], summary, conversation: 'personal', ...m };
  }
  if (a.kind === 'unknown' && b.kind === 'unknown' && a.key === b.key && pa.domain !== '') {
    const summary = `Depends on whether ${pa.domain} is one organization's domain: if ${pa.address} and ${pb.address} are work accounts there, they are in the same organization and external access does not apply; if they are personal Microsoft accounts (any address can be one), they are two separate people and organization settings do not apply either.`;
    return { outcome: 'depends', dependsOn: { orgName: pa.domain }, a: pa, b: pb, directions: { aToB: 'depends', bToA: 'depends' }, checks: [], summary, ...m };
  }
  if (a.kind !== 'invalid' && b.kind !== 'invalid' && a.key === b.key) {
    const summary = `Internal: ${pa.address} and ${pb.address} are both in ${pa.orgName}; external access does not apply.`;
    return { outcome: 'internal', a: pa, b: pb, directions: { aToB: 'internal', bToA: 'internal' }, checks: [], summary, ...m };
  }
  const verdict = judge(a, b, medium);
  // An address of no known organization may be a personal Microsoft account: give that answer too.
  const personal = b.kind === 'unknown' && pb.domain !== '' && a.kind !== 'unknown' ? 'b' : a.kind === 'unknown' && pa.domain !== '' && b.kind !== 'unknown' ? 'a' : undefined;
  if (personal === undefined) return verdict;
  const alt = personal === 'b' ? judge(a, asPersonal(b), medium) : judge(asPersonal(a), b, medium);
  const who = personal === 'b' ? pb.address : pa.address;
  const ifPersonal = { outcome: alt.outcome, summary: alt.summary };
  return { ...verdict, ifPersonal, summary: `${verdict.summary} If ${who} is a personal Microsoft account instead (any address can be one), the unmanaged-accounts settings decide: ${alt.summary}` };
}

function judge(a: ResolvedParticipant, b: ResolvedParticipant, medium: Medium | undefined): Verdict {
  const checks = [...sideChecks(a, b, 'from', 'bToA'), ...sideChecks(b, a, 'to', 'aToB')];
  const directions = directionsOf(checks);
  const outcome = directions.aToB;
  const open = outcome === 'reachable' || outcome === 'depends';
  const conversation = a.kind === 'consumer' || b.kind === 'consumer' ? ('personal' as const) : isInterop(a) || isInterop(b) ? ('interop' as const) : ('native' as const);
  const dependsOn = outcome === 'depends' ? dependsOnOf(checks) : undefined;
  const verdict: Verdict = {
    outcome,
    ...(dependsOn ? { dependsOn } : {}),
    a: a.participant,
    b: b.participant,
    directions,
    ...(open ? { conversation } : {}),
    ...(medium ? { medium } : {}),
    checks,
    summary: '',
  };
  verdict.summary = summarize(verdict);
  const note = meetingNote(verdict).trim();
  if (note !== '') verdict.note = note;
  return verdict;
}

/** The organization whose unknown setting decides (an on-premises deployment is named as such). */
function dependsOnOf(checks: readonly Check[]): { orgId?: string; orgName: string } | undefined {
  // The other side first: with neither side managed, the one asked about decides.
  const open = checks.filter((x) => x.status === 'unknown' && x.direction !== 'bToA');
  const c = open.find((x) => x.side === 'to') ?? open[0];
  if (!c) return undefined;
  const orgName = c.id === 'user.onPremises' ? `${c.orgName}'s Skype for Business Server (on-premises)` : c.orgName;
  return { ...(c.orgId ? { orgId: c.orgId } : {}), orgName };
}
