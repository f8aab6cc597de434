/** Lists at least this long are worth keeping as text (a domain list of 4,000 is 100 KB of it). */
const LONG_LIST = 64;

/**
 * The text of long frozen lists, indented for where they stand. A change to an organization with
 * 4,000-domain lists usually keeps its lists (the store deep-freezes them and shares them between
 * versions), so its next version reuses their text instead of stringifying and re-indenting 700 KB
 * in one go, which held the event loop for tens of milliseconds on every commit.
 */
const listText = new WeakMap<readonly unknown[], { pad: string; text: string }>();

/** Re-indents a nested `JSON.stringify(…, null, 2)` text (newlines occur only between tokens: JSON escapes them in strings). */
export const indent = (text: string, pad: string): string => text.replace(/\n/g, `\n${pad}`);

/** A long frozen list somewhere in `value` (plain data only: an organization is a few levels deep). */
export function holdsLongList(value: unknown, depth = 4): boolean {
  if (typeof value !== 'object' || value === null || depth < 0) return false;
  // Loops without a closure or a values array: every organization a commit replaces is asked.
  if (Array.isArray(value)) {
    if (value.length >= LONG_LIST && Object.isFrozen(value)) return true;
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i];
      if (typeof v === 'object' && holdsLongList(v, depth - 1)) return true;
    }
    return false;
  }
  const record = value as Record<string, unknown>;
  for (const key in record) if (Object.hasOwn(record, key) && holdsLongList(record[key], depth - 1)) return true;
  return false;
}

/**
 * `JSON.stringify(value, null, 2)` indented by `pad` (as it reads nested at that depth), or
 * undefined where JSON.stringify leaves the value out; built part by part so that long frozen lists
 * come from `listText`. Objects with a `toJSON` are stringified whole, as JSON.stringify would.
 */
export function prettyJson(value: unknown, pad: string): string | undefined {
  // A primitive's JSON has no line breaks to indent.
  if (typeof value !== 'object' || value === null) return JSON.stringify(value);
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    const json = JSON.stringify(value, null, 2);
    return json === undefined ? undefined : indent(json, pad);
  }
  const inner = `${pad}  `;
  if (Array.isArray(value)) {
    const long = value.length >= LONG_LIST && Object.isFrozen(value);
    const hit = long ? listText.get(value) : undefined;
    if (hit !== undefined && hit.pad === pad) return hit.text;
    // An element JSON cannot represent (undefined, a function) is written as null. A list of strings is one stringify.
    const flat = value.every((v) => typeof v !== 'object' || v === null);
    const text = flat ? indent(JSON.stringify(value, null, 2), pad) : value.length === 0 ? '[]' : `[\n${inner}${value.map((v) => prettyJson(v, inner) ?? 'null').join(`,\n${inner}`)}\n${pad}]`;
    if (long) listText.set(value, { pad, text });
    return text;
  }
  const members: string[] = [];
  for (const [key, v] of Object.entries(value)) {
    const text = prettyJson(v, inner);
    if (text !== undefined) members.push(`${inner}${JSON.stringify(key)}: ${text}`);
  }
  return members.length === 0 ? '{}' : `{\n${members.join(',\n')}\n${pad}}`;
}
