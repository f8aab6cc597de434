import { orgRef } from '../context';
import { alt, pattern } from '../pattern';
import { BLOCK, STATE_OFF, STATE_ON, TURN_OFF, TURN_ON } from '../vocabulary/verbs';
import { CLOSED_FEDERATION, CONSUMER, EVERY, FEDERATION, INBOUND, OPEN_FEDERATION, SPECIFIC_ALLOW_MODE, SPECIFIC_BLOCK_MODE, START_CONVERSATIONS, SUBDOMAINS, TRIAL } from '../vocabulary/nouns';
import type { Change } from '../../policy/change';
import type { Context } from '../context';
import { ORG, PERSON } from './slots';
import { change, type Matcher } from './types';

const ON = alt([...TURN_ON]);
const OFF = alt([...TURN_OFF]);
const ALLOWISH = alt(['allow', 'permit', 'unblock', 'restore', 'open up']);
const BLOCKISH = alt([...BLOCK, 'stop', 'kill', 'remove', 'prevent']);
/** "… on", "set to off", "move the slider to Off", "= ON", "back on". */
const STATE = `(?:(?:set|switch|turn|toggle|move|slide|flip|put|change)(?: it| this| the slider| the toggle| the switch| the setting)? )?(?:back )?(?:to |: |= |is |as )?(?:back )?(?:(?<on>${alt(STATE_ON)})|(?<off>${alt(STATE_OFF)}))`;
const VERB = `(?:(?<on>${ON}|${ALLOWISH})|(?<off>${OFF}|${BLOCKISH}))`;
/** "put federation back on", "get external access on": verbs that only carry the state word after them. */
const SET = '(?:(?:set|switch|turn|change|toggle|flip|under|put|get|bring) )?(?:the )?';

type Make = (on: boolean, org: string) => Change;

/** On/off matchers for one setting: the `on`/`off` group decides, `org` names the organization. */
export function switchForms(name: string, sources: string[], make: Make, needs?: RegExp): Matcher[] {
  return sources.map((source, i) => ({
    name: `${name}#${i}`,
    ...(needs ? { needs } : {}),
    pattern: pattern(`${source}${ORG}`),
    extract: (g: Record<string, string | undefined>, ctx: Context) => change(make(g.on !== undefined, orgRef(ctx, g.org))),
  }));
}

const mode = (m: 'allowAll' | 'blockAll' | 'allowSpecific' | 'blockSpecific'): Make => (_on, org) => ({ kind: 'setDomainMode', org, mode: m });
/** "set it to Block all external domains": the setting may be named by a pronoun. */
const TO_MODE = '(?:set|switch|change|go back|revert|move|go)(?: it| this| that| the)?(?: domain)?(?: mode| rule| setting)?(?: back)? to (?:an? )?';

/** "turn off external access for rob@contosoeast.com": a policy change for one person. */
const userFederation: Matcher[] = [
  `${VERB} (?:the )?${alt(FEDERATION)} (?:for|of) (?:user )?(?<user>${PERSON})`,
  `${VERB} (?<user>${PERSON}) ${alt(FEDERATION)}`,
  `${SET}(?<user>${PERSON}) ${alt(FEDERATION)} ${STATE}`,
  `(?<off>block|disable|cut off|stop|prevent) (?<user>${PERSON}) from (?:using )?(?:${alt(FEDERATION)}|(?:talking|chatting|communicating) (?:to|with) (?:other |external )(?:organizations|people|users|domains))`,
  `(?<on>give|grant) (?<user>${PERSON}) ${alt(FEDERATION)}`,
  `${alt(FEDERATION)} ${STATE} (?:for|of) (?:user )?(?<user>${PERSON})`,
].map((source, i) => ({
  name: `setUserFederation#${i}`,
  needs: /#e/,
  pattern: pattern(`${source}${ORG}`),
  extract: (g: Record<string, string | undefined>, ctx: Context) => {
    const user = ctx.entity(g.user);
    if (user === undefined) return undefined;
    if (user.problem !== undefined) return { problem: `${user.problem}.`, suggestions: [] };
    return change({ kind: 'setUserFederation', org: orgRef(ctx, g.org), user: user.value, enabled: g.on !== undefined });
  },
}));

export const switchMatchers: Matcher[] = [
  ...userFederation,
  ...switchForms('setFederation', [
    `${VERB} (?:the )?(?:all )?${alt(FEDERATION)}`,
    `${SET}${alt(FEDERATION)} ${STATE}`,
    `(?<on>let|allow) (?:the )?(?:users |our users |my users |people |everyone )?(?:to )?(?:communicate|talk|chat|federate) with external organizations`,
  ], (on, org) => ({ kind: 'setFederation', org, enabled: on }), /external|federat|communication|access|fed/),
  ...switchForms('allowAll', [
    // Not "unblock all": that may mean emptying the block list.
    `${alt(['allow', 'permit'])} ${alt(EVERY)}`,
    `(?:(?:${ON}|switch to|use|go back to|set|turn|allow|back to) )?${alt(OPEN_FEDERATION)}(?: on)?`,
    `${TO_MODE}(?:(?:allow|allowing|permitting) ${alt(EVERY)}|${alt(OPEN_FEDERATION)})`,
  ], mode('allowAll'), /all|every|any|open/),
  ...switchForms('blockAll', [`${alt(BLOCK)} ${alt(EVERY)}`, `${TO_MODE}(?:block|blocking) ${alt(EVERY)}`], mode('blockAll'), /all|every|any/),
  ...switchForms('allowSpecific', [
    `allow ${alt(SPECIFIC_ALLOW_MODE)}`,
    `${TO_MODE}(?:allow ${alt(SPECIFIC_ALLOW_MODE)}|${alt(['allow list', 'allowlist', 'allowed list', 'allow list mode', 'allowlist mode'])})`,
    `(?:(?:${ON}|switch to|use|go to|set|turn) )?${alt(CLOSED_FEDERATION)}`,
  ], mode('allowSpecific'), /specific|list|closed/),
  ...switchForms('blockSpecific', [
    `block ${alt(SPECIFIC_BLOCK_MODE)}`,
    `${TO_MODE}(?:block ${alt(SPECIFIC_BLOCK_MODE)}|${alt(['block list', 'blocklist', 'blocked list', 'block list mode', 'blocklist mode'])})`,
  ], mode('blockSpecific'), /specific|list/),
  ...switchForms('setSubdomainBlocking', [
    `${VERB} (?:the )?${alt(SUBDOMAINS)}`,
    `${SET}${alt(SUBDOMAINS)} ${STATE}`,
    `(?<on>also block|block) (?:all )?subdomains(?: of blocked domains| too| as well| also)?`,
    `(?<off>stop blocking|unblock|allow) (?:all )?subdomains(?: of blocked domains)?`,
  ], (on, org) => ({ kind: 'setSubdomainBlocking', org, enabled: on }), /subdomain/),
  ...switchForms('teamsConsumerInbound', [
    `${VERB} (?:the )?${alt(INBOUND)} (?:from|by|with) (?:the )?(?:all )?${alt(CONSUMER)}`,
    `${SET}${alt(CONSUMER)} ${alt(INBOUND)} ${STATE}`,
    `${SET}${alt(INBOUND)} (?:from|by) ${alt(CONSUMER)} ${STATE}`,
    `(?<on>let|allow) (?:the )?${alt(CONSUMER)} (?:to )?${alt(START_CONVERSATIONS)}`,
    `(?<off>block|stop|prevent) (?:the )?${alt(CONSUMER)} from ${alt(START_CONVERSATIONS)}`,
  ], (on, org) => ({ kind: 'setTeamsConsumer', org, inbound: on }), /unmanaged|personal|consumer|teams/),
  ...switchForms('teamsConsumer', [
    `${VERB} (?:the )?(?:(?:contact|communication|chat|chats|chatting|communicating) with )?(?:all )?${alt(CONSUMER)}`,
    `${SET}${alt(CONSUMER)} (?:access )?${STATE}`,
    `(?<off>opt out|exclude|remove) (?:all )?(?:users |everyone |people |our users )?from (?:chat|chats|chatting|talking|communication|communicating)(?: with)? (?:the )?${alt(CONSUMER)}`,
  ], (on, org) => ({ kind: 'setTeamsConsumer', org, outbound: on }), /unmanaged|personal|consumer|teams/),
  ...switchForms('setTrialTenants', [
    `${VERB} (?:all )?${alt(TRIAL)}`,
    `${SET}${alt(TRIAL)} (?:access )?${STATE}`,
  ], (on, org) => ({ kind: 'setTrialTenants', org, allowed: on }), /trial/),
  // Inverted: turning the *blocking* on means trial tenants are not allowed.
  ...switchForms('trialBlocking', [
    `(?:(?<off>${ON})|(?<on>${OFF})) (?:the )?(?:blocking of ${alt(TRIAL)}|${alt(TRIAL)} blocking)`,
  ], (on, org) => ({ kind: 'setTrialTenants', org, allowed: on }), /trial/),
];
