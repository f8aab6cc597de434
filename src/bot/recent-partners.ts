import { LRUCache } from 'lru-cache';

/**
 * Organizations people recently asked about, per organization: "can rob@east reach ann@west?" makes
 * West a recent partner of East and East of West, so their settings cards show that pair first. Kept in
 * memory only (a hint, not data), bounded by organizations and by partners per organization.
 */
const PER_ORG = 5;
const recent = new LRUCache<string, readonly string[]>({ max: 2000 });

export function rememberPartners(a: string, b: string): void {
  if (a === b) return;
  for (const [self, other] of [[a, b], [b, a]] as const) {
    const before = recent.get(self) ?? [];
    recent.set(self, [other, ...before.filter((id) => id !== other)].slice(0, PER_ORG));
  }
}

/** Most recent first. */
export const recentPartners = (orgId: string): readonly string[] => recent.get(orgId) ?? [];
