import type { PoolClient } from 'pg';
import { CONFIRMATIONS_DDL } from './confirmations';

/**
 * The database schema as numbered steps: `SCHEMA_STEPS[n - 1]` brings a database from version n - 1
 * to n. A step is never edited once released; a new version is a new step at the end. Every step of
 * a start runs in the one transaction that also seeds an empty database, so a failed start leaves
 * the database as it was.
 *
 * Why these tables:
 * - `organizations`: one row per organization, so a change locks only its own row (`FOR UPDATE`)
 *   and changes of different organizations do not wait on each other. `position` keeps the model's
 *   order. `data` is `json`, not `jsonb`: `json` keeps the text as written, so maps (policies,
 *   tenant extras) read back in their order and the model is exactly what lowdb would hold.
 * - `meta`: the one revision counter. A commit bumps it as its last statement and holds that row
 *   until COMMIT, so commits get revisions in commit order; a reader that sees revision R sees
 *   every change up to R.
 * - `audit`: one row per change, with the revision it produced (unique: a revision is one change,
 *   never two). Readers load only rows newer than the revision they know (the revision indexes).
 * - `pending_confirmations` (step 2): previews waiting for Confirm, so any instance can confirm one
 *   (see `PgConfirmationStore`).
 */
export const SCHEMA_STEPS: readonly (readonly string[])[] = [
  [
    `CREATE TABLE meta (
       singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
       revision bigint NOT NULL CHECK (revision >= 0)
     )`,
    `CREATE TABLE organizations (
       id text PRIMARY KEY,
       position integer NOT NULL,
       data json NOT NULL,
       revision bigint NOT NULL
     )`,
    'CREATE INDEX organizations_revision ON organizations (revision)',
    `CREATE TABLE audit (
       seq bigserial PRIMARY KEY,
       id text NOT NULL UNIQUE,
       org_id text NOT NULL,
       revision bigint NOT NULL UNIQUE,
       entry json NOT NULL
     )`,
    'CREATE INDEX audit_org ON audit (org_id, revision)',
  ],
  CONFIRMATIONS_DDL.split(';').map((sql) => sql.trim()).filter((sql) => sql !== ''),
];

export const LATEST_SCHEMA_VERSION = SCHEMA_STEPS.length;

/** Any constant: bot processes starting together on one database take turns at creating the schema. */
const SCHEMA_LOCK = 0x6661_7374;

export type SchemaResult = { ok: true; from: number } | { ok: false; problem: string };

/**
 * Inside the caller's transaction: creates or migrates the schema to `LATEST_SCHEMA_VERSION`. A
 * database at a newer version (a newer bot migrated it) is refused, untouched.
 */
export async function migrateSchema(client: PoolClient, steps: readonly (readonly string[])[] = SCHEMA_STEPS): Promise<SchemaResult> {
  await client.query('SELECT pg_advisory_xact_lock($1)', [SCHEMA_LOCK]);
  await client.query('CREATE TABLE IF NOT EXISTS schema_version (version integer NOT NULL)');
  const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_version');
  if (rows.length > 1) return { ok: false, problem: `schema_version has ${rows.length} rows, expected one` };
  const from = rows[0]?.version ?? 0;
  if (from > steps.length) {
    return { ok: false, problem: `database schema version ${from} is newer than this bot understands (${steps.length}); upgrade the bot` };
  }
  for (let version = from; version < steps.length; version++) {
    for (const sql of steps[version]!) await client.query(sql);
  }
  if (rows.length === 0) await client.query('INSERT INTO schema_version (version) VALUES ($1)', [steps.length]);
  else if (from !== steps.length) await client.query('UPDATE schema_version SET version = $1', [steps.length]);
  return { ok: true, from };
}
