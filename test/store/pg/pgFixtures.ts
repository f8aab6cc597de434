import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { openPostgresStore } from '../../../src/store/pg';
import type { OpenPostgresStoreOptions } from '../../../src/store/pg';
import type { PolicyStore } from '../../../src/store';
import { SEED } from '../fixtures';
import { testPlanner } from '../testPlanner';

/** Opens a PostgreSQL store on `url` or fails the test with the store's own message. */
export async function openPg(url: string, options: Partial<OpenPostgresStoreOptions> = {}): Promise<PolicyStore> {
  const opened = await openPostgresStore({ url, seedFile: SEED, plan: testPlanner, newId: randomUUID, ...options });
  if (!opened.ok) throw new Error(opened.error);
  return opened.store;
}

/** Runs SQL on `url` with a client of its own (not the store's pool). */
export async function sql<R extends Record<string, unknown> = Record<string, unknown>>(url: string, text: string, params: unknown[] = []): Promise<R[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<R>(text, params)).rows;
  } finally {
    await client.end();
  }
}

/** Empties the database (every table of the store gone), so the next open starts from the seed. */
export async function dropStore(url: string): Promise<void> {
  await sql(url, 'DROP SCHEMA public CASCADE; CREATE SCHEMA public');
}
