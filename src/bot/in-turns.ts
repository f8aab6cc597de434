import { performance } from 'node:perf_hooks';
import { setImmediate as nextTurnOfTheLoop } from 'node:timers/promises';

/** How long a computation in steps may hold the event loop before others get a turn. */
const SLICE_MS = 10;

/**
 * Runs a computation written in steps (see `planSteps`) to its end, giving the event loop back
 * whenever it has run for `SLICE_MS`: a plan over 10,000 organizations then no longer holds up
 * other requests (and /healthz) for its whole length, while a small one still runs in one go.
 */
export async function inTurns<T>(steps: Generator<void, T>): Promise<T> {
  let sliceStart = performance.now();
  for (;;) {
    const next = steps.next();
    if (next.done === true) return next.value;
    if (performance.now() - sliceStart >= SLICE_MS) {
      await nextTurnOfTheLoop();
      sliceStart = performance.now();
    }
  }
}
