import type { Organization, PolicyModel } from './model';

/** Letters and digits only, lower case: "Contoso West", "contoso-west" and "contosowest" are one key. */
const squash = (s: string): string => s.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

/**
 * Optimal string alignment distance (substitutions, insertions, deletions and swaps of neighbours),
 * or `max + 1` as soon as it is certain to exceed `max`: only near words matter here.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min((prev[j] ?? Infinity) + 1, (row[j - 1] ?? Infinity) + 1, (prev[j - 1] ?? Infinity) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, (prev2[j - 2] ?? Infinity) + 1);
      row.push(d);
      best = Math.min(best, d);
    }
    if (best > max) return max + 1;
    prev2 = prev;
    prev = row;
  }
  return Math.min(prev[b.length] ?? max + 1, max + 1);
}

/** Typos allowed for a key of this length: none below 4 letters ("rob" is nobody's typo), then more as words grow. */
export function typosAllowed(length: number): number {
  if (length < 4) return 0;
  if (length <= 5) return 1;
  return length <= 12 ? 2 : 3;
}

/** What a person may have meant an organization by: its name, its id, its domains with and without the top-level part. */
function keysOf(org: Organization): string[] {
  return [...new Set([org.name, org.id, ...org.domains, ...org.domains.map((d) => d.replace(/\.[^.]+$/, ''))].map(squash).filter((k) => k !== ''))];
}

export interface SimilarOptions {
  /** At most this many (the closest first). */
  limit?: number;
  /** Only organizations the asker may see named here. */
  visible?: (org: Organization) => boolean;
}

/**
 * The known organizations closest to a name that matched none (typos, swapped letters, words split
 * or joined, a mistyped domain or id), nearest first; only those at the smallest distance, so
 * "contoso wset" gives Contoso West and not Contoso East too. A name begun ("contoso") counts as
 * just beyond a typo. Empty when nothing is near: an unrelated word gets no guess.
 */
export function similarOrganizations(model: PolicyModel, ref: string, { limit = 3, visible = () => true }: SimilarOptions = {}): Organization[] {
  const key = squash(ref);
  const max = typosAllowed(key.length);
  if (max === 0) return [];
  const near: { org: Organization; distance: number }[] = [];
  for (const org of model.organizations) {
    let distance = Infinity;
    for (const k of keysOf(org)) {
      const d = editDistance(key, k, max);
      distance = Math.min(distance, d <= max ? d : key.length >= 5 && k.startsWith(key) ? max + 0.5 : Infinity);
    }
    if (distance !== Infinity && visible(org)) near.push({ org, distance });
  }
  const closest = Math.min(...near.map((n) => n.distance));
  return near
    .filter((n) => n.distance === closest)
    .sort((a, b) => a.org.name.localeCompare(b.org.name))
    .slice(0, limit)
    .map((n) => n.org);
}
