import type { PolicyModel } from '../policy/model';
import type { Plan } from '../policy/types';
import { jsonEqual } from './restoreChange';

/**
 * What the store remembers to tell a stale plan from one that merely waited: the revision at which
 * each organization last changed, and the models of the last few revisions (they are immutable and
 * share every untouched organization, so keeping them costs one array each).
 */
export class RecentModels {
  readonly #models = new Map<number, PolicyModel>();
  readonly #orgChanged = new Map<string, number>();
  readonly #limit: number;

  constructor(revision: number, model: PolicyModel, changes: ReadonlyArray<{ revision: number; orgId: string }>, limit = 64) {
    this.#limit = limit;
    for (const { revision: r, orgId } of changes) this.#orgChanged.set(orgId, r);
    this.#models.set(revision, model);
  }

  /** A change written at `revision` (on disk: the batch was saved). */
  record(revision: number, orgId: string, model: PolicyModel): void {
    this.#orgChanged.set(orgId, revision);
    this.#models.set(revision, model);
    // Maps iterate in insertion order, and revisions only grow: the first key is the oldest.
    while (this.#models.size > this.#limit) this.#models.delete(this.#models.keys().next().value!);
  }

  /** A change learnt of without the model right after it (another process's, read in a batch). */
  noteChanged(revision: number, orgId: string): void {
    this.#orgChanged.set(orgId, Math.max(revision, this.#orgChanged.get(orgId) ?? 0));
  }

  changedSince(orgId: string, revision: number): boolean {
    return (this.#orgChanged.get(orgId) ?? 0) > revision;
  }

  at(revision: number): PolicyModel | undefined {
    return this.#models.get(revision);
  }
}

/**
 * Whether two plans of the same change do the same thing as far as the admin could see: the same
 * summary, the same people gaining or losing reachability, the same warnings and the same need to
 * confirm. The diff lines are left out on purpose: they show the whole list around the change, which
 * another admin adding an unrelated entry alters without altering what this change does.
 */
export function samePlanEffect(a: Plan, b: Plan): boolean {
  return (
    a.summary === b.summary &&
    a.needsConfirmation === b.needsConfirmation &&
    a.confirmReason === b.confirmReason &&
    jsonEqual(a.impact, b.impact) &&
    jsonEqual(a.warnings, b.warnings) &&
    jsonEqual(a.touched, b.touched)
  );
}
