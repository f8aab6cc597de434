/**
 * Concurrent admins against the store: 50 commits issued at once (each planned at the revision the
 * admin saw, `expectedRevision`, and planned again and re-sent when the store answers "stale", as
 * the bot does), to 50 different organizations and to one organization. Reported: p50/p99 of the
 * time from issuing to acknowledgement, as a ratio to the median latency of one commit alone on the
 * same store, measured interleaved in the same run. Target: p99 ≤ 10× one commit.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../src/store';
import type { PolicyStore } from '../../src/store';
import { bigStore } from '../store/bigStore';
import { testPlanner } from '../store/testPlanner';

const ADMINS = 50;
const ROUNDS = 20;
const SINGLES_PER_ROUND = 3;
const TARGET = 10;

const actor = { address: 'bench@contosoeast.com', adminOf: [] };

export async function benchConcurrentAdmins(): Promise<string[]> {
  const lines = [`${ADMINS} commits issued at once (stale answers re-planned and re-sent, as the bot does), ${ROUNDS} rounds; p99 from issue to acknowledgement vs one commit alone; target ≤ ${TARGET}×`];
  lines.push(await run('different organizations', (admin) => `org-${admin}`));
  lines.push(await run('same organization', () => 'contoso-east'));
  return lines;
}

let unique = 0;

/** One admin: plan at the revision seen, commit, and on "stale" look again and re-send. */
async function admin(store: PolicyStore, org: string): Promise<{ ms: number; retries: number }> {
  const domain = `d${unique++}.bench.example`;
  const started = performance.now();
  for (let retries = 0; ; retries++) {
    const result = await store.commit({ change: { kind: 'addBlocked', org, domains: [domain] }, actor, request: `block ${domain}`, now: new Date(), expectedRevision: store.revision() });
    if (result.ok) return { ms: performance.now() - started, retries };
    if (result.stale !== true) throw new Error(result.reason);
  }
}

async function run(name: string, orgOf: (admin: number) => string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'store-bench-'));
  try {
    const file = join(dir, 'policy.json');
    writeFileSync(file, JSON.stringify(bigStore(ADMINS, 10), null, 2));
    const opened = await openStore({ file, seedFile: file, plan: testPlanner });
    if (!opened.ok) throw new Error(opened.error);
    const store = opened.store;
    const singles: number[] = [];
    const together: number[] = [];
    let retries = 0;
    for (let round = -1; round < ROUNDS; round++) {
      for (let i = 0; i < SINGLES_PER_ROUND; i++) {
        const one = await admin(store, orgOf(i));
        if (round >= 0) singles.push(one.ms);
      }
      const burst = await Promise.all(Array.from({ length: ADMINS }, (_, i) => admin(store, orgOf(i))));
      if (round < 0) continue; // warm-up
      together.push(...burst.map((b) => b.ms));
      retries += burst.reduce((sum, b) => sum + b.retries, 0);
    }
    await store.close();
    const single = percentile(singles, 0.5);
    const p50 = percentile(together, 0.5);
    const p99 = percentile(together, 0.99);
    const ratio = p99 / single;
    return (
      `${name.padEnd(24)} one commit ${single.toFixed(2)} ms | ${ADMINS} at once: p50 ${p50.toFixed(2)} ms, p99 ${p99.toFixed(2)} ms → p99 ${ratio.toFixed(1)}× (target ≤ ${TARGET}×)` +
      ` ${ratio <= TARGET ? 'met' : 'MISSED'} | ${(retries / ROUNDS).toFixed(1)} stale re-sends per round`
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
}

if (require.main === module) {
  benchConcurrentAdmins().then(
    (lines) => lines.forEach((line) => console.log(line)),
    (err: unknown) => {
      console.error(err);
      process.exitCode = 1;
    },
  );
}
