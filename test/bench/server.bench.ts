import autocannon from 'autocannon';
import * as restify from 'restify';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { startApp } from '../../src/app';
import { parseConfig } from '../../src/config';

/**
 * Three servers in one run: our bot answering "show settings", a bare botbuilder echo bot (the
 * framework's floor) and a bare restify route returning small JSON (the HTTP limit). Printed as
 * requests per second, p50/p99 latency and ratios; the target is ours ≥ 80% of the echo bot.
 */
const activity = (text: string) =>
  JSON.stringify({
    type: 'message',
    channelId: 'bench',
    serviceUrl: 'http://127.0.0.1:9/',
    deliveryMode: 'expectReplies',
    from: { id: 'rob@contosoeast.com' },
    recipient: { id: 'bot' },
    conversation: { id: 'bench' },
    text,
  });

type Target = { url: string; body?: string };

function once(t: Target, duration: number): Promise<autocannon.Result> {
  return autocannon({ url: t.url, method: t.body ? 'POST' : 'GET', headers: { 'content-type': 'application/json' }, body: t.body, connections: 10, duration });
}

/**
 * Servers share one process and one noisy machine, so a single run per server mostly measures which
 * went first. Every server is warmed up, then measured in interleaved rounds; the median round counts.
 */
async function measure(targets: Target[], rounds = 3): Promise<autocannon.Result[]> {
  for (const t of targets) await once(t, 2);
  const results: autocannon.Result[][] = targets.map(() => []);
  for (let r = 0; r < rounds; r++) for (const [i, t] of targets.entries()) results[i]?.push(await once(t, 3));
  return results.map((rs) => [...rs].sort((a, b) => a.requests.average - b.requests.average)[Math.floor(rs.length / 2)] as autocannon.Result);
}

function listen(server: restify.Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server.address().port)));
}

async function echoServer(): Promise<{ port: number; close: () => void }> {
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  const bot = new ActivityHandler();
  bot.onMessage(async (context, next) => {
    await context.sendActivity(`echo: ${context.activity.text}`);
    await next();
  });
  const server = restify.createServer();
  server.use(restify.plugins.bodyParser());
  server.post('/api/messages', (req, res, next) => {
    adapter.process(req, res, (c) => bot.run(c)).finally(() => next());
  });
  return { port: await listen(server), close: () => server.close() };
}

async function bareServer(): Promise<{ port: number; close: () => void }> {
  const server = restify.createServer();
  server.get('/ping', (_req, res, next) => {
    res.send(200, { status: 'ok' });
    next();
  });
  return { port: await listen(server), close: () => server.close() };
}

const row = (name: string, r: autocannon.Result) =>
  `${name.padEnd(34)} ${r.requests.average.toFixed(0).padStart(7)} req/s   p50 ${String(r.latency.p50).padStart(4)} ms   p99 ${String(r.latency.p99).padStart(4)} ms   errors ${r.errors + r.non2xx}`;

export async function benchServer(): Promise<string[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'fa-bench-'));
  const cfg = parseConfig({ PORT: '0', POLICY_DB: path.join(dir, 'policy.json'), BOT_ADMINS: 'admin@contosoeast.com' });
  if (!cfg.ok) throw new Error(cfg.error);
  const started = await startApp(cfg.config, { seedFile: path.resolve(__dirname, '../../../data/demo-policy.json'), log: () => undefined });
  if (!started.ok) throw new Error(started.error);
  const echo = await echoServer();
  const bare = await bareServer();
  try {
    const [ours, floor, limit] = (await measure([
      { url: `http://127.0.0.1:${started.app.port}/api/messages`, body: activity('show settings') },
      { url: `http://127.0.0.1:${echo.port}/api/messages`, body: activity('hello') },
      { url: `http://127.0.0.1:${bare.port}/ping` },
    ])) as [autocannon.Result, autocannon.Result, autocannon.Result];
    const ratio = ours.requests.average / floor.requests.average;
    return [
      'HTTP throughput (autocannon, 10 connections; median of 3 interleaved 3 s rounds after a 2 s warm-up each)',
      row('our bot: "show settings" (card)', ours),
      row('bare botbuilder echo bot', floor),
      row('bare restify JSON route', limit),
      `ours / echo bot = ${(ratio * 100).toFixed(0)}% (target ≥ 80%) ${ratio >= 0.8 ? 'OK' : 'BELOW TARGET'}`,
      `echo bot / bare restify = ${((floor.requests.average / limit.requests.average) * 100).toFixed(0)}%`,
    ];
  } finally {
    echo.close();
    bare.close();
    await started.app.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  benchServer().then((lines) => console.log(lines.join('\n')));
}
