import { LRUCache } from 'lru-cache';
import type { PolicyModel } from '../policy/model';
import type { Reply } from './turn';

/**
 * Rendered replies per model snapshot. Models are immutable (every commit makes a new one), and
 * cards are pure functions of what they are given, so a card rendered for a model can be reused until
 * the store changes. Expanding a big template costs milliseconds (adaptive-expressions parses every
 * binding), far more than the rest of a turn.
 *
 * One cache for all snapshots, keyed by a snapshot number: entries of old snapshots are never hit
 * again and age out first. Bounded by entries and by bytes (a card is up to 40 KB), so a stream of
 * changes or of distinct questions cannot grow memory.
 */
export const RENDER_CACHE_LIMITS = { entries: 1000, bytes: 16 * 1024 * 1024 };

const cache = new LRUCache<string, Reply>({
  max: RENDER_CACHE_LIMITS.entries,
  maxSize: RENDER_CACHE_LIMITS.bytes,
  // JSON length approximates the bytes a card holds; a reply larger than the whole cache is not kept.
  sizeCalculation: (reply) => Math.max(1, JSON.stringify(reply).length),
  maxEntrySize: RENDER_CACHE_LIMITS.bytes / 4,
});

/** Snapshot numbers: the model object is the identity, the number keeps keys short and the model unreferenced. */
const snapshots = new WeakMap<PolicyModel, number>();
let nextSnapshot = 0;
function snapshotOf(model: PolicyModel): number {
  let n = snapshots.get(model);
  if (n === undefined) {
    n = nextSnapshot++;
    snapshots.set(model, n);
  }
  return n;
}

export function rendered(model: PolicyModel, key: string, render: () => Reply): Reply {
  const k = `${snapshotOf(model)}|${key}`;
  const hit = cache.get(k);
  if (hit) return hit;
  const reply = render();
  cache.set(k, reply);
  return reply;
}

/** What the render cache holds now (for tests of its bounds). */
export const renderCacheUsage = (): { entries: number; bytes: number } => ({ entries: cache.size, bytes: cache.calculatedSize });

/** Replies that depend on nothing but their key (help, comparison, feature answers): a fixed, small set of keys. */
const fixed = new Map<string, Reply>();
export function renderedOnce(key: string, render: () => Reply): Reply {
  const hit = fixed.get(key);
  if (hit) return hit;
  const reply = render();
  fixed.set(key, reply);
  return reply;
}
