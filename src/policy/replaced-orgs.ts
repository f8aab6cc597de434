import type { Organization, PolicyModel } from './model';

/** An organization `next` holds in place of `prev`'s at the same position, with the same id. */
export interface Replaced {
  position: number;
  before: Organization;
  after: Organization;
}

/**
 * The organizations `next` replaced from `prev`, when it is `prev` with at most `max` of them
 * replaced in place (same count, same id at every position); otherwise undefined (rebuild instead).
 * A plan's next model is exactly that, so indexes of it can be derived from those of `prev`.
 */
export function replacedOrgs(prev: PolicyModel, next: PolicyModel, max: number): Replaced[] | undefined {
  const a = prev.organizations;
  const b = next.organizations;
  if (a.length !== b.length) return undefined;
  const out: Replaced[] = [];
  for (let i = 0; i < a.length; i++) {
    const before = a[i]!;
    const after = b[i]!;
    if (before === after) continue;
    if (before.id !== after.id || out.length === max) return undefined;
    out.push({ position: i, before, after });
  }
  return out;
}
