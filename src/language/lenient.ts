import comparison from '../../data/comparison.json';
import type { Command } from './command';
import type { Entity } from './entities';
import { alt } from './pattern';
import { FEATURE_KEYWORDS } from './vocabulary/features';
import { HOWTO_CUES, HOWTO_STARTS, HOWTO_TOPICS, HYPOTHETICAL_STARTS, TALK_CUES, TROUBLE_CUES, UNKNOWN_FEATURES } from './vocabulary/intents';
import { CONSUMER, FEDERATION } from './vocabulary/nouns';
import { NEGATIONS } from './vocabulary/fillers';

/**
 * The lenient reading, used when no matcher explains the sentence well enough: entities first,
 * then cues decide the kind of answer. Only questions come out of here, never a change: the worst
 * a lenient misreading can do is answer the wrong question.
 */
const words = (list: readonly string[]): RegExp => new RegExp(`(?<![^ ])${alt(list)}(?![^ ])`, 'u');
const TROUBLE = words(TROUBLE_CUES);
const TALK = words(TALK_CUES);
const ABOUT_ACCESS = words([...FEDERATION, ...CONSUMER, 'external', 'federation', 'federated', 'teams', 'skype']);
const ABOUT_CONSUMER = words(CONSUMER);
const NEGATION = words(NEGATIONS);
const HOWTO = new RegExp(`^${alt(HOWTO_STARTS)}(?: |$)`, 'u');
const HOWTO_CUE = words(HOWTO_CUES);
export const HYPOTHETICAL = new RegExp(`^${alt(HYPOTHETICAL_STARTS)}(?: |$)`, 'u');
/** Hypotheticals unmistakable anywhere in a sentence ("I wonder what happens if we block x.com"). */
export const HYPOTHETICAL_INSIDE = new RegExp(`(?<![^ ])${alt(HYPOTHETICAL_STARTS.filter((s) => s.split(' ').length >= 3 || s === 'what if'))}(?![^ ])`, 'u');
const UNKNOWN = new RegExp(`(?<![^ ])${alt(UNKNOWN_FEATURES)}(?![^ ])`, 'u');
const KEYWORD = new RegExp(`(?<![^ ])${alt(Object.keys(FEATURE_KEYWORDS))}(?![^ ])`, 'gu');
const TOPIC = new RegExp(`(?<![^ ])${alt(Object.keys(HOWTO_TOPICS))}(?![^ ])`, 'gu');
/** Keywords that also mean plain talking: with a person named, they ask for a verdict, not a row. */
const MEDIA = new Set(['chat', 'call', 'meetingInvite']);
const ROW_IDS = new Set(comparison.rows.map((r) => r.id));

/**
 * Feature rows named in the sentence, in the order they appear; "teams" only when nothing else is.
 * `skip`: keywords not taken as a feature here (too common in the sentence's kind).
 */
export function featureRows(text: string, skip: ReadonlySet<string> = new Set()): string[] {
  const rows: string[] = [];
  for (const m of text.matchAll(KEYWORD)) {
    // "Teams" is the product far more often than "teams and channels".
    if (m[0] === 'teams' || m[0] === 'team' || skip.has(m[0])) continue;
    const id = FEATURE_KEYWORDS[m[0]];
    if (id !== undefined && ROW_IDS.has(id) && !rows.includes(id)) rows.push(id);
  }
  const broad = rows.filter((r) => r !== 'resources');
  const named = /(?<![^ ])(?:channels?|sharepoint|resources)(?![^ ])/u.test(text);
  return (named || broad.length === 0 ? rows : broad).slice(0, 3);
}

/** The sentence without its feature keywords ("allow list + meetings" → "allow list"). */
export function withoutFeatureWords(text: string): string {
  return text.replace(KEYWORD, ' ');
}

/** A feature the table does not cover, with the rows it has that the sentence also names. */
export function unknownFeature(text: string): Command | undefined {
  const m = UNKNOWN.exec(text);
  if (m === null) return undefined;
  return { kind: 'featureUnknown', name: m[0], near: featureRows(text.replace(m[0], ' ')) };
}

/** Something fails, or reaching someone is the subject. */
export function aboutReaching(text: string): boolean {
  return TROUBLE.test(text) || TALK.test(text);
}

export function howtoStart(text: string): boolean {
  return HOWTO.test(text);
}

export function howtoTopic(text: string): Command {
  const topics = [...text.matchAll(TOPIC)].map((m) => HOWTO_TOPICS[m[0]]);
  const pick = topics.find((t) => t === 'perUser') ?? topics.find((t) => t === 'consumer' || t === 'trial') ?? topics[0] ?? 'domains';
  return { kind: 'howto', topic: pick };
}

/** A reading of a sentence no matcher explained; `question` is its mood, `request` an imperative start. */
export function readLeniently(marked: string, entities: readonly Entity[], question: boolean, request: boolean): Command | undefined {
  if (request) return undefined;
  // Words no vocabulary knows are marked "~" by the tokenizer: "alow x.com" is a near-miss, not a status question.
  const unknownWords = /(?<![^ ])~/.test(marked);
  const text = marked.replace(/(?<![^ ])~/g, '');
  const unknown = unknownFeature(text);
  if (unknown !== undefined) return unknown;
  const people = entities.filter((e) => e.kind === 'email' && e.problem === undefined);
  const domains = entities.filter((e) => e.kind === 'domain' && e.problem === undefined);
  // "x.com should be blocked" is about a domain: the row about blocking one person does not answer it.
  const rows = featureRows(text).filter((r) => r !== 'block' || people.length > 0 || domains.length === 0);
  const topical = rows.filter((r) => !MEDIA.has(r));
  // "we cannot find users from x.com when searching": a failure with someone named is about reaching them.
  const named: Entity | undefined = people[0] ?? domains[0];
  if (named !== undefined && TROUBLE.test(text) && topical.length > 0) return { kind: 'reach', to: named.value };
  if (topical.length > 0 && (question || people.length + domains.length > 0 || ABOUT_ACCESS.test(text))) {
    const [first, ...also] = topical;
    return { kind: 'feature', feature: first ?? 'chat', ...(also.length > 0 ? { also } : {}) };
  }
  // "rob@x.com gets an error when messaging ann@y.com": two people named, the verdict between them.
  const [first, second] = people;
  if (first !== undefined && second !== undefined && (TROUBLE.test(text) || TALK.test(text) || question)) return { kind: 'reach', from: first.value, to: second.value };
  const parent = domains.find((d) => domains.some((s) => s !== d && s.value.endsWith(`.${d.value}`)));
  if (parent !== undefined && question) return { kind: 'showSettings' };
  const party: Entity | undefined = people[0] ?? domains[0];
  const trouble = TROUBLE.test(text);
  if (party !== undefined && (trouble || TALK.test(text) || question)) return { kind: 'reach', to: party.value };
  const bare = text.split(' ').filter((w) => !/^#/.test(w)).length <= 3 && !NEGATION.test(text);
  if (party !== undefined && party.kind === 'domain' && !unknownWords && bare) return { kind: 'domainStatus', domain: party.value };
  if (question && (howtoStart(text) || HOWTO_CUE.test(text))) return howtoTopic(text);
  if ((trouble || TALK.test(text) || question) && (ABOUT_ACCESS.test(text) || ABOUT_CONSUMER.test(text))) return { kind: 'showSettings' };
  if (rows.length > 0 && question) {
    const [first, ...also] = rows;
    return { kind: 'feature', feature: first ?? 'chat', ...(also.length > 0 ? { also } : {}) };
  }
  return undefined;
}
