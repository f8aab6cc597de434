import { Client } from 'pg';
import type { PolicyModel } from '../../../src/policy/model';
import { openPostgresStore } from '../../../src/store/pg';
import { LATEST_SCHEMA_VERSION } from '../../../src/store/pg';
import { describeWithPostgres, testDatabaseUrl } from '../../support/pg-describe';
import { freshDatabase } from '../../support/postgres';
import { block, SEED } from '../fixtures';
import { testPlanner } from '../testPlanner';
import { dropStore, openPg, sql } from './pgFixtures';

describeWithPostgres('PostgreSQL store', () => {
  let url: string;
  beforeAll(async () => {
    url = await freshDatabase(testDatabaseUrl());
  });
  beforeEach(() => dropStore(url));

  it('creates the schema in an empty database and seeds it with the demo organizations', async () => {
    const store = await openPg(url);
    try {
      expect(store.read().organizations.map((o) => o.id)).toEqual(expect.arrayContaining(['contoso-east', 'contoso-west']));
      expect(store.revision()).toBe(0);
      const [version] = await sql<{ version: number }>(url, 'SELECT version FROM schema_version');
      expect(version?.version).toBe(LATEST_SCHEMA_VERSION);
      const rows = await sql<{ id: string }>(url, 'SELECT id FROM organizations ORDER BY position');
      expect(rows.map((r) => r.id)).toEqual(store.read().organizations.map((o) => o.id));
    } finally {
      await store.close();
    }
  });

  it('keeps its data when opened again (no second seeding)', async () => {
    const first = await openPg(url);
    expect((await first.commit(block('kept.example'))).ok).toBe(true);
    await first.close();
    const again = await openPg(url);
    try {
      expect(again.revision()).toBe(1);
      expect(again.read().organizations[0]!.settings!.blockedDomains).toEqual(['kept.example']);
      expect(again.history('contoso-east', 0).entries.map((e) => e.request)).toEqual(['block kept.example']);
      expect(await sql(url, 'SELECT 1 FROM meta')).toHaveLength(1);
    } finally {
      await again.close();
    }
  });

  it('refuses a database at a newer schema version, and leaves it as it was', async () => {
    await (await openPg(url)).close();
    await sql(url, 'UPDATE schema_version SET version = $1', [LATEST_SCHEMA_VERSION + 1]);
    const opened = await openPostgresStore({ url, seedFile: SEED, plan: testPlanner });
    expect(opened).toEqual({
      ok: false,
      error: `store: postgres ${new URL(url).hostname}:${new URL(url).port}${new URL(url).pathname}: database schema version ${LATEST_SCHEMA_VERSION + 1} is newer than this bot understands (${LATEST_SCHEMA_VERSION}); upgrade the bot`,
    });
    expect(await sql<{ version: number }>(url, 'SELECT version FROM schema_version')).toEqual([{ version: LATEST_SCHEMA_VERSION + 1 }]);
  });

  it('names host and port, never the password, when it cannot connect', async () => {
    const closed = new URL(url);
    closed.port = '1';
    closed.username = 'bot';
    closed.password = 's3cret-pw';
    const opened = await openPostgresStore({ url: closed.toString(), seedFile: SEED, plan: testPlanner });
    expect(opened.ok).toBe(false);
    if (!opened.ok) {
      expect(opened.error).toMatch(/^store: postgres: cannot connect to 127\.0\.0\.1:1\//);
      expect(opened.error).not.toContain('s3cret-pw');
    }
  });

  it('two instances on one database: a commit through A is seen by B after sync', async () => {
    const a = await openPg(url);
    const b = await openPg(url);
    try {
      expect((await a.commit(block('seen.example'))).ok).toBe(true);
      expect(b.revision()).toBe(0);
      expect(await b.sync()).toEqual({ ok: true });
      expect(b.revision()).toBe(1);
      expect(b.read().organizations[0]!.settings!.blockedDomains).toEqual(['seen.example']);
      expect(b.lastChange('contoso-east')?.request).toBe('block seen.example');
      // B previews on what it saw: confirmed as shown, its commit lands on top of A's, and A sees it.
      const planned = (before: PolicyModel): string => before.organizations[0]!.settings!.blockedDomains.join();
      const shown = planned(b.read());
      expect((await b.commit({ ...block('second.example'), stillAsShown: (before) => planned(before) === shown })).ok).toBe(true);
      await a.sync();
      expect(a.read().organizations[0]!.settings!.blockedDomains).toEqual(['seen.example', 'second.example']);
      expect(a.history('contoso-east', 0).total).toBe(2);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('50 concurrent commits on one organization over two instances all land exactly once', async () => {
    const a = await openPg(url);
    const b = await openPg(url);
    try {
      const domains = Array.from({ length: 50 }, (_, i) => `c${i}.example`);
      const results = await Promise.all(domains.map((d, i) => (i % 2 === 0 ? a : b).commit(block(d))));
      expect(results.filter((r) => !r.ok)).toEqual([]);
      const [meta] = await sql<{ revision: string }>(url, 'SELECT revision::text FROM meta');
      expect(meta?.revision).toBe('50');
      const audit = await sql<{ revision: string; domain: string }>(url, "SELECT revision::text, entry->'change'->'domains'->>0 AS domain FROM audit ORDER BY audit.revision");
      expect(audit.map((r) => Number(r.revision))).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
      expect(new Set(audit.map((r) => r.domain))).toEqual(new Set(domains));
      for (const store of [a, b]) {
        await store.sync();
        expect(store.revision()).toBe(50);
        expect(new Set(store.read().organizations[0]!.settings!.blockedDomains)).toEqual(new Set(domains));
        expect(store.history('contoso-east', 0, 100).total).toBe(50);
      }
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('a change of one organization does not wait for a held lock on another', async () => {
    const store = await openPg(url);
    const holder = new Client({ connectionString: url });
    await holder.connect();
    try {
      await holder.query('BEGIN');
      await holder.query("SELECT id FROM organizations WHERE id = 'contoso-east' FOR UPDATE");
      let eastDone = false;
      const east = store.commit(block('waits.example')).then((r) => ((eastDone = true), r));
      // West completes while East's row is still locked by the raw transaction.
      expect((await store.commit(block('free.example', 'contoso-west'))).ok).toBe(true);
      expect(eastDone).toBe(false);
      await holder.query('COMMIT');
      expect((await east).ok).toBe(true);
      expect(store.revision()).toBe(2);
    } finally {
      await holder.end();
      await store.close();
    }
  });

  it('answers a lost database with a reason, and works again once it is back', async () => {
    const store = await openPg(url);
    try {
      // Every connection of the store's pool killed: the next query finds its socket closed.
      await sql(url, 'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()');
      const results = [await store.commit(block('after.example')), await store.commit(block('after2.example'))];
      expect(results.some((r) => r.ok)).toBe(true); // the pool replaces dead connections
      for (const r of results) if (!r.ok) expect(r.reason).toMatch(/^store: postgres /);
      expect(await store.health()).toEqual({ ok: true });
      expect(await store.sync()).toEqual({ ok: true });
    } finally {
      await store.close();
    }
  });

  it('reports health, size and refuses changes once closed', async () => {
    const store = await openPg(url);
    expect(await store.health()).toEqual({ ok: true });
    const size = await store.size();
    expect(size.organizations).toBe(store.read().organizations.length);
    expect(size.bytes).toBeGreaterThan(0);
    await store.close();
    expect(await store.commit(block('late.example'))).toEqual({ ok: false, reason: expect.stringMatching(/^store: postgres .* is closed/) });
    expect(await store.health()).toMatchObject({ ok: false });
    expect(await store.sync()).toMatchObject({ ok: false });
  });
});
