import type { PolicyStore } from '../store/types';
import type { Logger } from './logger';

/**
 * The readiness check behind `GET /readyz`: ready while the store can take a write. The reason
 * names files, so it goes to the log (once per change of state, not once per probe), never to the
 * prober.
 */
export function readiness(store: Pick<PolicyStore, 'health'>, log: Logger): () => Promise<boolean> {
  let wasReady = true;
  return async () => {
    const health = await store.health();
    if (health.ok !== wasReady) {
      if (health.ok) log.info('store: ready again');
      else log.error('store: not ready', { reason: health.reason });
      wasReady = health.ok;
    }
    return health.ok;
  };
}
