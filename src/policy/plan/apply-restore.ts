import type { Change } from '../change';
import type { Organization, User, UserPolicy } from '../model';
import { withExtras } from './apply-import';
import type { StepResult } from './context';

type Restore = Extract<Change, { kind: 'restore' }>;

/** Replace in place, append when absent, remove when null: the exact inverse of what plans touch. */
function put<T>(list: readonly T[], keyOf: (t: T) => string, entries: Record<string, T | null>): T[] {
  let out = [...list];
  for (const [key, value] of Object.entries(entries)) {
    const i = out.findIndex((t) => keyOf(t) === key);
    if (value === null) out = out.filter((_, j) => j !== i || i < 0);
    else if (i >= 0) out[i] = value;
    else out.push(value);
  }
  return out;
}

/** Put back exactly what a change touched (undo). */
export function applyRestore(org: Organization, change: Restore): StepResult {
  let next: Organization = org;
  if (change.settings && Object.keys(change.settings).length > 0) {
    if (!org.settings) return { ok: false, reason: `${org.name} has no settings to restore.` };
    next = { ...next, settings: { ...org.settings, ...change.settings } };
  }
  if (change.policies) next = { ...next, policies: put<UserPolicy>(next.policies, (p) => p.name, change.policies) };
  if (change.tenantExtras !== undefined) next = withExtras(next, change.tenantExtras ?? undefined);
  if (change.users) next = { ...next, users: put<User>(next.users, (u) => u.address.toLowerCase(), lowerKeys(change.users)) };
  return { ok: true, org: next, summary: `Put back the earlier settings of ${org.name}.` };
}

function lowerKeys<T>(r: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(r).map(([k, v]) => [k.toLowerCase(), v]));
}
