import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { attachmentUrl, checkUrl, DEFAULT_ATTACHMENT_POLICY, fetchAttachment, TEAMS_FILE_DOWNLOAD } from '../../src/bot/attachments';

const production = DEFAULT_ATTACHMENT_POLICY;
const local = { ...DEFAULT_ATTACHMENT_POLICY, local: true };

describe('which attachment addresses are fetched', () => {
  it.each([
    ['https://contoso-my.sharepoint.com/personal/x/_layouts/15/download.aspx?UniqueId=1', true],
    ['https://smba.trafficmanager.net/amer/v3/attachments/1/views/original', true],
    ['https://eastus.botframework.com/v3/attachments/1', true],
    ['http://contoso-my.sharepoint.com/x', false],
    ['https://sharepoint.com.evil.example/x', false],
    ['https://evil.example/x?host=.sharepoint.com', false],
    ['http://127.0.0.1:8080/x', false],
    ['file:///etc/passwd', false],
    ['not a url', false],
  ])('%s in production: %s', (url, ok) => {
    expect(checkUrl(url, production).ok).toBe(ok);
  });

  it('local mode adds http from this machine only', () => {
    expect(checkUrl('http://127.0.0.1:8080/x', local).ok).toBe(true);
    expect(checkUrl('http://localhost:8080/x', local).ok).toBe(true);
    expect(checkUrl('http://10.0.0.5/x', local).ok).toBe(false);
  });

  it('reads downloadUrl of a Teams upload and contentUrl of other channels', () => {
    expect(attachmentUrl({ contentType: TEAMS_FILE_DOWNLOAD, contentUrl: 'https://x.sharepoint.com/ignored', content: { downloadUrl: 'https://x.sharepoint.com/d' } })).toBe('https://x.sharepoint.com/d');
    expect(attachmentUrl({ contentType: 'application/json', contentUrl: 'https://a.botframework.com/1' })).toBe('https://a.botframework.com/1');
    expect(attachmentUrl({ contentType: 'application/vnd.microsoft.card.adaptive', content: {} })).toBeUndefined();
  });
});

describe('fetching within limits', () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/big') res.end('x'.repeat(4096));
      else if (req.url === '/redirect') {
        res.statusCode = 302;
        res.setHeader('location', 'http://127.0.0.1:1/elsewhere');
        res.end();
      } else if (req.url === '/hang') res.write('partial');
      else res.end('{"ok":true}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.closeAllConnections();
    return new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('returns the text', async () => {
    expect(await fetchAttachment(`${base}/ok`, local)).toEqual({ ok: true, text: '{"ok":true}' });
  });

  it('stops at the size cap', async () => {
    const r = await fetchAttachment(`${base}/big`, { ...local, maxBytes: 1024 });
    expect(r).toEqual({ ok: false, reason: expect.stringMatching(/larger than 1 KB/) });
  });

  it('does not follow a redirect', async () => {
    const r = await fetchAttachment(`${base}/redirect`, local);
    expect(r.ok).toBe(false);
  });

  it('gives up when the file does not arrive in time', async () => {
    const r = await fetchAttachment(`${base}/hang`, { ...local, timeoutMs: 200 });
    expect(r).toEqual({ ok: false, reason: 'the file did not arrive within 0.2 seconds' });
  });

  it('refuses a production fetch of a local address without connecting', async () => {
    expect(await fetchAttachment(`${base}/ok`, production)).toEqual({ ok: false, reason: 'I only fetch attachments over https' });
  });
});
