import { identityOf, isIdentity } from './identity';

/**
 * A value per version of something with a stable id (an organization): kept for the latest version
 * asked about under each id, and for at most `size` ids (the least recently set go first).
 *
 * Not a WeakMap keyed by the version. V8's scavenger (the collection of young objects, several times
 * a second under load) treats a WeakMap's values as strong references and drops only the entries
 * whose key it found dead; so a value that reaches its own key (a group of an organization's people,
 * each knowing the organization) or another version (the organization a step made) kept every
 * version of an organization made since the last full collection alive through every scavenge.
 * Rounds of 50 confirmations to one organization promoted 1.7 MB a round to the old generation that
 * way (0.3 MB since), and a full collection (15–30 ms of the main thread) came every few dozen
 * rounds, in the middle of a batch. Here a version is known by its token (see `identityOf`), and a
 * new version replaces the old.
 */
export class PerVersion<V> {
  readonly #slots = new Map<string, { version: object; value: V }>();

  constructor(readonly size: number) {}

  /** The value kept for this very version, if it is the one kept under `id`. */
  get(id: string, version: object): V | undefined {
    const slot = this.#slots.get(id);
    return slot !== undefined && isIdentity(version, slot.version) ? slot.value : undefined;
  }

  /** Keeps `value` for this version, in place of whatever `id` held. */
  set(id: string, version: object, value: V): void {
    this.#slots.delete(id);
    if (this.#slots.size >= this.size) this.#slots.delete(this.#slots.keys().next().value!);
    this.#slots.set(id, { version: identityOf(version), value });
  }

  /** How many ids hold a value (for tests of the bound). */
  get length(): number {
    return this.#slots.size;
  }
}
