import { access, copyFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import { CURRENT_SCHEMA_VERSION } from './fileSchema';
import type { StoreFile } from './fileSchema';
import { migrate } from './migrations';
import { validateFull } from './validateFile';

export type LoadResult =
  | { ok: true; db: Low<StoreFile>; created: boolean; migratedFrom?: number }
  | { ok: false; error: string };

/**
 * Opens the store file with lowdb's `JSONFile` adapter (never the preset: it swaps in memory under
 * NODE_ENV=test). A missing file is created from the seed; a file that does not parse or validate is
 * reported and left exactly as it is; an older schema version is migrated (the original is kept as
 * `<file>.v<n>.bak`) and written back.
 */
export async function loadStoreFile(file: string, seedFile: string): Promise<LoadResult> {
  const db = new Low<StoreFile>(new JSONFile<StoreFile>(file), null as unknown as StoreFile);
  if (!(await exists(file))) {
    const seed = await readValid(seedFile);
    if (!seed.ok) return seed;
    db.data = seed.data;
    const written = await write(db, file);
    return written ?? { ok: true, db, created: true };
  }
  const current = await readValid(file);
  if (!current.ok) return current;
  db.data = current.data;
  if (current.migratedFrom === undefined) return { ok: true, db, created: false };
  try {
    await copyFile(file, `${file}.v${current.migratedFrom}.bak`);
  } catch (err) {
    return { ok: false, error: `store: ${file}: cannot back up before migrating: ${(err as Error).message}` };
  }
  const written = await write(db, file);
  return written ?? { ok: true, db, created: false, migratedFrom: current.migratedFrom };
}

type ReadResult = { ok: true; data: StoreFile; migratedFrom?: number } | { ok: false; error: string };

/** Reads, migrates and validates a store file (the live one or the seed) through lowdb. */
export async function readValid(file: string): Promise<ReadResult> {
  const low = new Low<unknown>(new JSONFile<unknown>(file), null);
  try {
    await low.read();
  } catch (err) {
    const message = (err as Error).message;
    return { ok: false, error: `store: ${file}: ${err instanceof SyntaxError ? 'invalid JSON' : 'cannot read'}: ${message}` };
  }
  // lowdb keeps its default for a missing file and for falsy JSON (null, false, 0): tell them apart.
  if (low.data === null && !(await exists(file))) return { ok: false, error: `store: ${file}: no such file` };
  const migrated = migrate(low.data, CURRENT_SCHEMA_VERSION);
  if (!migrated.ok) return { ok: false, error: `store: ${file}: ${migrated.problem}` };
  const valid = validateFull(migrated.file);
  if (!valid.ok) return { ok: false, error: `store: ${file}: ${valid.problem}` };
  return migrated.migrated ? { ok: true, data: valid.file, migratedFrom: migrated.from } : { ok: true, data: valid.file };
}

async function write(db: Low<StoreFile>, file: string): Promise<{ ok: false; error: string } | undefined> {
  try {
    await mkdir(dirname(file), { recursive: true });
    await db.write();
    return undefined;
  } catch (err) {
    return { ok: false, error: `store: ${file}: cannot write: ${(err as Error).message}` };
  }
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}
