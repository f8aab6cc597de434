import { whenPlain } from '../cards/format';

/**
 * Absolute file paths (`/srv/bot/data/policy.json`, `C:\bot\policy.json`) in a message shown in chat,
 * reduced to their file name: errors from the store name its file, and where the bot's files live
 * is nobody's business in a chat. URLs are left alone (their `//` follows a colon).
 */
export function withoutPaths(text: string): string {
  return text
    .replace(/(^|[\s'"`(=[])(\/(?:[^\s'"`()/\]]+\/)+)([^\s'"`()/\]]*)/g, (_m, before: string, _dir: string, file: string) => `${before}${file === '' ? '(a folder)' : file}`)
    .replace(/(^|[\s'"`(=[])[A-Za-z]:\\(?:[^\s'"`()\\\]]+\\)*([^\s'"`()\\\]]*)/g, (_m, before: string, file: string) => `${before}${file === '' ? '(a folder)' : file}`);
}

const ISO_TIME = /\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})/g;
const UUID_IN_BRACKETS = /\s*\((?:id )?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\)/gi;

/**
 * A store or policy reason as people read it: times in the one date format of the cards, audit
 * entry ids (UUIDs in brackets) left out, file paths reduced to file names.
 */
export function forPeople(text: string): string {
  return withoutPaths(text).replace(UUID_IN_BRACKETS, '').replace(ISO_TIME, (iso) => whenPlain(iso));
}
