import { alt } from '../pattern';
import { ADD, ALLOW, BLOCK, REMOVE, TURN_OFF, TURN_ON } from '../vocabulary/verbs';
import { TRIAL, TRIAL_EXCEPTION } from '../vocabulary/nouns';
import { listMatchers } from './domainLists';
import { LIST } from './slots';
import type { Matcher } from './types';

const DOMAINS = '(?:the )?(?:domains? )?';
const A = '(?:a |an |the )?';

/** Trial-tenant exceptions (AllowedTrialTenantDomains); the on/off switch is in switches.ts. */
export const trialMatchers: Matcher[] = [
  ...listMatchers('addTrialException', [
    `(?:${alt(ALLOW)}|${alt(TURN_ON)}|unblock) ${A}${alt(TRIAL)} ${DOMAINS}(?<list>${LIST})`,
    `${alt(ADD)} ${A}${alt(TRIAL_EXCEPTION)} (?:for )?${DOMAINS}(?<list>${LIST})`,
    `${alt(ADD)} ${DOMAINS}(?<list>${LIST}) (?:to|as) ${A}${alt(TRIAL_EXCEPTION)}`,
    `(?:exempt|except) ${DOMAINS}(?<list>${LIST}) from ${A}(?:${alt(TRIAL)} )?(?:blocking|block)`,
  ]),
  ...listMatchers('removeTrialException', [
    `${alt(REMOVE)} ${A}${alt(TRIAL_EXCEPTION)} (?:for )?${DOMAINS}(?<list>${LIST})`,
    `${alt(REMOVE)} ${DOMAINS}(?<list>${LIST}) (?:from|off) ${A}${alt(TRIAL_EXCEPTION)}`,
    `(?:${alt(BLOCK)}|${alt(TURN_OFF)}) ${A}${alt(TRIAL)} ${DOMAINS}(?<list>${LIST})`,
  ]),
];
