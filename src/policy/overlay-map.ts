/**
 * Overlays on one Map before they are copied into a new one: a lookup goes down at most this many
 * (small Maps), and a model of 10,000 organizations has its Maps copied once per this many changes.
 * Few: a value an overlay replaced stays alive beneath it until the copy, and here the values are
 * versions of an organization, each with the caches built for it (at 32 overlays, a 4,000-domain
 * organization changed 32 times held 100 MB).
 */
const MAX_DEPTH = 4;

/**
 * A Map as another one with some entries set on top. An index of a model that differs from the last
 * one in an organization or two is the last one's Maps with those entries re-pointed: copying the
 * Maps instead cost every plan (and every confirmation in the write queue) two 10,000-entry Maps at
 * 10,000 organizations. After a few overlays they are copied into one Map, so lookups stay short.
 */
export function overlaid<K, V>(base: ReadonlyMap<K, V>, top: Map<K, V>): ReadonlyMap<K, V> {
  if (top.size === 0) return base;
  const map = new OverlayMap(base, top);
  return map.depth > MAX_DEPTH ? map.flattened() : map;
}

class OverlayMap<K, V> implements ReadonlyMap<K, V> {
  readonly size: number;
  readonly depth: number;

  constructor(
    private readonly base: ReadonlyMap<K, V>,
    private readonly top: Map<K, V>,
  ) {
    this.depth = (base instanceof OverlayMap ? base.depth : 0) + 1;
    let size = base.size;
    for (const key of top.keys()) if (!base.has(key)) size++;
    this.size = size;
  }

  /** The same entries in one Map: the Map under the overlays, copied, with each overlay set on it in turn. */
  flattened(): Map<K, V> {
    const tops: Map<K, V>[] = [];
    let map: ReadonlyMap<K, V> = this;
    for (; map instanceof OverlayMap; map = map.base) tops.unshift(map.top);
    const out = new Map(map);
    for (const top of tops) for (const [key, value] of top) out.set(key, value);
    return out;
  }

  get(key: K): V | undefined {
    return this.top.has(key) ? this.top.get(key) : this.base.get(key);
  }

  has(key: K): boolean {
    return this.top.has(key) || this.base.has(key);
  }

  *entries(): MapIterator<[K, V]> {
    yield* this.top.entries();
    for (const entry of this.base.entries()) if (!this.top.has(entry[0])) yield entry;
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
