/**
 * The bot alone in a child process (for the request bench): its memory and its event loop are then
 * its own, not shared with the client that measures it. argv: store folder, seed file. Tells its
 * parent `{ url }` once listening; answers `memory` with its memory use at rest (after garbage
 * collections) and what its event loop went through (below), `{ phase }` by starting a new phase of
 * that record, and `close` by closing and exiting.
 *
 * The loop record makes the bench's /healthz latency explainable: the longest delay of the bot's own
 * event loop (a 10 ms timer that fires late by as much as the loop was blocked) and the longest
 * garbage-collection pauses, per phase (the request being measured), so a slow /healthz can be told
 * apart from a busy client or machine.
 */
import { monitorEventLoopDelay, PerformanceObserver, constants } from 'node:perf_hooks';
import { startAppOn } from './bigBot';

const gc = (globalThis as { gc?: () => void }).gc;

/** What the bot's event loop went through during one phase, in milliseconds. */
export interface LoopPhase {
  maxDelay: number;
  /** The longest GC pauses of the phase, longest first: kind and duration. */
  gcPauses: { kind: string; ms: number }[];
}

const GC_KINDS: Record<number, string> = {
  [constants.NODE_PERFORMANCE_GC_MINOR]: 'scavenge',
  [constants.NODE_PERFORMANCE_GC_MAJOR]: 'mark-compact',
  [constants.NODE_PERFORMANCE_GC_INCREMENTAL]: 'incremental marking',
  [constants.NODE_PERFORMANCE_GC_WEAKCB]: 'weak callbacks',
};
const KEEP_PAUSES = 3;

function loopRecorder(): { phase: (name: string) => void; report: () => Record<string, LoopPhase> } {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const phases: Record<string, LoopPhase> = {};
  let current = 'startup';
  const entry = (name: string): LoopPhase => (phases[name] ??= { maxDelay: 0, gcPauses: [] });
  const close = () => {
    // The histogram holds nanoseconds; its max includes the 10 ms resolution itself.
    const e = entry(current);
    e.maxDelay = Math.max(e.maxDelay, delay.max / 1e6);
    delay.reset();
  };
  const observer = new PerformanceObserver((list) => {
    for (const g of list.getEntries()) {
      const kind = (g as { detail?: { kind?: number } | null }).detail?.kind ?? -1;
      const pauses = entry(current).gcPauses;
      pauses.push({ kind: GC_KINDS[kind] ?? `kind ${kind}`, ms: g.duration });
      pauses.sort((a, b) => b.ms - a.ms);
      pauses.length = Math.min(pauses.length, KEEP_PAUSES);
    }
  });
  observer.observe({ entryTypes: ['gc'] });
  return {
    phase: (name) => {
      close();
      current = name;
    },
    report: () => {
      // A copy, and a new phase: the collections forced to read memory at rest are not the requests'.
      close();
      current = 'at rest';
      return structuredClone(phases);
    },
  };
}

async function main(): Promise<void> {
  const [dir, seed] = process.argv.slice(2);
  if (!dir || !seed || !process.send) throw new Error('botProcess: run me with fork(dir, seed)');
  const app = await startAppOn(dir, seed);
  const loop = loopRecorder();
  process.on('message', (msg: unknown) => {
    if (msg === 'memory') {
      const report = loop.report();
      // At rest: V8 returns freed pages to the system a moment after a full collection.
      gc?.();
      setTimeout(() => {
        gc?.();
        process.send?.({ memory: process.memoryUsage(), loop: report });
      }, 1000);
    } else if (typeof msg === 'object' && msg !== null && 'phase' in msg) {
      loop.phase(String((msg as { phase: unknown }).phase));
    } else if (msg === 'close') {
      void app.close().then(() => process.exit(0));
    }
  });
  process.send({ url: app.url });
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
