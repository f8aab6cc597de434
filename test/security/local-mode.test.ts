import { quietLogger } from '../support/logs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startApp } from '../../src/app';
import { parseConfig } from '../../src/config';
import { listeningOn } from '../../src/server';
import { allText, DEMO_SEED, startTestBot, type TestBot } from '../support/harness';
import { rawPost } from './rawHttp';

/** Starts the real app from an environment and returns the address it bound. */
async function boundAddress(env: Record<string, string>): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'fa-sec-'));
  try {
    const loaded = parseConfig({ PORT: '0', POLICY_DB: path.join(dir, 'policy.json'), ...env });
    if (!loaded.ok) throw new Error(loaded.error);
    const started = await startApp(loaded.config, { seedFile: DEMO_SEED, logger: quietLogger });
    if (!started.ok) throw new Error(started.error);
    await started.app.close();
    return started.app.address;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const auth = { MicrosoftAppId: '00000000-0000-0000-0000-000000000001', MicrosoftAppPassword: 'secret' };

describe('where the bot listens', () => {
  it.each([
    ['authentication off: this machine only', {}, ['127.0.0.1']],
    ['authentication off, HOST set to loopback explicitly', { HOST: '127.0.0.1' }, ['127.0.0.1']],
    ['authentication on: every interface, as before', auth, ['::', '0.0.0.0']],
    ['authentication on, HOST set', { ...auth, HOST: '127.0.0.1' }, ['127.0.0.1']],
  ])('%s', async (_name, env, expected) => {
    expect(expected).toContain(await boundAddress(env));
  });

  it.each([
    ['127.0.0.1', 3978, 'http://127.0.0.1:3978/api/messages'],
    ['::1', 3978, 'http://[::1]:3978/api/messages'],
    ['::', 3978, 'every interface (::), port 3978: http://<this machine>:3978/api/messages'],
    ['0.0.0.0', 80, 'every interface (0.0.0.0), port 80: http://<this machine>:80/api/messages'],
  ])('the start-up line says the bound address %s as it is', (address, port, line) => {
    expect(listeningOn(address, port)).toBe(line);
  });
});

describe('local mode (authentication off) against other web pages and other hosts', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startTestBot();
  });
  afterAll(() => bot.close());

  const activity = (text: string, serviceUrl = 'http://127.0.0.1:9/') => ({
    type: 'message',
    id: `local-${text}`,
    channelId: 'emulator',
    serviceUrl,
    from: { id: 'admin@contosoeast.com' },
    recipient: { id: 'federation-assistant' },
    conversation: { id: 'local-conv', conversationType: 'personal' },
    deliveryMode: 'expectReplies',
    text,
  });

  // What a hostile page can make a browser send without a preflight: a form (urlencoded or
  // multipart) or text/plain whose bytes are JSON.
  it.each([
    ['a urlencoded form post', 'application/x-www-form-urlencoded', `x=${encodeURIComponent(JSON.stringify(activity('turn off external access')))}`],
    ['a text/plain body that is JSON', 'text/plain', JSON.stringify(activity('turn off external access'))],
    ['a multipart form', 'multipart/form-data; boundary=b', `--b\r\nContent-Disposition: form-data; name="x"\r\n\r\n${JSON.stringify(activity('turn off external access'))}\r\n--b--\r\n`],
    ['JSON with a foreign charset', 'application/json; charset=utf-16', JSON.stringify(activity('turn off external access'))],
    ['a JSON-looking type', 'application/jsonx', JSON.stringify(activity('turn off external access'))],
  ])('%s is refused with 415 and changes nothing', async (_name, contentType, body) => {
    const before = bot.storeBytes();
    const res = await rawPost(`${bot.url}/api/messages`, { 'content-type': contentType }, body);
    expect(res.status).toBe(415);
    // The form post that once made a confirmed change: Confirm arrives the same way and is refused too.
    const confirm = await rawPost(`${bot.url}/api/messages`, { 'content-type': contentType }, JSON.stringify(activity('confirm')));
    expect(confirm.status).toBe(415);
    expect(bot.storeBytes().equals(before)).toBe(true);
  });

  it.each([
    'https://attacker.example/',
    'http://127.0.0.1.attacker.example/',
    'http://localhost.attacker.example:9/',
    'http://10.0.0.1:9/',
    'http://[::ffff:10.0.0.1]:9/',
    'file:///etc/passwd',
    'not a url',
  ])('replies go only to this machine: serviceUrl %s is refused with 400 before the turn', async (serviceUrl) => {
    const before = bot.storeBytes();
    const res = await bot.post(activity('turn off external access', serviceUrl));
    expect(res.status).toBe(400);
    // Nothing is pending from the refused request: a Confirm from this machine finds nothing to confirm.
    const replies = await bot.say('admin@contosoeast.com', 'confirm', { conversation: { id: 'local-conv', conversationType: 'personal' } });
    expect(allText(replies)).not.toMatch(/AllowFederatedUsers.*off|turned off/i);
    expect(bot.storeBytes().equals(before)).toBe(true);
  });

  it.each([
    ['a rebound DNS name', 'attacker.example:3978'],
    ['a LAN name', 'workstation.local'],
    ['a loopback-looking subdomain', '127.0.0.1.attacker.example'],
    ['credentials in the host', 'localhost@attacker.example'],
  ])('a request addressed to %s (DNS rebinding) is refused before anything is read', async (_name, host) => {
    const before = bot.storeBytes();
    const res = await rawPost(`${bot.url}/api/messages`, { 'content-type': 'application/json', host }, JSON.stringify(activity('turn off external access')));
    expect(res.status).toBe(421);
    expect(bot.storeBytes().equals(before)).toBe(true);
  });

  it.each(['localhost', '127.0.0.1', '[::1]'])('a request addressed to %s is served', async (name) => {
    const port = new URL(bot.url).port;
    const res = await rawPost(`${bot.url}/api/messages`, { 'content-type': 'application/json', host: `${name}:${port}` }, JSON.stringify(activity('help')));
    expect(res.status).toBe(200);
  });

  it.each(['http://localhost:9/', 'http://127.0.0.2:9/', 'http://[::1]:9/'])('a loopback serviceUrl %s is served', async (serviceUrl) => {
    const res = await bot.post(activity('help', serviceUrl));
    expect(res.status).toBe(200);
  });
});
