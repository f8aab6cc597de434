import type { Command, ParseResult } from './command';
import type { Context } from './context';
import { asksToAct, hedged, negated, unexplained } from './mood';
import { mergeCommands, type Candidate } from './resolve';
import { DEFAULT_SUGGESTIONS, suggest } from './suggest';
import type { Token } from './tokens';
import { WEAK_CONFIRM } from './vocabulary/verbs';
import { aboutReaching, HYPOTHETICAL, HYPOTHETICAL_INSIDE, howtoStart, howtoTopic, readLeniently } from './lenient';
import { mediumScope } from './perMedium';
import { asksState, clauseWords, otherClauses, SECOND_REQUEST, STATED, TAKE_BACK, TROUBLE_START } from './clauses';
import { together } from './together';
import { ASK_BACK, notDone, phrases, problemTitle, QUESTION_MATCHERS, quote, related } from './refusals';

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

/** Changes people ask per medium: the switch, the domain rule and the lists (each covers chat, calls and meetings at once). */
const PER_MEDIUM_KINDS: ReadonlySet<string> = new Set(['addBlocked', 'removeBlocked', 'addAllowed', 'removeAllowed', 'allowOnly', 'setFederation', 'setDomainMode']);

/** Commands that act: they change policy, or confirm or undo a change. */
const acts = (c: Command): boolean => c.kind === 'change' || c.kind === 'undo' || c.kind === 'confirm';
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
