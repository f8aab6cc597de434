import { gzipSync, createGzip } from 'node:zlib';
import { ADMINS, startTestBot, type TestBot } from '../support/harness';
import { adminActivity, rawPost } from './rawHttp';

/** A Bot Framework activity the demo admin could send; the attacks wrap it in hostile encodings. */
const activity = JSON.stringify(adminActivity('attack', 'attack'));

/** `megabytes` of zeros, gzipped a megabyte at a time so the test itself never holds the inflated size. */
function gzipBomb(megabytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const gz = createGzip({ level: 9 });
    const out: Buffer[] = [];
    gz.on('data', (c: Buffer) => out.push(c));
    gz.on('end', () => resolve(Buffer.concat(out)));
    gz.on('error', reject);
    const zeros = Buffer.alloc(1024 * 1024);
    for (let i = 0; i < megabytes; i++) gz.write(zeros);
    gz.end();
  });
}

const gzipped = gzipSync(Buffer.from(activity));
const bigJson = JSON.stringify({ ...JSON.parse(activity), padding: 'x'.repeat(400 * 1024) });

const attacks: Array<[string, Record<string, string>, () => Promise<Buffer> | Buffer, number]> = [
  ['a body that is not gzip, labelled gzip', { 'content-encoding': 'gzip' }, () => Buffer.from(activity), 415],
  ['truncated gzip', { 'content-encoding': 'gzip' }, () => gzipped.subarray(0, Math.floor(gzipped.length / 2)), 415],
  ['valid gzip inflating past 256 KB', { 'content-encoding': 'gzip' }, () => gzipSync(Buffer.from(bigJson)), 415],
  ['a valid gzip activity (channels never compress)', { 'content-encoding': 'gzip' }, () => gzipped, 415],
  ['gzip spelled in capitals', { 'content-encoding': 'GZIP' }, () => gzipped, 415],
  ['deflate', { 'content-encoding': 'deflate' }, () => gzipped, 415],
  ['brotli', { 'content-encoding': 'br' }, () => gzipped, 415],
  ['a list of encodings', { 'content-encoding': 'identity, gzip' }, () => gzipped, 415],
  ['plain JSON over 256 KB', {}, () => Buffer.from(bigJson), 413],
];

describe.each([
  ['authentication off', {}],
  ['authentication on (refused before the 401)', { MicrosoftAppId: '00000000-0000-0000-0000-000000000001', MicrosoftAppPassword: 'secret' }],
])('hostile request bodies, %s', (_mode, env) => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startTestBot({ BOT_ADMINS: ADMINS, ...env });
  });
  afterAll(() => bot.close());

  it.each(attacks)('%s is refused before it is read, and the bot keeps answering', async (_name, headers, body, status) => {
    const before = bot.storeBytes();
    const res = await rawPost(`${bot.url}/api/messages`, { 'content-type': 'application/json', ...headers }, await body());
    expect(res.status).toBe(status);
    expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
    expect(bot.storeBytes().equals(before)).toBe(true);
  });

  it('a 240 KB gzip bomb (240 MB inflated) is refused without inflating it', async () => {
    const bomb = await gzipBomb(240);
    expect(bomb.length).toBeLessThan(256 * 1024);
    const rssBefore = process.memoryUsage().rss;
    for (let i = 0; i < 3; i++) {
      const res = await rawPost(`${bot.url}/api/messages`, { 'content-type': 'application/json', 'content-encoding': 'gzip' }, bomb);
      expect(res.status).toBe(415);
    }
    // Inflating even one of them would add 240 MB (the issue measured +1 GB per request).
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(64 * 1024 * 1024);
    expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
  });
});

describe('bodies that are allowed', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startTestBot();
  });
  afterAll(() => bot.close());

  it.each([
    ['no content-encoding', {}],
    ['content-encoding: identity', { 'content-encoding': 'identity' }],
    ['a UTF-8 charset', { 'content-type': 'application/json; charset=utf-8' }],
  ])('%s is read as usual', async (_name, headers) => {
    const res = await rawPost(`${bot.url}/api/messages`, { 'content-type': 'application/json', ...headers }, activity.replace('turn off external access', 'help'));
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body).activities.length).toBeGreaterThan(0);
  });
});
