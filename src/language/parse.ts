import { commandSchema, type Command, type ParseResult } from './command';
import { makeContext } from './context';
import { MATCHERS } from './matchers/configuration';
import { decide } from './decide';
import { isQuestion, startsWithRequest } from './mood';
import { unknownFeature } from './lenient';
import { coverageQuestion } from './coverage';
import { HISTORY_CUES, HISTORY_SETTING_WORDS } from './vocabulary/intents';
import { alt } from './pattern';
import { resolveOverlaps, type Candidate } from './resolve';
import { tokenize, type Token } from './tokens';
import type { Entity } from './entities';
import { ADD, ALLOW, BLOCK, REMOVE, STOP_ALLOWING, UNBLOCK } from './vocabulary/verbs';
import { DEFAULT_SUGGESTIONS } from './suggest';

const WHO_CHANGED = new RegExp(`(?<![^ ])${alt(HISTORY_CUES)}(?![^ ])`, 'u');

/** Longer messages are not commands; refusing them also bounds the work per message. */
export const MAX_LENGTH = 600;

/** "For Contoso West, block x.com" reads as "block x.com for Contoso West". */
function frontOrgToEnd(tokens: Token[]): Token[] {
  const [prep, org, comma] = tokens;
  if (prep && org && comma && /^(?:for|in)$/.test(prep.norm) && /^#[dn]\d+$/.test(org.norm) && comma.norm === ',') {
    return [...tokens.slice(3), prep, org];
  }
  return tokens;
}

/** Verbs whose object may be a pronoun for the one domain named before ("…northwind.com, add them to the allowed domains"). */
const LIST_VERBS: ReadonlySet<string> = new Set([...BLOCK, ...UNBLOCK, ...ALLOW, ...ADD, ...REMOVE, ...STOP_ALLOWING].filter((v) => !v.includes(' ')));
const PRONOUNS: ReadonlySet<string> = new Set(['them', 'it', 'those', 'that']);

/**
 * "we partner with northwind.com, add them to the allowed domains": a pronoun right after a list verb,
 * following the only domain of a request (and no address), named as context (not as a verb's object),
 * stands for that domain. Said in a note.
 */
function pronounsAsDomain(tokens: Token[], entities: readonly Entity[], corrected: string[]): Token[] {
  const domains = entities.filter((e) => e.kind === 'domain' && e.problem === undefined);
  if (domains.length !== 1 || entities.some((e) => e.kind === 'email')) return tokens;
  const first = tokens.findIndex((t) => /^#d\d+$/.test(t.norm));
  // "block x.com then unblock it": a domain already the object of a verb is a second request, not context.
  if (tokens.slice(Math.max(0, first - 2), first).some((t) => LIST_VERBS.has(t.norm))) return tokens;
  return tokens.map((t, i) => {
    if (i <= first || !PRONOUNS.has(t.norm) || !LIST_VERBS.has(tokens[i - 1]?.norm ?? '')) return t;
    const placeholder = tokens[first]?.norm ?? t.norm;
    corrected.push(`${t.norm}→${domains[0]?.display ?? ''}`);
    return { raw: t.raw, norm: placeholder };
  });
}

/**
 * Turns one message into a command, or says why not with the closest commands as suggestions.
 * Pure and total: never throws, whatever the input.
 */
export function parse(text: string): ParseResult {
  if (typeof text !== 'string' || text.trim() === '') return { ok: false, reason: 'The message is empty.', suggestions: [...DEFAULT_SUGGESTIONS] };
  if (text.length > MAX_LENGTH) return { ok: false, reason: `The message is too long for a command (over ${MAX_LENGTH} characters); send one request at a time.`, suggestions: [...DEFAULT_SUGGESTIONS], title: 'Too long for one request' };
  const tokenized = tokenize(text);
  const ordered = frontOrgToEnd(tokenized.tokens);
  const question = isQuestion(ordered.map((t) => t.norm).join(' '), tokenized.questionMark);
  // In a question the pronoun may be anything ("why did you block it?"); in a request it is the domain.
  const tokens = question ? ordered : pronounsAsDomain(ordered, tokenized.entities, tokenized.corrected);
  const clean = tokens.map((t) => t.norm).join(' ');
  const startOf: number[] = [];
  tokens.reduce((offset, t) => (startOf.push(offset), offset + t.norm.length + 1), 0);
  const tokenAt = (offset: number): number => {
    const i = startOf.findIndex((s) => s >= offset);
    return i === -1 ? tokens.length : i;
  };
  const request = !question && startsWithRequest(clean);
  const plain = clean.replace(/(?<![^ ])~/g, '');
  // Cues that decide the answer whatever else the sentence says: "who changed …" asks for history,
  // and a feature the table lacks is answered as such, not as the nearest row.
  if (WHO_CHANGED.test(plain)) {
    const setting = HISTORY_SETTING_WORDS.find(([, ws]) => ws.some((w) => new RegExp(`(?<![^ ])${w}(?![^ ])`).test(plain)))?.[0] as Extract<Command, { kind: 'history' }>['setting'];
    return { ok: true, command: { kind: 'history', ...(setting ? { setting } : {}) }, notes: [] };
  }
  const unknown = request ? undefined : unknownFeature(plain);
  if (unknown !== undefined && (question || /external|federat|guest|outside/.test(plain))) return { ok: true, command: unknown, notes: [] };
  // "X restricts chat but not meetings?": what a setting covers, answered by the medium's row.
  const coverage = coverageQuestion(plain, tokenized.entities, request);
  if (coverage !== undefined) return { ok: true, command: coverage, notes: [] };
  const ctx = makeContext(tokenized.entities, request);
  const candidates: Candidate[] = [];
  MATCHERS.forEach((matcher, order) => {
    if (matcher.needs !== undefined && !matcher.needs.test(clean)) return;
    for (const m of clean.matchAll(matcher.pattern)) {
      const result = matcher.extract(m.groups ?? {}, ctx);
      if (result === undefined) continue;
      const start = tokenAt(m.index);
      const end = tokenAt(m.index + m[0].length + 1);
      candidates.push({ matcher: matcher.name, order, start, end, result });
    }
  });
  const result = decide({
    chosen: resolveOverlaps(candidates),
    tokens,
    ctx,
    question,
    request,
    questionMark: tokenized.questionMark,
    corrected: tokenized.corrected,
  });
  if (result.ok) {
    const valid = commandSchema.safeParse(result.command);
    if (!valid.success) return { ok: false, reason: `I can't use that: ${valid.error.issues[0]?.message ?? 'invalid command'}.`, suggestions: [], title: "I can't use that" };
    return { ok: true, command: valid.data as Command, notes: result.notes };
  }
  return result;
}
