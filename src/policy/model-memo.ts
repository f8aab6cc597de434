import type { PolicyModel } from './model';

/**
 * One value per model object, for the last `size` models asked about only. A value built per model
 * (an index over every organization, the list of tenants) is as large as the model's organizations
 * array or larger; kept in a WeakMap it would live as long as its model, and every preview waiting
 * for its Confirm holds a model: at 10,000 organizations that was about 1 MB per model for nothing,
 * since only the latest model or two are read. Models are held by WeakRef: a full collection frees
 * them (a scavenge keeps them, see PerVersion, but these are a few). Most recently used first.
 */
export class ModelMemo<V> {
  readonly #entries: Array<{ model: WeakRef<PolicyModel>; value: V }> = [];

  constructor(readonly size: number) {}

  get(model: PolicyModel): V | undefined {
    const at = this.#entries.findIndex((e) => e.model.deref() === model);
    if (at < 0) return undefined;
    const entry = this.#entries[at]!;
    if (at > 0) {
      this.#entries.splice(at, 1);
      this.#entries.unshift(entry);
    }
    return entry.value;
  }

  set(model: PolicyModel, value: V): void {
    const at = this.#entries.findIndex((e) => e.model.deref() === model);
    if (at >= 0) this.#entries.splice(at, 1);
    this.#entries.unshift({ model: new WeakRef(model), value });
    if (this.#entries.length > this.size) this.#entries.length = this.size;
  }

  /** How many values are held (for tests of the bound). */
  get length(): number {
    return this.#entries.length;
  }
}
