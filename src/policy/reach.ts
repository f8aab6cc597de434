import { resolveParticipant } from './participant';
import type { ResolvedParticipant } from './participant';
import { sideChecks } from './side-checks';
import type { PolicyModel } from './model';
import type { Check, Outcome, Verdict } from './types';

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

const isInterop = (p: ResolvedParticipant): boolean => p.user.coexistence !== 'TeamsOnly';

/**
 * Can `fromAddress` reach `toAddress`? Evaluates both sides and both directions; the outcome is
 * the direction in which `from` starts the conversation. Never throws.
 */
export function evaluateReach(model: PolicyModel, fromAddress: string, toAddress: string): Verdict {
  return evaluateResolved(resolveParticipant(model, fromAddress), resolveParticipant(model, toAddress));
}

/** The verdict for two already resolved participants (used by matrices and plans). */
export function evaluateResolved(a: ResolvedParticipant, b: ResolvedParticipant): Verdict {
  const pa = a.participant;
  const pb = b.participant;
  if (a.kind !== 'invalid' && b.kind !== 'invalid' && a.key === b.key) {
    const bothConsumer = a.kind === 'consumer';
    const outcome: Outcome = bothConsumer ? 'reachable' : 'internal';
    const summary = bothConsumer
      ? `Reachable: ${pa.address} and ${pb.address} are both personal Teams accounts; organization settings do not apply.`
      : `Internal: ${pa.address} and ${pb.address} are both in ${pa.orgName}; external access does not apply.`;
    return { outcome, a: pa, b: pb, directions: { aToB: outcome, bToA: outcome }, checks: [], summary, ...(bothConsumer ? { conversation: 'native' as const } : {}) };
  }
  const checks = [...sideChecks(a, b, 'from', 'bToA'), ...sideChecks(b, a, 'to', 'aToB')];
  const directions = directionsOf(checks);
  const outcome = directions.aToB;
  const open = outcome === 'reachable' || outcome === 'depends';
  const conversation = isInterop(a) || isInterop(b) ? ('interop' as const) : ('native' as const);
  const dependsOn = outcome === 'depends' ? dependsOnOf(a, b) : undefined;
  const verdict: Verdict = {
    outcome,
    ...(dependsOn ? { dependsOn } : {}),
    a: pa,
    b: pb,
    directions,
    ...(open ? { conversation } : {}),
    checks,
    summary: '',
  };
  return { ...verdict, summary: summarize(verdict) };
}

function dependsOnOf(a: ResolvedParticipant, b: ResolvedParticipant): { orgId?: string; orgName: string } {
  const unknown = b.kind === 'managed' || b.kind === 'consumer' ? a : b;
  const p = unknown.participant;
  return { ...(p.orgId ? { orgId: p.orgId } : {}), orgName: p.orgName };
}

function summarize(v: Verdict): string {
  const { a, b } = v;
  const failed = v.checks.filter((c) => c.status === 'failed' && (c.direction === 'both' || c.direction === 'aToB'));
  const kind = v.conversation === 'interop' ? 'interop with Skype for Business: text only, 1:1' : 'native Teams federation';
  const reverse = v.directions.bToA === 'notReachable' ? `; ${b.address} cannot start the conversation` : '';
  switch (v.outcome) {
    case 'reachable':
      return `Reachable: ${a.address} can chat, call and meet with ${b.address} (${kind})${reverse}.`;
    case 'notReachable':
      return `Not reachable: ${failed.slice(0, 2).map((c) => `${c.orgName}: ${c.found}`).join('; ')}.`;
    case 'depends': {
      const name = v.dependsOn?.orgName ?? b.orgName;
      if (!a.managed && !b.managed) return `Depends on ${name}: neither ${a.orgName} nor ${b.orgName} is managed here, so their admins decide${reverse}.`;
      return `Depends on ${name}: our side permits it; ${name}'s settings are not known here, so their admin must allow ${name === b.orgName ? a.domain : b.domain}${reverse}.`;
    }
    default:
      return `Internal: ${a.address} and ${b.address} are in the same organization.`;
  }
}
