import type { Candidate } from './resolve';
import { alt } from './pattern';
import { WEAK_CONFIRM } from './vocabulary/verbs';
import { CONSUMER, FEDERATION, INBOUND, SUBDOMAINS, TRIAL } from './vocabulary/nouns';
import { HEDGES, NEGATIONS } from './vocabulary/fillers';

/**
 * What the words around a match say, for `decide`: the clauses (between commas and sentence ends)
 * a match touches and those it does not, and the openers that make a sentence a statement, a report
 * of trouble or a question about a setting's state.
 */

/** Words of the clauses (split at commas and sentence ends) that a set of token spans touch. */
export function clauseWords(words: readonly string[], spans: readonly { start: number; end: number }[], used: ReadonlySet<number>): string {
  const clause: number[] = [];
  let n = 0;
  for (const w of words) {
    clause.push(n);
    if (w === ',' || w === '.' || w === ';') n++;
  }
  const touched = new Set(spans.flatMap((s) => clause.slice(s.start, s.end)));
  return words.filter((_, i) => touched.has(clause[i] ?? -1) && !used.has(i)).join(' ');
}

/** Left beside a change in its own clause, these name a second setting or a confirmation: ask. */
export const SECOND_REQUEST = new RegExp(`(?<![^ ])${alt([...SUBDOMAINS, ...CONSUMER, ...TRIAL, ...FEDERATION, ...INBOUND, ...WEAK_CONFIRM, 'yes please'])}(?![^ ])`, 'u');

export const TAKE_BACK = new RegExp(`(?<![^ ])${alt([...NEGATIONS, ...HEDGES, 'or', 'actually', 'wait', 'on second thought', 'second thought', 'scratch that', 'just kidding'])}(?![^ ])`, 'gu');

/** The clauses (between commas and sentence ends) that no chosen match touches. */
export function otherClauses(words: readonly string[], spans: readonly { start: number; end: number }[]): string[] {
  const clauses: string[][] = [[]];
  const touched = new Set<number>();
  words.forEach((w, i) => {
    if (w === ',' || w === '.' || w === ';') return void clauses.push([]);
    if (spans.some((s) => i >= s.start && i < s.end)) touched.add(clauses.length - 1);
    clauses[clauses.length - 1]?.push(w);
  });
  return clauses.filter((c, i) => !touched.has(i) && c.length > 0).map((c) => c.join(' '));
}

/** A change matched from a statement of how a setting is ("external access is off"), not an instruction. */
export const STATED = /(?<![^ ])(?:is|are|was|were|been|seems|appears|looks)(?![^ ])/u;

/** A report that something cannot be done ("can't add bob@x.com to a group chat"). */
export const TROUBLE_START = /^(?:i |we |they |he |she |our users |users )?(?:can't|cannot|can not|couldn't|unable to|am unable to|are unable to|not able to)(?: |$)/u;

/**
 * A question opening with a copula or "does our tenant …": with a setting right after it, it asks how the
 * setting is ("is external access on?", "are we in open federation?", "does our tenant allow personal accounts?").
 */
const STATE_QUESTION = /^(?:(?:is|are|was|were|isn't|aren't)(?: (?:we|it|our tenant|our org|our organization|the tenant))?(?: (?:in|on|using|set to|at))?|(?:does|do|did) (?:we|our tenant|our org|our organization|our company|the tenant|the org)(?: still| currently)?) /u;
/** Between such an opener and the setting: articles and the other half of an "X or Y" ("open or closed federation"). */
const STATE_GAP: ReadonlySet<string> = new Set(['the', 'our', 'a', 'an', 'or', 'and', 'either', 'open', 'closed', 'on', 'off']);
/** Whether the changes read start right after such an opener. */
export function asksState(words: readonly string[], chosen: readonly Candidate[]): boolean {
  const opener = STATE_QUESTION.exec(words.join(' '));
  const first = chosen[0];
  if (opener === null || first === undefined) return false;
  const gap = words.slice(opener[0].trim().split(' ').length, first.start);
  return chosen.every((c) => 'command' in c.result && c.result.command.kind === 'change') && gap.every((w) => STATE_GAP.has(w));
}
