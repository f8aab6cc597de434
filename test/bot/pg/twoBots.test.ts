import { startTestBot, type ReplyActivity } from '../../support/harness';
import { describeWithPostgres, testDatabaseUrl } from '../../support/pg-describe';
import { freshDatabase } from '../../support/postgres';
import { sql } from '../../store/pg/pgFixtures';

const ADMIN = 'admin@contosoeast.com';

const texts = (replies: ReplyActivity[]): string => JSON.stringify(replies);

/** The id of the pending change on a preview card (its Confirm button's data). */
function pendingIdOf(replies: ReplyActivity[]): string {
  const match = /"pendingId":"([^"]+)"/.exec(JSON.stringify(replies));
  if (!match) throw new Error(`no preview in ${JSON.stringify(replies)}`);
  return match[1]!;
}

describeWithPostgres('two bots on one PostgreSQL database', () => {
  let url: string;
  beforeAll(async () => {
    url = await freshDatabase(testDatabaseUrl());
  });

  it('a change confirmed through one bot is seen by the other on its next request; neither touches POLICY_DB', async () => {
    const a = await startTestBot({ DATABASE_URL: url });
    const b = await startTestBot({ DATABASE_URL: url });
    try {
      expect(texts(await b.say(ADMIN, 'is fabrikam.com blocked?'))).not.toMatch(/fabrikam\.com is blocked/i);
      const preview = await a.say(ADMIN, 'block fabrikam.com');
      const confirmed = await a.invoke(ADMIN, 'confirm', { pendingId: pendingIdOf(preview) });
      expect(texts(confirmed)).toMatch(/Block/);
      const [row] = await sql<{ revision: string }>(url, 'SELECT revision::text FROM meta');
      expect(row?.revision).toBe('1');
      expect(texts(await b.say(ADMIN, 'show history'))).toMatch(/fabrikam\.com/);
      expect(() => a.storeBytes()).toThrow(/ENOENT/);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('a preview made on one bot is confirmed on the other, once (DATABASE_URL keeps confirmations in the database too)', async () => {
    const a = await startTestBot({ DATABASE_URL: url });
    const b = await startTestBot({ DATABASE_URL: url });
    try {
      const [before] = await sql<{ revision: string }>(url, 'SELECT revision::text FROM meta');
      const pendingId = pendingIdOf(await a.say(ADMIN, 'block tailspintoys.com'));
      expect(texts(await b.invoke(ADMIN, 'confirm', { pendingId }))).toMatch(/tailspintoys\.com/);
      expect(texts(await a.invoke(ADMIN, 'confirm', { pendingId }))).toMatch(/nothing waiting for your confirmation/);
      const [after] = await sql<{ revision: string }>(url, 'SELECT revision::text FROM meta');
      expect(Number(after?.revision)).toBe(Number(before?.revision) + 1);
      expect(texts(await a.say(ADMIN, 'show history'))).toMatch(/tailspintoys\.com/);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('answers "store unreachable" while the database refuses connections, then works again', async () => {
    const bot = await startTestBot({ DATABASE_URL: url });
    const name = new URL(url).pathname.slice(1);
    try {
      await sql(testDatabaseUrl(), `ALTER DATABASE "${name}" ALLOW_CONNECTIONS false`);
      await sql(testDatabaseUrl(), 'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [name]);
      const replies = await bot.say(ADMIN, 'show settings');
      expect(texts(replies)).toMatch(/policy store cannot be reached/);
      expect(bot.logs.text()).toMatch(/store: unreachable/);
      const pressed = await bot.invoke(ADMIN, 'cancel', {});
      expect(texts(pressed)).toMatch(/policy store cannot be reached/);
    } finally {
      await sql(testDatabaseUrl(), `ALTER DATABASE "${name}" ALLOW_CONNECTIONS true`);
    }
    try {
      expect(texts(await bot.say(ADMIN, 'show settings'))).not.toMatch(/cannot be reached/);
    } finally {
      await bot.close();
    }
  });
});
