import { indexModel } from './model-index';
import type { PolicyModel } from './model';
import { prepareCounterpart } from './plan/impact';
import { rosters } from './rosters';

/**
 * Prepares organizations `start` up to `start + count` of a model as turns and plans will need them
 * (the model's index and rosters with the first slice), and returns where the next slice starts.
 * Everything prepared is cached per model or organization object, so the work is never lost: the
 * next model shares every organization a change did not replace.
 */
export function prepareOrganizations(model: PolicyModel, start: number, count: number): number {
  if (start === 0) {
    indexModel(model);
    rosters(model);
  }
  const end = Math.min(model.organizations.length, start + count);
  for (let i = start; i < end; i++) prepareCounterpart(model.organizations[i]!);
  return end;
}
