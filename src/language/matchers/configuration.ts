import { ambiguousMatchers } from './ambiguous';
import { domainListMatchers } from './domainLists';
import { overviewMatchers } from './overview';
import { policyListEdit, policyMatchers, userScopeMatchers } from './policies';
import { questionMatchers } from './questions';
import { referenceMatchers } from './reference';
import { switchMatchers } from './switches';
import { trialMatchers } from './trial';
import { needing, type Matcher } from './types';

/**
 * Every matcher, in priority order. All of them run; overlaps are resolved in resolve.ts by span
 * (the longer match wins: "unblock", "allow only", "block all subdomains" beat their shorter
 * readings). This order only breaks ties between matches of the same span:
 * 1. ambiguous readings first, so "disallow x.com" asks instead of guessing;
 * 2. a policy's single-domain edit before the general policy update, which would misread it;
 * 3. changes before questions (a question mood turns a change into a refusal, never the reverse);
 * 4. overviews and reference answers;
 * 5. conversation words (help, yes, no) last: they are weak and often filler.
 */
export const MATCHERS: readonly Matcher[] = [
  ...ambiguousMatchers,
  ...needing(/polic/, policyListEdit),
  ...needing(/polic|#e|called|named/, policyMatchers),
  ...needing(/#e/, userScopeMatchers),
  ...needing(/trial/, trialMatchers),
  ...switchMatchers,
  ...needing(/[a-z]{3}/, domainListMatchers),
  ...questionMatchers,
  ...overviewMatchers,
  ...referenceMatchers,
];
