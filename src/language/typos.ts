import { CORRECTABLE, KNOWN } from './vocabulary/reserved';

/**
 * True when `a` and `b` differ by at most one edit: a substitution, an insertion, a deletion or a
 * swap of two neighbours (optimal string alignment distance ≤ 1), in one linear pass.
 */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true; // substitution
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2); // swap
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

const byLength = new Map<number, string[]>();
for (const w of CORRECTABLE) byLength.set(w.length, [...(byLength.get(w.length) ?? []), w]);

/**
 * The command word `word` is one edit away from, when exactly one such word exists. Only words of
 * five letters or more are corrected, never known words, never anything with digits or dots
 * (domains are entities by then and never reach here).
 */
export function correctTypo(word: string): string | undefined {
  if (word.length < 5 || KNOWN.has(word) || !/^[a-z-]+$/.test(word)) return undefined;
  const found = new Set<string>();
  for (let len = word.length - 1; len <= word.length + 1; len++) {
    for (const w of byLength.get(len) ?? []) if (withinOneEdit(word, w)) found.add(w);
  }
  return found.size === 1 ? [...found][0] : undefined;
}
