import type { Change } from '../policy/change';
import type { PolicyModel } from '../policy/model';
import type { Actor, PlanResult } from '../policy/types';

/**
 * The policy engine's `plan`, injected: the store re-plans every change against the latest model
 * inside its queue, and plans undo's inverse through it. The store never decides policy itself.
 */
export type Planner = (model: PolicyModel, change: Change, actor: Actor, now: Date) => PlanResult;
