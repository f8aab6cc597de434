import type { PoolClient } from 'pg';
import type { AuditLine } from '../fileSchema';
import type { PolicyModel } from '../../policy/model';

type Queryable = Pick<PoolClient, 'query'>;

/** What the database holds beyond a known revision: the organizations changed since and their audit rows. */
export interface Delta {
  /** The database's revision (every change up to it is in this delta or was known). */
  revision: number;
  organizations: Array<{ id: string; position: number; revision: number; data: unknown }>;
  /** Oldest first. */
  lines: Array<{ revision: number; entry: unknown }>;
}

/**
 * One statement, so one snapshot of the database: commits take revisions in commit order, so the
 * rows it sees are exactly the changes up to the `meta` revision it sees, with no gap.
 */
const DELTA_SQL = `
  SELECT 'm' AS kind, NULL::text AS id, NULL::integer AS position, revision, NULL::json AS body FROM meta
  UNION ALL SELECT 'o', id, position, revision, data FROM organizations WHERE revision > $1
  UNION ALL SELECT 'a', id, NULL, revision, entry FROM audit WHERE revision > $1`;

interface DeltaRow {
  kind: 'm' | 'o' | 'a';
  id: string | null;
  position: number | null;
  revision: string;
  body: unknown;
}

/** Everything newer than `known` (-1: the whole store); undefined when the database holds no store yet. */
export async function readDelta(db: Queryable, known: number): Promise<Delta | undefined> {
  const { rows } = await db.query<DeltaRow>(DELTA_SQL, [known]);
  const meta = rows.find((r) => r.kind === 'm');
  if (meta === undefined) return undefined;
  const organizations: Delta['organizations'] = [];
  const lines: Delta['lines'] = [];
  for (const row of rows) {
    if (row.kind === 'o') organizations.push({ id: row.id!, position: row.position!, revision: Number(row.revision), data: row.body });
    else if (row.kind === 'a') lines.push({ revision: Number(row.revision), entry: row.body });
  }
  organizations.sort((a, b) => a.position - b.position);
  lines.sort((a, b) => a.revision - b.revision);
  return { revision: Number(meta.revision), organizations, lines };
}

/** Counts that tell an empty database (no store yet) from one in use. */
export async function storeCounts(db: Queryable): Promise<{ organizations: number; audit: number }> {
  const { rows } = await db.query<{ organizations: number; audit: number }>(
    'SELECT (SELECT count(*)::integer FROM organizations) AS organizations, (SELECT count(*)::integer FROM audit) AS audit',
  );
  return rows[0] ?? { organizations: 0, audit: 0 };
}

/**
 * Writes a whole validated store (state at `revision` and its audit lines) into the empty tables, in
 * the caller's transaction: the organizations at revision 0 (older than anything a reader knows).
 * Each list goes as one JSON parameter, so 10,000 organizations are one statement, not 10,000.
 */
export async function insertStore(db: Queryable, state: { revision: number; organizations: PolicyModel['organizations'] }, lines: readonly AuditLine[]): Promise<void> {
  await db.query('INSERT INTO meta (revision) VALUES ($1)', [state.revision]);
  const orgs = state.organizations.map((data, position) => ({ id: data.id, position, data }));
  await db.query(
    `INSERT INTO organizations (id, position, data, revision)
     SELECT x.id, x.position, x.data, 0 FROM json_to_recordset($1::json) AS x(id text, position integer, data json)`,
    [JSON.stringify(orgs)],
  );
  const audit = lines.map((l) => ({ id: l.entry.id, org_id: l.entry.orgId, revision: l.revision, entry: l.entry }));
  await db.query(
    `INSERT INTO audit (id, org_id, revision, entry)
     SELECT x.id, x.org_id, x.revision, x.entry FROM json_to_recordset($1::json) AS x(id text, org_id text, revision bigint, entry json)`,
    [JSON.stringify(audit)],
  );
}

/**
 * The write of one change, as the last statement of its transaction: bumps the revision (taking the
 * `meta` row lock, held until COMMIT), stores the organization (when the change altered it) and
 * appends the audit row, both at that revision. One round trip while the lock is held.
 */
export async function writeChange(db: Queryable, change: { orgId: string; org: unknown; entryId: string; entry: unknown }): Promise<number> {
  const { rows } = await db.query<{ revision: string }>(
    `WITH r AS (UPDATE meta SET revision = revision + 1 RETURNING revision),
       o AS (UPDATE organizations SET data = $2::json, revision = (SELECT revision FROM r) WHERE id = $1 AND $2::json IS NOT NULL RETURNING id),
       a AS (INSERT INTO audit (id, org_id, revision, entry) SELECT $3, $1, revision, $4::json FROM r RETURNING id)
     SELECT revision FROM r`,
    [change.orgId, change.org === undefined ? null : JSON.stringify(change.org), change.entryId, JSON.stringify(change.entry)],
  );
  const revision = rows[0]?.revision;
  if (revision === undefined) throw new Error('the store has no revision row (meta)');
  return Number(revision);
}
