import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Pool } from 'pg';
import { plan } from '../../src/policy';
import { openStore } from '../../src/store';
import { CONFIRMATION_TTL_MS, type ConfirmationStore } from '../../src/store/confirmations';
import { ensureConfirmationsTable, PgConfirmationStore } from '../../src/store/pg/confirmations';
import type { PolicyStore } from '../../src/store/types';
import { allText, DEMO_SEED, startTestBot, step, type ReplyActivity, type TestBot } from '../support/harness';
import { describeWithPostgres, testDatabaseUrl } from '../support/pg-describe';
import { freshDatabase } from '../support/postgres';
import { readStore } from '../store/readStore';

const EAST_ADMIN = 'admin@contosoeast.com';
const WEST_ADMIN = 'admin@contosowest.com';
const ROB = 'rob@contosoeast.com';

/**
 * Two bots as two processes behind a load balancer: each its own app, server, clock, plan memo and
 * PostgreSQL pool; one `pending_confirmations` table between them and one policy store object (the
 * lowdb file's lock allows one opener, so the two apps share the opened store as two processes share
 * a database). One chat: a button pressed on a card may land on either bot.
 *
 * A step: the bot it lands on, who, what they type or press ("!Confirm"), what the answer shows, and
 * whether the store changed — "changed" means by exactly one audit entry (applied once). A number
 * instead moves both bots' clocks on.
 */
type Step = ['A' | 'B', string, string, RegExp, 'same' | 'changed'] | number;

const transcripts: Record<string, Step[]> = {
  'a preview on A is confirmed with the button on B, once; A then finds it used': [
    ['A', EAST_ADMIN, 'block fabrikam.com', /Confirm this change\?/, 'same'],
    ['B', EAST_ADMIN, '!Confirm', /Done[\s\S]*fabrikam\.com/i, 'changed'],
    ['A', EAST_ADMIN, '!Confirm', /nothing waiting/i, 'same'],
    ['B', EAST_ADMIN, '!Confirm', /nothing waiting/i, 'same'],
  ],
  'a preview on A is confirmed by a typed "yes" on B; "yes" on A then finds nothing': [
    ['A', EAST_ADMIN, 'turn off external access', /Confirm this change\?/, 'same'],
    ['B', EAST_ADMIN, 'yes', /external access/i, 'changed'],
    ['A', EAST_ADMIN, 'yes', /nothing waiting/i, 'same'],
  ],
  'another sender cannot confirm it on the other bot; its owner still can': [
    ['A', EAST_ADMIN, 'block fabrikam.com', /Confirm this change\?/, 'same'],
    ['B', WEST_ADMIN, '!Confirm', /Only admin@contosoeast\.com[\s\S]*can confirm/, 'same'],
    ['B', ROB, '!Confirm', /Only admin@contosoeast\.com/, 'same'],
    ['B', ROB, '!Cancel', /Only admin@contosoeast\.com[\s\S]*can cancel/, 'same'],
    ['A', EAST_ADMIN, '!Confirm', /Done[\s\S]*fabrikam\.com/i, 'changed'],
  ],
  'an expired preview is refused on the other bot, and is then gone on both': [
    ['A', EAST_ADMIN, 'block fabrikam.com', /Confirm this change\?/, 'same'],
    CONFIRMATION_TTL_MS + 1,
    ['B', EAST_ADMIN, '!Confirm', /expired/i, 'same'],
    ['A', EAST_ADMIN, '!Confirm', /nothing waiting/i, 'same'],
  ],
  'a preview still confirms on the other bot just before ten minutes': [
    ['B', EAST_ADMIN, 'block fabrikam.com', /Confirm this change\?/, 'same'],
    CONFIRMATION_TTL_MS - 1000,
    ['A', EAST_ADMIN, '!Confirm', /Done[\s\S]*fabrikam\.com/i, 'changed'],
  ],
  'cancelled on B, it cannot be confirmed on A': [
    ['A', EAST_ADMIN, 'block fabrikam.com', /Confirm this change\?/, 'same'],
    ['B', EAST_ADMIN, 'cancel', /Cancelled/, 'same'],
    ['A', EAST_ADMIN, '!Confirm', /nothing waiting/i, 'same'],
  ],
  'undo previewed on B is confirmed on A': [
    ['A', EAST_ADMIN, 'block fabrikam.com', /Confirm this change\?/, 'same'],
    ['A', EAST_ADMIN, '!Confirm', /Done/i, 'changed'],
    ['B', EAST_ADMIN, 'undo', /Undo this change\?[\s\S]*fabrikam/i, 'same'],
    ['A', EAST_ADMIN, 'yes', /Undone[\s\S]*fabrikam/i, 'changed'],
    ['B', EAST_ADMIN, 'yes', /nothing waiting/i, 'same'],
  ],
};

/** Set by a test to hold every `get` until it resolves: both bots then look before either takes. */
let gate: (() => Promise<void>) | undefined;

function gated(inner: ConfirmationStore): ConfirmationStore {
  return {
    add: (input, now) => inner.add(input, now),
    get: async (id) => {
      const found = await inner.get(id);
      await gate?.();
      return found;
    },
    latestFor: (actor, conversationId) => inner.latestFor(actor, conversationId),
    take: (id) => inner.take(id),
    size: (actor) => inner.size(actor),
  };
}

/** Resolves once `n` callers have arrived. */
function meeting(n: number): () => Promise<void> {
  let arrived = 0;
  let open: () => void = () => undefined;
  const all = new Promise<void>((resolve) => (open = resolve));
  return () => {
    if (++arrived >= n) open();
    return all;
  };
}

describeWithPostgres('confirmations shared by two bots through PostgreSQL', () => {
  let url: string;
  let pools: Pool[];
  let dir: string;
  let storeFile: string;
  let store: PolicyStore;
  let bots: Record<'A' | 'B', TestBot>;

  beforeAll(async () => {
    url = await freshDatabase(testDatabaseUrl());
    const pool = new Pool({ connectionString: url, max: 1 });
    await ensureConfirmationsTable(pool);
    await pool.end();
  });

  beforeEach(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'fa-shared-'));
    storeFile = path.join(dir, 'policy.json');
    const opened = await openStore({ file: storeFile, seedFile: DEMO_SEED, plan });
    if (!opened.ok) throw new Error(opened.error);
    store = opened.store;
    pools = [new Pool({ connectionString: url, max: 4 }), new Pool({ connectionString: url, max: 4 })];
    await pools[0]!.query('TRUNCATE pending_confirmations');
    const start = (pool: Pool) => startTestBot({}, new Date('2026-11-24T10:00:00Z'), { store, confirmations: gated(new PgConfirmationStore(pool)) });
    bots = { A: await start(pools[0]!), B: await start(pools[1]!) };
  });

  afterEach(async () => {
    gate = undefined;
    await bots.A.close();
    await bots.B.close();
    await store.close();
    await Promise.all(pools.map((pool) => pool.end()));
    rmSync(dir, { recursive: true, force: true });
  });

  it.each(Object.entries(transcripts))('%s', async (_, steps) => {
    let chat: ReplyActivity[] = [];
    for (const s of steps) {
      if (typeof s === 'number') {
        bots.A.advance(s);
        bots.B.advance(s);
        continue;
      }
      const [on, who, says, expected, effect] = s;
      const before = readFileSync(storeFile);
      const audited = readStore(storeFile).audit.length;
      const replies = await step(bots[on], who, says, chat);
      expect(`${on} ${who}: ${says}\n${allText(replies)}`).toMatch(expected);
      expect([says, readFileSync(storeFile).equals(before)]).toEqual([says, effect === 'same']);
      expect([says, readStore(storeFile).audit.length]).toEqual([says, audited + (effect === 'changed' ? 1 : 0)]);
      chat = [...chat, ...replies];
    }
  });

  it('one preview confirmed on both bots at once is applied exactly once', async () => {
    const preview = await bots.A.say(EAST_ADMIN, 'block fabrikam.com');
    const audited = readStore(storeFile).audit.length;
    // Both find it before either takes it: the take alone decides who applies it.
    gate = meeting(2);
    const answers = await Promise.all([step(bots.A, EAST_ADMIN, '!Confirm', preview), step(bots.B, EAST_ADMIN, '!Confirm', preview)]);
    const texts = answers.map(allText);
    expect(texts.filter((t) => /Done[\s\S]*fabrikam\.com/i.test(t))).toHaveLength(1);
    expect(texts.filter((t) => /nothing waiting/i.test(t))).toHaveLength(1);
    expect(readStore(storeFile).audit.length).toBe(audited + 1);
    expect(readStore(storeFile).organizations[0]?.settings?.blockedDomains).toEqual(['fabrikam.com']);
  });

  it('a preview made stale by a change confirmed on the other bot is shown again there, not applied', async () => {
    const preview = await bots.A.say(EAST_ADMIN, 'block fabrikam.com');
    // Meanwhile, in another conversation, the same admin turns the organization's external access off
    // through B: blocking fabrikam.com would no longer change who can reach whom, as the preview said.
    const other = await bots.B.say(EAST_ADMIN, 'turn off external access', { conversation: { id: 'other', conversationType: 'personal' } });
    await step(bots.B, EAST_ADMIN, '!Confirm', other);
    const afterOther = readFileSync(storeFile);
    const replies = await step(bots.B, EAST_ADMIN, '!Confirm', preview);
    expect(allText(replies)).toMatch(/changed since/i);
    expect(readFileSync(storeFile).equals(afterOther)).toBe(true);
    // The fresh preview, made on B, confirms on A.
    await step(bots.A, EAST_ADMIN, '!Confirm', replies);
    const east = readStore(storeFile).organizations[0]?.settings;
    expect([east?.blockedDomains, east?.allowFederatedUsers]).toEqual([['fabrikam.com'], false]);
  });

  it('the pending gauge of either bot counts the previews of both', async () => {
    await bots.A.say(EAST_ADMIN, 'block fabrikam.com');
    await bots.B.say(WEST_ADMIN, 'block fabrikam.com');
    for (const bot of [bots.A, bots.B]) {
      const text = await (await fetch(`${bot.url}/metrics`)).text();
      expect(text).toMatch(/^federation_assistant_pending_confirmations 2$/m);
    }
  });
});
