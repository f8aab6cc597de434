import type { StoreFile } from './fileSchema';

/**
 * Each organization's text as it appears in the file (indented for its place in the array), kept per
 * organization object. Store snapshots are deep-frozen and a change replaces the organizations it
 * touches, so an object's text never goes stale; a commit then serializes only what changed.
 */
const orgTexts = new WeakMap<object, string>();

/** Re-indents a nested `JSON.stringify(…, null, 2)` text (newlines occur only between tokens: JSON escapes them in strings). */
const indent = (text: string, pad: string): string => text.replace(/\n/g, `\n${pad}`);

/** One element of the organizations array, at depth 2 of the file. */
function elementText(element: unknown): string {
  const cacheable = typeof element === 'object' && element !== null && Object.isFrozen(element);
  if (cacheable) {
    const hit = orgTexts.get(element);
    if (hit !== undefined) return hit;
  }
  // An array element JSON cannot represent (undefined, a function) is written as null, as JSON.stringify does.
  const text = indent(JSON.stringify(element, null, 2) ?? 'null', '    ');
  if (cacheable) orgTexts.set(element, text);
  return text;
}

function arrayText(items: readonly unknown[]): string {
  if (items.length === 0) return '[]';
  let out = '[\n    ';
  for (let i = 0; i < items.length; i++) out += (i === 0 ? '' : ',\n    ') + elementText(items[i]);
  return `${out}\n  ]`;
}

/**
 * The store file as `JSON.stringify(file, null, 2)` writes it (lowdb's `JSONFile`), byte for byte,
 * but with each organization's text reused from the last write that held the same object: a commit
 * to one organization of 10,000 no longer stringifies the whole 14 MB (the join remains, a copy).
 */
export function serializeStoreFile(file: StoreFile): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(file) as [string, unknown][]) {
    const text = key === 'organizations' && Array.isArray(value) ? arrayText(value) : JSON.stringify(value, null, 2);
    // JSON.stringify leaves out properties it cannot represent (undefined, functions).
    if (text === undefined) continue;
    parts.push(`  ${JSON.stringify(key)}: ${key === 'organizations' ? text : indent(text, '  ')}`);
  }
  return parts.length === 0 ? '{}' : `{\n${parts.join(',\n')}\n}`;
}
