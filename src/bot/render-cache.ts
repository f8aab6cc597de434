import type { PolicyModel } from '../policy/model';
import { Lru } from './lru';
import type { Reply } from './turn';

/**
 * Rendered replies for one model snapshot. Models are immutable (every commit makes a new one), and
 * cards are pure functions of what they are given, so a card rendered for a model can be reused until
 * the store changes; the old snapshot and its cards are then garbage. Expanding a big template costs
 * milliseconds (adaptive-expressions parses every binding), far more than the rest of a turn.
 */
const byModel = new WeakMap<PolicyModel, Lru<string, Reply>>();
/** Bounds the cache of one snapshot (verdicts are keyed by address pairs). */
const MAX_PER_MODEL = 500;

export function rendered(model: PolicyModel, key: string, render: () => Reply): Reply {
  let cache = byModel.get(model);
  if (!cache) {
    cache = new Lru(MAX_PER_MODEL);
    byModel.set(model, cache);
  }
  const hit = cache.get(key);
  if (hit) return hit;
  const reply = render();
  cache.set(key, reply);
  return reply;
}

/** Replies that depend on nothing but their key (help, comparison, feature answers). */
const fixed = new Map<string, Reply>();
export function renderedOnce(key: string, render: () => Reply): Reply {
  const hit = fixed.get(key);
  if (hit) return hit;
  const reply = render();
  fixed.set(key, reply);
  return reply;
}
