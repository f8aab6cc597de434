import { Pool } from 'pg';
import { MemoryConfirmationStore } from '../../../src/store/memoryConfirmations';
import { CONFIRMATIONS_DDL, ensureConfirmationsTable, PgConfirmationStore } from '../../../src/store/pg/confirmations';
import { describeWithPostgres, testDatabaseUrl } from '../../support/pg-describe';
import { freshDatabase } from '../../support/postgres';
import { prng, testSeed } from '../../support/prng';
import { confirmationContract, input, NOW } from '../confirmationsContract';

describeWithPostgres('PgConfirmationStore', () => {
  let url: string;
  let admin: Pool;
  let extra: Pool[] = [];
  beforeAll(async () => {
    url = await freshDatabase(testDatabaseUrl());
    admin = new Pool({ connectionString: url, max: 4 });
    // Twice at once, as two processes starting together: neither fails.
    const other = new Pool({ connectionString: url, max: 1 });
    await Promise.all([ensureConfirmationsTable(admin), ensureConfirmationsTable(other)]);
    await other.end();
  });
  afterAll(() => admin.end());

  const reset = () => admin.query('TRUNCATE pending_confirmations');

  describe('the contract', () => {
    confirmationContract({
      async open(limits, handles = 1) {
        await reset();
        // Each handle on a pool of one connection of its own, as separate bot processes.
        extra = Array.from({ length: handles }, () => new Pool({ connectionString: url, max: 1 }));
        return { store: new PgConfirmationStore(admin, limits), handles: extra.map((pool) => new PgConfirmationStore(pool, limits)) };
      },
      async dispose() {
        await Promise.all(extra.map((pool) => pool.end()));
        extra = [];
      },
    });
  });

  it('keeps its table in one statement list, created only when missing', async () => {
    expect(CONFIRMATIONS_DDL).toMatch(/CREATE TABLE IF NOT EXISTS pending_confirmations/);
    const store = new PgConfirmationStore(admin);
    await reset();
    const p = await store.add(input('a@x.com'), NOW);
    await ensureConfirmationsTable(admin);
    expect(await store.get(p.id)).toEqual(p);
    const { rows } = await admin.query("SELECT column_name FROM information_schema.columns WHERE table_name = 'pending_confirmations' ORDER BY column_name");
    expect(rows.map((r) => r.column_name)).toEqual(['actor', 'conversation_id', 'created_at', 'expires_at', 'id', 'payload', 'seq']);
  });

  it.each([
    ['not an object', '"yes"'],
    ['no action', '{"request":"r","shownPrint":"s"}'],
    ['an unknown change', '{"action":{"kind":"change","change":{"kind":"deleteEverything","org":"x"}},"request":"r","shownPrint":"s"}'],
    ['an extra field', '{"action":{"kind":"undo","orgId":"o","entryId":"e"},"request":"r","shownPrint":"s","admin":true}'],
  ])('a corrupt row (%s) is no confirmation: not found, not taken, and gone once taken', async (_, payload) => {
    await reset();
    const store = new PgConfirmationStore(admin);
    const p = await store.add(input('a@x.com'), NOW);
    await admin.query('UPDATE pending_confirmations SET payload = $1::jsonb WHERE id = $2', [payload, p.id]);
    expect(await store.get(p.id)).toBeUndefined();
    expect(await store.latestFor('a@x.com', 'c')).toBeUndefined();
    expect(await store.take(p.id)).toBeUndefined();
    expect(await store.size()).toBe(0);
  });

  it('a typed "yes" does not fall back to an older preview when the latest is corrupt', async () => {
    await reset();
    const store = new PgConfirmationStore(admin);
    await store.add(input('a@x.com'), NOW);
    const latest = await store.add(input('a@x.com'), NOW);
    await admin.query("UPDATE pending_confirmations SET payload = '{}'::jsonb WHERE id = $1", [latest.id]);
    expect(await store.latestFor('a@x.com', 'c')).toBeUndefined();
  });

  it('a seeded run of adds, takes and lookups answers as the in-memory store does', async () => {
    await reset();
    const seed = testSeed(17);
    const rand = prng(seed);
    const limits = { perSender: 3, total: 8 };
    const memory = new MemoryConfirmationStore(limits);
    const pg = new PgConfirmationStore(admin, limits);
    // Ids differ between the two: each is named by the order it was added in.
    const memIds: string[] = [];
    const pgIds: string[] = [];
    const name = (ids: string[], id: string | undefined) => (id === undefined ? undefined : ids.indexOf(id));
    let clock = NOW.getTime();
    for (let step = 0; step < 300; step++) {
      clock += Math.floor(rand() * 60_000);
      const now = new Date(clock);
      const actor = `s${Math.floor(rand() * 4)}@x.com`;
      const conversation = `c${Math.floor(rand() * 2)}`;
      const r = rand();
      const which = Math.floor(rand() * (memIds.length + 1));
      if (r < 0.5) {
        memIds.push((await memory.add(input(actor, conversation), now)).id);
        pgIds.push((await pg.add(input(actor, conversation), now)).id);
      } else if (r < 0.7) {
        const m = await memory.take(memIds[which] ?? 'none');
        const p = await pg.take(pgIds[which] ?? 'none');
        expect([seed, step, name(pgIds, p?.id), p?.expiresAt]).toEqual([seed, step, name(memIds, m?.id), m?.expiresAt]);
      } else {
        const m = await memory.latestFor(actor, conversation);
        const p = await pg.latestFor(actor, conversation);
        expect([seed, step, name(pgIds, p?.id)]).toEqual([seed, step, name(memIds, m?.id)]);
      }
      expect([seed, step, await pg.size(), await pg.size(actor)]).toEqual([seed, step, await memory.size(), await memory.size(actor)]);
    }
  });
});
