import { LRUCache } from 'lru-cache';
import { parse } from '../language';
import type { ParseResult } from '../language/command';
import { deepFreeze } from '../store/deepFreeze';

/**
 * `parse` is pure, and people repeat themselves ("show settings", "yes", "help"): remembering the
 * last few hundred results saves the matcher pipeline (~0.1 ms) on most turns. Results are frozen so
 * a shared one cannot be changed by a handler. Bounded by entries and by bytes: messages can be long.
 */
export const PARSE_CACHE_LIMITS = { entries: 500, bytes: 2 * 1024 * 1024 };

const recent = new LRUCache<string, ParseResult>({
  max: PARSE_CACHE_LIMITS.entries,
  maxSize: PARSE_CACHE_LIMITS.bytes,
  sizeCalculation: (result, text) => text.length + JSON.stringify(result).length,
  maxEntrySize: PARSE_CACHE_LIMITS.bytes / 8,
});

export function parseCached(text: string): ParseResult {
  const hit = recent.get(text);
  if (hit) return hit;
  const result = deepFreeze(parse(text));
  recent.set(text, result);
  return result;
}

/** What the parse cache holds now (for tests of its bounds). */
export const parseCacheUsage = (): { entries: number; bytes: number } => ({ entries: recent.size, bytes: recent.calculatedSize });
