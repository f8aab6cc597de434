import { identityOf } from '../policy/identity';
import { appendedOrigin } from '../policy/list-middle';

/** Lists at least this long are worth keeping as bytes (a domain list of 4,000 is 100 KB of them). */
const LONG_LIST = 64;

/**
 * The bytes of long frozen lists (UTF-8), indented for where they stand. A change to an organization
 * with 4,000-domain lists usually keeps its lists (the store deep-freezes them and shares them between
 * versions), so its next version reuses their bytes instead of stringifying, re-indenting and encoding
 * 700 KB in one go, which held the event loop for tens of milliseconds on every commit; and they are
 * copied once, into the organization's bytes, not joined into a string at every level first. Kept by
 * the list's token (see `identityOf`): a list appended to one of these finds its origin's bytes so.
 */
const listBytes = new WeakMap<object, { pad: string; bytes: Buffer }>();

/** Text being built: strings run together, and bytes kept from earlier writes between them. */
class Pieces {
  readonly #parts: Buffer[] = [];
  #text = '';

  add(text: string): void {
    this.#text += text;
  }

  addBytes(bytes: Buffer): void {
    this.#flush();
    this.#parts.push(bytes);
  }

  bytes(): Buffer {
    this.#flush();
    return this.#parts.length === 1 ? this.#parts[0]! : Buffer.concat(this.#parts);
  }

  #flush(): void {
    if (this.#text === '') return;
    this.#parts.push(Buffer.from(this.#text, 'utf-8'));
    this.#text = '';
  }
}

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
 * `JSON.stringify(value, null, 2)` indented by `pad` (as it reads nested at that depth), as UTF-8
 * bytes, or undefined where JSON.stringify leaves the value out; built part by part so that long
 * frozen lists come from `listBytes`. Objects with a `toJSON` are stringified whole, as JSON.stringify
 * would.
 */
export function prettyBytes(value: unknown, pad: string): Buffer | undefined {
  const out = new Pieces();
  return write(value, pad, out) ? out.bytes() : undefined;
}

/** `prettyBytes` as text. */
export function prettyJson(value: unknown, pad: string): string | undefined {
  return prettyBytes(value, pad)?.toString('utf-8');
}

/** Writes the value's text to `out`; false (nothing written) where JSON.stringify leaves it out. */
function write(value: unknown, pad: string, out: Pieces): boolean {
  // A primitive's JSON has no line breaks to indent.
  if (typeof value !== 'object' || value === null || typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    const json = typeof value === 'object' && value !== null ? JSON.stringify(value, null, 2) : JSON.stringify(value);
    if (json === undefined) return false;
    out.add(typeof value === 'object' ? indent(json, pad) : json);
    return true;
  }
  const inner = `${pad}  `;
  if (Array.isArray(value)) {
    if (value.length < LONG_LIST || !Object.isFrozen(value)) {
      writeList(value, pad, out);
      return true;
    }
    const token = identityOf(value);
    let kept = listBytes.get(token);
    if (kept === undefined || kept.pad !== pad) {
      const bytes = (hasObject(value) ? undefined : appendedBytes(value, pad)) ?? listBytesOf(value, pad);
      listBytes.set(token, (kept = { pad, bytes }));
    }
    out.addBytes(kept.bytes);
    return true;
  }
  let first = true;
  for (const [key, v] of Object.entries(value)) {
    if (omitted(v)) continue;
    out.add(`${first ? '{\n' : ',\n'}${inner}${JSON.stringify(key)}: `);
    first = false;
    write(v, inner, out);
  }
  out.add(first ? '{}' : `\n${pad}}`);
  return true;
}

/** A list that is not kept: plain values in one stringify; an element JSON cannot write (undefined, a function) as null. */
function writeList(list: readonly unknown[], pad: string, out: Pieces): void {
  if (!hasObject(list)) return out.add(indent(JSON.stringify(list, null, 2), pad));
  const inner = `${pad}  `;
  out.add('[');
  list.forEach((v, i) => {
    out.add(`${i > 0 ? ',' : ''}\n${inner}`);
    if (!write(v, inner, out)) out.add('null');
  });
  out.add(`\n${pad}]`);
}

function listBytesOf(list: readonly unknown[], pad: string): Buffer {
  const out = new Pieces();
  writeList(list, pad, out);
  return out.bytes();
}

/** Whether JSON.stringify leaves out an object's member holding this value. */
const omitted = (v: unknown): boolean =>
  v === undefined || typeof v === 'function' || typeof v === 'symbol' || (typeof v === 'object' && v !== null && typeof (v as { toJSON?: unknown }).toJSON === 'function' && JSON.stringify(v) === undefined);

/** Whether a list holds an object (a counted loop: `some` is several times slower on a frozen list). */
function hasObject(list: readonly unknown[]): boolean {
  for (let i = 0; i < list.length; i++) {
    const v = list[i];
    if (typeof v === 'object' && v !== null) return true;
  }
  return false;
}

/**
 * The bytes of a list of plain values that a change made by appending to a list whose bytes are kept:
 * those bytes up to the closing bracket, then the new entries (blocking one domain more in a list of
 * 4,000 no longer stringifies the 4,000).
 */
function appendedBytes(list: readonly unknown[], pad: string): Buffer | undefined {
  const from = appendedOrigin(list);
  const base = from && listBytes.get(from.token);
  if (base === undefined || base.pad !== pad) return undefined;
  const inner = `${pad}  `;
  let tail = '';
  for (let i = from!.length; i < list.length; i++) tail += `,\n${inner}${JSON.stringify(list[i]) ?? 'null'}`;
  // The closing `\n<pad>]` is ASCII: as many bytes as characters.
  return Buffer.concat([base.bytes.subarray(0, base.bytes.length - pad.length - 2), Buffer.from(`${tail}\n${pad}]`, 'utf-8')]);
}
