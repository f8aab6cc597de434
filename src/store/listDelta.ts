import { z } from 'zod';

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
 * The delta from `before` to `after`, or undefined when it would not give both lists back exactly
 * (kept entries reordered, duplicates): such a change keeps its lists whole.
 */
export function listDelta(before: readonly string[], after: readonly string[]): ListDelta | undefined {
  const inBefore = new Set(before);
  const inAfter = new Set(after);
  const delta: ListDelta = {
    size: [before.length, after.length],
    removed: before.flatMap((v, i): Array<[number, string]> => (inAfter.has(v) ? [] : [[i, v]])),
    added: after.flatMap((v, i): Array<[number, string]> => (inBefore.has(v) ? [] : [[i, v]])),
  };
  const back = listBefore(after, delta);
  const forth = replay(before, delta.removed, delta.added, delta.size[1]);
  return back !== undefined && forth !== undefined && sameList(back, before) && sameList(forth, after) ? delta : undefined;
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

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}
