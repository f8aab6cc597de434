import { parse } from '../language';
import type { ParseResult } from '../language/command';
import { deepFreeze } from '../store/deepFreeze';
import { Lru } from './lru';

/**
 * `parse` is pure, and people repeat themselves ("show settings", "yes", "help"): remembering the
 * last few hundred results saves the matcher pipeline (~0.1 ms) on most turns. Results are frozen so
 * a shared one cannot be changed by a handler.
 */
const recent = new Lru<string, ParseResult>(500);

export function parseCached(text: string): ParseResult {
  const hit = recent.get(text);
  if (hit) return hit;
  const result = deepFreeze(parse(text));
  recent.set(text, result);
  return result;
}
