import type { Context } from '../context';
import { orgRef } from '../context';
import { alt, DOMAIN, EMAIL, NAME, pattern } from '../pattern';
import { CANNOT, MEDIUM, MEDIUM_PAIR, SELF, STATUS, STATUS_VERBS } from '../vocabulary/questions';
import { BARE, ORG } from './slots';
import type { Extracted, Matcher } from './types';

const PARTY = `(?:${EMAIL}|${DOMAIN}|${NAME})`;
const FROM = `(?:(?<self>${alt(SELF)})|(?<from>${PARTY}))`;
const TO = `(?<to>${PARTY}|${BARE})`;
const VERB = `(?<medium>${alt(Object.keys(MEDIUM))})`;
const PAIR_VERB = `(?<medium>${alt(Object.keys(MEDIUM_PAIR))})`;
const AUX = alt(['can', 'could', 'may', 'does', 'do', 'will', 'would', 'is', 'are', 'am', 'can\'t', 'cannot']);
const ABLE = '(?:(?:be |is |are )?able to |still |even |actually |not |now )*';

/** A party as the command wants it: an address or domain normalized, a name as typed, or a problem. */
function party(ctx: Context, slot: string | undefined): { value?: string; problem?: string } {
  const e = ctx.entity(slot);
  if (e === undefined) return slot === undefined ? {} : { problem: `\`${slot.replace(/^~/, '')}\` has no top-level domain.` };
  if (e.problem !== undefined) return { problem: `${e.problem}.` };
  return { value: e.kind === 'name' ? e.raw : e.value };
}

function reach(g: Record<string, string | undefined>, ctx: Context, media: Record<string, 'chat' | 'call' | 'meet' | undefined>): Extracted | undefined {
  const to = party(ctx, g.to);
  const from = g.self !== undefined ? {} : party(ctx, g.from);
  const problem = to.problem ?? from.problem;
  if (problem !== undefined) return { problem, suggestions: [] };
  if (to.value === undefined) return undefined;
  const medium = media[g.medium ?? ''];
  return { command: { kind: 'reach', to: to.value, ...(from.value ? { from: from.value } : {}), ...(medium ? { medium } : {}) } };
}

function forms(name: string, sources: string[], extract: Matcher['extract']): Matcher[] {
  return sources.map((s, i) => ({ name: `${name}#${i}`, pattern: pattern(s), extract }));
}

const LISTED = '(?:the )?(?:domain )?';
/** What a domain list says of a domain ("reachable" and "ok" of a name ask for the verdict instead). */
const LIST_STATUS = STATUS.filter((w) => !['reachable', 'ok', 'fine', 'open'].includes(w));
/** The sender's side as the far end of a question: "us", "me", "our users". */
const US = `(?:${alt(['us', 'me', 'our users', 'our people', 'our org', 'our organization', 'our tenant', 'our company', 'my users', 'my team', 'our team', 'my colleagues', 'our staff'])})`;
const domainStatus: Matcher['extract'] = (g, ctx) => {
  const e = ctx.entity(g.domain);
  if (e === undefined) return undefined;
  if (e.kind === 'name') {
    const org = orgRef(ctx, g.org);
    return { command: { kind: 'domainStatus', domain: e.raw, ...(org ? { orgRef: org } : {}) } };
  }
  if (e.kind === 'email') return { problem: `\`${e.display}\` is a person; ask about a domain, or whether you can reach them.`, suggestions: [`can I reach ${e.value}?`] };
  if (e.problem !== undefined) return { problem: `${e.problem}.`, suggestions: [] };
  const org = orgRef(ctx, g.org ?? g.subject);
  return { command: { kind: 'domainStatus', domain: e.value, ...(org ? { orgRef: org } : {}) } };
};

/** Questions about reaching someone and about the state of a domain or an organization. */
export const questionMatchers: Matcher[] = [
  ...forms('reach', [
    `${AUX} ${FROM} ${ABLE}${VERB} ${TO}`,
    `(?:why|how come) (?:${AUX} )?${FROM} ${ABLE}(?:${alt(CANNOT)} )?${VERB} ${TO}`,
    `(?:why|how come) (?:${alt(CANNOT)}) ${FROM} ${ABLE}${VERB} ${TO}`,
    `${FROM} (?:${alt(CANNOT)}|can|could) ${ABLE}${VERB} ${TO}`,
    `(?:check|test|verify)(?: if| whether)? ${FROM} (?:can|is able to) ${VERB} ${TO}`,
    `(?:check|test|verify) (?:reach|reachability|federation|connectivity|access) (?:to|with) ${TO}`,
    `(?:is|are) ${TO} reachable`,
  ], (g, ctx) => reach(g, ctx, MEDIUM)),
  // An organization by name reaching us ("can Contoso West reach us?", "why can't Fabrikam call me?"):
  // the verdict between the sender and anyone there (addresses and domains are read elsewhere).
  ...forms('reachUs', [
    `${AUX} (?<to>${NAME})(?: users| people)? ${ABLE}${VERB} ${US}`,
    `(?:why|how come) (?:${AUX} )?(?<to>${NAME})(?: users| people)? ${ABLE}(?:${alt(CANNOT)} )?${VERB} ${US}`,
    `(?<to>${NAME})(?: users| people)? (?:${alt(CANNOT)}|can|could) ${ABLE}${VERB} ${US}`,
  ], (g, ctx) => reach(g, ctx, MEDIUM)),
  ...forms('reachPair', [
    `(?:${AUX}|why (?:${alt(CANNOT)}|can't)|check if|check whether) (?<from>${PARTY}) and ${TO} ${ABLE}${PAIR_VERB}`,
    `(?:check|test) (?:reach|reachability|federation|connectivity) between (?<from>${PARTY}) and ${TO}`,
  ], (g, ctx) => reach(g, ctx, MEDIUM_PAIR)),
  ...forms('domainStatus', [
    `(?:is|are|isn't|aren't) ${LISTED}(?<domain>${DOMAIN}) (?:currently |still |already |now |actually )?(?:${alt(STATUS)})${ORG}`,
    `(?:do|does|are|don't|doesn't|aren't) (?:we|you|i|our organization|our org|our tenant|(?<subject>${DOMAIN}|${NAME})) (?:currently |still |already )?(?:${alt(STATUS_VERBS)}) ${LISTED}(?<domain>${DOMAIN})${ORG}`,
    `(?:whether|if) ${LISTED}(?<domain>${DOMAIN}) (?:is|are) (?:currently |still |already |now )?(?:${alt(STATUS)})${ORG}`,
    `(?:what(?:'s| is) (?:the )?)?(?:status|state) (?:of|for|on) ${LISTED}(?<domain>${DOMAIN})${ORG}`,
    `(?:check|look up|lookup|status) ${LISTED}(?<domain>${DOMAIN})${ORG}`,
    `(?<domain>${DOMAIN}) (?:status|blocked|allowed)${ORG}`,
    // An organization by name ("is Fabrikam blocked?"): the bot looks its domain up.
    `(?:is|are|isn't|aren't) (?<domain>${NAME})(?: users)? (?:currently |still |already |now |actually )?(?:${alt(LIST_STATUS)})${ORG}`,
  ], domainStatus),
];
