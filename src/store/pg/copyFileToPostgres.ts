import type { Pool } from 'pg';
import { readStoreFile } from '../readStoreFile';
import { connectPostgres, describeTarget } from './connect';
import { loadWhole, prepareDatabase } from './openPostgresStore';
import { storeCounts } from './rows';

export type CopyResult = { ok: true; organizations: number; auditEntries: number; revision: number; target: string } | { ok: false; error: string };

/**
 * Copies a lowdb store (state and audit log) into an EMPTY PostgreSQL database, in one transaction:
 * a database that already holds a store (even the demo a bot seeded) is refused and left as it was.
 * The copy is read back and validated, and its counts compared with the file's.
 */
export async function copyFileToPostgres(options: { from: string; url: string; pool?: Pool }): Promise<CopyResult> {
  const target = describeTarget(options.url);
  const read = await readStoreFile(options.from);
  if (!read.ok) return read;
  const pool = options.pool ?? connectPostgres(options.url, { max: 2 });
  try {
    const prepared = await prepareDatabase(pool, target, options.url, async () => ({ ok: true, state: read.state, lines: read.lines }), true);
    if (!prepared.ok) {
      if (!/already holds a store/.test(prepared.error)) return prepared;
      const counts = await storeCounts(pool).catch(() => undefined);
      const holds = counts ? ` (${counts.organizations} organizations, ${counts.audit} audit entries)` : '';
      return { ok: false, error: `store: postgres ${target}: the database already holds a store${holds}; store:migrate fills only an empty database. Nothing was changed.` };
    }
    const loaded = await loadWhole(pool, target, options.url);
    if (!loaded.ok) return loaded;
    if (loaded.state.organizations.length !== read.state.organizations.length || loaded.lines.length !== read.lines.length || loaded.state.revision !== read.state.revision) {
      return { ok: false, error: `store: postgres ${target}: the copy does not match ${read.file} (counts differ)` };
    }
    return { ok: true, organizations: loaded.state.organizations.length, auditEntries: loaded.lines.length, revision: loaded.state.revision, target };
  } finally {
    if (!options.pool) await pool.end().catch(() => undefined);
  }
}
