import type { CheckStatus, Outcome } from '../policy/types';

export const STATUS_MARK: Readonly<Record<CheckStatus, string>> = { passed: '✓', failed: '✗', unknown: '?' };

export const OUTCOME_MARK: Readonly<Record<Outcome, string>> = { reachable: '✓', notReachable: '✗', depends: '?', internal: '—' };

/** Plain words for an outcome (no organization named). */
export const OUTCOME_WORDS: Readonly<Record<Outcome, string>> = {
  reachable: 'Reachable',
  notReachable: 'Not reachable',
  depends: 'Depends',
  internal: 'Internal',
};
