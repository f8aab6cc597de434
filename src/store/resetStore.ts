import { copyFile, mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import { acquireLock } from './lockFile';
import type { StoreFile } from './fileSchema';
import { exists, readValid, writeFresh } from './loadStoreFile';

export type ResetResult = { ok: true; file: string; backup?: string } | { ok: false; error: string };

/**
 * Puts the demo store back: the current file (valid or not) is copied to `<file>.<time>.bak` and its
 * audit files renamed to `<audit file>.<time>.bak`, then the seed is written atomically in its place.
 * Refuses while a bot holds the store's lock.
 */
export async function resetStore(options: { file: string; seedFile: string; now: Date }): Promise<ResetResult> {
  const file = resolve(options.file);
  const folder = await mkdir(dirname(file), { recursive: true }).then(
    () => undefined,
    (err: Error) => ({ ok: false as const, error: `store: ${file}: cannot create its folder: ${err.message}` }),
  );
  if (folder) return folder;
  const locked = await acquireLock(file, options.now);
  if (!locked.ok) return locked;
  try {
    const seed = await readValid(resolve(options.seedFile));
    if (!seed.ok) return seed;
    let backup: string | undefined;
    if (await exists(file)) {
      backup = `${file}.${options.now.toISOString().replace(/[:.]/g, '-')}.bak`;
      await copyFile(file, backup);
    }
    const db = new Low<StoreFile>(new JSONFile<StoreFile>(file), seed.data);
    const written = await writeFresh(file, db, seed.audit ?? [], options.now);
    if (written) return written;
    return backup === undefined ? { ok: true, file } : { ok: true, file, backup };
  } catch (err) {
    return { ok: false, error: `store: ${file}: reset failed: ${(err as Error).message}` };
  } finally {
    await locked.lock.release();
  }
}
