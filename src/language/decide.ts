import type { Command, ParseResult } from './command';
import type { Context } from './context';
import { asksToAct, hedged, negated, unexplained } from './mood';
import { phrase } from './phrase';
import { mergeCommands, type Candidate } from './resolve';
import { DEFAULT_SUGGESTIONS, suggest } from './suggest';
import type { Token } from './tokens';
import { WEAK_CONFIRM } from './vocabulary/verbs';
import { aboutReaching, HYPOTHETICAL, HYPOTHETICAL_INSIDE, howtoStart, howtoTopic, readLeniently } from './lenient';
import type { Change } from '../policy/change';
import { alt } from './pattern';
import { CONSUMER, FEDERATION, INBOUND, SUBDOMAINS, TRIAL } from './vocabulary/nouns';
import { HEDGES, NEGATIONS } from './vocabulary/fillers';
import { mediumScope } from './perMedium';

export interface Decision {
  chosen: Candidate[];
  tokens: Token[];
  ctx: Context;
  question: boolean;
  /** A "?" was typed: even "do it?" is then not a confirmation. */
  questionMark: boolean;
  corrected: string[];
  /** The sentence starts with an instruction ("block …", "please turn …"). */
  request: boolean;
}

/** Words of the clauses (split at commas and sentence ends) that a set of token spans touch. */
function clauseWords(words: readonly string[], spans: readonly { start: number; end: number }[], used: ReadonlySet<number>): string {
  const clause: number[] = [];
  let n = 0;
  for (const w of words) {
    clause.push(n);
    if (w === ',' || w === '.' || w === ';') n++;
  }
  const touched = new Set(spans.flatMap((s) => clause.slice(s.start, s.end)));
  return words.filter((_, i) => touched.has(clause[i] ?? -1) && !used.has(i)).join(' ');
}

/** Matchers that ask back which reading is meant; in a question, the how-to answers instead. */
const ASK_BACK = /^(?:twoVerbs|addWhere|removeWhere|disallow|federationWith)$/;
/** Left beside a change in its own clause, these name a second setting or a confirmation: ask. */
const SECOND_REQUEST = new RegExp(`(?<![^ ])${alt([...SUBDOMAINS, ...CONSUMER, ...TRIAL, ...FEDERATION, ...INBOUND, ...WEAK_CONFIRM, 'yes please'])}(?![^ ])`, 'u');

const TAKE_BACK = new RegExp(`(?<![^ ])${alt([...NEGATIONS, ...HEDGES, 'or', 'actually', 'wait', 'on second thought', 'second thought', 'scratch that', 'just kidding'])}(?![^ ])`, 'gu');

/** The clauses (between commas and sentence ends) that no chosen match touches. */
function otherClauses(words: readonly string[], spans: readonly { start: number; end: number }[]): string[] {
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
const STATED = /(?<![^ ])(?:is|are|was|were|been|seems|appears|looks)(?![^ ])/u;

/** A report that something cannot be done ("can't add bob@x.com to a group chat"). */
const TROUBLE_START = /^(?:i |we |they |he |she |our users |users )?(?:can't|cannot|can not|couldn't|unable to|am unable to|are unable to|not able to)(?: |$)/u;

/**
 * A question opening with a copula or "does our tenant …": with a setting right after it, it asks how the
 * setting is ("is external access on?", "are we in open federation?", "does our tenant allow personal accounts?").
 */
const STATE_QUESTION = /^(?:(?:is|are|was|were|isn't|aren't)(?: (?:we|it|our tenant|our org|our organization|the tenant))?(?: (?:in|on|using|set to|at))?|(?:does|do|did) (?:we|our tenant|our org|our organization|our company|the tenant|the org)(?: still| currently)?) /u;
/** Between such an opener and the setting: articles and the other half of an "X or Y" ("open or closed federation"). */
const STATE_GAP: ReadonlySet<string> = new Set(['the', 'our', 'a', 'an', 'or', 'and', 'either', 'open', 'closed', 'on', 'off']);
/** Whether the changes read start right after such an opener. */
function asksState(words: readonly string[], chosen: readonly Candidate[]): boolean {
  const opener = STATE_QUESTION.exec(words.join(' '));
  const first = chosen[0];
  if (opener === null || first === undefined) return false;
  const gap = words.slice(opener[0].trim().split(' ').length, first.start);
  return chosen.every((c) => 'command' in c.result && c.result.command.kind === 'change') && gap.every((w) => STATE_GAP.has(w));
}

/** Changes people ask per medium: the switch, the domain rule and the lists (each covers chat, calls and meetings at once). */
const PER_MEDIUM_KINDS: ReadonlySet<string> = new Set(['addBlocked', 'removeBlocked', 'addAllowed', 'removeAllowed', 'allowOnly', 'setFederation', 'setDomainMode']);

const SINGLE_FIELDS: Record<string, string[]> = { setTeamsConsumer: ['outbound', 'inbound'] };

/**
 * Two or more changes asked together, as one change when they fit: one organization, no setting
 * asked two ways, no domain on two lists. Otherwise undefined, and the person is asked.
 */
function together(changes: Change[]): Change | undefined {
  const org = changes[0]?.org ?? '';
  if (changes.some((c) => c.org !== org || c.kind === 'several' || c.kind === 'restore')) return undefined;
  const merged: Change[] = [];
  for (const c of changes) {
    const fields = SINGLE_FIELDS[c.kind];
    const twin = merged.find((m) => m.kind === c.kind);
    if (twin && fields && fields.every((f) => !(f in twin && f in c && (twin as Record<string, unknown>)[f] !== undefined && (c as Record<string, unknown>)[f] !== undefined))) {
      merged[merged.indexOf(twin)] = { ...twin, ...Object.fromEntries(Object.entries(c).filter(([, v]) => v !== undefined)) } as Change;
      continue;
    }
    if (twin && !('domains' in c)) return undefined;
    merged.push(c);
  }
  const seen = new Map<string, string>();
  for (const c of merged) {
    if (!('domains' in c)) continue;
    for (const d of c.domains) {
      if (seen.has(d) && seen.get(d) !== c.kind) return undefined;
      seen.set(d, c.kind);
    }
  }
  if (merged.length === 1) return merged[0];
  return merged.length <= 5 ? ({ kind: 'several', org, changes: merged } as Change) : undefined;
}

/** Commands that act: they change policy, or confirm or undo a change. */
const acts = (c: Command): boolean => c.kind === 'change' || c.kind === 'undo' || c.kind === 'confirm';
const phrases = (cs: Command[]): string[] => [...new Set(cs.map((c) => phrase(c)).filter((p): p is string => p !== undefined))];
const quote = (s: string): string => `“${s.replace(/#[denq]\d+/g, '…').replace(/(^| )~/g, '$1')}”`;

/**
 * Titles of refusals that did understand something: they say what, so "I didn't understand that"
 * stays for sentences of which nothing was understood.
 */
const notDone = (canonical: readonly string[]): string => (canonical[0] ? `Not done: ${canonical[0]}` : 'Not done');
/** Matchers whose requests are questions; a problem in any other one is a change not made. */
const QUESTION_MATCHERS = /^(?:reach|reachPair|domainStatus|whoCanWeTalkTo|matrix|showSettings|showList|history|comparison|feature|help)(?:#|$)/;
/** What a change matcher understood, in words, for the title of its problem. */
const CHANGE_WORDS: Record<string, string> = {
  addBlocked: 'block a domain', removeBlocked: 'unblock a domain', addAllowed: 'allow a domain', removeAllowed: 'stop allowing a domain',
  allowOnly: 'allow only some domains', addTrialException: 'allow a trial tenant', removeTrialException: 'remove a trial tenant exception',
  setUserFederation: "a person's external access", setUserAllowOnly: "a person's allowed domains", userBackToOrganization: "a person's external access",
  createPolicy: 'create a policy', updatePolicy: 'change a policy', assignPolicy: 'assign a policy', policyListEdit: "change a policy's domains",
};
function problemTitle(matcher: string): string {
  const family = matcher.replace(/#.*/, '');
  if (ASK_BACK.test(family)) return 'Which do you mean?';
  if (QUESTION_MATCHERS.test(matcher)) return 'Not answered: one detail to fix';
  const words = CHANGE_WORDS[family];
  return words ? `Not done: ${words}, one detail to fix` : 'Not done: one detail to fix';
}

/** A question to offer instead of a change that was not taken. */
function related(c: Command): string[] {
  if (c.kind === 'change' && 'domains' in c.change && c.change.domains[0] !== undefined) return [`is ${c.change.domains[0]} blocked?`];
  return ['show settings'];
}

/**
 * The last step: from the non-overlapping matches, one command or a refusal. Safety rules, in order:
 * problems found by a matcher win; "no" beside a change, or two different requests, are asked
 * about; an acting command needs an imperative mood, no negation, and every other word a filler.
 */
export function decide(d: Decision): ParseResult {
  const words = d.tokens.map((t) => t.norm);
  const marked = words.join(' ');
  const clean = words.map((w) => w.replace(/^~/, '')).join(' ');
  const notUnderstood = (reason: string): ParseResult => {
    const lenient = readLeniently(marked, d.ctx.entities, d.question, d.request);
    if (lenient !== undefined) return { ok: true, command: lenient, notes: [] };
    return { ok: false, reason, suggestions: suggest(words, d.ctx.entities, 3, d.question) };
  };
  let chosen = d.chosen;
  const text = (c: Candidate): string => words.slice(c.start, c.end).join(' ');
  const isCommand = (c: Candidate, kind: string): boolean => 'command' in c.result && c.result.command.kind === kind;
  const weak = (c: Candidate): boolean => isCommand(c, 'help') || (isCommand(c, 'confirm') && [...WEAK_CONFIRM, 'go ahead'].includes(text(c)));
  if (chosen.some((c) => !weak(c))) chosen = chosen.filter((c) => !weak(c));
  if (chosen.length === 0) {
    const invalid = d.ctx.entities.find((e) => e.problem !== undefined);
    return notUnderstood(invalid ? `${invalid.problem}.` : "I didn't understand that.");
  }
  const problem = chosen.find((c) => 'problem' in c.result);
  // "shall we add a.com or b.com?": a question is answered with how to, never asked back as a change.
  if (problem && d.question && (ASK_BACK.test(problem.matcher) ? howtoStart(clean) : /^how /.test(clean))) return { ok: true, command: howtoTopic(clean), notes: [] };
  // "can't add bob@x.com to a group chat": a failure reported about someone is no list change to fix.
  if (problem && !QUESTION_MATCHERS.test(problem.matcher) && TROUBLE_START.test(clean)) {
    const lenient = readLeniently(marked, d.ctx.entities, true, false);
    if (lenient !== undefined) return { ok: true, command: lenient, notes: [] };
  }
  if (problem && 'problem' in problem.result) {
    return { ok: false, reason: problem.result.problem, suggestions: problem.result.suggestions.length > 0 ? problem.result.suggestions : [...DEFAULT_SUGGESTIONS], title: problemTitle(problem.matcher) };
  }
  const commands = mergeCommands(chosen.flatMap((c) => ('command' in c.result ? [c.result.command] : [])));
  const cancel = commands.find((c) => c.kind === 'cancel');
  const acting = commands.find(acts);
  if (cancel && acting) {
    // "don't block x.com", "no, turn it off": the negation wins; the negated change is not offered.
    const said = chosen.filter((c) => isCommand(c, 'cancel')).map((c) => quote(text(c))).join(', ');
    return { ok: false, reason: `You said ${said}, so I haven't changed anything.`, suggestions: [...related(acting), 'cancel'], title: notDone(phrases([acting])) };
  }
  let meant = cancel && commands.length > 1 ? commands.filter((c) => c.kind !== 'cancel') : commands;
  if (meant.length > 1 && meant.every((c) => c.kind === 'change')) {
    const one = together(meant.flatMap((c) => (c.kind === 'change' ? [c.change] : [])));
    if (one !== undefined) meant = [{ kind: 'change', change: one }];
  }
  // "external access is off but I can still chat with ann@x.com?": a setting stated as it is (with a
  // copula) beside a question is what the person sees, not a second request: the question is answered.
  const premises = chosen.filter((c) => 'command' in c.result && acts(c.result.command) && STATED.test(text(c)));
  const seen = premises.length === 0 ? [] : [`I read ${premises.map((c) => quote(text(c))).join(' and ')} as what you see, not as a request to change it: the answer below checks the settings as I hold them.`];
  const said: string[] = [];
  if (premises.length > 0 && meant.some((c) => !acts(c)) && meant.filter(acts).length === premises.length) {
    meant = meant.filter((c) => !acts(c));
    chosen = chosen.filter((c) => !premises.includes(c));
    said.push(...seen);
  }
  if (meant.length > 1 && meant.every((c) => c.kind === 'showSettings')) meant = [meant.find((c) => c.kind === 'showSettings' && c.list !== undefined) ?? (meant[0] as Command)];
  if (meant.length > 1 && d.question && !meant.some(acts)) meant = [meant[0] as Command];
  // "are we in open or closed federation?": two settings after a copula ask how they are.
  if (meant.length > 1 && d.question && meant.every((c) => c.kind === 'change') && asksState(words, chosen)) return { ok: true, command: { kind: 'showSettings' }, notes: [] };
  // "how do I make the allowed list apply to meetings?": two readings in a how-to question ask for the steps.
  if (meant.length > 1 && d.question && howtoStart(clean)) return { ok: true, command: howtoTopic(clean), notes: [] };
  if (meant.length > 1) {
    const said = chosen.map((c) => quote(text(c))).join(' and ');
    return { ok: false, reason: `I read more than one request (${said}); I haven't changed anything. Send one at a time.`, suggestions: phrases(meant), title: 'Not done: more than one request' };
  }
  const command = meant[0] as Command;
  // "how do I stop external people from …?": the "stop" of a how-to question cancels nothing.
  if (d.question && (command.kind === 'help' || command.kind === 'cancel') && howtoStart(clean)) return { ok: true, command: howtoTopic(clean), notes: [] };
  const used = new Set(chosen.flatMap((c) => Array.from({ length: c.end - c.start }, (_, i) => c.start + i)));
  const leftover = words.filter((_, i) => !used.has(i)).join(' ');
  const canonical = phrases([command]);
  // An entity named twice ("northwind.com …, add them": the pronoun reads as it) is used where a match took it.
  const usedPlaceholders = new Set([...used].map((i) => words[i] ?? ''));
  const unusedAll = (leftover.match(/#[denq]\d+/g) ?? []).filter((p) => !usedPlaceholders.has(p));
  const unused = unusedAll.length > 0 ? unusedAll : null;
  if (unused && (!acts(command) || d.question)) {
    const lenient = readLeniently(marked, d.ctx.entities, d.question, d.request);
    // "external access is off but ann@x.com still messages me?": the stated setting was all a matcher read.
    const stated = acts(command) && premises.length === chosen.length && lenient?.kind === 'reach';
    if (lenient !== undefined) return { ok: true, command: lenient, notes: stated ? seen : [] };
  }
  if (unused) {
    const shown = unused.map((p) => d.ctx.entity(p)?.display ?? p).join(', ');
    return {
      ok: false,
      reason: `I'm not sure what to do with ${shown} here${acts(command) ? "; I haven't changed anything" : ''}.`,
      suggestions: canonical.length > 0 && !d.question ? canonical : suggest(words, d.ctx.entities, 3, d.question),
      title: `Not sure what to do with ${shown}`,
    };
  }
  const rest = unexplained(leftover, d.question || !acts(command));
  if (acts(command)) {
    // "block x.com but not for meetings": the settings have no medium, so whatever the mood, it is explained.
    if (command.kind === 'change' && PER_MEDIUM_KINDS.has(command.change.kind)) {
      const scope = mediumScope(clauseWords(words, chosen, used), otherClauses(words, chosen));
      if (scope !== undefined && !negated(scope.rest)) return { ok: true, command: { kind: 'perMedium', change: command.change, only: scope.only, except: scope.except }, notes: [] };
    }
    if (command.kind === 'change' && ((d.question && HYPOTHETICAL.test(clean)) || HYPOTHETICAL_INSIDE.test(clean))) return { ok: true, command: { kind: 'whatIf', change: command.change }, notes: [] };
    if (d.question && command.kind !== 'confirm') {
      // A question that names a change: the verdict when it is about someone, else how to do it.
      const lenient = howtoStart(clean) || !aboutReaching(clean) ? undefined : readLeniently(marked, d.ctx.entities, true, false);
      if (lenient !== undefined && lenient.kind === 'reach') return { ok: true, command: lenient, notes: [] };
      // "why is X off?" asks about the state, not how to change it.
      if (command.kind === 'change' && /^why /.test(clean)) return { ok: true, command: { kind: 'showSettings' }, notes: [] };
      // "is external access on (or off)?", "are trial tenants blocked?": a setting right after the copula asks its state.
      if (command.kind === 'change' && asksState(words, chosen)) return { ok: true, command: { kind: 'showSettings' }, notes: [] };
      if (command.kind === 'change') return { ok: true, command: { kind: 'howto', change: command.change }, notes: [] };
    }
    if (d.questionMark || (d.question && command.kind !== 'confirm')) {
      return { ok: false, reason: `That reads as a question, so I haven't changed anything. To make the change, send the command itself${canonical[0] ? `: ${canonical[0]}` : ''}.`, suggestions: [...canonical, ...related(command)], title: notDone(canonical) };
    }
    const own = clauseWords(words, chosen, used);
    // A clause of its own that only negates or hedges ("…, or maybe not", "…, actually don't") takes the request back.
    const takenBack = otherClauses(words, chosen).some((c) => (negated(c) || hedged(c)) && unexplained(c.replace(TAKE_BACK, ' '), false) === '');
    if (takenBack || negated(own)) return { ok: false, reason: `You said ${quote(leftover.trim())}, so I haven't changed anything.`, suggestions: related(command), title: notDone(canonical) };
    const ownRest = unexplained(own, false);
    // Beside the request itself, only known words are tolerated: an unknown word, a number or a name in
    // the same clause ("block x.com for rob", "from 9am") may change what is meant; undo takes none.
    const strange = own.split(' ').some((w) => w.startsWith('~') || /\d/.test(w)) || (command.kind === 'undo' && /(?<![^ ])(?:everything|all|every|changes|#[denq]\d+)(?![^ ])/.test(own)) || SECOND_REQUEST.test(own);
    if (strange || hedged(ownRest) || asksToAct(ownRest)) {
      const why = hedged(rest) ? 'That change has a condition I cannot check' : `I'm not sure what you meant by ${quote(rest)}`;
      return { ok: false, reason: `${why}, so I haven't changed anything.${canonical[0] ? ` Did you mean: ${canonical[0]}?` : ''}`, suggestions: canonical.length > 0 ? canonical : suggest(words, d.ctx.entities, 3, d.question), title: notDone(canonical) };
    }
  } else if (!d.question && asksToAct(rest)) {
    // "remove all blocked domains" is not "show blocked domains".
    return { ok: false, reason: `I'm not sure what you want me to do with ${quote(rest)}; I haven't changed anything.`, suggestions: suggest(words, d.ctx.entities, 3, d.question), title: `Not sure what to do with ${quote(rest)}` };
  }
  const usedEntities = [...used].map((i) => d.ctx.entity(words[i]));
  const notes = usedEntities.flatMap((e) => (e?.note ? [e.note] : []));
  if (acts(command) && d.corrected.length > 0) notes.push(`I read ${d.corrected.map((c) => c.replace('→', ' as ')).join(', ')}.`);
  return { ok: true, command, notes: [...new Set([...said, ...notes])] };
}
