import { prepareOrganizations } from '../policy';
import type { PolicyModel } from '../policy/model';

/** Organizations prepared between two looks at the clock (a fraction of a millisecond each). */
const BATCH = 25;

/**
 * Prepares the store's organizations for planning in the background, a few milliseconds at a time
 * between turns. Done all at once by the first change after start, it blocked every request (and
 * /healthz) for seconds at 10,000 organizations. Timers are unref'd: a stopping process does not wait.
 */
export function warmUp(read: () => PolicyModel, sliceMs = 10): void {
  let next = 0;
  const slice = (): void => {
    try {
      const model = read();
      const until = performance.now() + sliceMs;
      // The latest model each slice: earlier work stays cached per organization object.
      if (next > model.organizations.length) return;
      while (next < model.organizations.length && performance.now() < until) next = prepareOrganizations(model, next, BATCH);
      if (next < model.organizations.length) setTimeout(slice, 0).unref();
    } catch {
      // Only a head start: a store that cannot be read shows up in the turns (and /readyz), never
      // as an exception thrown from a timer, which would end the process.
    }
  };
  setTimeout(slice, 0).unref();
}
