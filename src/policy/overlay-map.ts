/**
 * A derived Map is one plain Map with the entries set since it was copied on top (one overlay, copied
 * with each derivation), kept to about √n entries and at least 16: a change costs about √n to derive
 * and, amortized, √n to copy the whole Map again (at 10,000 organizations, where copying it every
 * fifth change cost 2,000 entries per change), and a lookup is at most two Map lookups. A key set
 * again replaces its value in the overlay, so at most one earlier value per key (the one in the
 * plain Map) stays alive until the copy — here the values are versions of an organization, each with
 * the caches built for it.
 */
const maxOverlay = (rootSize: number): number => Math.max(16, Math.ceil(Math.sqrt(rootSize)));

/**
 * A Map as another one with some entries set on top. An index of a model that differs from the last
 * one in an organization or two is the last one's Maps with those entries re-pointed: copying the
 * Maps instead cost every plan (and every confirmation in the write queue) two 10,000-entry Maps at
 * 10,000 organizations.
 */
export function overlaid<K, V>(base: ReadonlyMap<K, V>, top: Map<K, V>): ReadonlyMap<K, V> {
  if (top.size === 0) return base;
  const root = base instanceof OverlayMap ? (base.root as ReadonlyMap<K, V>) : base;
  const merged = new Map<K, V>(base instanceof OverlayMap ? (base.top as Map<K, V>) : undefined);
  for (const [key, value] of top) merged.set(key, value);
  const map = new OverlayMap(root, merged);
  return merged.size > maxOverlay(root.size) ? map.flattened() : map;
}

class OverlayMap<K, V> implements ReadonlyMap<K, V> {
  readonly size: number;

  constructor(
    readonly root: ReadonlyMap<K, V>,
    readonly top: ReadonlyMap<K, V>,
  ) {
    let size = root.size;
    for (const key of top.keys()) if (!root.has(key)) size++;
    this.size = size;
  }

  /** The same entries in one Map. */
  flattened(): Map<K, V> {
    const out = new Map(this.root);
    for (const [key, value] of this.top) out.set(key, value);
    return out;
  }

  get(key: K): V | undefined {
    return this.top.has(key) ? this.top.get(key) : this.root.get(key);
  }

  has(key: K): boolean {
    return this.top.has(key) || this.root.has(key);
  }

  *entries(): MapIterator<[K, V]> {
    yield* this.top.entries();
    for (const entry of this.root.entries()) if (!this.top.has(entry[0])) yield entry;
  }

  *keys(): MapIterator<K> {
    for (const [key] of this.entries()) yield key;
  }

  *values(): MapIterator<V> {
    for (const [, value] of this.entries()) yield value;
  }

  [Symbol.iterator](): MapIterator<[K, V]> {
    return this.entries();
  }

  forEach(callback: (value: V, key: K, map: ReadonlyMap<K, V>) => void, thisArg?: unknown): void {
    for (const [key, value] of this.entries()) callback.call(thisArg, value, key, this);
  }
}
