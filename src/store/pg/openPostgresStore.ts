import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import type { Pool } from 'pg';
import { CURRENT_SCHEMA_VERSION } from '../fileSchema';
import type { AuditLine, StoreFile } from '../fileSchema';
import { readValid } from '../loadStoreFile';
import type { Planner } from '../planner';
import type { PolicyStore } from '../types';
import { validateAuditList, validateFull } from '../validateFile';
import { connectPostgres, describeTarget, safeMessage } from './connect';
import { PostgresPolicyStore } from './postgresStore';
import { insertStore, readDelta } from './rows';
import { migrateSchema } from './schema';

export interface OpenPostgresStoreOptions {
  /** `DATABASE_URL`. */
  url: string;
  /** The demo store (`data/demo-policy.json`): what an empty database starts with. */
  seedFile: string;
  plan: Planner;
  /** A pool to share (the caller then ends it); one of the store's own when absent. */
  pool?: Pool;
  newId?: () => string;
  validation?: 'incremental' | 'full';
  /** Told when an idle connection fails (the pool replaces it); for the log. */
  onIdleError?: (message: string) => void;
}

export type OpenPostgresStoreResult = { ok: true; store: PolicyStore; created: boolean } | { ok: false; error: string };

/**
 * Opens the PostgreSQL store: connects, creates or migrates the schema, seeds an empty database
 * from the seed file (migrated and validated as `openStore` does a new file), then loads and
 * validates the whole store. Failures come back as one line starting "store: postgres", naming
 * host, port and database, never the password; the database is left as it was.
 */
export async function openPostgresStore(options: OpenPostgresStoreOptions): Promise<OpenPostgresStoreResult> {
  const target = describeTarget(options.url);
  const pool = options.pool ?? connectPostgres(options.url, { ...(options.onIdleError && { onIdleError: options.onIdleError }) });
  const fail = async (error: string): Promise<OpenPostgresStoreResult> => {
    if (!options.pool) await pool.end().catch(() => undefined);
    return { ok: false, error };
  };
  const prepared = await prepareDatabase(pool, target, options.url, async () => {
    const seed = await readValid(resolve(options.seedFile));
    if (!seed.ok) return seed;
    const revision = seed.data.revision;
    const audit = seed.audit ?? [];
    return { ok: true, state: seed.data, lines: audit.map((entry, i) => ({ revision: revision - audit.length + 1 + i, entry })) };
  });
  if (!prepared.ok) return fail(prepared.error);
  const loaded = await loadWhole(pool, target, options.url);
  if (!loaded.ok) return fail(loaded.error);
  const store = new PostgresPolicyStore({
    pool,
    url: options.url,
    target,
    ownsPool: !options.pool,
    plan: options.plan,
    newId: options.newId ?? randomUUID,
    validation: options.validation ?? 'incremental',
    state: loaded.state,
    lines: loaded.lines,
  });
  return { ok: true, store, created: prepared.created };
}

export type InitialStore = { ok: true; state: StoreFile; lines: AuditLine[] } | { ok: false; error: string };

/**
 * In one transaction: the schema created or migrated, and when the store's tables are empty, the
 * `initial` store written into them. `onlyIfEmpty` (moving a file in) refuses a database that
 * already holds a store and changes nothing.
 */
export async function prepareDatabase(
  pool: Pool,
  target: string,
  url: string,
  initial: () => Promise<InitialStore>,
  onlyIfEmpty = false,
): Promise<{ ok: true; created: boolean } | { ok: false; error: string }> {
  let client;
  try {
    client = await pool.connect();
  } catch (err) {
    return { ok: false, error: `store: postgres: cannot connect to ${target}: ${safeMessage(err, url)}` };
  }
  try {
    await client.query('BEGIN');
    const schema = await migrateSchema(client);
    if (!schema.ok) {
      await client.query('ROLLBACK');
      return { ok: false, error: `store: postgres ${target}: ${schema.problem}` };
    }
    const present = await client.query('SELECT 1 FROM meta');
    if (present.rowCount !== 0) {
      await client.query(onlyIfEmpty ? 'ROLLBACK' : 'COMMIT');
      return onlyIfEmpty ? { ok: false, error: `store: postgres ${target}: the database already holds a store; nothing was changed` } : { ok: true, created: false };
    }
    const store = await initial();
    if (!store.ok) {
      await client.query('ROLLBACK');
      return store;
    }
    await insertStore(client, store.state, store.lines);
    await client.query('COMMIT');
    return { ok: true, created: true };
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    return { ok: false, error: `store: postgres ${target}: cannot prepare the database: ${safeMessage(err, url)}` };
  } finally {
    client.release();
  }
}

/** The whole store, validated as a file is on load (schema, unique ids, each audit entry). */
export async function loadWhole(pool: Pool, target: string, url: string): Promise<{ ok: true; state: StoreFile; lines: AuditLine[] } | { ok: false; error: string }> {
  let delta;
  try {
    delta = await readDelta(pool, -1);
  } catch (err) {
    return { ok: false, error: `store: postgres ${target}: cannot read the store: ${safeMessage(err, url)}` };
  }
  if (delta === undefined) return { ok: false, error: `store: postgres ${target}: the store's tables are empty (meta has no row)` };
  const file = validateFull({ schemaVersion: CURRENT_SCHEMA_VERSION, revision: delta.revision, organizations: delta.organizations.map((o) => o.data) });
  if (!file.ok) return { ok: false, error: `store: postgres ${target}: ${file.problem}` };
  const audit = validateAuditList(delta.lines.map((l) => l.entry));
  if (!audit.ok) return { ok: false, error: `store: postgres ${target}: ${audit.problem}` };
  // The raw rows, not zod's copies: what the database holds.
  const lines = delta.lines.map((l) => ({ revision: l.revision, entry: l.entry as AuditLine['entry'] }));
  return { ok: true, state: { ...file.file, organizations: delta.organizations.map((o) => o.data) as StoreFile['organizations'] }, lines };
}
