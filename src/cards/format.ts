import type { AuditEntry } from '../store/types';
import { escapeText } from './escape';

/** Summaries and fallbackText are one line for notifications; they never carry a whole list. */
export const SUMMARY_MAX = 300;

/** Shortens display text so one field cannot blow the 40 KB message limit. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, Math.max(0, max - 1))}…`;
}

/** Escaped and clipped: the form every people-supplied string takes on a card. */
export function show(text: string, max = 400): string {
  return escapeText(clip(text, max));
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * An ISO 8601 time in the one format people see on every card, with its time zone:
 * "29 Nov 2026, 10:00 UTC". A fixed zone, not the client's DATE()/TIME() functions, so the card, its
 * fallbackText and a terminal all read the same. Anything else is shown as given (escaped).
 */
export function when(iso: string): string {
  return escapeText(whenPlain(iso));
}

/** The same, unescaped, for fallbackText and summaries. */
export function whenPlain(iso: string): string {
  const m = ISO.exec(iso);
  if (!m) return iso;
  const [, y, mo, d, h, mi, zone] = m;
  const utc = zone === 'Z' ? new Date(`${y}-${mo}-${d}T${h}:${mi}:00Z`) : new Date(iso);
  if (Number.isNaN(utc.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${utc.getUTCDate()} ${MONTHS[utc.getUTCMonth()]} ${utc.getUTCFullYear()}, ${pad(utc.getUTCHours())}:${pad(utc.getUTCMinutes())} UTC`;
}

/** A markdown bullet list of escaped items. */
export function bullets(items: readonly string[]): string {
  return items.map((i) => `- ${escapeText(i)}`).join('\n');
}

/** "1 domain", "4,000 domains". */
export function count(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

/**
 * A stored value (from an audit entry's before/after) in a few words: long lists are
 * summarized with how many were left out.
 */
export function describeValue(value: unknown, max = 160): string {
  if (value === null || value === undefined) return '(none)';
  if (typeof value === 'boolean') return value ? 'on' : 'off';
  if (typeof value === 'string' || typeof value === 'number') return clip(String(value), max);
  if (Array.isArray(value)) {
    if (value.length === 0) return '(empty)';
    const shown: string[] = [];
    let used = 0;
    for (const v of value) {
      const s = typeof v === 'string' ? v : JSON.stringify(v);
      if (used + s.length > max && shown.length > 0) break;
      shown.push(s);
      used += s.length + 2;
    }
    const rest = value.length - shown.length;
    return clip(shown.join(', '), max) + (rest > 0 ? ` … (+${rest.toLocaleString('en-US')} more)` : '');
  }
  return clip(JSON.stringify(value), max);
}

/**
 * What an audit entry recorded for one touched path, in words: the before and after values, or for
 * a long list kept as a delta, its sizes with the entries added (+) and removed (−).
 */
export function auditChange(entry: AuditEntry, path: string): { before: string; after: string } {
  const delta = entry.lists?.[path];
  if (delta === undefined) return { before: describeValue(entry.before[path]), after: describeValue(entry.after[path]) };
  const names = (entries: ReadonlyArray<readonly [number, string]>, sign: string): string[] =>
    entries.length === 0 ? [] : [`${sign} ${describeValue(entries.map(([, v]) => v), 120)}`];
  const changes = [...names(delta.added, '+'), ...names(delta.removed, '−')].join('; ');
  return { before: count(delta.size[0], 'domain'), after: `${count(delta.size[1], 'domain')}${changes ? `: ${changes}` : ''}` };
}
