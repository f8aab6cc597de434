import { access, copyFile, mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import { AuditFile, auditPath, DEFAULT_RETENTION } from './auditFile';
import type { AuditRetention } from './auditFile';
import { CURRENT_SCHEMA_VERSION } from './fileSchema';
import type { AuditLine, StoreFile } from './fileSchema';
import { deepFreeze } from './deepFreeze';
import { migrate } from './migrations';
import { StoreFileAdapter } from './storeFileAdapter';
import type { AuditEntry } from './types';
import { validateAuditList, validateFull } from './validateFile';

export type LoadResult =
  | { ok: true; db: Low<StoreFile>; state: StoreFileAdapter; audit: AuditFile; lines: AuditLine[]; created: boolean; migratedFrom?: number }
  | { ok: false; error: string };

/**
 * Opens the store file with lowdb's `JSONFile` format through `StoreFileAdapter` (never the preset: it
 * swaps in memory under NODE_ENV=test; the adapter serializes per organization) and its audit file beside it. A missing file is created from the seed; a file that
 * does not parse or validate is reported and left exactly as it is; an older schema version is
 * migrated (the original is kept as `<file>.v<n>.bak`) and written back, its audit log (inside the
 * file before v3) moved to the audit file first.
 */
export async function loadStoreFile(file: string, seedFile: string, now: Date, retention: AuditRetention = DEFAULT_RETENTION, durable = true): Promise<LoadResult> {
  const state = new StoreFileAdapter(file, durable);
  const db = new Low<StoreFile>(state, null as unknown as StoreFile);
  let created = false;
  let migratedFrom: number | undefined;
  if (!(await exists(file))) {
    const seed = await readValid(seedFile);
    if (!seed.ok) return seed;
    // Frozen now, as the store keeps it: the serializer then caches each organization from this first write on.
    db.data = deepFreeze(seed.data);
    const written = await writeFresh(file, db, seed.audit ?? [], now);
    if (written) return written;
    created = true;
  } else {
    const current = await readValid(file);
    if (!current.ok) return current;
    db.data = deepFreeze(current.data);
    if (current.migratedFrom !== undefined) {
      try {
        await copyFile(file, `${file}.v${current.migratedFrom}.bak`);
      } catch (err) {
        return { ok: false, error: `store: ${file}: cannot back up before migrating: ${(err as Error).message}` };
      }
      // The audit file first: a crash before the state is rewritten leaves the old file, migrated again next time.
      const written = (current.audit && (await writeAuditWhole(file, current.audit, current.data.revision))) ?? (await write(db, file));
      if (written) return written;
      migratedFrom = current.migratedFrom;
    }
  }
  const audit = await AuditFile.open(file, db.data.revision, retention, durable);
  if (!audit.ok) return audit;
  return { ok: true, db, state, audit: audit.audit, lines: audit.lines, created, ...(migratedFrom !== undefined && { migratedFrom }) };
}

type ReadResult = { ok: true; data: StoreFile; audit?: AuditEntry[]; migratedFrom?: number } | { ok: false; error: string };

/**
 * Reads, migrates and validates a store file (the live one or the seed) through lowdb. A file from
 * before v3 also gives its audit log (`audit`), which the caller moves to the audit file.
 */
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
  const { audit: inline, ...state } = migrated.file;
  const carriesAudit = migrated.from < 3 && inline !== undefined;
  let audit: AuditEntry[] | undefined;
  if (carriesAudit) {
    const parsed = validateAuditList(inline);
    if (!parsed.ok) return { ok: false, error: `store: ${file}: ${parsed.problem}` };
    audit = parsed.audit;
  }
  const valid = validateFull(carriesAudit ? state : migrated.file);
  if (!valid.ok) return { ok: false, error: `store: ${file}: ${valid.problem}` };
  return {
    ok: true,
    data: valid.file,
    ...(audit !== undefined && { audit }),
    ...(migrated.migrated && { migratedFrom: migrated.from }),
  };
}

/**
 * A new store at `file` from seed data: audit files left from an earlier store of that name are
 * kept as `<audit file>.<time>.bak` (their revisions belong to another state), then the audit file,
 * then the state file, are written.
 */
export async function writeFresh(file: string, db: Low<StoreFile>, audit: readonly AuditEntry[], now: Date): Promise<{ ok: false; error: string } | undefined> {
  try {
    await mkdir(dirname(file), { recursive: true });
    const stamp = now.toISOString().replace(/[:.]/g, '-');
    for (let index = 0; index < 100; index++) {
      const path = auditPath(file, index);
      if (await exists(path)) await rename(path, `${path}.${stamp}.bak`);
    }
  } catch (err) {
    return { ok: false, error: `store: ${file}: cannot set the old audit log aside: ${(err as Error).message}` };
  }
  return (await writeAuditWhole(file, audit, db.data.revision)) ?? (await write(db, file));
}

/** Writes `entries` (the last being at `revision`) as the whole audit file, atomically (temp + rename). */
async function writeAuditWhole(file: string, entries: readonly AuditEntry[], revision: number): Promise<{ ok: false; error: string } | undefined> {
  const path = auditPath(file);
  const first = revision - entries.length + 1;
  const text = entries.map((entry, i) => `${JSON.stringify({ revision: first + i, entry })}\n`).join('');
  try {
    await writeFile(`${path}.tmp`, text, 'utf-8');
    await rename(`${path}.tmp`, path);
    return undefined;
  } catch (err) {
    return { ok: false, error: `store: ${path}: cannot write: ${(err as Error).message}` };
  }
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

export async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}
