import { alt } from './pattern';
import { POLITE_OPENERS, QUESTION_STARTS } from './vocabulary/questions';
import { ACTION_VERBS, FILLERS, HEDGES, NEGATIONS, QUESTION_FILLERS, REASON_OPENERS } from './vocabulary/fillers';

const OPENERS = new RegExp(`^(?:${alt(POLITE_OPENERS)}(?: ,)? )+`, 'u');
const QUESTION_START = new RegExp(`^${alt(QUESTION_STARTS)}(?: |$)`, 'u');

/**
 * A question: a "?" anywhere, or a question word first once polite openers are set aside ("could
 * you block x.com" is a request; "can we block x.com" and "should I block x.com" are questions).
 */
export function isQuestion(clean: string, questionMark: boolean): boolean {
  return questionMark || QUESTION_START.test(clean.replace(OPENERS, ''));
}

const strip = (phrases: readonly string[]): RegExp => new RegExp(`(?<![^ ])${alt(phrases)}(?![^ ])`, 'gu');
const FILLER = strip(FILLERS);
const QUESTION_FILLER = strip([...FILLERS, ...QUESTION_FILLERS, ...QUESTION_STARTS]);
const REASON = new RegExp(`(?<![^ ])${alt(REASON_OPENERS)}(?![^ ]).*$`, 'u');
const NEGATION = strip(NEGATIONS);
const HEDGE = strip(HEDGES);
const ACTION = strip(ACTION_VERBS);

/** What is left of `leftover` once fillers (and a trailing reason clause) are removed. */
export function unexplained(leftover: string, question: boolean): string {
  return leftover.replace(REASON, ' ').replace(question ? QUESTION_FILLER : FILLER, ' ').replace(/\s+/g, ' ').trim();
}

export function negated(text: string): boolean {
  return new RegExp(NEGATION.source, 'u').test(text);
}
export function asksToAct(text: string): boolean {
  return new RegExp(ACTION.source, 'u').test(text);
}
export function hedged(text: string): boolean {
  return new RegExp(HEDGE.source, 'u').test(text);
}

const REQUEST_START = new RegExp(`^${alt([...ACTION_VERBS, 'disable', 'enable', 'turn', 'whitelist', 'blacklist', 'blk', 'unblk', 'let', 'opt', 'select', 'toggle', 'restrict', 'limit', 'roll', 'fed', 'federation'])}(?: |$)`, 'u');

/** An instruction: after polite openers the sentence starts with a verb that asks for a change. */
export function startsWithRequest(clean: string): boolean {
  return REQUEST_START.test(clean.replace(OPENERS, ''));
}
