import { quietLogger } from '../support/logs';
import autocannon from 'autocannon';
import * as restify from 'restify';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { startApp } from '../../src/app';
import { createAdapter } from '../../src/bot/adapter';
import { parseConfig } from '../../src/config';

/**
 * Four servers in one run: our bot answering "show settings", a bare botbuilder echo bot (the
 * framework's floor), the same echo bot on our adapter (which reuses connector clients, so the
 * difference to it is our turn's own cost) and a bare restify route returning small JSON (the HTTP
 * limit). Printed as requests per second, p50/p99 latency and ratios; the target is ours ≥ 80% of
 * the bare echo bot.
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
 * went first. Every server is warmed up, then measured in interleaved rounds. Each server's row is
 * its median round; each ratio is the median of the per-round ratios (the two runs of a round are
 * seconds apart, so they see the same machine).
 */
async function measure(targets: Target[], rounds = 5): Promise<autocannon.Result[][]> {
  for (const t of targets) await once(t, 2);
  const results: autocannon.Result[][] = targets.map(() => []);
  for (let r = 0; r < rounds; r++) for (const [i, t] of targets.entries()) results[i]?.push(await once(t, 2));
  return results;
}

function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

const medianRound = (rs: autocannon.Result[]): autocannon.Result => {
  const m = median(rs.map((r) => r.requests.average));
  return rs.find((r) => r.requests.average === m) as autocannon.Result;
};

const ratio = (a: autocannon.Result[], b: autocannon.Result[]): number => median(a.map((r, i) => r.requests.average / (b[i] as autocannon.Result).requests.average));

function listen(server: restify.Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server.address().port)));
}

async function echoServer(adapter: CloudAdapter): Promise<{ port: number; close: () => void }> {
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
  const started = await startApp(cfg.config, { seedFile: path.resolve(__dirname, '../../../data/demo-policy.json'), logger: quietLogger });
  if (!started.ok) throw new Error(started.error);
  const echo = await echoServer(new CloudAdapter(new ConfigurationBotFrameworkAuthentication({})));
  const echoOurs = await echoServer(createAdapter({ MicrosoftAppType: '', MicrosoftAppId: '', MicrosoftAppPassword: '', MicrosoftAppTenantId: '' }, quietLogger));
  const bare = await bareServer();
  try {
    const [ours, floor, sameAdapter, limit] = (await measure([
      { url: `http://127.0.0.1:${started.app.port}/api/messages`, body: activity('show settings') },
      { url: `http://127.0.0.1:${echo.port}/api/messages`, body: activity('hello') },
      { url: `http://127.0.0.1:${echoOurs.port}/api/messages`, body: activity('hello') },
      { url: `http://127.0.0.1:${bare.port}/ping` },
    ])) as [autocannon.Result[], autocannon.Result[], autocannon.Result[], autocannon.Result[]];
    const target = ratio(ours, floor);
    const pct = (x: number) => `${(x * 100).toFixed(0)}%`;
    return [
      'HTTP throughput (autocannon, 10 connections; 5 interleaved 2 s rounds after a 2 s warm-up each; rows are median rounds, ratios medians of per-round ratios)',
      row('our bot: "show settings" (card)', medianRound(ours)),
      row('bare botbuilder echo bot', medianRound(floor)),
      row('echo bot on our adapter', medianRound(sameAdapter)),
      row('bare restify JSON route', medianRound(limit)),
      `ours / bare echo bot = ${pct(target)} (target ≥ 80%) ${target >= 0.8 ? 'OK' : 'BELOW TARGET'}`,
      `ours / echo bot on our adapter = ${pct(ratio(ours, sameAdapter))} (our turn's own cost: parse, identity, policy, card)`,
      `echo bot on our adapter / bare echo bot = ${pct(ratio(sameAdapter, floor))} (reusing connector clients)`,
      `bare echo bot / bare restify = ${pct(ratio(floor, limit))}`,
    ];
  } finally {
    echo.close();
    echoOurs.close();
    bare.close();
    await started.app.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  benchServer().then((lines) => console.log(lines.join('\n')));
}
