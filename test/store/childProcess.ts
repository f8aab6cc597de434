import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildChild, NODE_MODULES } from './buildChild';
import { SEED } from './fixtures';

let built: { dir: string; script: string } | undefined;

/** The child script and the store sources, transpiled once per test file (no TypeScript load in each child). */
function childScript(): string {
  if (built === undefined) {
    const dir = mkdtempSync(join(tmpdir(), 'store-child-'));
    built = { dir, script: buildChild(dir, ['test/store/writer-child.js'])[0]! };
  }
  return built.script;
}

afterAll(() => {
  if (built !== undefined) rmSync(built.dir, { recursive: true, force: true });
});

export interface Child {
  process: ChildProcess;
  /** Complete lines printed so far. */
  lines: string[];
  /** Resolves with the first line matching, or rejects when the child exits first. */
  waitFor(pattern: RegExp): Promise<string>;
  exited: Promise<number | null>;
}

/** Starts `writer-child.js` (a store in another process). */
export function startChild(mode: 'write' | 'hold', file: string, prefix = 'x'): Child {
  const child = spawn(process.execPath, [childScript(), mode, file, SEED, prefix], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NODE_PATH: NODE_MODULES },
  });
  const lines: string[] = [];
  let partial = '';
  const waiters: Array<{ pattern: RegExp; resolve: (line: string) => void }> = [];
  child.stdout!.setEncoding('utf-8').on('data', (chunk: string) => {
    const parts = (partial + chunk).split('\n');
    partial = parts.pop()!;
    for (const line of parts) {
      lines.push(line);
      for (const w of waiters.splice(0)) (w.pattern.test(line) ? w.resolve(line) : waiters.push(w));
    }
  });
  let stderr = '';
  child.stderr!.setEncoding('utf-8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return {
    process: child,
    lines,
    exited,
    waitFor: (pattern) =>
      new Promise((resolve, reject) => {
        const seen = lines.find((l) => pattern.test(l));
        if (seen !== undefined) return resolve(seen);
        waiters.push({ pattern, resolve });
        void exited.then((code) => reject(new Error(`child exited (${code}) before ${pattern}: ${lines.join('\n')}\n${stderr}`)));
      }),
  };
}

/** SIGKILL and wait until it is gone. */
export async function kill(child: Child): Promise<void> {
  child.process.kill('SIGKILL');
  await child.exited;
}
