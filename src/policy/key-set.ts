/** The keys of a domain list, as lookups use them: a Set, or one derived from another (`derivedKeys`). */
export interface KeySet {
  has(key: string): boolean;
  readonly size: number;
}

/**
 * Derivations on top of one Set before it is copied into a new one: a lookup (a verdict makes many)
 * takes at most this many hops, and a copy is made once per this many changes of a list.
 */
const MAX_DEPTH = 4;

/** `base` with the keys `removed` taken out, then the keys `added` put in. */
export function derivedKeys(base: KeySet, added: ReadonlySet<string>, removed: ReadonlySet<string>): KeySet {
  const keys = new DerivedKeys(base, added, removed);
  return keys.depth > MAX_DEPTH ? keys.flattened() : keys;
}

/**
 * The keys of a list made from another one: the other's keys with a few taken out and a few put in
 * (in that order, so a key both taken out and put in is there). Copying the other's Set instead
 * cost every change of a 4,000-domain list a 4,000-entry Set, once per change planned and once more
 * per change confirmed.
 */
class DerivedKeys implements KeySet {
  readonly size: number;
  readonly depth: number;

  constructor(
    private readonly base: KeySet,
    private readonly added: ReadonlySet<string>,
    private readonly removed: ReadonlySet<string>,
  ) {
    this.depth = (base instanceof DerivedKeys ? base.depth : 0) + 1;
    let size = base.size;
    for (const key of removed) if (!added.has(key) && base.has(key)) size--;
    for (const key of added) if (!base.has(key)) size++;
    this.size = size;
  }

  has(key: string): boolean {
    if (this.added.has(key)) return true;
    return !this.removed.has(key) && this.base.has(key);
  }

  /** The same keys in one Set: the Set under the derivations, copied, with each applied in turn. */
  flattened(): Set<string> {
    const chain: DerivedKeys[] = [];
    let keys: KeySet = this;
    for (; keys instanceof DerivedKeys; keys = keys.base) chain.unshift(keys);
    const set = new Set(keys as ReadonlySet<string>);
    for (const step of chain) {
      for (const key of step.removed) set.delete(key);
      for (const key of step.added) set.add(key);
    }
    return set;
  }
}
