import type { Command, ParseResult } from './command';
import type { Context } from './context';
import { asksToAct, hedged, negated, unexplained } from './mood';
import { phrase } from './phrase';
import { mergeCommands, type Candidate } from './resolve';
import { DEFAULT_SUGGESTIONS, suggest } from './suggest';
import type { Token } from './tokens';
import { WEAK_CONFIRM } from './vocabulary/verbs';

export interface Decision {
  chosen: Candidate[];
  tokens: Token[];
  ctx: Context;
  question: boolean;
  /** A "?" was typed: even "do it?" is then not a confirmation. */
  questionMark: boolean;
  corrected: string[];
}

/** Commands that act: they change policy, or confirm or undo a change. */
const acts = (c: Command): boolean => c.kind === 'change' || c.kind === 'undo' || c.kind === 'confirm';
const phrases = (cs: Command[]): string[] => [...new Set(cs.map((c) => phrase(c)).filter((p): p is string => p !== undefined))];
const quote = (s: string): string => `“${s.replace(/#[denq]\d+/g, '…').replace(/(^| )~/g, '$1')}”`;

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
  const notUnderstood = (reason: string): ParseResult => ({ ok: false, reason, suggestions: suggest(words, d.ctx.entities) });
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
  if (problem && 'problem' in problem.result) {
    return { ok: false, reason: problem.result.problem, suggestions: problem.result.suggestions.length > 0 ? problem.result.suggestions : [...DEFAULT_SUGGESTIONS] };
  }
  const commands = mergeCommands(chosen.flatMap((c) => ('command' in c.result ? [c.result.command] : [])));
  const cancel = commands.find((c) => c.kind === 'cancel');
  const acting = commands.find(acts);
  if (cancel && acting) {
    // "don't block x.com", "no, turn it off": the negation wins; the negated change is not offered.
    const said = chosen.filter((c) => isCommand(c, 'cancel')).map((c) => quote(text(c))).join(', ');
    return { ok: false, reason: `You said ${said}, so I haven't changed anything.`, suggestions: [...related(acting), 'cancel'] };
  }
  const meant = cancel && commands.length > 1 ? commands.filter((c) => c.kind !== 'cancel') : commands;
  if (meant.length > 1) {
    const said = chosen.map((c) => quote(text(c))).join(' and ');
    return { ok: false, reason: `I read more than one request (${said}); I haven't changed anything. Send one at a time.`, suggestions: phrases(meant) };
  }
  const command = meant[0] as Command;
  const used = new Set(chosen.flatMap((c) => Array.from({ length: c.end - c.start }, (_, i) => c.start + i)));
  const leftover = words.filter((_, i) => !used.has(i)).join(' ');
  const canonical = phrases([command]);
  const unused = leftover.match(/#[denq]\d+/g);
  if (unused) {
    const shown = unused.map((p) => d.ctx.entity(p)?.display ?? p).join(', ');
    return { ok: false, reason: `I'm not sure what to do with ${shown} here${acts(command) ? "; I haven't changed anything" : ''}.`, suggestions: canonical.length > 0 ? canonical : suggest(words, d.ctx.entities) };
  }
  const rest = unexplained(leftover, d.question || !acts(command));
  if (acts(command)) {
    if (d.questionMark || (d.question && command.kind !== 'confirm')) {
      return { ok: false, reason: `That reads as a question, so I haven't changed anything. To make the change, send the command itself${canonical[0] ? `: ${canonical[0]}` : ''}.`, suggestions: [...canonical, ...related(command)] };
    }
    if (negated(leftover)) return { ok: false, reason: `You said ${quote(leftover.trim())}, so I haven't changed anything.`, suggestions: related(command) };
    if (rest !== '') {
      const why = hedged(rest) ? 'That change has a condition I cannot check' : `I'm not sure what you meant by ${quote(rest)}`;
      return { ok: false, reason: `${why}, so I haven't changed anything.${canonical[0] ? ` Did you mean: ${canonical[0]}?` : ''}`, suggestions: canonical.length > 0 ? canonical : suggest(words, d.ctx.entities) };
    }
  } else if (asksToAct(rest)) {
    // "remove all blocked domains" is not "show blocked domains".
    return { ok: false, reason: `I'm not sure what you want me to do with ${quote(rest)}; I haven't changed anything.`, suggestions: suggest(words, d.ctx.entities) };
  } else if (rest.split(' ').length > 3) {
    return { ok: false, reason: `I'm not sure I understood ${quote(rest)}.`, suggestions: [...canonical, ...suggest(words, d.ctx.entities, 2)].slice(0, 3) };
  }
  const usedEntities = [...used].map((i) => d.ctx.entity(words[i]));
  const notes = usedEntities.flatMap((e) => (e?.note ? [e.note] : []));
  if (acts(command) && d.corrected.length > 0) notes.push(`I read ${d.corrected.map((c) => c.replace('→', ' as ')).join(', ')}.`);
  return { ok: true, command, notes: [...new Set(notes)] };
}
