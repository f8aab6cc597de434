import { alt } from './pattern';
import { FILLERS } from './vocabulary/fillers';
import { MEDIA_WORDS, MEDIUM_EXCEPT, MEDIUM_ONLY, MEDIUM_UNTOUCHED } from './vocabulary/intents';

export type Medium = 'chat' | 'call' | 'meet';
/** The media a change was asked for and those asked to be left out of it; at least one is not empty. */
export interface MediumScope {
  only: Medium[];
  except: Medium[];
  /** The change's own clause without its scope phrases (a "never" there still takes the change back). */
  rest: string;
}

const OWNER = '(?:the |our |my |their |all |teams |external |online )?';
/** Not "to": "allow x.com to chat" asks to allow them, not to allow chat only. */
const PREP = alt(['for', 'in', 'on', 'during', 'from', 'over', 'via', 'within']);
const MEDIUM = alt(Object.keys(MEDIA_WORDS));
const MEDIA = `(?<media>${MEDIUM}(?: (?:and|or|,|&|plus) ${OWNER}${MEDIUM})*)`;
const ONLY = alt(MEDIUM_ONLY);
/** "block x.com for chat too" adds to what it covers: the whole change does that, so it is no scope. */
const ALSO = alt(['too', 'also', 'as well', 'either']);
/** "but not for meetings", "except calls", "not in chat". */
const EXCEPT_FORM = new RegExp(`(?<![^ ])(?:but |and |yet )?${alt(MEDIUM_EXCEPT)} (?:${PREP} )?${OWNER}${MEDIA}(?![^ ])`, 'gu');
/** "meetings are fine", "calls can stay". */
const UNTOUCHED_FORM = new RegExp(`(?<![^ ])${OWNER}${MEDIA} ${alt(MEDIUM_UNTOUCHED)}(?![^ ])`, 'gu');
/** "for meetings only", "only for chat", "just in chats", "in chats". */
const ONLY_FORM = new RegExp(`(?<![^ ])(?:${ONLY} )?${PREP} ${OWNER}${MEDIA}(?: ${ONLY})?(?![^ ])(?! ${ALSO}(?: |$))`, 'gu');
const FILLER = new RegExp(`(?<![^ ])${alt([...FILLERS, 'but', 'though', 'yet', 'while', 'whereas'])}(?![^ ])`, 'gu');

const mediaOf = (text: string): Medium[] => [...new Set(text.split(/ (?:and|or|,|&|plus) /).flatMap((part) => {
  const word = Object.keys(MEDIA_WORDS).sort((a, b) => b.length - a.length).find((w) => part === w || part.endsWith(` ${w}`));
  const m = word === undefined ? undefined : MEDIA_WORDS[word];
  return m === undefined ? [] : [m];
}))];

/** The scope phrases of one clause, and what is left of the clause without them. */
function scopeOf(clause: string): { scope: Omit<MediumScope, 'rest'>; rest: string } {
  const only: Medium[] = [];
  const except: Medium[] = [];
  let rest = clause;
  for (const [form, into] of [[EXCEPT_FORM, except], [UNTOUCHED_FORM, except], [ONLY_FORM, only]] as const) {
    rest = rest.replace(form, (...args: unknown[]) => {
      const groups = args[args.length - 1] as { media?: string };
      into.push(...mediaOf(groups.media ?? ''));
      return ' ';
    });
  }
  return { scope: { only: [...new Set(only)], except: [...new Set(except.filter((m) => !only.includes(m)))] }, rest };
}

/**
 * "block x.com but not for meetings", "allow y.com for chat only", "block z.com in chats, meetings are
 * fine": the media a change is asked for or asked to leave out, read from the change's own clause and
 * from clauses that say nothing else. A medium elsewhere ("block x.com, they spam our chats") is no scope.
 */
export function mediumScope(ownClause: string, otherClauses: readonly string[]): MediumScope | undefined {
  const own = scopeOf(ownClause.replace(/(?<![^ ])~/g, ''));
  const clauses = [own.scope];
  for (const c of otherClauses) {
    const { scope, rest } = scopeOf(c.replace(/(?<![^ ])~/g, ''));
    if (rest.replace(FILLER, ' ').trim() === '') clauses.push(scope);
  }
  const only = [...new Set(clauses.flatMap((s) => s.only))];
  const except = [...new Set(clauses.flatMap((s) => s.except))].filter((m) => !only.includes(m));
  return only.length + except.length > 0 ? { only, except, rest: own.rest } : undefined;
}
