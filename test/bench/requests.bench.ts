/**
 * The requests people make first, through the real HTTP endpoint, on the demo store and on the
 * 10,000-organization store (grown like test/store/bigStore.ts): each measured cold (right after a
 * change, so no cache hides the work) and warm, reported as the 10,000-org / demo ratio of medians.
 * Meanwhile /healthz is probed every 25 ms: its worst latency shows whether a request blocks the event
 * loop. Resident memory is read after each store's requests, after a garbage collection.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { actionData, startScaleBot, type ScaleBot } from '../scale/bigBot';

const ADMIN = 'admin@contosoeast.com';
const ROUNDS = 5;
const TARGETS = { read: 20, write: 100, healthz: 200, memory: 10 };

interface Request {
  name: string;
  kind: 'read' | 'write';
  run: (bot: ScaleBot, round: number) => Promise<void>;
}

/** Federation off, then on again: both need a Confirm with the old and the new bot, and both change the store. */
async function changeAndConfirm(bot: ScaleBot, round: number): Promise<void> {
  const preview = await bot.say(ADMIN, round % 2 === 0 ? 'turn off external access' : 'turn on external access');
  const confirm = actionData(preview, 'confirm');
  if (!confirm) throw new Error('bench: the preview has no Confirm button');
  const done = await bot.invoke(ADMIN, 'confirm', confirm);
  if (done.length === 0) throw new Error('bench: Confirm answered nothing');
}

const say = (text: string) => async (bot: ScaleBot): Promise<void> => {
  const replies = await bot.say(ADMIN, text);
  if (replies.length === 0) throw new Error(`bench: no answer to "${text}"`);
};

const REQUESTS: Request[] = [
  { name: 'show settings', kind: 'read', run: say('show settings') },
  { name: 'who can reach whom (page 1)', kind: 'read', run: say('who can reach whom?') },
  { name: 'verdict', kind: 'read', run: say('can rob@contosoeast.com reach ann@contosowest.com?') },
  { name: 'change preview', kind: 'write', run: say('block fabrikam.com') },
];

interface Measured {
  cold: Map<string, number[]>;
  warm: Map<string, number[]>;
  healthzWorst: number;
  rss: number;
  storeBytes: number;
}

const time = async (f: () => Promise<void>): Promise<number> => {
  const start = performance.now();
  await f();
  return performance.now() - start;
};

/** Polls /healthz until stopped; resolves with the worst latency seen. */
function probeHealth(url: string): { stop: () => Promise<number> } {
  let running = true;
  let worst = 0;
  const loop = (async () => {
    while (running) {
      const start = performance.now();
      const res = await fetch(`${url}/healthz`);
      await res.arrayBuffer();
      worst = Math.max(worst, performance.now() - start);
      await new Promise((r) => setTimeout(r, 25));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return worst;
    },
  };
}

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

async function measureStore(extraOrgs: number, domainsPerList: number): Promise<Measured> {
  const bot = await startScaleBot(extraOrgs, domainsPerList);
  const cold = new Map<string, number[]>();
  const warm = new Map<string, number[]>();
  const push = (m: Map<string, number[]>, k: string, v: number) => m.set(k, [...(m.get(k) ?? []), v]);
  // A first round warms the JIT and the process; it is not counted.
  for (const r of REQUESTS) await r.run(bot, 0);
  let round = 0;
  await changeAndConfirm(bot, round++);
  const probe = probeHealth(bot.url);
  for (let i = 0; i < ROUNDS; i++) {
    for (const r of REQUESTS) {
      await changeAndConfirm(bot, round++);
      push(cold, r.name, await time(() => r.run(bot, round)));
      push(warm, r.name, await time(() => r.run(bot, round)));
    }
    push(cold, 'change + Confirm', await time(() => changeAndConfirm(bot, round++)));
    push(warm, 'change + Confirm', await time(() => changeAndConfirm(bot, round++)));
  }
  const healthzWorst = await probe.stop();
  gc();
  const rss = process.memoryUsage().rss;
  await bot.close();
  gc();
  return { cold, warm, healthzWorst, rss, storeBytes: bot.storeBytes };
}

const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const ms = (x: number): string => `${x.toFixed(1)} ms`.padStart(10);
const mb = (x: number): string => `${(x / 1e6).toFixed(0)} MB`;

export async function benchRequests(): Promise<string[]> {
  const demo = await measureStore(0, 0);
  const big = await measureStore(10_000, 4000);
  const lines = [
    `demo store (${(demo.storeBytes / 1e3).toFixed(1)} KB) vs 10,000 organizations with 4,000-domain lists (${mb(big.storeBytes)} of JSON); medians of ${ROUNDS} rounds, cold = right after a change`,
    `${'request'.padEnd(28)} ${'demo cold'.padStart(10)} ${'10k cold'.padStart(10)} ratio  ${'demo warm'.padStart(10)} ${'10k warm'.padStart(10)} ratio  target`,
  ];
  const names = [...REQUESTS.map((r) => [r.name, r.kind] as const), ['change + Confirm', 'write'] as const];
  for (const [name, kind] of names) {
    const target = kind === 'read' ? TARGETS.read : TARGETS.write;
    const row = (['cold', 'warm'] as const).map((phase) => {
      const d = median(demo[phase].get(name) ?? []);
      const b = median(big[phase].get(name) ?? []);
      const ratio = b / Math.max(d, 0.01);
      return `${ms(d)} ${ms(b)} ${`${ratio.toFixed(1)}×`.padStart(6)}${ratio <= target ? ' ' : '!'}`;
    });
    lines.push(`${name.padEnd(28)} ${row.join(' ')} ≤ ${target}×`);
  }
  const worst = Math.max(demo.healthzWorst, big.healthzWorst);
  lines.push(`worst /healthz latency during the requests: demo ${ms(demo.healthzWorst)}, 10k ${ms(big.healthzWorst)} (target ≤ ${TARGETS.healthz} ms) ${worst <= TARGETS.healthz ? 'OK' : 'SLOW'}`);
  const allowed = demo.rss + TARGETS.memory * big.storeBytes;
  lines.push(
    `resident memory after the requests: demo ${mb(demo.rss)}, 10k ${mb(big.rss)} (target ≤ demo + ${TARGETS.memory}× store JSON = ${mb(allowed)}; 10k − demo = ${((big.rss - demo.rss) / big.storeBytes).toFixed(1)}× the JSON) ${big.rss <= allowed ? 'OK' : 'OVER'}`,
  );
  return lines;
}

if (require.main === module) {
  benchRequests().then(
    (lines) => lines.forEach((l) => console.log(l)),
    (err: unknown) => {
      console.error('bench: requests failed', err);
      process.exitCode = 1;
    },
  );
}
