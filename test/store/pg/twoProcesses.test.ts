/**
 * Two real bot processes (the production entry point, `src/index.ts`) on one PostgreSQL database,
 * driven through their HTTP endpoints: 100 changes, each previewed on one process and confirmed on
 * the other, all take effect exactly once; then a burst during which one process is killed with
 * SIGKILL loses no acknowledged change and applies none twice.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { plan } from '../../../src/policy';
import { openPostgresStore } from '../../../src/store';
import type { PolicyStore } from '../../../src/store';
import { cardsOf, cardText, findAction } from '../../support/harness';
import { describeWithPostgres, testDatabaseUrl } from '../../support/pg-describe';
import { freshDatabase } from '../../support/postgres';
import { buildChild, NODE_MODULES } from '../buildChild';
import { clientOf } from '../../scale/bigBot';

const ROOT = resolve(__dirname, '../../..');
const SEED = join(ROOT, 'data/demo-policy.json');
/** Two admins of each demo organization with settings, working at once (one preview open each). */
const ADMINS = ['admin0@contosoeast.com', 'admin1@contosoeast.com', 'admin0@contosowest.com', 'admin1@contosowest.com'];
const ORGS = ['contoso-east', 'contoso-west'];

interface BotProcess {
  child: ChildProcess;
  url: string;
  exited: Promise<number | null>;
}

let built: string | undefined;
let buildDir: string | undefined;

function entry(): string {
  if (built === undefined) {
    buildDir = mkdtempSync(join(tmpdir(), 'fa-bot-child-'));
    built = buildChild(buildDir, ['src/index.ts'])[0]!;
  }
  return built;
}

async function startBot(databaseUrl: string): Promise<BotProcess> {
  const child = spawn(process.execPath, [entry()], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { PATH: process.env.PATH, NODE_PATH: NODE_MODULES, DATABASE_URL: databaseUrl, PORT: '0', BOT_ADMINS: ADMINS.join(','), LOG_LEVEL: 'info' },
  });
  const exited = new Promise<number | null>((done) => child.once('close', (code) => done(code)));
  let out = '';
  const url = await new Promise<string>((done, fail) => {
    child.stdout!.setEncoding('utf-8').on('data', (chunk: string) => {
      out += chunk;
      const found = /http:\/\/127\.0\.0\.1:(\d+)\/api\/messages/.exec(out);
      if (found) done(`http://127.0.0.1:${found[1]}`);
    });
    child.stderr!.setEncoding('utf-8').on('data', (chunk: string) => (out += chunk));
    void exited.then((code) => fail(new Error(`bot exited (${code}) before listening:\n${out}`)));
  });
  return { child, url, exited };
}

/**
 * Previews "block <domain>" on one process and presses its Confirm on the other; true once it is done.
 * Two admins change each organization at once, so a preview can go stale (the other admin's change
 * landed in between): the bot then shows it again, and the admin confirms the new one, as a person would.
 */
async function previewThenConfirm(previewOn: BotProcess, confirmOn: BotProcess, admin: string, domain: string): Promise<boolean> {
  let replies = await clientOf(previewOn.url).say(admin, `block ${domain}`);
  for (let attempt = 0; attempt < 50; attempt++) {
    const confirm = cardsOf(replies).map((card) => findAction(card, /^Confirm/)).find((a) => a !== undefined);
    if (!confirm) throw new Error(`no Confirm for ${domain}: ${cardsOf(replies).map(cardText).join('\n')}`);
    replies = await clientOf(confirmOn.url).invoke(admin, confirm.verb, confirm.data);
    const text = cardsOf(replies).map(cardText).join('\n');
    if (/\bDone\b/.test(text)) return true;
    if (!/changed since you saw that preview/.test(text)) throw new Error(`Confirm of ${domain} on the other process was refused: ${text}`);
  }
  throw new Error(`${domain}: still stale after 50 fresh previews`);
}

/** Blocked domains of both organizations as the database holds them, and how many audit entries block each. */
async function committed(databaseUrl: string): Promise<{ blocked: string[]; audited: Map<string, number> }> {
  const opened = await openPostgresStore({ url: databaseUrl, seedFile: SEED, plan });
  if (!opened.ok) throw new Error(opened.error);
  const store: PolicyStore = opened.store;
  try {
    const blocked: string[] = [];
    const audited = new Map<string, number>();
    for (const id of ORGS) {
      const org = store.read().organizations.find((o) => o.id === id)!;
      blocked.push(...(org.settings?.blockedDomains ?? []));
      for (let page = 0; ; page++) {
        const { entries, total, pageSize } = store.history(id, page, 100);
        for (const e of entries) if (e.change.kind === 'addBlocked') for (const d of e.change.domains) audited.set(d, (audited.get(d) ?? 0) + 1);
        if ((page + 1) * pageSize >= total) break;
      }
    }
    return { blocked, audited };
  } finally {
    await store.close();
  }
}

describeWithPostgres('two bot processes on one PostgreSQL database', () => {
  let databaseUrl: string;
  let a: BotProcess;
  let b: BotProcess;

  beforeAll(async () => {
    databaseUrl = await freshDatabase(testDatabaseUrl());
    // One at a time: the first creates the schema and seeds the demo, the second finds them.
    a = await startBot(databaseUrl);
    b = await startBot(databaseUrl);
  }, 60_000);

  afterAll(async () => {
    for (const bot of [a, b]) bot?.child.kill('SIGKILL');
    if (buildDir) rmSync(buildDir, { recursive: true, force: true });
  });

  it('applies 100 changes, each previewed on one and confirmed on the other, exactly once', async () => {
    const domains = Array.from({ length: 100 }, (_, i) => `mp${i}.example.com`);
    // Four admins at once, each working through its 25 changes in turn; even changes preview on A.
    await Promise.all(
      ADMINS.map(async (admin, k) => {
        for (let j = 0; j < 25; j++) {
          const i = k * 25 + j;
          const [first, second] = i % 2 === 0 ? [a, b] : [b, a];
          await previewThenConfirm(first, second, admin, domains[i]!);
        }
      }),
    );
    const { blocked, audited } = await committed(databaseUrl);
    for (const d of domains) {
      expect(blocked.filter((x) => x === d)).toHaveLength(1);
      expect(audited.get(d)).toBe(1);
    }
    // Each process sees the other's changes on its next request.
    for (const bot of [a, b]) {
      const verdict = cardsOf(await clientOf(bot.url).say(ADMINS[0]!, 'can ann@mp24.example.com reach rob@contosoeast.com?')).map(cardText).join('\n');
      expect(verdict).toMatch(/Contoso East blocks mp24\.example\.com/);
    }
  }, 180_000);

  it('loses no acknowledged change when one process is killed mid-burst, and applies none twice', async () => {
    const acknowledged: string[] = [];
    const attempted: string[] = [];
    let killed = false;
    const killAfter = 10;
    await Promise.all(
      ADMINS.map(async (admin, k) => {
        for (let j = 0; j < 12; j++) {
          const domain = `kill${k}-${j}.example.com`;
          attempted.push(domain);
          // Confirms go to A, the process that is killed; previews to B.
          const ok = await previewThenConfirm(b, a, admin, domain).catch(() => false);
          if (ok) acknowledged.push(domain);
          if (!killed && acknowledged.length >= killAfter) {
            killed = true;
            a.child.kill('SIGKILL');
          }
          if (!ok && killed) return;
        }
      }),
    );
    expect(killed).toBe(true);
    // Some changes were in flight on A when it died: their fate is either way, but never twice.
    expect(attempted.length).toBeGreaterThan(acknowledged.length);
    await a.exited;
    const { blocked, audited } = await committed(databaseUrl);
    for (const d of acknowledged) expect(blocked).toContain(d);
    for (const d of attempted) {
      expect(blocked.filter((x) => x === d).length).toBeLessThanOrEqual(1);
      expect(audited.get(d) ?? 0).toBe(blocked.includes(d) ? 1 : 0);
    }
    // The survivor goes on serving: one more change previewed and confirmed on it.
    await expect(previewThenConfirm(b, b, ADMINS[0]!, 'after-kill.example.com')).resolves.toBe(true);
    expect((await committed(databaseUrl)).blocked).toContain('after-kill.example.com');
  }, 180_000);
});
