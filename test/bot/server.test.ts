import { startTestBot, type TestBot } from '../support/harness';

describe('server', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startTestBot();
  });
  afterAll(() => bot.close());

  it('answers /healthz with status and version, never the store path', async () => {
    const res = await fetch(`${bot.url}/healthz`);
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({ status: 'ok', version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
    expect(text).not.toContain(bot.dir);
  });

  it.each([
    ['not JSON', '{"type": "message",', { 'content-type': 'application/json' }],
    ['a JSON array', '[1,2,3]', { 'content-type': 'application/json' }],
    ['a JSON string', '"hello"', { 'content-type': 'application/json' }],
    ['an object without type', '{"text":"hi"}', { 'content-type': 'application/json' }],
    ['a type that is not a string', '{"type": 42}', { 'content-type': 'application/json' }],
    ['plain text', 'block contoso.com', { 'content-type': 'text/plain' }],
    ['an empty body', '', { 'content-type': 'application/json' }],
    ['a message missing conversation', '{"type":"message","text":"hi","deliveryMode":"expectReplies"}', { 'content-type': 'application/json' }],
  ])('rejects %s with a 4xx and stays healthy', async (_name, body, headers) => {
    const before = bot.storeBytes();
    const res = await fetch(`${bot.url}/api/messages`, { method: 'POST', headers, body });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
    expect(bot.storeBytes().equals(before)).toBe(true);
  });

  it('answers a HEAD probe of the endpoint without an error', async () => {
    const res = await fetch(`${bot.url}/api/messages`, { method: 'HEAD' });
    expect(res.status).toBe(204);
  });

  it('still answers a real activity after the malformed ones', async () => {
    const replies = await bot.say('rob@contosoeast.com', 'help');
    expect(replies.length).toBeGreaterThan(0);
  });
});

describe('server with MicrosoftAppId set', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startTestBot({ MicrosoftAppId: '00000000-0000-0000-0000-000000000001', MicrosoftAppPassword: 'secret' });
  });
  afterAll(() => bot.close());

  it('answers an unauthenticated request with 401', async () => {
    const res = await bot.post({
      type: 'message',
      text: 'help',
      channelId: 'msteams',
      serviceUrl: 'http://127.0.0.1:9/',
      from: { id: 'rob@contosoeast.com' },
      recipient: { id: 'bot' },
      conversation: { id: 'c1' },
    });
    expect(res.status).toBe(401);
  });

  it('answers a forged bearer token with 401', async () => {
    const res = await bot.post(
      { type: 'message', text: 'help', channelId: 'msteams', serviceUrl: 'http://127.0.0.1:9/', from: { id: 'x' }, recipient: { id: 'bot' }, conversation: { id: 'c1' } },
      { authorization: 'Bearer not.a.jwt' },
    );
    expect(res.status).toBe(401);
  });
});
