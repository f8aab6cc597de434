import type { Context } from '../context';
import type { Command } from '../command';

/** What an extract makes of a match: a command, or a reason to refuse with suggestions. */
export type Extracted = { command: Command } | { problem: string; suggestions: string[] };

/**
 * One small matcher: a pattern over the cleaned sentence and an extract that may reject the match
 * (undefined) or turn it into a command or a problem.
 */
export interface Matcher {
  name: string;
  pattern: RegExp;
  /** A cheap test the sentence must pass before `pattern` is tried (speed only, never meaning). */
  needs?: RegExp;
  extract(groups: Record<string, string | undefined>, ctx: Context): Extracted | undefined;
}

/** The same prefilter for a family of matchers. */
export const needing = (needs: RegExp, matchers: Matcher[]): Matcher[] => matchers.map((m) => ({ ...m, needs }));

export const change = (c: Extract<Command, { kind: 'change' }>['change']): Extracted => ({ command: { kind: 'change', change: c } });
