/**
 * Reading values as `ConvertTo-Json` writes them. PowerShell 5.1 and 7 differ (enums as numbers or
 * names, a one-element list as an object or an array), and older module versions wrap domain entries
 * in objects with `Domain`: these readers accept every form seen and say exactly what they could not read.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A PowerShell boolean: true/false, or "True"/"False" when a property was written as text. */
export function readBoolean(v: Json | undefined): boolean | undefined {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'string' && /^(true|false)$/i.test(v.trim())) return v.trim().toLowerCase() === 'true';
  return undefined;
}

/** One domain entry: "a.com", or an object such as `{ "Domain": "a.com", "Comment": null }`. */
function entryDomain(v: Json): string | undefined {
  if (typeof v === 'string') return v;
  if (isObject(v)) {
    const d = v.Domain ?? v.domain ?? v.Identity;
    if (typeof d === 'string') return d;
  }
  return undefined;
}

/**
 * A list of domains: an array of strings or of `{ Domain }` objects, a single such object (how
 * ConvertTo-Json writes a one-element collection), a comma-separated string, or null/absent (empty).
 */
export function readDomainList(v: Json | undefined): { domains: string[]; unreadable: number } | undefined {
  if (v === undefined || v === null) return { domains: [], unreadable: 0 };
  if (typeof v === 'string') return { domains: v.split(/[,;\s]+/).filter((x) => x !== ''), unreadable: 0 };
  const items = Array.isArray(v) ? v : isObject(v) && ('Domain' in v || 'domain' in v) ? [v] : undefined;
  if (items === undefined) return undefined;
  const domains: string[] = [];
  let unreadable = 0;
  for (const item of items) {
    const d = entryDomain(item);
    if (d === undefined) unreadable += 1;
    else domains.push(d);
  }
  return { domains, unreadable };
}

/** A value shown to a person in one short line (for settings the bot keeps but does not manage). */
export function showValue(v: Json | undefined): string {
  if (v === undefined || v === null) return '(empty)';
  if (typeof v === 'string') return v === '' ? '(empty)' : v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  const text = JSON.stringify(v);
  return text.length > 120 ? `${text.slice(0, 117)}…` : text;
}
