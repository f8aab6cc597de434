import { orgRef, type Context } from '../context';
import { alt, pattern } from '../pattern';
import { ASSIGN, CREATE, MOVE, UPDATE } from '../vocabulary/verbs';
import { COEXISTENCE, COEXISTENCE_MODE, ON_PREMISES, ONLINE } from '../vocabulary/nouns';
import { readPolicySettings } from './policySettings';
import { LIST, ORG, PERSON, POLICY_NAME } from './slots';
import { domainList } from '../context';
import { change, type Extracted, type Matcher } from './types';

const POLICY = '(?:external access |custom |user )?policy';
const NAMED = `${POLICY} (?:called |named )?(?<name>${POLICY_NAME})`;
const NAME_FIRST = `(?<name>${POLICY_NAME})(?: external access)? policy`;
const SETTINGS_OPENER = '(?: with| that| to| so that| so| where| having| which| , and| ,| and)?';

function policyName(ctx: Context, slot: string | undefined): string {
  const e = ctx.entity(slot);
  return (e?.raw ?? slot ?? '').replace(/^~|^["']|["']$/g, '').trim().slice(0, 64);
}

function forms(name: string, sources: string[], extract: Matcher['extract']): Matcher[] {
  return sources.map((s, i) => ({ name: `${name}#${i}`, pattern: pattern(s), extract }));
}

function withSettings(g: Record<string, string | undefined>, ctx: Context, kind: 'createPolicy' | 'updatePolicy'): Extracted {
  const org = orgRef(ctx, g.org);
  const name = policyName(ctx, g.name);
  if (g.settings === undefined) {
    return kind === 'createPolicy'
      ? change({ kind, org, name })
      : { problem: `What should change in policy ${name}?`, suggestions: [`turn off external access in policy ${name}`] };
  }
  const r = readPolicySettings(g.settings, ctx);
  if (!r.ok) return { problem: r.reason, suggestions: [] };
  return change(kind === 'createPolicy' ? { kind, org, name, settings: r.settings } : { kind, org, name, settings: r.settings });
}

const MODES = alt(Object.keys(COEXISTENCE_MODE));

/** Custom external access policies and per-user settings. */
export const policyMatchers: Matcher[] = [
  ...forms('createPolicy', [
    `${alt(CREATE)} (?:a |an )?(?:new )?${NAMED}(?:${SETTINGS_OPENER} (?<settings>.+?))??${ORG}$`,
    `${alt(CREATE)} (?:a |an )?(?:new )?${NAME_FIRST}(?:${SETTINGS_OPENER} (?<settings>.+?))??${ORG}$`,
  ], (g, ctx) => withSettings(g, ctx, 'createPolicy')),
  ...forms('updatePolicy', [
    `${alt(UPDATE)} (?:the )?${NAMED}(?:${SETTINGS_OPENER}|:)? (?<settings>.+?)${ORG}$`,
    `${alt(UPDATE)} (?:the )?${NAME_FIRST}(?:${SETTINGS_OPENER}|:)? (?<settings>.+?)${ORG}$`,
    `^(?<settings>.+?) (?:in|for|on|of) (?:the )?${NAMED}${ORG}$`,
    `^(?<settings>.+?) (?:in|for|on|of) (?:the )?${NAME_FIRST}${ORG}$`,
    `^(?:in|for) (?:the )?${NAMED} ,? (?<settings>.+?)${ORG}$`,
  ], (g, ctx) => withSettings(g, ctx, 'updatePolicy')),
  ...forms('assignPolicy', [
    `${alt(ASSIGN)} (?:the )?${NAMED} to (?<user>${PERSON})`,
    `${alt(ASSIGN)} (?:the )?(?<name>${POLICY_NAME})(?: external access)?(?: policy)? to (?<user>${PERSON})`,
    `${alt(ASSIGN)} (?<user>${PERSON}) (?:the )?${NAME_FIRST}`,
    `${alt(ASSIGN)} (?<user>${PERSON}) (?:the )?${NAMED}`,
    `${alt(MOVE)} (?<user>${PERSON}) (?:on|onto|to|into) (?:the )?${NAME_FIRST}`,
    `${alt(MOVE)} (?<user>${PERSON}) (?:on|onto|to|into) (?:the )?${NAMED}`,
    `set (?<user>${PERSON}) (?:external access )?policy to (?<name>${POLICY_NAME})`,
  ].map((s) => `${s}${ORG}`), (g, ctx) => {
    const user = ctx.entity(g.user);
    if (user?.problem !== undefined) return { problem: `${user.problem}.`, suggestions: [] };
    return change({ kind: 'assignPolicy', org: orgRef(ctx, g.org), user: user?.value ?? '', policy: policyName(ctx, g.name) });
  }),
  ...forms('setUserCoexistence', [
    `${alt(MOVE)} (?:the )?${alt(COEXISTENCE)} (?:for|of) (?<user>${PERSON}) to (?<mode>${MODES})(?: mode)?`,
    `${alt([...MOVE, 'change'])} (?<user>${PERSON})(?: ${alt(COEXISTENCE)})? to (?<mode>${MODES})(?: mode)?`,
    `(?:mark|set|flag) (?<user>${PERSON}) as (?:homed |being )?(?:(?<onprem>${alt(ON_PREMISES)})|(?<online>${alt(ONLINE)}))`,
    `(?:move|migrate|home|rehome) (?<user>${PERSON}) (?:to )?(?:(?<onprem>${alt(ON_PREMISES)})|(?<online>${alt(ONLINE)}))`,
  ].map((s) => `${s}${ORG}`), (g, ctx) => {
    const user = ctx.entity(g.user);
    if (user?.problem !== undefined) return { problem: `${user.problem}.`, suggestions: [] };
    const org = orgRef(ctx, g.org);
    const base = { kind: 'setUserCoexistence' as const, org, user: user?.value ?? '' };
    if (g.mode !== undefined) return change({ ...base, coexistence: COEXISTENCE_MODE[g.mode] ?? 'TeamsOnly' });
    return change({ ...base, onPremises: g.onprem !== undefined });
  }),
];

const TALK = '(?:talk|chat|communicate|collaborate|federate|work|speak|meet)';
const ORG_DEFAULT = "(?:the )?(?:organization's|organization|org's|org|tenant's|tenant|company's|default)(?: settings| defaults| default| policy| rules?)?";

/** One person's external access: only some domains, or back to what the organization decides. */
export const userScopeMatchers: Matcher[] = [
  ...forms('setUserAllowOnly', [
    `(?:let|allow|permit) (?<user>${PERSON}) (?:to )?(?:only )?${TALK}(?: only)? (?:to|with) (?:only )?(?:the )?(?:domains? )?(?<list>${LIST})`,
    `(?:restrict|limit) (?<user>${PERSON})(?: 's)?(?: external access| federation)? to (?:only )?(?:talking (?:to|with) |chatting with )?(?:the )?(?:domains? )?(?<list>${LIST})`,
    `(?:allow only|only allow) (?:the )?(?:domains? )?(?<list>${LIST}) for (?<user>${PERSON})`,
  ].map((s) => `${s}${ORG}`), (g, ctx) => {
    const user = ctx.entity(g.user);
    if (user === undefined) return undefined;
    if (user.problem !== undefined) return { problem: `${user.problem}.`, suggestions: [] };
    const r = domainList(ctx, g.list, () => '');
    if (r === undefined) return undefined;
    if (!r.ok) return r;
    return change({ kind: 'setUserAllowOnly', org: orgRef(ctx, g.org), user: user.value, domains: r.domains });
  }),
  ...forms('userBackToOrganization', [
    `(?:put|move|set|reset|return|take|switch|bring) (?<user>${PERSON}) back (?:to|on) ${ORG_DEFAULT}`,
    `(?<user>${PERSON}) back (?:to|on) ${ORG_DEFAULT}`,
  ].map((s) => `${s}${ORG}`), (g, ctx) => {
    const user = ctx.entity(g.user);
    if (user === undefined) return undefined;
    if (user.problem !== undefined) return { problem: `${user.problem}.`, suggestions: [] };
    return change({ kind: 'assignPolicy', org: orgRef(ctx, g.org), user: user.value, policy: 'Global' });
  }),
];

/** "allow x.com in policy P": a policy's list edited item by item is not something text can do safely. */
export const policyListEdit: Matcher[] = forms('policyListEdit', [NAMED, NAME_FIRST].map(
  (ref) => `(?:allow|block|unblock|add|remove|delete) (?:the )?(?:domains? )?#d\\d+(?: .+)? (?:in|to|from|for|on) (?:the )?${ref}${ORG}$`,
), (g, ctx) => ({
  problem: `I can't add or remove single domains in policy ${policyName(ctx, g.name)} from a message yet; use the fix button on the card, or replace the whole list ("allow only … in policy ${policyName(ctx, g.name)}").`,
  suggestions: [],
}));
