import { orgRef } from '../context';
import { alt, DOMAIN, NAME, pattern } from '../pattern';
import { SELF } from '../vocabulary/questions';
import { ALLOW_LIST, BLOCK_LIST, HISTORY, SETTINGS } from '../vocabulary/nouns';
import { UNDO } from '../vocabulary/verbs';
import { ORG, ORG_OR_WORD } from './slots';
import type { Matcher } from './types';

const TALK = alt(['talk to', 'talk with', 'reach', 'chat with', 'communicate with', 'federate with', 'contact', 'call', 'meet', 'meet with', 'work with', 'message', 'connect with']);
const SUBJECT = `(?:${alt(SELF)}|(?<subject>${DOMAIN}|${NAME}))`;
const SHOW = alt(['show', 'show me', 'display', 'view', 'list', 'get', 'see', 'open', 'print', 'give me', 'what are', 'what\'s', 'what is', 'whats', 'check']);
const OWN = '(?:the |our |my |current |present |all |external access |federation |org |organization |tenant )*';

function forms(name: string, sources: string[], extract: Matcher['extract']): Matcher[] {
  return sources.map((s, i) => ({ name: `${name}#${i}`, pattern: pattern(s), extract }));
}
const withOrg = (org: string): { orgRef?: string } => (org ? { orgRef: org } : {});

/** Overviews: who we can talk to, settings, the matrix, history and undo. */
export const overviewMatchers: Matcher[] = [
  ...forms('whoCanWeTalkTo', [
    `(?:who|which (?:domains|organizations|orgs|companies|tenants|partners)|what (?:domains|organizations|orgs|companies|tenants)) (?:can|may|are|is|could) ${SUBJECT} (?:allowed to |able to |currently |still )*${TALK}${ORG_OR_WORD}`,
    `who (?:are|is) ${SUBJECT} (?:federated|connected) with${ORG_OR_WORD}`,
    `(?:who|which organizations) (?:can|may) talk to us${ORG_OR_WORD}`,
    `${SHOW} ${OWN}(?:federation )?partners${ORG_OR_WORD}`,
    `(?:which|what) (?:partner |external |other |federated |allowed |approved )*(?:domains|organizations|orgs|companies|tenants|partners) (?:are|can|may|do|is) (?:approved|trusted|federated|enabled|${SUBJECT})`,
  ], (g, ctx) => ({ command: { kind: 'whoCanWeTalkTo', ...withOrg(orgRef(ctx, g.org ?? g.subject)) } })),
  ...forms('matrix', [
    `who can (?:reach|talk to|chat with|contact|call|meet) (?:whom|who)`,
    `(?:${SHOW} )?(?:the )?(?:reachability |federation |reach |connectivity |who can reach whom )?(?:matrix|grid)`,
    `(?:${SHOW} )?(?:the )?(?:reachability|connectivity)(?: table| overview| chart)?`,
    `which (?:organizations|orgs|tenants|companies) can (?:talk to|reach|chat with) (?:each other|one another)`,
  ], () => ({ command: { kind: 'matrix' } })),
  ...forms('showSettings', [
    `(?:${SHOW} )?${OWN}${alt(SETTINGS)}${ORG_OR_WORD}`,
    `(?:${SHOW} )?(?<subject>${DOMAIN}|${NAME}) (?:external access )?${alt(SETTINGS)}`,
    `how (?:is|are) ${SUBJECT} (?:set up|configured)${ORG_OR_WORD}`,
  ], (g, ctx) => ({ command: { kind: 'showSettings', ...withOrg(orgRef(ctx, g.org ?? g.subject)) } })),
  ...forms('showList', [
    `(?:${SHOW} )?${OWN}(?:(?<allowed>${alt(ALLOW_LIST)})|(?<blocked>${alt(BLOCK_LIST)})|(?<trial>trial (?:tenant )?exceptions|allowed trial (?:tenant )?domains|trial exemptions))${ORG_OR_WORD}`,
    `(?:which|what) domains (?:are|do we have) (?:(?<allowed>allowed|permitted|on the allow list)|(?<blocked>blocked|banned|on the block list))${ORG_OR_WORD}`,
    `what(?:'s| is) (?:(?<allowed>allowed)|(?<blocked>blocked))${ORG_OR_WORD}`,
  ], (g, ctx) => {
    const list = g.allowed !== undefined ? 'allowed' : g.blocked !== undefined ? 'blocked' : 'trial';
    return { command: { kind: 'showSettings', list, ...withOrg(orgRef(ctx, g.org)) } };
  }),
  ...forms('history', [
    `(?:${SHOW} )?(?:the )?${alt(HISTORY)}${ORG_OR_WORD}`,
    `(?:what|which|what's|anything|any settings?) (?:has |have |was |were |has been |have been |got |been )?(?:changed|changes were made|changes have been made)(?: recently| lately| today| this week| here)?${ORG_OR_WORD}`,
    `who changed what${ORG_OR_WORD}`,
  ], (g, ctx) => ({ command: { kind: 'history', ...withOrg(orgRef(ctx, g.org)) } })),
  ...forms('undo', [`${alt(UNDO)}${ORG}`], (g, ctx) => ({ command: { kind: 'undo', ...withOrg(orgRef(ctx, g.org)) } })),
];
