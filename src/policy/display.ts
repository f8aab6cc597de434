import { displayDomain } from './domain';

const cache = new Map<string, string>();
const LIMIT = 10_000;

/** displayDomain, memoized: verdicts show the same few domains over and over. */
export function shownDomain(ascii: string): string {
  let v = cache.get(ascii);
  if (v === undefined) {
    if (cache.size >= LIMIT) cache.clear();
    v = ascii === '' ? 'any other domain' : ascii.includes('xn--') ? displayDomain(ascii) : ascii;
    cache.set(ascii, v);
  }
  return v;
}
