/**
 * The requests people make first, through the real HTTP endpoint, on the demo store and on the
 * 10,000-organization store (grown like test/store/bigStore.ts): each measured cold (right after a
 * change, so no cache hides the work) and warm, reported as the 10,000-org / demo ratio of medians.
 * The bot runs alone in a child process; meanwhile /healthz is probed every 25 ms, so its worst latency
 * shows whether a request blocks the bot's event loop. The bot's resident memory is read after its
 * requests, after a garbage collection.
 */
import { fork } from 'node:child_process';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { actionData, clientOf, writeSeed, type ScaleBot } from '../scale/bigBot';
import type { LoopPhase } from '../scale/botProcess';

type Bot = Pick<ScaleBot, 'say' | 'invoke' | 'url'>;

/** The bot in its own process, on a grown store; `memory()` asks it for its memory use. */
async function startBotProcess(extraOrgs: number, domainsPerList: number) {
  const { dir, seed, bytes } = writeSeed(extraOrgs, domainsPerList);
  // BENCH_CPU_PROF=<folder> writes a CPU profile of each bot process there, to find its long tasks.
  const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  const child = fork(path.join(__dirname, '../scale/botProcess.js'), [dir, seed], { execArgv: ['--expose-gc', ...profile], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  const next = <T>(key: string): Promise<T> =>
    new Promise((resolve, reject) => {
      const onMessage = (msg: Record<string, unknown>) => {
        if (!(key in msg)) return;
        child.off('message', onMessage);
        resolve(msg[key] as T);
      };
      child.on('message', onMessage);
      child.once('exit', (code) => reject(new Error(`bench: the bot process exited (${code})`)));
    });
  const url = await next<string>('url');
  return {
    bot: { url, ...clientOf(url) } as Bot,
    storeBytes: bytes,
    /** Tells the bot which request runs now, so its loop record is kept per request. */
    phase: (name: string) => child.send({ phase: name }),
    memory: async () => {
      const m = next<NodeJS.MemoryUsage>('memory');
      const loop = next<Record<string, LoopPhase>>('loop');
      child.send('memory');
      return { memory: await m, loop: await loop };
    },
    close: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.send('close');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const ADMIN = 'admin@contosoeast.com';
const ROUNDS = 5;
const TARGETS = { read: 20, write: 100, healthz: 200, memory: 10 };

interface Request {
  name: string;
  kind: 'read' | 'write';
  run: (bot: Bot, round: number) => Promise<void>;
}

/** Federation off, then on again: both need a Confirm with the old and the new bot, and both change the store. */
async function changeAndConfirm(bot: Bot, round: number): Promise<void> {
  const preview = await bot.say(ADMIN, round % 2 === 0 ? 'turn off external access' : 'turn on external access');
  const confirm = actionData(preview, 'confirm');
  if (!confirm) throw new Error('bench: the preview has no Confirm button');
  const done = await bot.invoke(ADMIN, 'confirm', confirm);
  if (done.length === 0) throw new Error('bench: Confirm answered nothing');
}

const say = (text: string) => async (bot: Bot): Promise<void> => {
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
  /** Worst /healthz latency while each request ran. */
  healthz: Map<string, number>;
  /** The bot's own worst event-loop delay and longest GC pauses while each request ran. */
  loop: Record<string, LoopPhase>;
  /** The bench process's own worst event-loop delay while it probed (ms). */
  clientDelay: number;
  rss: number;
  heap: number;
  storeBytes: number;
}

const time = async (f: () => Promise<void>): Promise<number> => {
  const start = performance.now();
  await f();
  return performance.now() - start;
};

/** Polls /healthz until stopped, keeping the worst latency per request being measured (`during`). */
function probeHealth(url: string, onPhase: (name: string) => void): { during: (name: string) => void; stop: () => Promise<Map<string, number>> } {
  let running = true;
  let current = 'between requests';
  const worst = new Map<string, number>();
  const loop = (async () => {
    while (running) {
      const name = current;
      const start = performance.now();
      const res = await fetch(`${url}/healthz`);
      await res.arrayBuffer();
      worst.set(name, Math.max(worst.get(name) ?? 0, performance.now() - start));
      await new Promise((r) => setTimeout(r, 25));
    }
  })();
  return {
    during: (name) => {
      current = name;
      onPhase(name);
    },
    stop: async () => {
      running = false;
      await loop;
      return worst;
    },
  };
}

async function measureStore(extraOrgs: number, domainsPerList: number): Promise<Measured> {
  const proc = await startBotProcess(extraOrgs, domainsPerList);
  const bot = proc.bot;
  const cold = new Map<string, number[]>();
  const warm = new Map<string, number[]>();
  const push = (m: Map<string, number[]>, k: string, v: number) => m.set(k, [...(m.get(k) ?? []), v]);
  // A first round warms the JIT and the process; it is not counted.
  for (const r of REQUESTS) await r.run(bot, 0);
  let round = 0;
  await changeAndConfirm(bot, round++);
  const probe = probeHealth(bot.url, proc.phase);
  // The probing side's own loop: a /healthz answered on time but read late is the client's delay, not the bot's.
  const clientDelay = monitorEventLoopDelay({ resolution: 10 });
  clientDelay.enable();
  for (let i = 0; i < ROUNDS; i++) {
    for (const r of REQUESTS) {
      probe.during('change + Confirm');
      await changeAndConfirm(bot, round++);
      probe.during(r.name);
      push(cold, r.name, await time(() => r.run(bot, round)));
      push(warm, r.name, await time(() => r.run(bot, round)));
    }
    probe.during('change + Confirm');
    push(cold, 'change + Confirm', await time(() => changeAndConfirm(bot, round++)));
    push(warm, 'change + Confirm', await time(() => changeAndConfirm(bot, round++)));
  }
  const healthz = await probe.stop();
  clientDelay.disable();
  const { memory, loop } = await proc.memory();
  await proc.close();
  return { cold, warm, healthz, loop, clientDelay: clientDelay.max / 1e6, rss: memory.rss, heap: memory.heapUsed, storeBytes: proc.storeBytes };
}

const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const ms = (x: number): string => `${x.toFixed(1)} ms`.padStart(10);
const pauses = (p: LoopPhase | undefined): string => (p?.gcPauses ?? []).map((g) => `${g.ms.toFixed(0)} ms ${g.kind}`).join(', ') || '—';
const mb = (x: number): string => `${(x / 1e6).toFixed(0)} MB`;

export async function benchRequests(): Promise<string[]> {
  const demo = await measureStore(0, 0);
  const big = await measureStore(10_000, 4000);
  const lines = [
    `demo store (${(demo.storeBytes / 1e3).toFixed(1)} KB) vs 10,000 organizations with 4,000-domain lists (${mb(big.storeBytes)} of JSON); medians of ${ROUNDS} rounds, cold = right after a change`,
    `${'request'.padEnd(28)} ${'demo cold'.padStart(10)} ${'10k cold'.padStart(10)} ratio  ${'demo warm'.padStart(10)} ${'10k warm'.padStart(10)} ratio  target  worst /healthz demo / 10k   bot's loop delay demo / 10k  longest GC 10k`,
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
    const loopDelay = (m: Measured) => ms(m.loop[name]?.maxDelay ?? 0);
    lines.push(
      `${name.padEnd(28)} ${row.join(' ')} ≤ ${target}×  ${ms(demo.healthz.get(name) ?? 0)} ${ms(big.healthz.get(name) ?? 0)}  ${loopDelay(demo)} ${loopDelay(big)}  ${pauses(big.loop[name])}`,
    );
  }
  const worst = (m: Measured): number => Math.max(...m.healthz.values());
  lines.push(`worst /healthz latency during the requests: demo ${ms(worst(demo))}, 10k ${ms(worst(big))} (target ≤ ${TARGETS.healthz} ms) ${worst(big) <= TARGETS.healthz ? 'OK' : 'SLOW'}`);
  const measuredPhases = (m: Measured): LoopPhase[] => names.map(([n]) => m.loop[n]).filter((p): p is LoopPhase => p !== undefined);
  const worstLoop = (m: Measured): number => Math.max(0, ...measuredPhases(m).map((p) => p.maxDelay));
  const worstGc = (m: Measured): LoopPhase['gcPauses'] =>
    measuredPhases(m)
      .flatMap((p) => p.gcPauses)
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 3);
  lines.push(
    `the bot's own event loop meanwhile (its delay sampled every 10 ms; 0 when no sample fell in a request): worst delay demo ${ms(worstLoop(demo))}, 10k ${ms(worstLoop(big))}; longest GC pauses demo ${pauses({ maxDelay: 0, gcPauses: worstGc(demo) })}, 10k ${pauses({ maxDelay: 0, gcPauses: worstGc(big) })}; the probing client's own worst loop delay demo ${ms(demo.clientDelay)}, 10k ${ms(big.clientDelay)}`,
  );
  const allowed = demo.rss + TARGETS.memory * big.storeBytes;
  lines.push(
    `bot process memory after the requests: heap demo ${mb(demo.heap)}, 10k ${mb(big.heap)}; resident demo ${mb(demo.rss)}, 10k ${mb(big.rss)} (target ≤ demo + ${TARGETS.memory}× store JSON = ${mb(allowed)}; 10k − demo = ${((big.rss - demo.rss) / big.storeBytes).toFixed(1)}× the JSON) ${big.rss <= allowed ? 'OK' : 'OVER'}`,
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
