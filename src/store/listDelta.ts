import { z } from 'zod';
import { isAppendedTo } from '../policy/list-middle';

/**
 * How one list setting changed, without repeating the list: the entries removed (with their index
 * in the list before) and added (with their index in the list after), and both sizes. A change to a
 * 4,000-domain list is then a few dozen bytes in the audit log instead of two copies of the list.
 */
export const listDeltaSchema = z.strictObject({
  size: z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()]),
  removed: z.array(z.tuple([z.number().int().nonnegative(), z.string()])),
  added: z.array(z.tuple([z.number().int().nonnegative(), z.string()])),
});
export type ListDelta = z.infer<typeof listDeltaSchema>;

/** Lists shorter than this together are kept whole in the audit log: easier to read, as small. */
export const COMPACT_FROM = 40;

/**
 * The delta from `before` to `after`, or undefined when it would not be much smaller than the two
 * lists (see `fullListDelta`).
 */
export function listDelta(before: readonly string[], after: readonly string[]): ListDelta | undefined {
  const delta = fullListDelta(before, after);
  return 2 * (delta.removed.length + delta.added.length) > before.length + after.length ? undefined : delta;
}

/**
 * The delta from `before` to `after`, always. One pass: entries of `before` that do not match the
 * next entry of `after` count as removed, and whatever of `after` is left at the end counts as added.
 * That gives both lists back exactly for any pair (the kept entries are, by construction, the start
 * of `after` in order), and it is the smallest delta for what admins do to a list: remove some
 * entries, append some. At worst (a list replaced wholesale) it holds each entry once, as the two
 * lists would.
 */
export function fullListDelta(before: readonly string[], after: readonly string[]): ListDelta {
  // A list the planner made by appending to this one (a block, an allow): the pass below would match
  // every entry of `before` and count the rest as added; known without going through 4,000 entries.
  if (isAppendedTo(after, before)) {
    return { size: [before.length, after.length], removed: [], added: after.slice(before.length).map((d, k) => [before.length + k, d]) };
  }
  const removed: ListDelta['removed'] = [];
  let j = 0;
  for (let i = 0; i < before.length; i++) {
    if (j < after.length && before[i] === after[j]) j++;
    else removed.push([i, before[i]!]);
  }
  const added: ListDelta['added'] = [];
  for (; j < after.length; j++) added.push([j, after[j]!]);
  return { size: [before.length, after.length], removed, added };
}

/** The list before the change, from the list after it; undefined when `after` is not what the change left. */
export function listBefore(after: readonly string[], delta: ListDelta): string[] | undefined {
  if (after.length !== delta.size[1]) return undefined;
  return replay(after, delta.added, delta.removed, delta.size[0]);
}

/** Takes out `out` (indexes into `from`), puts in `into` (indexes into the result). */
function replay(from: readonly string[], out: ListDelta['removed'], into: ListDelta['added'], size: number): string[] | undefined {
  const drop = new Set<number>();
  for (const [i, v] of out) {
    if (from[i] !== v) return undefined;
    drop.add(i);
  }
  const result = from.filter((_, i) => !drop.has(i));
  for (const [i, v] of [...into].sort((a, b) => a[0] - b[0])) {
    if (i > result.length) return undefined;
    result.splice(i, 0, v);
  }
  return result.length === size ? result : undefined;
}
