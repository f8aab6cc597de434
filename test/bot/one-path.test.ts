import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * "Nothing changes the store without a preview and Confirm": the bot has one path to the store's
 * writes, the confirmation of a pending change. A new route that calls `commit` or `undo` itself
 * fails here and must go through `previewChange` / `previewUndo` instead.
 */
const SRC = path.resolve(__dirname, '../../src');
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : full.endsWith('.ts') ? [full] : [];
  });

describe('one path to store writes', () => {
  const outsideStore = files(SRC).filter((f) => !f.startsWith(path.join(SRC, 'store') + path.sep));

  // The import CLI prints the same preview and commits only when run again with --yes (its Confirm).
  // ops/observedStore.ts is the composition root's timing wrapper: it passes the confirmation's calls
  // through to the store and starts none of its own.
  const timing = path.join('ops', 'observedStore.ts');
  it.each([
    ['commit', /\.commit\(/, [path.join('bot', 'handlers', 'confirm.ts'), path.join('cli', 'import-cli.ts'), timing]],
    ['undo', /\.undo\(/, [path.join('bot', 'handlers', 'confirm.ts'), timing]],
  ])('only the confirmation calls store.%s', (_name, call, allowed) => {
    const callers = outsideStore.filter((f) => call.test(readFileSync(f, 'utf8'))).map((f) => path.relative(SRC, f));
    expect(callers.sort()).toEqual([...allowed].sort());
  });
});
