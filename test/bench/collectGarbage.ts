import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * A full garbage collection, now: a bench case that follows another starts on a heap without the
 * other's garbage (its stores thrown away, its warm-up), which a bot that keeps its one store never
 * has to collect. V8 exposes `gc` only to code compiled after the flag is set, hence the new context.
 */
export function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}
