import { parse } from '../language';
import type { ParseResult } from '../language/command';

/**
 * `parse` is pure, and people repeat themselves ("show settings", "yes", "help"): remembering the
 * last few hundred results saves the matcher pipeline (~0.1 ms) on most turns. Results are frozen so
 * a shared one cannot be changed by a handler.
 */
const MAX = 500;
const recent = new Map<string, ParseResult>();

export function parseCached(text: string): ParseResult {
  const hit = recent.get(text);
  if (hit) {
    recent.delete(text);
    recent.set(text, hit);
    return hit;
  }
  const result = deepFreeze(parse(text));
  if (recent.size >= MAX) recent.delete(recent.keys().next().value as string);
  recent.set(text, result);
  return result;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
