/**
 * Where two versions of a list differ: the entries between their common start and their common end.
 * A change adds or takes out a few entries of a list that may hold thousands and keeps the others
 * in order, so this is one pass of identity comparisons instead of a Set of the whole list, which
 * every plan and every confirmation in the write queue would otherwise build.
 */
export function differingMiddle<T>(before: readonly T[], after: readonly T[]): { before: readonly T[]; after: readonly T[] } {
  const shorter = Math.min(before.length, after.length);
  let start = 0;
  while (start < shorter && before[start] === after[start]) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before[endBefore - 1] === after[endAfter - 1]) {
    endBefore--;
    endAfter--;
  }
  return { before: before.slice(start, endBefore), after: after.slice(start, endAfter) };
}
