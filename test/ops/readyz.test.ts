import { unlinkSync, writeFileSync } from 'node:fs';
import { cardsOf, findAction, repliesText, startTestBot, type TestBot } from '../support/harness';

const EAST_ADMIN = 'admin@contosoeast.com';

async function readyz(bot: TestBot): Promise<{ status: number; text: string }> {
  const res = await fetch(`${bot.url}/readyz`);
  return { status: res.status, text: await res.text() };
}

describe('GET /readyz', () => {
  let bot: TestBot;
  beforeEach(async () => {
    bot = await startTestBot();
  });
  afterEach(() => bot.close());

  it('is 200 while the store takes writes', async () => {
    expect(await readyz(bot)).toEqual({ status: 200, text: JSON.stringify({ status: 'ready' }) });
  });

  it('is 503 once the store lost its lock file, without saying where the store is; the bot keeps answering', async () => {
    unlinkSync(`${bot.storeFile}.lock`);
    const probe = await readyz(bot);
    expect(probe).toEqual({ status: 503, text: JSON.stringify({ status: 'unavailable' }) });
    expect(probe.text).not.toContain(bot.dir);
    // Why is the operator's business: the log says it once, naming the lock file.
    expect(bot.logs.lines()).toContainEqual(expect.objectContaining({ level: 'error', msg: 'store: not ready', reason: expect.stringContaining('lock') }));
    expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
    expect((await bot.say('rob@contosoeast.com', 'show settings')).length).toBeGreaterThan(0);
  });

  it('is 503 once another process took the lock, and a Confirm then changes nothing', async () => {
    const preview = await bot.say(EAST_ADMIN, 'block fabrikam.com');
    const before = bot.storeBytes();
    writeFileSync(`${bot.storeFile}.lock`, JSON.stringify({ pid: 1, startedAt: '2026-01-01T00:00:00.000Z' }));
    expect((await readyz(bot)).status).toBe(503);
    const confirm = cardsOf(preview).map((c) => findAction(c, /^Confirm/)).find(Boolean);
    if (!confirm) throw new Error('no Confirm button');
    const replies = await bot.invoke(EAST_ADMIN, confirm.verb, confirm.data);
    expect(repliesText(replies) + JSON.stringify(replies)).toMatch(/Nothing was changed/);
    expect(bot.storeBytes().equals(before)).toBe(true);
  });
});
