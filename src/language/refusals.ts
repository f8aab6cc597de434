import type { Command } from './command';
import { phrase } from './phrase';

/** The words of `decide`'s refusals: what was understood, quoted as typed, and what to ask instead. */

export const phrases = (cs: Command[]): string[] => [...new Set(cs.map((c) => phrase(c)).filter((p): p is string => p !== undefined))];
export const quote = (s: string): string => `“${s.replace(/#[denq]\d+/g, '…').replace(/(^| )~/g, '$1')}”`;

/**
 * Titles of refusals that did understand something: they say what, so "I didn't understand that"
 * stays for sentences of which nothing was understood.
 */
export const notDone = (canonical: readonly string[]): string => (canonical[0] ? `Not done: ${canonical[0]}` : 'Not done');
/** Matchers that ask back which reading is meant; in a question, the how-to answers instead. */
export const ASK_BACK = /^(?:twoVerbs|addWhere|removeWhere|disallow|federationWith)$/;
/** Matchers whose requests are questions; a problem in any other one is a change not made. */
export const QUESTION_MATCHERS = /^(?:reach|reachPair|domainStatus|whoCanWeTalkTo|matrix|showSettings|showList|history|comparison|feature|help)(?:#|$)/;
/** What a change matcher understood, in words, for the title of its problem. */
const CHANGE_WORDS: Record<string, string> = {
  addBlocked: 'block a domain', removeBlocked: 'unblock a domain', addAllowed: 'allow a domain', removeAllowed: 'stop allowing a domain',
  allowOnly: 'allow only some domains', addTrialException: 'allow a trial tenant', removeTrialException: 'remove a trial tenant exception',
  setUserFederation: "a person's external access", setUserAllowOnly: "a person's allowed domains", userBackToOrganization: "a person's external access",
  createPolicy: 'create a policy', updatePolicy: 'change a policy', assignPolicy: 'assign a policy', policyListEdit: "change a policy's domains",
};
export function problemTitle(matcher: string): string {
  const family = matcher.replace(/#.*/, '');
  if (ASK_BACK.test(family)) return 'Which do you mean?';
  if (QUESTION_MATCHERS.test(matcher)) return 'Not answered: one detail to fix';
  const words = CHANGE_WORDS[family];
  return words ? `Not done: ${words}, one detail to fix` : 'Not done: one detail to fix';
}

/** A question to offer instead of a change that was not taken. */
export function related(c: Command): string[] {
  if (c.kind === 'change' && 'domains' in c.change && c.change.domains[0] !== undefined) return [`is ${c.change.domains[0]} blocked?`];
  return ['show settings'];
}
