import type { Change } from '../policy/change';
import type { AuditEntry } from './types';

type Restore = Extract<Change, { kind: 'restore' }>;
const GROUPS = ['settings', 'policies', 'users'] as const;

/**
 * The restore change that puts back an entry's `before` values, read from its touched paths
 * ("settings.<key>", "policies.<name>", "users.<address>"; null = did not exist). Undefined when a
 * path is of another shape: then the entry must carry its `inverse` explicitly.
 */
export function restoreFromBefore(entry: Pick<AuditEntry, 'orgId' | 'touched' | 'before'>): Restore | undefined {
  const restore: Restore = { kind: 'restore', org: entry.orgId };
  for (const path of entry.touched) {
    const dot = path.indexOf('.');
    const group = path.slice(0, dot) as (typeof GROUPS)[number];
    const key = path.slice(dot + 1);
    if (dot <= 0 || key === '' || !GROUPS.includes(group) || !Object.hasOwn(entry.before, path)) return undefined;
    const value = entry.before[path];
    if (group === 'settings' && (value === null || value === undefined)) return undefined;
    const target = (restore[group] ??= {}) as Record<string, unknown>;
    target[key] = value ?? null;
  }
  return restore;
}

/**
 * Structural equality of JSON values (object key order ignored, a property holding undefined counts
 * as absent). Counted loops, no key lists filtered: every commit compares a plan's inverse with the
 * one its before values give.
 */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    if (a.length !== other.length) return false;
    for (let i = 0; i < a.length; i++) {
      const v: unknown = a[i];
      // A hole in `a` is skipped, as \`every\` did.
      if (v !== other[i] && i in a && !jsonEqual(v, other[i])) return false;
    }
    return true;
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let defined = 0;
  for (const key of Object.keys(x)) {
    if (x[key] === undefined) continue;
    defined++;
    if (!jsonEqual(x[key], y[key])) return false;
  }
  for (const key of Object.keys(y)) if (y[key] !== undefined) defined--;
  return defined === 0;
}
