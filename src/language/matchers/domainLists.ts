import type { ChangeKind } from '../../policy/change';
import { domainList, orgRef } from '../context';
import { alt, pattern } from '../pattern';
import { phraseChange } from '../phrase';
import { ADD, ALLOW, ALLOW_ONLY, BLOCK, REMOVE, STOP_ALLOWING, TURN_ON, UNBLOCK } from '../vocabulary/verbs';
import { ALLOW_LIST, BLOCK_LIST, FEDERATION } from '../vocabulary/nouns';
import { LIST, ORG } from './slots';
import { MEDIA_WORDS } from '../vocabulary/intents';
import { change, type Matcher } from './types';

type ListKind = Extract<ChangeKind, 'allowOnly' | 'addAllowed' | 'removeAllowed' | 'addBlocked' | 'removeBlocked' | 'addTrialException' | 'removeTrialException'>;

const THE = '(?:the |our )?';
const TALK_VERB = alt(['federate', 'communicate', 'talk', 'chat', 'collaborate']);
/** "block these: a.com, b.com", "allow the following domains a.com". */
const DOMAINS = '(?:the |these |those |the following |following )?(?:external )?(?:domains? )?';
/** "allow x.com only for chat": that "only" narrows to a medium (perMedium.ts explains it), not to the domain. */
const NOT_A_MEDIUM = `(?! (?:for|in|on|during|via|over|within) (?:the |our |my |teams |external |online )?${alt(Object.keys(MEDIA_WORDS))}(?: |$))`;
/** "i need x.com blocked", "we want y.com allowed": a wish for a domain's state, said by the one who asks. */
const WANT = alt(['i need', 'we need', 'i want', 'we want', "i'd like", "we'd like", 'i would like', 'we would like']);
/** Before an admin-center choice: "set (it / the domain rule) to …". */
const PICK = '(?:(?:set|switch|change|select|choose|pick)(?: the| it| this)?(?: domain)?(?: rule| mode| setting)? to )?';
/** After an admin-center choice, the list it takes ("… with a.com", "… and add a.com"). */
const THEN_LIST = '(?: with| : | ,| for| =| and add| and include| then add| , add| and put)?';
/** "allow x.com to talk to us", "block x.com from contacting us": the tail restates the verb. */
const TO_TALK = '(?: to (?:talk|chat|communicate|connect|federate) (?:to|with) (?:us|our users|me|my users|our organization))?';
const FROM_TALK = '(?: from (?:(?:talking|chatting|communicating|contacting|reaching|messaging|calling|federating)(?: to| with)?(?: us| our users| me| my users| our organization)?|(?:using )?(?:external access|federation|external communication|our tenant|teams)))?';

/** Matchers for one list change: every form shares the extract; `list` and `org` are the slots. */
export function listMatchers(kind: ListKind, sources: string[]): Matcher[] {
  return sources.map((source, i) => ({
    name: `${kind}#${i}`,
    pattern: pattern(`${source}${ORG}`),
    extract(g, ctx) {
      const org = orgRef(ctx, g.org);
      const r = domainList(ctx, g.list, (domains) => phraseChange({ kind, org, domains }) ?? '');
      if (r === undefined) return undefined;
      return r.ok ? change({ kind, org, domains: r.domains }) : r;
    },
  }));
}

export const domainListMatchers: Matcher[] = [
  ...listMatchers('allowOnly', [
    `(?:(?:set|change|switch|configure) (?:the )?(?:external access|federation|domain rule|it) to )?${alt(ALLOW_ONLY)} (?:the following |these |specific |the )?${DOMAINS}(?<list>${LIST})`,
    `${alt(ALLOW)} ${DOMAINS}(?<list>${LIST}) only${NOT_A_MEDIUM}`,
    `(?:set|replace|make|change) ${THE}${alt(ALLOW_LIST)} (?:to |with |be |= )?(?:only |just )?(?<list>${LIST})`,
    // The admin-center choice followed by its list: "(set the domain rule to) Allow only specific external domains with a.com".
    `${PICK}allow only specific external domains${THEN_LIST} (?:only )?(?<list>${LIST})`,
    `(?:closed federation (?:, )?)?only ${DOMAINS}(?<list>${LIST}) (?:should be |must be |may be |are |is |to be )?(?:allowed|permitted|trusted|whitelisted)`,
    // "we want to federate only with a.com", "only talk to a.com": the wish is the rule.
    `only (?:want to |wish to |need to |like to )?${TALK_VERB} (?:to|with) ${DOMAINS}(?<list>${LIST})`,
    `${TALK_VERB} (?:only|just|exclusively) (?:to|with) ${DOMAINS}(?<list>${LIST})`,
  ]),
  ...listMatchers('addAllowed', [
    `${alt(ALLOW)} ${DOMAINS}(?<list>${LIST})${TO_TALK}`,
    `${alt(ADD)} ${DOMAINS}(?<list>${LIST}) (?:to|on|onto|in|into) ${THE}${alt(ALLOW_LIST)}`,
    `(?:${alt(ADD)}|and) (?:an? |the )?(?:allowed|permitted|trusted) (?:external )?domains? (?<list>${LIST})`,
    `${WANT} ${DOMAINS}(?<list>${LIST}) (?:to be )?(?:allowed|whitelisted|permitted)`,
    `${alt(ADD)} ${DOMAINS}(?<list>${LIST}) as (?:an? |our )?(?:allowed|permitted|trusted|whitelisted|federated) (?:external )?(?:domains?|partners?|organizations?)`,
    `(?:${alt(TURN_ON)}|allow|open) ${alt(FEDERATION)} (?:with|to) ${DOMAINS}(?<list>${LIST})`,
    `let (?:us |users |our users |my users |people |everyone )?(?:talk|chat|communicate|federate) (?:to|with) ${DOMAINS}(?<list>${LIST})`,
  ]),
  ...listMatchers('removeAllowed', [
    `${alt(REMOVE)} ${DOMAINS}(?<list>${LIST}) (?:from|off|out of|on|in) ${THE}${alt(ALLOW_LIST)}`,
    `${alt(STOP_ALLOWING)} ${DOMAINS}(?<list>${LIST})`,
  ]),
  ...listMatchers('addBlocked', [
    `${alt(BLOCK)} ${DOMAINS}(?<list>${LIST})${FROM_TALK}`,
    `${alt(ADD)} ${DOMAINS}(?<list>${LIST}) (?:to|on|onto|in|into) ${THE}${alt(BLOCK_LIST)}`,
    `(?:${alt(ADD)}|and) (?:an? |the )?(?:blocked|banned) (?:external )?domains? (?<list>${LIST})`,
    `${alt(ADD)} ${DOMAINS}(?<list>${LIST}) as (?:an? )?(?:blocked|banned|blacklisted) (?:external )?domains?`,
    `${alt(BLOCK)} only ${DOMAINS}(?<list>${LIST})`,
    // "i need x.com blocked": the wanted state of a domain ("x.com should be blocked" may be an opinion: asked).
    `${WANT} ${DOMAINS}(?<list>${LIST}) (?:to be )?(?:blocked|banned|blacklisted)`,
    `${PICK}block only specific external domains${THEN_LIST} (?<list>${LIST})`,
  ]),
  ...listMatchers('removeBlocked', [
    `${alt(UNBLOCK)} ${DOMAINS}(?<list>${LIST})`,
    `${WANT} ${DOMAINS}(?<list>${LIST}) (?:to be )?unblocked`,
    `${alt(REMOVE)} ${DOMAINS}(?<list>${LIST}) (?:from|off|out of|on|in) ${THE}${alt(BLOCK_LIST)}`,
  ]),
];
