/**
 * Regex building blocks over the cleaned sentence: lower-case tokens separated by single spaces,
 * entities replaced by placeholders (`#d0` domain, `#e1` address, `#n2` name, `#q3` quoted text).
 * Vocabularies are arrays of phrases; `alt` turns one into an alternation, longest first, so
 * "unmanaged teams accounts" is tried before "unmanaged teams".
 */

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A non-capturing alternation of phrases, longest first. */
export function alt(phrases: readonly string[]): string {
  const sorted = [...new Set(phrases)].sort((a, b) => b.length - a.length || a.localeCompare(b));
  return `(?:${sorted.map(escape).join('|')})`;
}

/** A matcher pattern: whole tokens only, every match, group indices. */
export function pattern(source: string): RegExp {
  return new RegExp(`(?<![^ ])(?:${source})(?![^ ])`, 'gu');
}

export const DOMAIN = '#d\\d+';
export const EMAIL = '#e\\d+';
export const NAME = '#n\\d+';
export const QUOTED = '#q\\d+';
/** Any entity placeholder. */
export const ENTITY = '#[denq]\\d+';
