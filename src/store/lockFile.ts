import { link, readdir, readFile, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** What a lock file holds: who writes the store, since when. */
export interface LockInfo {
  pid: number;
  startedAt: string;
}

export type LockResult = { ok: true; lock: HeldLock } | { ok: false; error: string };

export interface HeldLock {
  path: string;
  /**
   * Undefined while the lock file is still ours (same inode, size and time of last write); otherwise
   * the store error to show. One stat, done before every write batch: a lock removed, replaced or
   * rewritten while we run means another process may be writing the store.
   */
  check(): Promise<string | undefined>;
  release(): Promise<void>;
}

/** Locks held by this process, so a lock with our own pid from an earlier run (pid 1 in a container) counts as stale. */
const heldHere = new Set<string>();

/*
 * Why our own lock and not `proper-lockfile` (compared in `npm run bench`, suite "lock"): the library
 * takes and releases it faster (0.35 vs 0.6 ms, once a start), our check before a write is as cheap
 * (one stat each, 0.025 vs 0.034 ms), but it judges a lock stale by its age. After the bot is killed (OOM, SIGKILL, a crashed container)
 * the restarted bot must wait out that age — 2.9 s at its 2 s minimum, 10 s by default — where ours
 * sees the holder's pid is gone and takes over at once (5 ms). Its staleness also means a holder
 * whose event loop stalls past that age loses the lock (by default it throws), its check says only
 * that *a* lock exists (ours, that it is still ours: same inode, size and write time), and its lock folder
 * cannot name the process holding it, which our refusal does.
 */

/**
 * Takes `<file>.lock` (created atomically, failing if it exists) for the one writer of a store file. A lock whose pid is
 * no longer alive is stale and taken over. The file name is given as the store file's name.
 */
export async function acquireLock(file: string, now: Date): Promise<LockResult> {
  const path = `${file}.lock`;
  if (heldHere.has(path)) return { ok: false, error: `store: ${file} is already open in this process (pid ${process.pid}); close it first` };
  const mine: LockInfo = { pid: process.pid, startedAt: now.toISOString() };
  const content = JSON.stringify(mine);
  for (let attempt = 0; attempt < 2; attempt++) {
    const created = await createExclusive(path, content);
    if (created === 'created') {
      heldHere.add(path);
      await removeLeftoverTemps(path);
      const created = await stat(path).then(identity, () => undefined);
      return { ok: true, lock: { path, check: () => check(path, created), release: () => release(path, mine) } };
    }
    if (created !== 'exists') return { ok: false, error: `store: ${file}: cannot create lock file ${path}: ${created}` };
    const holder = await readLock(path);
    if (holder !== undefined && isAlive(holder.pid)) {
      return {
        ok: false,
        error: `store: ${file} is in use by another process (pid ${holder.pid}, since ${holder.startedAt}); stop it, or remove ${path} if that process is not a bot`,
      };
    }
    // Stale (dead pid or unreadable leftover): remove and try once more; if another process wins the race, we report it.
    await unlink(path).catch(() => undefined);
  }
  const holder = await readLock(path);
  return { ok: false, error: `store: ${file} is in use by another process (pid ${holder?.pid ?? 'unknown'}); could not take over its lock ${path}` };
}

/** Creates the lock with its content in one step (write a temp file, hard-link it): never seen empty. */
async function createExclusive(path: string, content: string): Promise<'created' | 'exists' | string> {
  const temp = `${path}.${process.pid}.tmp`;
  try {
    await writeFile(temp, content, 'utf-8');
    await link(temp, path);
    return 'created';
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return code === 'EEXIST' ? 'exists' : String((err as Error).message);
  } finally {
    await unlink(temp).catch(() => undefined);
  }
}

/** Temp files of lock attempts cut short by a crash (`<lock>.<pid>.tmp` of a dead pid). */
async function removeLeftoverTemps(path: string): Promise<void> {
  const pattern = new RegExp(`^${basename(path).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.(\\d+)\\.tmp$`);
  const names = await readdir(dirname(path)).catch(() => [] as string[]);
  for (const name of names) {
    const pid = Number(pattern.exec(name)?.[1]);
    if (Number.isInteger(pid) && pid !== process.pid && !isAlive(pid)) await unlink(join(dirname(path), name)).catch(() => undefined);
  }
}

export async function readLock(path: string): Promise<LockInfo | undefined> {
  try {
    const info = JSON.parse(await readFile(path, 'utf-8')) as Partial<LockInfo>;
    return typeof info.pid === 'number' ? { pid: info.pid, startedAt: String(info.startedAt) } : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return false; // not held here (checked above): a leftover of an earlier process with our pid
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** What tells our lock file from any other: its inode, and its size and time of last write (an edit in place). */
const identity = (s: { ino: number; size: number; mtimeMs: number }): string => `${s.ino}:${s.size}:${s.mtimeMs}`;

/** One stat, before every write batch: no read of the content, which cost as much as the rest of a small commit. */
async function check(path: string, created: string | undefined): Promise<string | undefined> {
  const found = await stat(path).then(identity, () => undefined);
  if (found !== undefined && found === created) return undefined;
  return `store: the lock file ${path} was removed or taken by another process; not writing (restart the bot once only one process uses the store)`;
}

async function release(path: string, mine: LockInfo): Promise<void> {
  if (!heldHere.delete(path)) return;
  const holder = await readLock(path);
  // Never remove a lock someone else took over (after ours was wrongly judged stale).
  if (holder?.pid === mine.pid && holder.startedAt === mine.startedAt) await unlink(path).catch(() => undefined);
}
