import { identityOf, isIdentity } from './identity';

type Middle<T> = { before: readonly T[]; after: readonly T[] };

/** Where a frozen list came from: the token of its origin (see `identityOf`), its length, and their middle. */
export interface Origin {
  token: object;
  length: number;
  middle: Middle<unknown>;
  /** Whether the list is its origin with entries put at its end. */
  appended: boolean;
}

/**
 * Each frozen list's origin: the list it was first compared with or made from, their middle, and
 * whether it is that list with entries appended. A plan asks for the middle of the same two lists
 * several times (the list's key Set, the diff shown, the lookalikes, the fingerprint), and the
 * store's confirmation once more. The origin is known by its token only: a reference to it, even a
 * WeakRef, would keep every earlier version of a list alive (see `identityOf`), a 4,000-domain list
 * 32 KB per change.
 */
const known = new WeakMap<readonly unknown[], Origin>();

/**
 * Where two versions of a list differ: the entries between their common start and their common end.
 * A change adds or takes out a few entries of a list that may hold thousands and keeps the others
 * in order, so this is one pass of identity comparisons instead of a Set of the whole list, which
 * every plan and every confirmation in the write queue would otherwise build.
 */
export function differingMiddle<T>(before: readonly T[], after: readonly T[]): Middle<T> {
  const newer = known.get(after);
  if (newer && isIdentity(before, newer.token)) return newer.middle as Middle<T>;
  const older = known.get(before);
  if (older && isIdentity(after, older.token)) return { before: older.middle.after, after: older.middle.before } as Middle<T>;
  const shorter = Math.min(before.length, after.length);
  let start = 0;
  while (start < shorter && before[start] === after[start]) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before[endBefore - 1] === after[endAfter - 1]) {
    endBefore--;
    endAfter--;
  }
  const middle = { before: Object.freeze(before.slice(start, endBefore)), after: Object.freeze(after.slice(start, endAfter)) };
  // Only lists that cannot change afterwards (every list of a stored model, every list a step makes);
  // the first origin stays (an appended list keeps what it was appended to).
  if (Object.isFrozen(before) && Object.isFrozen(after) && !known.has(after)) known.set(after, { token: identityOf(before), length: before.length, middle, appended: false });
  return middle;
}

/**
 * `list` with `added` at its end, as a new frozen list whose middle against `list` is known without a
 * scan. Typed mutable like the model's lists (the store freezes those too).
 */
export function appended<T>(list: readonly T[], added: readonly T[]): T[] {
  // Exactly as long as it needs to be (it lives as long as the model or the preview holding it), with
  // as little garbage as V8 allows: a frozen list (every list of a model) is copied by the spread
  // (fast, and exact), and that copy, not frozen, by `concat` with the new entries (fast, and exact).
  // `concat` on the frozen list itself takes V8's slow path (twice as slow); spreading both lists
  // leaves room to grow (half the list again), which a third copy then cut off.
  const next = Object.freeze([...list].concat(added)) as T[];
  if (Object.isFrozen(list)) known.set(next, { token: identityOf(list), length: list.length, middle: { before: Object.freeze([]), after: Object.freeze([...added]) }, appended: true });
  return next;
}

/**
 * `list` without `entries`, each found by identity and taken out once, as a new frozen list whose
 * middle against `list` is known without a scan; undefined when an entry is not there or two are
 * at one position (the caller then filters). One copy of the list: it is searched and cut, not
 * `list` itself (V8 searches a frozen list on its slow path, 30 µs for 1,000 entries against 2).
 */
export function without<T>(list: readonly T[], entries: readonly T[]): T[] | undefined {
  const next = [...list];
  const at: number[] = [];
  for (const entry of entries) {
    const i = next.indexOf(entry);
    if (i < 0) return undefined;
    at.push(i);
  }
  at.sort((a, b) => a - b);
  for (let k = at.length - 1; k >= 0; k--) {
    if (at[k] === at[k - 1]) return undefined;
    next.splice(at[k]!, 1);
  }
  Object.freeze(next);
  // Between the first entry taken out and the last: what a scan finds when the entries there differ
  // from their neighbours (the caller's lists hold each key once).
  if (Object.isFrozen(list) && at.length > 0) {
    const first = at[0]!;
    const last = at[at.length - 1]!;
    const middle = { before: Object.freeze(list.slice(first, last + 1)), after: Object.freeze(next.slice(first, last + 1 - at.length)) };
    known.set(next, { token: identityOf(list), length: list.length, middle, appended: false });
  }
  return next;
}

/** Where `after` came from (see `known`), if that is known. */
export const originOf = (after: readonly unknown[]): Origin | undefined => known.get(after);

/** Where `after` came from, if `appended` made it: its origin's entries first, then the new ones. */
export const appendedOrigin = (after: readonly unknown[]): Origin | undefined => {
  const origin = known.get(after);
  return origin?.appended === true ? origin : undefined;
};

/** Whether `after` is `before` with entries put at its end, as `appended` made it (known without a scan). */
export const isAppendedTo = (after: readonly unknown[], before: readonly unknown[]): boolean => {
  const origin = appendedOrigin(after);
  return origin !== undefined && isIdentity(before, origin.token);
};
