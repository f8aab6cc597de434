/**
 * Our store lock (src/store/lockFile.ts) against `proper-lockfile`, the maintained library, on what
 * this store needs of a lock: taking and releasing it (every start and stop), the check before each
 * write batch (ours: stat + read; proper-lockfile: `check`), and how soon a new process can take over
 * after the holder was killed (SIGKILL, power loss). Reported as ratios, ours / proper-lockfile.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import lockfile from 'proper-lockfile';
import { acquireLock } from '../../src/store/lockFile';

const ROUNDS = 200;
/** proper-lockfile's shortest allowed staleness (it refuses less than 2 s); its default is 10 s. */
const STALE_MS = 2000;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

async function timeIt(rounds: number, fn: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const started = performance.now();
    await fn();
    times.push(performance.now() - started);
  }
  return median(times);
}

/** A child that takes the lock its way, says "locked", and is then killed with SIGKILL. */
async function killedHolder(script: string): Promise<void> {
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'], cwd: process.cwd() });
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('locked')) resolve();
    });
    child.once('exit', () => reject(new Error('lock holder exited before locking')));
  });
  child.removeAllListeners('exit');
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}

export async function benchLock(): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'lock-bench-'));
  try {
    const file = join(dir, 'policy.json');
    writeFileSync(file, '{}');
    const ours = await timeIt(ROUNDS, async () => {
      const held = await acquireLock(file, new Date());
      if (!held.ok) throw new Error(held.error);
      await held.lock.release();
    });
    const theirs = await timeIt(ROUNDS, async () => {
      const release = await lockfile.lock(file, { stale: STALE_MS, realpath: false });
      await release();
    });

    const held = await acquireLock(file, new Date());
    if (!held.ok) throw new Error(held.error);
    const oursCheck = await timeIt(ROUNDS, () => held.lock.check());
    await held.lock.release();
    const release = await lockfile.lock(file, { stale: STALE_MS, realpath: false });
    const theirsCheck = await timeIt(ROUNDS, () => lockfile.check(file, { stale: STALE_MS, realpath: false }));
    await release();

    const libraryPath = JSON.stringify(require.resolve('proper-lockfile'));
    const oursPath = JSON.stringify(require.resolve('../../src/store/lockFile'));
    const target = JSON.stringify(file);
    await killedHolder(`require(${oursPath}).acquireLock(${target}, new Date()).then((r) => { if (!r.ok) process.exit(2); console.log('locked'); setInterval(() => {}, 1e6); })`);
    let started = performance.now();
    const takeover = await acquireLock(file, new Date());
    const oursTakeover = performance.now() - started;
    if (!takeover.ok) throw new Error(takeover.error);
    await takeover.lock.release();

    await killedHolder(`require(${libraryPath}).lock(${target}, { stale: ${STALE_MS}, realpath: false }).then(() => { console.log('locked'); setInterval(() => {}, 1e6); })`);
    started = performance.now();
    const again = await lockfile.lock(file, { stale: STALE_MS, realpath: false, retries: { retries: 1000, minTimeout: 50, maxTimeout: 50 } });
    const theirsTakeover = performance.now() - started;
    await again();

    const ratio = (a: number, b: number): string => `${(a / b).toFixed(2)}×`;
    return [
      `take + release: ours ${ours.toFixed(3)} ms, proper-lockfile ${theirs.toFixed(3)} ms (${ratio(ours, theirs)})`,
      `check before a write: ours ${oursCheck.toFixed(3)} ms, proper-lockfile ${theirsCheck.toFixed(3)} ms (${ratio(oursCheck, theirsCheck)})`,
      `take over after the holder was killed: ours ${oursTakeover.toFixed(1)} ms, proper-lockfile ${theirsTakeover.toFixed(0)} ms with stale=${STALE_MS} ms (its minimum; default 10 s)`,
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
