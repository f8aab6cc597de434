import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { withoutPaths } from '../../src/bot/redact';
import { allText, startTestBot, step, type TestBot } from '../support/harness';
import { adminActivity } from './rawHttp';

const valid = adminActivity('malformed', 'm1');

describe('malformed activities', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startTestBot();
  });
  afterAll(() => bot.close());

  it.each([
    ['text that is a number', { text: 42 }],
    ['text that is an object', { text: { toString: 'x' } }],
    ['from.id that is a number', { from: { id: 7 } }],
    ['from.id that is an array', { from: { id: ['admin@contosoeast.com'] } }],
    ['no from', { from: undefined }],
    ['no recipient', { recipient: undefined }],
    ['recipient without id', { recipient: { name: 'bot' } }],
    ['conversation.id that is a number', { conversation: { id: 1 } }],
    ['an empty type', { type: '' }],
    ['no serviceUrl', { serviceUrl: undefined }],
    ['no channelId', { channelId: undefined }],
    ['entities that are not a list', { entities: 'mention' }],
    ['channelData that is a string', { channelData: 'x' }],
    ['membersAdded with a bad member', { type: 'conversationUpdate', membersAdded: [{ id: 3 }] }],
  ])('%s → 400 naming the field, nothing changed, still healthy', async (_name, patch) => {
    const before = bot.storeBytes();
    const res = await bot.post({ ...valid, ...patch });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toMatch(/^server: the body must be a Bot Framework activity/);
    expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
    expect(bot.storeBytes().equals(before)).toBe(true);
  });

  it('/healthz does not tell where the store is', async () => {
    const text = await (await fetch(`${bot.url}/healthz`)).text();
    expect(text).not.toContain(bot.dir);
    expect(text).not.toMatch(/policy\.json|\/tmp|\\/);
  });
});

describe('chat errors', () => {
  it.each([
    ['store: /srv/bot/data/policy.json: could not save the change: EISDIR', 'store: policy.json: could not save the change: EISDIR'],
    ["rename '/tmp/fa/policy.json.tmp' -> '/tmp/fa/policy.json'", "rename 'policy.json.tmp' -> 'policy.json'"],
    ['store: C:\\bot\\data\\policy.json is closed', 'store: policy.json is closed'],
    ['open https://teams.microsoft.com/l/app and http://127.0.0.1:3978/api/messages', 'open https://teams.microsoft.com/l/app and http://127.0.0.1:3978/api/messages'],
    ['Allow only contoso.com/fabrikam.com', 'Allow only contoso.com/fabrikam.com'],
  ])('never show absolute paths: %s', (raw, shown) => {
    expect(withoutPaths(raw)).toBe(shown);
  });

  it('a store that cannot be written answers without the file path', async () => {
    const bot = await startTestBot();
    try {
      const preview = await bot.say('admin@contosoeast.com', 'turn off external access');
      expect(allText(preview)).toMatch(/Confirm/);
      // The store file becomes a folder with something in it: the write (a rename onto it) fails.
      rmSync(bot.storeFile);
      mkdirSync(bot.storeFile);
      writeFileSync(path.join(bot.storeFile, 'keep'), 'x');
      const replies = await step(bot, 'admin@contosoeast.com', '!Confirm', preview);
      const text = allText(replies);
      expect(text).toMatch(/could not|nothing was changed/i);
      expect(text).not.toContain(bot.dir);
    } finally {
      rmSync(bot.storeFile, { recursive: true, force: true });
      await bot.close();
    }
  });
});
