import type { Command } from './command';
import type { Extracted } from './matchers/types';

/** A match turned into a command or a problem, over tokens [start, end). */
export interface Candidate {
  matcher: string;
  order: number;
  start: number;
  end: number;
  result: Extracted;
}

/**
 * Keeps the longest matches that do not overlap; among equal spans the earlier matcher wins. A
 * longer match explains more of the sentence: "allow fabrikam.com only" beats "allow fabrikam.com".
 */
export function resolveOverlaps(candidates: readonly Candidate[]): Candidate[] {
  const sorted = [...candidates].sort((a, b) => b.end - b.start - (a.end - a.start) || a.order - b.order || a.start - b.start);
  const kept: Candidate[] = [];
  for (const c of sorted) {
    if (c.end <= c.start) continue;
    if (kept.every((k) => c.end <= k.start || c.start >= k.end)) kept.push(c);
  }
  return kept.sort((a, b) => a.start - b.start);
}

const LIST_KINDS = new Set(['allowOnly', 'addAllowed', 'removeAllowed', 'addBlocked', 'removeBlocked', 'addTrialException', 'removeTrialException']);

/**
 * Folds commands that say the same thing twice: identical commands, and list changes of one kind
 * for one organization ("block a.com and block b.com"). Anything else stays separate.
 */
export function mergeCommands(commands: readonly Command[]): Command[] {
  const out: Command[] = [];
  for (const c of commands) {
    const same = out.find((o) => JSON.stringify(o) === JSON.stringify(c));
    if (same) continue;
    if (c.kind === 'change' && LIST_KINDS.has(c.change.kind) && 'domains' in c.change) {
      const incoming = c.change;
      const target = out.find((o) => o.kind === 'change' && o.change.kind === incoming.kind && o.change.org === incoming.org);
      if (target !== undefined && target.kind === 'change' && 'domains' in target.change) {
        const domains = [...new Set([...target.change.domains, ...incoming.domains])];
        out[out.indexOf(target)] = { kind: 'change', change: { ...target.change, domains } };
        continue;
      }
    }
    out.push(c);
  }
  return out;
}
