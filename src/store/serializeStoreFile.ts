import type { StoreFile } from './fileSchema';

/**
 * Each organization's bytes as they appear in the file (UTF-8, indented for its place in the array),
 * kept per organization object. Store snapshots are deep-frozen and a change replaces the
 * organizations it touches, so an object's bytes never go stale; a commit then serializes and
 * encodes only what changed.
 */
const orgBytes = new WeakMap<object, Buffer>();

/** Re-indents a nested `JSON.stringify(…, null, 2)` text (newlines occur only between tokens: JSON escapes them in strings). */
const indent = (text: string, pad: string): string => text.replace(/\n/g, `\n${pad}`);

/** One element of the organizations array, at depth 2 of the file. */
function elementBytes(element: unknown): Buffer {
  const cacheable = typeof element === 'object' && element !== null && Object.isFrozen(element);
  if (cacheable) {
    const hit = orgBytes.get(element);
    if (hit !== undefined) return hit;
  }
  // An array element JSON cannot represent (undefined, a function) is written as null, as JSON.stringify does.
  const bytes = Buffer.from(indent(JSON.stringify(element, null, 2) ?? 'null', '    '), 'utf-8');
  if (cacheable) orgBytes.set(element, bytes);
  return bytes;
}

const OPEN = Buffer.from('[\n    ');
const BETWEEN = Buffer.from(',\n    ');
const CLOSE = Buffer.from('\n  ]');

/**
 * Serializes (and caches) the organizations of `file` now, so that writing it later only joins their
 * bytes: the store does this while the audit log is being appended, overlapping that I/O.
 */
export function prepareStoreFile(file: StoreFile): void {
  for (const element of file.organizations as readonly unknown[]) elementBytes(element);
}

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
