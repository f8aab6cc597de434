import { cardsOf, findAction, startTestBot, type TestBot } from '../support/harness';

const EAST_ADMIN = 'admin@contosoeast.com';

/** The value of one sample line of the Prometheus text, e.g. `name{label="x"}`; 0 when absent. */
function sample(text: string, series: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? 0 : Number(line.slice(series.length + 1));
}

async function scrape(bot: TestBot): Promise<string> {
  const res = await fetch(`${bot.url}/metrics`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  return res.text();
}

describe('GET /metrics', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startTestBot();
  });
  afterAll(() => bot.close());

  it('counts a preview and its Confirm, times the commit, and follows the pending confirmations', async () => {
    const before = await scrape(bot);
    const preview = await bot.say(EAST_ADMIN, 'block fabrikam.com');
    const during = await scrape(bot);
    expect(sample(during, 'federation_assistant_pending_confirmations')).toBe(sample(before, 'federation_assistant_pending_confirmations') + 1);

    const confirm = cardsOf(preview).map((c) => findAction(c, /^Confirm/)).find(Boolean);
    if (!confirm) throw new Error('no Confirm button');
    await bot.invoke(EAST_ADMIN, confirm.verb, confirm.data);
    const after = await scrape(bot);

    const delta = (series: string): number => sample(after, series) - sample(before, series);
    expect(delta('federation_assistant_turns_total{kind="change",result="previewed"}')).toBe(1);
    expect(delta('federation_assistant_turns_total{kind="confirm",result="confirmed"}')).toBe(1);
    expect(delta('federation_assistant_turn_duration_seconds_count{kind="confirm"}')).toBe(1);
    expect(delta('federation_assistant_store_commit_duration_seconds_count{result="ok"}')).toBe(1);
    expect(sample(after, 'federation_assistant_pending_confirmations')).toBe(sample(before, 'federation_assistant_pending_confirmations'));
  });

  it('shows the store size: its organizations and the bytes of its state file', async () => {
    const text = await scrape(bot);
    expect(sample(text, 'federation_assistant_store_organizations')).toBe(bot.storeJson().organizations.length);
    expect(sample(text, 'federation_assistant_store_bytes')).toBe(bot.storeBytes().length);
  });

  it('never shows a path, an address or a domain', async () => {
    await bot.say('rob@contosoeast.com', 'can rob@contosoeast.com chat with ann@contosowest.com?');
    const text = await scrape(bot);
    expect(text).not.toContain(bot.dir);
    expect(text).not.toMatch(/@|contosoeast|fabrikam\.com|policy\.json/);
  });

  it('keeps apps apart: a second app in the same process starts from zero', async () => {
    const other = await startTestBot();
    try {
      expect(sample(await scrape(other), 'federation_assistant_turns_total{kind="change",result="previewed"}')).toBe(0);
    } finally {
      await other.close();
    }
  });
});

describe('METRICS=off', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startTestBot({ METRICS: 'off' });
  });
  afterAll(() => bot.close());

  it('has no /metrics route, and the bot still answers', async () => {
    expect((await fetch(`${bot.url}/metrics`)).status).toBe(404);
    expect((await bot.say('rob@contosoeast.com', 'help')).length).toBeGreaterThan(0);
  });
});
