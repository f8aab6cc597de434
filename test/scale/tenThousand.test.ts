import { actionData, cards, startScaleBot, type Activity, type ScaleBot } from './bigBot';

/**
 * The 10,000-organization store (grown like test/store/bigStore.ts, 4,000-domain lists): every
 * request people make first answers, through the real HTTP endpoint, and the state card stays under
 * the 40 KB message limit. No timing is asserted (benchmarks measure time); a quadratic path would
 * run out of memory or past the generous timeout.
 */
const ADMIN = 'admin@contosoeast.com';
const bytes = (card: unknown): number => Buffer.byteLength(JSON.stringify(card));
const text = (replies: Activity[]): string => JSON.stringify(cards(replies));

describe('10,000 organizations', () => {
  let bot: ScaleBot;
  beforeAll(async () => {
    bot = await startScaleBot(10_000, 4000);
  }, 120_000);
  afterAll(() => bot?.close());

  it('show settings: the own settings, the organizations that matter, an offer of the paged matrix, under 40 KB', async () => {
    const replies = await bot.say(ADMIN, 'show settings');
    const [card] = cards(replies);
    expect(card).toBeDefined();
    expect(bytes(card)).toBeLessThan(40_000);
    const t = text(replies);
    expect(t).toContain('External access — Contoso East');
    expect(t).toContain('10,003 organizations are known: too many for a grid here.');
    expect(t).toMatch(/Showing 10 of 10,004 counterparts/);
    expect(t).toContain('Show all 10,004');
  });

  it('a recent partner comes first on the settings card', async () => {
    await bot.say(ADMIN, 'can rob@contosoeast.com reach rob@org9876.example.com?');
    const facts = JSON.stringify(cards(await bot.say(ADMIN, 'show settings')));
    expect(facts.indexOf('Organization 9876')).toBeGreaterThan(-1);
    expect(facts.indexOf('Organization 9876')).toBeLessThan(facts.indexOf('Organization 0"'));
  });

  it('who can reach whom: the first page of pairs, with Next', async () => {
    const replies = await bot.say(ADMIN, 'who can reach whom?');
    const t = text(replies);
    expect(t).toContain('Who can reach whom (page 1 of 2,501,251)');
    expect(t).toContain('Contoso East → Contoso West');
    const next = actionData(replies, 'run');
    expect(next).toEqual({ command: { kind: 'matrix', page: 1 } });
    const page2 = await bot.invoke(ADMIN, 'run', next!);
    expect(text(page2)).toContain('page 2 of 2,501,251');
  });

  it('who can we talk to: paged, the last page ends with personal accounts and anyone else', async () => {
    const replies = await bot.invoke(ADMIN, 'run', { command: { kind: 'whoCanWeTalkTo', page: 100_000 } });
    const t = text(replies);
    expect(t).toContain('of 10,004.');
    expect(t).toContain('personal Teams accounts');
    expect(t).toContain('any other organization');
  });

  it('a verdict', async () => {
    expect(text(await bot.say(ADMIN, 'can rob@contosoeast.com reach ann@contosowest.com?'))).toContain('Reachable');
  });

  it('a change preview, then Confirm commits it', async () => {
    const preview = await bot.say(ADMIN, 'turn off external access');
    const confirm = actionData(preview, 'confirm');
    expect(confirm).toBeDefined();
    const done = await bot.invoke(ADMIN, 'confirm', confirm!);
    expect(text(done)).toMatch(/External access \(AllowFederatedUsers\)/);
    const after = text(await bot.say(ADMIN, 'show settings'));
    expect(after).toContain('Off: nobody here can talk to other organizations');
  });

  it('/healthz answers while a heavy request runs', async () => {
    const heavy = bot.say(ADMIN, 'turn on external access');
    const health = await fetch(`${bot.url}/healthz`);
    expect(health.status).toBe(200);
    expect(actionData(await heavy, 'confirm')).toBeDefined();
  });
});
