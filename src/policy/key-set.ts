/** The keys of a domain list, as lookups use them: a Set, or one derived from another (`derivedKeys`). */
export interface KeySet {
  has(key: string): boolean;
  readonly size: number;
}

/**
 * A derived Set is one plain Set with the keys put in and taken out since it was copied. Those two
 * small Sets are copied with every derivation, so they are kept to about √n keys (and at least 16):
 * then a change of an n-domain list costs about √n to derive and, amortized, √n to copy the whole Set
 * again — about 130 for 4,000 domains, where a chain of four derivations copied 800 per change — and
 * a lookup is always three Set lookups at most.
 */
const minOverlay = 16;
const maxOverlay = (rootSize: number): number => Math.max(minOverlay, Math.ceil(Math.sqrt(rootSize)));

/** `base` with the keys `removed` taken out, then the keys `added` put in. */
export function derivedKeys(base: KeySet, added: ReadonlySet<string>, removed: ReadonlySet<string>): KeySet {
  let size = base.size;
  for (const key of removed) if (!added.has(key) && base.has(key)) size--;
  for (const key of added) if (!base.has(key)) size++;
  // A base whose overlay this would take over the bound is made one Set first, in place: the many
  // lists derived from one list (every preview of a change to it) then share that Set, instead of
  // each copying the whole list into a Set of its own.
  if (base instanceof DerivedKeys && base.overlaySize + added.size + removed.size > maxOverlay(base.root.size)) base.flatten();
  // One overlay on one root: what was put in, less what this takes out, plus what it puts in; what
  // was taken out, plus what this takes out, less what it puts in again.
  const root = base instanceof DerivedKeys ? base.root : (base as ReadonlySet<string>);
  const put = new Set(base instanceof DerivedKeys ? base.added : []);
  for (const key of removed) put.delete(key);
  for (const key of added) put.add(key);
  const out = new Set(base instanceof DerivedKeys ? base.removed : []);
  for (const key of removed) out.add(key);
  for (const key of added) out.delete(key);
  const keys = new DerivedKeys(root, put, out, size);
  if (put.size + out.size > maxOverlay(root.size)) keys.flatten();
  return keys;
}

const NONE: ReadonlySet<string> = new Set();

/**
 * The keys of a list made from another one: a Set with a few keys put in and a few taken out.
 * Copying the other's Set instead cost every change of a 4,000-domain list a 4,000-entry Set, once
 * per change planned and once more per change confirmed.
 */
class DerivedKeys implements KeySet {
  #root: ReadonlySet<string>;
  #added: ReadonlySet<string>;
  /** Disjoint from `added`. */
  #removed: ReadonlySet<string>;

  constructor(
    root: ReadonlySet<string>,
    added: ReadonlySet<string>,
    removed: ReadonlySet<string>,
    readonly size: number,
  ) {
    this.#root = root;
    this.#added = added;
    this.#removed = removed;
  }

  get root(): ReadonlySet<string> {
    return this.#root;
  }

  get added(): ReadonlySet<string> {
    return this.#added;
  }

  get removed(): ReadonlySet<string> {
    return this.#removed;
  }

  get overlaySize(): number {
    return this.#added.size + this.#removed.size;
  }

  has(key: string): boolean {
    if (this.#added.has(key)) return true;
    return !this.#removed.has(key) && this.#root.has(key);
  }

  /** The same keys, held in one Set (its root) from now on. */
  flatten(): void {
    if (this.overlaySize === 0) return;
    const set = new Set(this.#root);
    for (const key of this.#removed) set.delete(key);
    for (const key of this.#added) set.add(key);
    this.#root = set;
    this.#added = NONE;
    this.#removed = NONE;
  }
}
