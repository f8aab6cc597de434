import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeWithPostgres, testDatabaseUrl } from '../../support/pg-describe';
import { freshDatabase } from '../../support/postgres';
import { buildChild, NODE_MODULES } from '../buildChild';
import { SEED } from '../fixtures';
import { openPg, sql } from './pgFixtures';

/** Starts a writer process; resolves its acknowledged domains as it prints them. */
function writer(script: string, url: string, prefix: string) {
  const child = spawn(process.execPath, [script, url, SEED, prefix], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_PATH: NODE_MODULES } });
  const acked: string[] = [];
  let partial = '';
  let onAck: (() => void) | undefined;
  let output = '';
  child.stdout.setEncoding('utf-8').on('data', (chunk: string) => {
    output += chunk;
    const parts = (partial + chunk).split('\n');
    partial = parts.pop()!;
    for (const line of parts) if (line.startsWith('ack ')) acked.push(line.slice(4));
    onAck?.();
  });
  child.stderr.setEncoding('utf-8').on('data', (chunk: string) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.on('close', () => resolve()));
  return {
    acked,
    /** Until `count` acknowledgements were printed (or the child died). */
    acks: (count: number) =>
      new Promise<void>((resolve, reject) => {
        const check = () => (acked.length >= count ? resolve() : undefined);
        onAck = check;
        check();
        void exited.then(() => (acked.length >= count ? resolve() : reject(new Error(`writer ${prefix} exited: ${output}`))));
      }),
    kill: async () => {
      child.kill('SIGKILL');
      await exited;
    },
  };
}

describeWithPostgres('PostgreSQL store: processes killed mid-burst', () => {
  let dir: string;
  let script: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'pg-child-'));
    script = buildChild(dir, ['test/store/pg/pg-writer-child.js'])[0]!;
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('two writers on one database, one killed with SIGKILL mid-burst: no acknowledged change lost, none applied twice', async () => {
    const url = await freshDatabase(testDatabaseUrl());
    await (await openPg(url)).close(); // schema and seed first, so both writers start from the same store
    const a = writer(script, url, 'a');
    const b = writer(script, url, 'b');
    await Promise.all([a.acks(40), b.acks(40)]);
    await a.kill(); // with up to 8 commits in flight
    const ackedByA = [...a.acked];
    await b.acks(b.acked.length + 40); // the survivor goes on
    await b.kill();

    const audit = await sql<{ revision: string; domain: string }>(url, "SELECT revision::text, entry->'change'->'domains'->>0 AS domain FROM audit ORDER BY audit.revision");
    const [meta] = await sql<{ revision: string }>(url, 'SELECT revision::text FROM meta');
    // Every revision is one change, with no gap, and the counter agrees.
    expect(audit.map((r) => Number(r.revision))).toEqual(Array.from({ length: audit.length }, (_, i) => i + 1));
    expect(Number(meta?.revision)).toBe(audit.length);
    const domains = audit.map((r) => r.domain);
    expect(new Set(domains).size).toBe(domains.length);
    for (const d of [...ackedByA, ...b.acked]) expect(domains).toContain(d);
    // And the state holds exactly what the audit log says was applied.
    const store = await openPg(url);
    try {
      const blocked = store.read().organizations.flatMap((o) => o.settings?.blockedDomains ?? []);
      expect(blocked.slice().sort()).toEqual(domains.slice().sort());
    } finally {
      await store.close();
    }
  });
});
