import type { Command } from './command';
import type { Entity } from './entities';
import { EXAMPLES } from './examples';
import { phrase } from './phrase';
import { withinOneEdit } from './typos';
import { FILLERS } from './vocabulary/fillers';

const IGNORED = new Set([...FILLERS, 'to', 'for', 'of', 'with', 'i', 'we', 'is', 'can', 'from', 'in', 'on', 'it']);
const contentWords = (text: string): string[] =>
  text.toLowerCase().split(/[^\p{L}\p{N}'@.-]+/u).filter((w) => w !== '' && !IGNORED.has(w) && !w.includes('.') && !w.includes('@'));

const EXAMPLE_WORDS = EXAMPLES.map((e) => ({ example: e, words: contentWords(e.text) }));
export const DEFAULT_SUGGESTIONS: readonly string[] = ['help', 'show settings', 'who can we talk to?'];

function similarity(a: string, b: string): number {
  if (a === b) return 1;
  const min = Math.min(a.length, b.length);
  if (min >= 3 && withinOneEdit(a, b)) return 0.8;
  if (min >= 4 && (a.startsWith(b) || b.startsWith(a))) return 0.6;
  return 0;
}

/** The example's command with the person's own domains or address in place of the sample ones. */
function adapt(command: Command, domains: string[], emails: string[]): Command {
  if (command.kind === 'change' && 'domains' in command.change && domains.length > 0) {
    return { kind: 'change', change: { ...command.change, domains } };
  }
  if (command.kind === 'change' && 'user' in command.change && emails[0] !== undefined) {
    return { kind: 'change', change: { ...command.change, user: emails[0] } };
  }
  if (command.kind === 'reach' && (emails[0] ?? domains[0]) !== undefined) {
    return { kind: 'reach', to: emails[0] ?? domains[0] ?? command.to, ...(command.medium ? { medium: command.medium } : {}) };
  }
  if (command.kind === 'domainStatus' && domains[0] !== undefined) return { kind: 'domainStatus', domain: domains[0] };
  return command;
}

/** The closest canonical commands to what was typed, with its domains filled in; at most three. */
/** With `question`, only questions are offered: a question is never answered with a change to press. */
export function suggest(words: readonly string[], entities: readonly Entity[], limit = 3, question = false): string[] {
  const input = words.map((w) => w.replace(/^~/, '')).filter((w) => !IGNORED.has(w) && !w.startsWith('#'));
  const domains = entities.filter((e) => e.kind === 'domain' && e.problem === undefined).map((e) => e.value);
  const emails = entities.filter((e) => e.kind === 'email' && e.problem === undefined).map((e) => e.value);
  const pool = question ? EXAMPLE_WORDS.filter(({ example }) => example.role === 'user' && example.command.kind !== 'confirm' && example.command.kind !== 'cancel') : EXAMPLE_WORDS;
  const scored = pool.map(({ example, words: ex }) => {
    let matched = 0;
    for (const e of ex) matched += Math.max(0, ...input.map((w) => similarity(w, e)));
    const wantsEntity = /[.@]/.test(example.text);
    // An example needing a domain or an address is only offered with the person's own.
    if (wantsEntity && domains.length + emails.length === 0) return { example, score: 0 };
    const bonus = wantsEntity && domains.length + emails.length > 0 ? 0.15 : 0;
    const score = ex.length === 0 ? 0 : matched / (ex.length + 0.25 * Math.max(0, input.length - matched)) + bonus;
    return { example, score };
  }).filter((s) => s.score >= 0.3);
  scored.sort((a, b) => b.score - a.score);
  const out: string[] = [];
  for (const { example } of scored) {
    const text = phrase(adapt(example.command, domains, emails)) ?? example.text;
    if (!out.includes(text)) out.push(text);
    if (out.length >= limit) break;
  }
  return out.length > 0 ? out : [...DEFAULT_SUGGESTIONS];
}
