/**
 * Runs a computation written in steps (a generator that pauses between them) to its end at once, for
 * callers that need not stay responsive meanwhile; returns its result.
 */
export function finish<T>(steps: Generator<void, T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done === true) return next.value;
  }
}
