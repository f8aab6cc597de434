import type { StoreFile } from './fileSchema';
import { holdsLongList, indent, prettyBytes } from './prettyJson';

/**
 * Each organization's bytes as they appear in the file (UTF-8, indented for its place in the array),
 * kept per organization object. Store snapshots are deep-frozen and a change replaces the
 * organizations it touches, so an object's bytes never go stale; a commit then serializes and
 * encodes only what changed.
 */
const orgBytes = new WeakMap<object, Buffer>();

/**
 * Drops the cached bytes of the organizations `written` held that `previous` had in their place:
 * the store keeps replaced organization objects for a while (its recent models), and a
 * 4,000-domain organization's bytes are 700 KB per version, never written again.
 */
export function forgetReplaced(previous: readonly unknown[], written: readonly unknown[]): void {
  const gone = previous.filter((element, i) => element !== written[i]);
  // Replaced in place (a change) is the usual case; otherwise (moved, added, removed) by identity.
  const inPlace = previous.length === written.length && gone.length <= 16;
  const kept = inPlace ? undefined : new Set(written);
  for (const element of gone) {
    if (kept?.has(element) === true || (inPlace && written.includes(element))) continue;
    if (typeof element === 'object' && element !== null) orgBytes.delete(element);
  }
}

/** Whether an organization's bytes are cached (for tests of what is kept). */
export const hasCachedBytes = (element: object): boolean => orgBytes.has(element);

/** One element of the organizations array, at depth 2 of the file. */
function elementBytes(element: unknown): Buffer {
  const cacheable = typeof element === 'object' && element !== null && Object.isFrozen(element);
  if (cacheable) {
    const hit = orgBytes.get(element);
    if (hit !== undefined) return hit;
  }
  // An array element JSON cannot represent (undefined, a function) is written as null, as JSON.stringify does.
  // One with long lists is built from their kept bytes (see prettyBytes); the others in one go.
  const bytes = (cacheable && holdsLongList(element) ? prettyBytes(element, '    ') : undefined) ?? Buffer.from(atDepthTwo(element), 'utf-8');
  if (cacheable) orgBytes.set(element, bytes);
  return bytes;
}

/**
 * `JSON.stringify(element, null, 2)` as it reads at depth 2 of the file (indented by four spaces): the
 * element stringified at that depth and cut out of two enclosing arrays, one pass where re-indenting
 * the text afterwards was a second one over every line.
 */
function atDepthTwo(element: unknown): string {
  return JSON.stringify([[element]], null, 2).slice('[\n  [\n    '.length, -'\n  ]\n]'.length);
}

const OPEN = Buffer.from('[\n    ');
const BETWEEN = Buffer.from(',\n    ');
const CLOSE = Buffer.from('\n  ]');

/**
 * The store file exactly as `JSON.stringify(file, null, 2)` (lowdb's `JSONFile`) writes it, as UTF-8
 * bytes, but with each organization's bytes reused from the last write that held the same object: a
 * commit to one organization of 10,000 no longer stringifies and encodes the whole 14 MB (only a
 * copy of the cached bytes into one buffer remains).
 */
export function serializeStoreFile(file: StoreFile): Buffer {
  return Buffer.concat(storeFileChunks(file));
}

/**
 * The same bytes as `serializeStoreFile`, in order, as the chunks they are made of (mostly cached
 * organizations): written with one `writev`, the 14 MB are never copied into one buffer, which
 * spares the garbage collector a 14 MB allocation per commit.
 */
export function storeFileChunks(file: StoreFile): Buffer[] {
  const chunks: Buffer[] = [];
  let first = true;
  const text = (s: string): void => void chunks.push(Buffer.from(s, 'utf-8'));
  for (const [key, value] of Object.entries(file) as [string, unknown][]) {
    const organizations = key === 'organizations' && Array.isArray(value) ? (value as readonly unknown[]) : undefined;
    const json = organizations ? '' : JSON.stringify(value, null, 2);
    // JSON.stringify leaves out properties it cannot represent (undefined, functions).
    if (json === undefined) continue;
    text(`${first ? '{\n' : ',\n'}  ${JSON.stringify(key)}: `);
    first = false;
    if (!organizations) text(indent(json, '  '));
    else if (organizations.length === 0) text('[]');
    else {
      chunks.push(OPEN);
      organizations.forEach((element, i) => {
        if (i > 0) chunks.push(BETWEEN);
        chunks.push(elementBytes(element));
      });
      chunks.push(CLOSE);
    }
  }
  text(first ? '{}' : '\n}');
  return chunks;
}
