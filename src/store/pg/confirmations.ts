import { randomUUID } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
import {
  CONFIRMATION_TTL_MS,
  DEFAULT_PENDING_LIMITS,
  type ConfirmationStore,
  type NewPendingChange,
  type PendingChange,
  type PendingLimits,
} from '../confirmations';
import { COLUMNS, fromRow, toPayload, type Row } from './confirmationRow';

/**
 * The table of pending confirmations. `seq` is the insertion order, which is what "oldest" means for
 * the bounds (as in memory): `created_at` comes from each process's clock, and two previews in the
 * same millisecond must still have an order. Expiry is decided by the caller's clock too (tests move
 * it), so nothing here uses the database's `now()`.
 */
export const CONFIRMATIONS_DDL = `
CREATE TABLE IF NOT EXISTS pending_confirmations (
  seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  id text PRIMARY KEY,
  actor text NOT NULL,
  conversation_id text NOT NULL,
  payload jsonb NOT NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE INDEX IF NOT EXISTS pending_confirmations_actor ON pending_confirmations (actor, conversation_id, seq);
CREATE INDEX IF NOT EXISTS pending_confirmations_expiry ON pending_confirmations (expires_at);
`;

/**
 * Serializes adds (and the table's creation): the bounds are counted and enforced under it, so
 * concurrent adds from several processes cannot leave a sender with more than their share. Takes do
 * not take it: a row delete is atomic on its own. A transaction-scoped advisory lock, released at
 * commit or rollback, never left behind by a process that dies.
 */
const ADD_LOCK = "SELECT pg_advisory_xact_lock(hashtext('federation-assistant.pending_confirmations'))";

/** Creates the table and its indexes when missing (idempotent, safe when several processes start at once). */
export async function ensureConfirmationsTable(pool: Pool): Promise<void> {
  await inTransaction(pool, async (client) => {
    await client.query(ADD_LOCK);
    await client.query(CONFIRMATIONS_DDL);
  });
}

/**
 * Pending confirmations in PostgreSQL, shared by every bot process on the database: a preview made
 * on one can be confirmed on another. A row that does not read back as a pending change (edited by
 * hand, written by another version) counts as no confirmation: nothing is applied from it.
 */
export class PgConfirmationStore implements ConfirmationStore {
  constructor(
    private readonly pool: Pool,
    private readonly limits: PendingLimits = DEFAULT_PENDING_LIMITS,
  ) {}

  async add(input: NewPendingChange, now: Date): Promise<PendingChange> {
    const pending: PendingChange = { ...input, id: randomUUID(), expiresAt: now.getTime() + CONFIRMATION_TTL_MS };
    await inTransaction(this.pool, async (client) => {
      await client.query(ADD_LOCK);
      await client.query('DELETE FROM pending_confirmations WHERE expires_at <= $1', [now]);
      // Room for the new one: the sender keeps their newest perSender - 1, everyone their newest total - 1.
      await client.query(
        'DELETE FROM pending_confirmations WHERE id IN (SELECT id FROM pending_confirmations WHERE actor = $1 ORDER BY seq DESC OFFSET $2)',
        [input.actor, Math.max(0, this.limits.perSender - 1)],
      );
      await client.query('DELETE FROM pending_confirmations WHERE id IN (SELECT id FROM pending_confirmations ORDER BY seq DESC OFFSET $1)', [
        Math.max(0, this.limits.total - 1),
      ]);
      await client.query(
        'INSERT INTO pending_confirmations (id, actor, conversation_id, payload, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6)',
        [pending.id, input.actor, input.conversationId, toPayload(input), now, new Date(pending.expiresAt)],
      );
    });
    return pending;
  }

  async get(id: string): Promise<PendingChange | undefined> {
    return this.one(`SELECT ${COLUMNS} FROM pending_confirmations WHERE id = $1`, [id]);
  }

  async latestFor(actor: string, conversationId: string): Promise<PendingChange | undefined> {
    // Only the latest: when it is unreadable, a typed "yes" must not fall back to an older preview.
    return this.one(`SELECT ${COLUMNS} FROM pending_confirmations WHERE actor = $1 AND conversation_id = $2 ORDER BY seq DESC LIMIT 1`, [
      actor,
      conversationId,
    ]);
  }

  async take(id: string): Promise<PendingChange | undefined> {
    // One statement: of concurrent deletes of one row, only one returns it.
    return this.one(`DELETE FROM pending_confirmations WHERE id = $1 RETURNING ${COLUMNS}`, [id]);
  }

  async size(actor?: string): Promise<number> {
    const { rows } =
      actor === undefined
        ? await this.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM pending_confirmations')
        : await this.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM pending_confirmations WHERE actor = $1', [actor]);
    return rows[0]?.n ?? 0;
  }

  private async one(sql: string, params: unknown[]): Promise<PendingChange | undefined> {
    const { rows } = await this.pool.query<Row>(sql, params);
    const row = rows[0];
    return row === undefined ? undefined : fromRow(row);
  }
}

async function inTransaction(pool: Pool, work: (client: PoolClient) => Promise<void>): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await work(client);
    await client.query('COMMIT');
    client.release();
  } catch (err) {
    // A client whose rollback fails is broken: release it with the error so the pool drops it.
    await client.query('ROLLBACK').then(
      () => client.release(),
      (rollbackErr: unknown) => client.release(rollbackErr instanceof Error ? rollbackErr : true),
    );
    throw err;
  }
}
