import { resolve } from 'node:path';
import { AuditFile } from './auditFile';
import type { AuditLine, StoreFile } from './fileSchema';
import { exists, readValid } from './loadStoreFile';
import { acquireLock } from './lockFile';

export type ReadStoreFileResult = { ok: true; file: string; state: StoreFile; lines: AuditLine[] } | { ok: false; error: string };

/**
 * A whole lowdb store (state and audit log), read and validated as an open would, for copying it
 * elsewhere. It takes the store's lock while reading (a bot writing the file meanwhile would make a
 * torn copy) and writes nothing of its own: a file of an older schema version is migrated in memory
 * only. Opening the audit log cuts off lines of a never-acknowledged write, as every open does.
 */
export async function readStoreFile(path: string): Promise<ReadStoreFileResult> {
  const file = resolve(path);
  if (!(await exists(file))) return { ok: false, error: `store: ${file}: no such file` };
  const locked = await acquireLock(file, new Date());
  if (!locked.ok) return locked;
  try {
    const read = await readValid(file);
    if (!read.ok) return read;
    // Before v3 the audit log was inside the file: those entries are revisions 1…n.
    if (read.audit !== undefined) {
      const first = read.data.revision - read.audit.length + 1;
      return { ok: true, file, state: read.data, lines: read.audit.map((entry, i) => ({ revision: first + i, entry })) };
    }
    const audit = await AuditFile.open(file, read.data.revision);
    if (!audit.ok) return audit;
    await audit.audit.close();
    return { ok: true, file, state: read.data, lines: audit.lines };
  } finally {
    await locked.lock.release();
  }
}
