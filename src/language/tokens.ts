import { extractEntities, extractQuoted, type Entity } from './entities';
import { correctTypo } from './typos';
import { MATCHERS } from './matchers/configuration';
import { SETTING_SOURCES } from './matchers/policySettings';
import { FEATURE_KEYWORDS } from './vocabulary/features';
import { NEGATIONS } from './vocabulary/fillers';
import { RESERVED } from './vocabulary/reserved';
import { SPELLING } from './vocabulary/spelling';
import { CMDLETS, LABELS, PARAMETERS } from './vocabulary/labels';
import { readPowerShell } from './powershell';
import { alt } from './pattern';

/** One word of the sentence: as typed and as matched (lower case, spelling normalized, typo fixed). */
export interface Token {
  raw: string;
  norm: string;
}

export interface Tokenized {
  tokens: Token[];
  entities: Entity[];
  /** A "?" anywhere outside a link. */
  questionMark: boolean;
  /** Words whose typo was corrected, for notes and tests. */
  corrected: string[];
}

const WORD = /#[denq]\d+|[\p{L}\p{N}@][\p{L}\p{N}'_@-]*|[,&?+/;]|[.!]+(?=\s|$)/gu;

/** Splits a message into tokens with entities replaced by placeholders. */
export function tokenize(input: string): Tokenized {
  const entities: Entity[] = [];
  let text = input
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f#\uE000-\uF8FF]/g, ' ')
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    .replace(/[\u201c\u201d\u00ab\u00bb]/g, '"');
  text = readLabels(text);
  text = extractEntities(text, entities);
  text = extractQuoted(text, entities);
  const questionMark = text.includes('?');
  const tokens: Token[] = [];
  const corrected: string[] = [];
  for (const m of text.matchAll(WORD)) {
    const raw = m[0].replace(/'+$/, '');
    if (raw === '?' || raw === '' || raw === '/' || raw === '+') continue;
    if (/^[.!;]+$/.test(raw)) {
      // Sentence ends are kept as "." so no pattern spans two sentences ("stop. blocking x.com").
      if (tokens.length > 0 && tokens[tokens.length - 1]?.norm !== '.') tokens.push({ raw, norm: '.' });
      continue;
    }
    if (raw.startsWith('#')) {
      tokens.push({ raw, norm: raw });
      continue;
    }
    let norm = raw.toLowerCase().replace(/'s$/, '');
    if (norm === 's' && tokens.length > 0) continue; // possessive after an entity: "rob@x.com's"
    norm = SPELLING[norm] ?? norm;
    const fixed = norm.includes(' ') ? undefined : correctTypo(norm);
    if (fixed !== undefined) {
      corrected.push(`${norm}→${fixed}`);
      norm = fixed;
    }
    for (const part of norm.split(' ')) tokens.push({ raw, norm: part });
  }
  markNames(tokens, entities);
  for (const t of tokens) if (free(t)) t.norm = `~${t.norm}`;
  return { tokens, entities, questionMark, corrected };
}

const LABEL = new RegExp(`(?<![\\p{L}\\p{N}])["']?(${alt(Object.keys(LABELS))})["']?(?![\\p{L}\\p{N}])`, 'giu');
const CMDLET = new RegExp(`(?<![\\p{L}\\p{N}])(${alt(Object.keys(CMDLETS))})(?![\\p{L}\\p{N}])`, 'giu');
const PARAMETER = new RegExp(`(?<![\\p{L}\\p{N}])-?(${alt(Object.keys(PARAMETERS))})(?![\\p{L}\\p{N}])`, 'giu');

/**
 * Admin-center labels and PowerShell parameter names become the plain words they stand for, and
 * brackets become clause breaks ("disable external access (not guest access)").
 */
function readLabels(text: string): string {
  return readPowerShell(text)
    .replace(CMDLET, (_m, c: string) => ` ${CMDLETS[c.toLowerCase()] ?? c} `)
    .replace(/\|/g, ' ')
    .replace(LABEL, (_m, label: string) => ` ${LABELS[label.toLowerCase()] ?? label} `)
    .replace(PARAMETER, (_m, p: string) => ` ${PARAMETERS[p.toLowerCase()] ?? p} `)
    .replace(/\$(true|false)\b/gi, '$1')
    .replace(/[([]([^()[\]]*\s[^()[\]]*)[)\]]/g, ' , $1 , ')
    .replace(/[()[\]]/g, ' ');
}

const PREPOSITION = new Set(['for', 'in', 'at', 'of']);
/** After these a capitalized word is a name even if it is also a common word ("policy Partners"). */
const NAMING = new Set(['policy', 'called', 'named']);
/** A negation is never a name, even capitalized after "policy". */
const NEGATION_WORDS: ReadonlySet<string> = new Set(NEGATIONS.flatMap((n) => n.split(' ')));
const STRUCTURE = new Set(['with', 'that', 'to', 'for', 'in', 'and', 'so', 'which', 'where', 'having', 'on', 'from', 'the', 'a', 'an']);
/** Every word some pattern mentions ("help", "matrix", "giphy") is never part of a name. */
const PATTERN_WORDS: ReadonlySet<string> = new Set([
  ...[...MATCHERS.map((m) => m.pattern.source), ...SETTING_SOURCES].flatMap((s) => s.match(/[a-z0-9][a-z0-9'-]+/g) ?? []),
  ...Object.keys(FEATURE_KEYWORDS).flatMap((k) => k.split(' ')),
]);
const isWord = (t: Token | undefined): t is Token => t !== undefined && /^[\p{L}\p{N}][\p{L}\p{N}'_.-]*$/u.test(t.norm);
const known = (w: string): boolean => RESERVED.has(w) || PATTERN_WORDS.has(w);
const free = (t: Token | undefined): t is Token => isWord(t) && !known(t.norm);
const namedAfter = (t: Token | undefined, prev: Token | undefined): t is Token =>
  isWord(t) && /^\p{Lu}/u.test(t.raw) && NAMING.has(prev?.norm ?? '') && !STRUCTURE.has(t.norm) && !NEGATION_WORDS.has(t.norm);

/**
 * Organization and policy names: a run of up to four unreserved words starting with a capital
 * ("Contoso West", "NoFed"), or a run of unreserved words closing the sentence after "for"/"in"
 * ("for contoso west"). Each run becomes one name entity.
 */
function markNames(tokens: Token[], entities: Entity[]): void {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const forced = namedAfter(t, tokens[i - 1]);
    if ((!free(t) || !/\p{L}/u.test(t.norm)) && !forced) continue;
    let end = i;
    while (end + 1 < tokens.length && end - i < 3 && free(tokens[end + 1])) end++;
    const capital = /^\p{Lu}/u.test(t.raw);
    const closing = end === tokens.length - 1 || tokens[end + 1]?.norm === ',';
    const afterPreposition = PREPOSITION.has(tokens[i - 1]?.norm ?? '');
    // Lower case only for a name of two words or more: "for contoso west", not "for rob".
    if (!forced && !capital && !(closing && afterPreposition && end > i)) continue;
    const raw = tokens.slice(i, end + 1).map((x) => x.raw).join(' ').replace(/'s$/i, '');
    entities.push({ kind: 'name', raw, value: raw, display: raw });
    const placeholder = `#n${entities.length - 1}`;
    tokens.splice(i, end - i + 1, { raw, norm: placeholder });
  }
}
