import type { Organization, PolicyModel } from './model';

/** Letters and digits only, lower case: "Contoso West", "contoso-west" and "contosowest" are one key. */
const squash = (s: string): string => s.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

/**
 * Optimal string alignment distance (substitutions, insertions, deletions and swaps of neighbours),
 * or `max + 1` as soon as it is certain to exceed `max`: only near words matter here, so only the
 * band of cells within `max` of the diagonal is computed (linear in the length, not quadratic).
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const over = max + 1;
  const width = b.length + 1;
  // Three rows, reused: this runs for every key of every organization when a name is not found.
  let prev2 = new Int32Array(width).fill(over);
  let prev = new Int32Array(width).fill(over);
  let row = new Int32Array(width).fill(over);
  for (let j = 0; j <= Math.min(max, b.length); j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    row.fill(over);
    if (i <= max) row[0] = i;
    let best = over;
    const ai = a.charCodeAt(i - 1);
    for (let j = Math.max(1, i - max); j <= Math.min(b.length, i + max); j++) {
      const bj = b.charCodeAt(j - 1);
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (ai === bj ? 0 : 1));
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) d = Math.min(d, prev2[j - 2]! + 1);
      row[j] = Math.min(d, over);
      if (d < best) best = d;
    }
    if (best > max) return over;
    [prev2, prev, row] = [prev, row, prev2];
  }
  return Math.min(prev[b.length]!, over);
}

/** Typos allowed for a key of this length: none below 4 letters ("rob" is nobody's typo), then more as words grow. */
export function typosAllowed(length: number): number {
  if (length < 4) return 0;
  if (length <= 5) return 1;
  return length <= 12 ? 2 : 3;
}

/** Keys per organization object: models are immutable, so a key list stays right for its object. */
const keyCache = new WeakMap<Organization, string[]>();

/** What a person may have meant an organization by: its name, its id, its domains with and without the top-level part. */
function keysOf(org: Organization): string[] {
  const cached = keyCache.get(org);
  if (cached) return cached;
  const keys = [...new Set([org.name, org.id, ...org.domains, ...org.domains.map((d) => d.replace(/\.[^.]+$/, ''))].map(squash).filter((k) => k !== ''))];
  keyCache.set(org, keys);
  return keys;
}

/** Letters a–z, digits, and everything else as one bucket: enough for a cheap lower bound. */
const BUCKETS = 37;
function bucket(code: number): number {
  if (code >= 97 && code <= 122) return code - 97;
  if (code >= 48 && code <= 57) return code - 22;
  return 36;
}
function letterCounts(s: string): Int16Array {
  const counts = new Int16Array(BUCKETS);
  for (let i = 0; i < s.length; i++) counts[bucket(s.charCodeAt(i))]! += 1;
  return counts;
}

/**
 * A lower bound of the edit distance from the letters alone: a substitution changes two letter
 * counts by one, an insertion or a deletion one, a swap none. Most keys are ruled out by it before
 * any distance is computed.
 */
const scratch = new Int16Array(BUCKETS);
function surelyFarther(ref: Int16Array, key: string, max: number): boolean {
  const counts = scratch;
  counts.set(ref);
  for (let i = 0; i < key.length; i++) counts[bucket(key.charCodeAt(i))]! -= 1;
  let diff = 0;
  for (let i = 0; i < BUCKETS; i++) diff += Math.abs(counts[i]!);
  return Math.ceil(diff / 2) > max;
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
  const counts = letterCounts(key);
  const near: { org: Organization; distance: number }[] = [];
  for (const org of model.organizations) {
    let distance = Infinity;
    for (const k of keysOf(org)) {
      const d = Math.abs(k.length - key.length) > max || surelyFarther(counts, k, max) ? max + 1 : editDistance(key, k, max);
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
