import { performance } from 'node:perf_hooks';
import type { CommitResult, PolicyStore } from '../store/types';
import type { Logger } from './logger';

export interface StoreObserver {
  commitEnded(result: 'ok' | 'stale' | 'failed', seconds: number): void;
}

/**
 * The store as the bot sees it, with every commit and undo timed and a failed write logged (with
 * its reason, which names the file: for the operator, never for the person in the chat). Everything
 * else passes straight through; the store itself stays free of metrics.
 */
export function observedStore(store: PolicyStore, observer: StoreObserver, log: Logger): PolicyStore {
  const timed = async <R extends CommitResult>(what: 'commit' | 'undo', write: () => Promise<R>): Promise<R> => {
    const started = performance.now();
    const result = await write();
    const outcome = result.ok ? 'ok' : result.stale === true ? 'stale' : 'failed';
    observer.commitEnded(outcome, (performance.now() - started) / 1000);
    if (outcome === 'failed' && !result.ok) log.warn(`store: ${what} failed`, { reason: result.reason });
    return result;
  };
  return {
    read: () => store.read(),
    revision: () => store.revision(),
    sync: () => store.sync(),
    commit: (input) => timed('commit', () => store.commit(input)),
    undo: (input) => timed('undo', () => store.undo(input)),
    history: (orgId, page, pageSize) => store.history(orgId, page, pageSize),
    lastChange: (orgId) => store.lastChange(orgId),
    previewUndo: (input) => store.previewUndo(input),
    health: () => store.health(),
    size: () => store.size(),
    close: () => store.close(),
  };
}
