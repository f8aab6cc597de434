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
