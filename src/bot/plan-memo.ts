import type { PolicyModel } from '../policy/model';
import type { PlanResult } from '../policy/types';

/** A previewed change's plan and the model it was made on. */
export interface PreviewedPlan {
  pendingId: string;
  model: PolicyModel;
  result: Extract<PlanResult, { ok: true }>;
}

/**
 * The latest preview's plan, so that its Confirm need not plan the change again when nothing was
 * committed in between (at 10,000 organizations a plan is the costliest part of a Confirm). One
 * entry only: a plan holds its impact list and its next model, so keeping one per pending change
 * would grow with them; any other Confirm simply plans again in the store's queue.
 */
export class PlanMemo {
  #last: PreviewedPlan | undefined;

  remember(entry: PreviewedPlan): void {
    this.#last = entry;
  }

  /** The plan previewed as `pendingId`, if it is the latest one; forgotten either way (used once). */
  take(pendingId: string): PreviewedPlan | undefined {
    const last = this.#last;
    if (last?.pendingId !== pendingId) return undefined;
    this.#last = undefined;
    return last;
  }
}
