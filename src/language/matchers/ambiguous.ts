import type { Change } from '../../policy/change';
import { domainList, orgRef, type Context } from '../context';
import { alt, pattern } from '../pattern';
import { phraseChange } from '../phrase';
import { ADD, ALLOW, ALLOW_ONLY, BLOCK, REMOVE, STOP_ALLOWING, TURN_OFF, UNBLOCK } from '../vocabulary/verbs';
import { EVERY, FEDERATION } from '../vocabulary/nouns';
import { LIST, ORG } from './slots';
import type { Extracted, Matcher } from './types';

type ListKind = 'allowOnly' | 'addAllowed' | 'removeAllowed' | 'addBlocked' | 'removeBlocked' | 'removeTrialException';
const EXCEPT = alt(['except', 'but', 'apart from', 'other than', 'besides', 'excluding', 'except for', 'but not']);

/** A refusal that offers each reading of a list as a button. */
function ask(problem: (shown: string) => string, kinds: ListKind[]): Matcher['extract'] {
  return (g: Record<string, string | undefined>, ctx: Context): Extracted | undefined => {
    const org = orgRef(ctx, g.org);
    const r = domainList(ctx, g.list, (domains) => phraseChange({ kind: 'addBlocked', org, domains }) ?? '');
    if (r === undefined) return undefined;
    if (!r.ok) return r;
    const phrases = kinds.map((kind) => phraseChange({ kind, org, domains: r.domains } as Change) ?? '');
    return { problem: problem(r.shown.join(', ')), suggestions: phrases };
  };
}

const VERB_KIND: [string[], ListKind][] = [
  [ALLOW_ONLY, 'allowOnly'], [UNBLOCK, 'removeBlocked'], [STOP_ALLOWING, 'removeAllowed'], [BLOCK, 'addBlocked'], [ALLOW, 'addAllowed'],
];
const kindOf = (verb: string | undefined): ListKind | undefined => VERB_KIND.find(([words]) => words.includes(verb ?? ''))?.[1];
const ANY_VERB = alt(VERB_KIND.flatMap(([w]) => w));

/**
 * Requests with more than one reading. They are matched on purpose, so the answer is a question
 * with each reading as a suggestion instead of a guess.
 */
export const ambiguousMatchers: Matcher[] = [
  {
    // "block and allow contoso.com": two opposite verbs on one list.
    name: 'twoVerbs',
    pattern: pattern(`(?<v1>${ANY_VERB}) (?:and|or|, and|,|and then|then|and also) (?<v2>${ANY_VERB}) (?:the )?(?:domains? )?(?<list>${LIST})${ORG}`),
    extract: (g, ctx) => {
      const k1 = kindOf(g.v1);
      const k2 = kindOf(g.v2);
      if (k1 === undefined || k2 === undefined) return undefined;
      if (k1 === k2) return undefined;
      return ask((d) => `Do you want to ${g.v1} or ${g.v2} ${d}? I can't do both.`, [k1, k2])(g, ctx);
    },
  },
  {
    name: 'addWhere',
    pattern: pattern(`${alt(ADD)} (?:the )?(?:domains? )?(?<list>${LIST})${ORG}`),
    extract: ask((d) => `Add ${d} to which list: allowed or blocked?`, ['addAllowed', 'addBlocked']),
  },
  {
    name: 'removeWhere',
    pattern: pattern(`${alt(REMOVE)} (?:the )?(?:domains? )?(?<list>${LIST})${ORG}`),
    extract: ask((d) => `Remove ${d} from which list: blocked, allowed or trial tenant exceptions?`, ['removeBlocked', 'removeAllowed', 'removeTrialException']),
  },
  {
    name: 'disallow',
    pattern: pattern(`(?:disallow|dis-allow|forbid|revoke) (?:the )?(?:domains? )?(?<list>${LIST})${ORG}`),
    extract: ask((d) => `Do you want to block ${d}, or take it off the allowed domains?`, ['addBlocked', 'removeAllowed']),
  },
  {
    name: 'federationWith',
    pattern: pattern(`(?:${alt(TURN_OFF)}|stop|end|cut) ${alt(FEDERATION)} (?:with|to) (?:the )?(?:domains? )?(?<list>${LIST})${ORG}`),
    extract: ask((d) => `Do you want to block ${d}, or take it off the allowed domains?`, ['addBlocked', 'removeAllowed']),
  },
  {
    name: 'blockAllExcept',
    // "block external access for everyone except x.com" too: the switch named before whom it covers.
    pattern: pattern(`${alt(BLOCK)} (?:${alt(FEDERATION)} (?:for|to|with) )?${alt(EVERY)} ${EXCEPT} (?:the )?(?:domains? )?(?<list>${LIST})${ORG}`),
    extract: ask((d) => `Blocking everything except ${d} means allowing only ${d}. Is that what you want?`, ['allowOnly']),
  },
  {
    name: 'allowAllExcept',
    pattern: pattern(`${alt(ALLOW)} ${alt(EVERY)} ${EXCEPT} (?:the )?(?:domains? )?(?<list>${LIST})${ORG}`),
    extract: (g, ctx) => {
      const r = ask((d) => `That is two changes: allow all external domains, then block ${d}. Send them one at a time.`, ['addBlocked'])(g, ctx);
      if (r === undefined || 'command' in r) return r;
      const org = orgRef(ctx, g.org);
      return { problem: r.problem, suggestions: [phraseChange({ kind: 'setDomainMode', org, mode: 'allowAll' }) ?? '', ...r.suggestions] };
    },
  },
];
