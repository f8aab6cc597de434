/**
 * The PostgreSQL store beside the lowdb one, on the same data in the same run: the median latency of
 * one commit and the throughput of 50 commits issued at once (to 50 organizations, and to one), each
 * as a ratio to the same baseline measured interleaved: the file floor of a lowdb commit
 * (an audit line appended, the state written to a temp file and renamed, each flushed: `durableFloor`). PostgreSQL runs in a throwaway
 * cluster started here, durable (fsync on, as in production), on this machine's loopback; without
 * PostgreSQL installed the bench says so and skips.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../src/store';
import type { PolicyStore } from '../../src/store';
import { openPostgresStore } from '../../src/store/pg';
import { freshDatabase, postgresBin, startCluster } from '../support/postgres';
import { bigStore } from '../store/bigStore';
import { durableFloor } from './durableFloor';
import { testPlanner } from '../store/testPlanner';

const ORGS = 50;
const SINGLES = Number(process.env.BENCH_PG_SINGLES ?? 60);
const ROUNDS = Number(process.env.BENCH_PG_ROUNDS ?? 5);
const actor = { address: 'bench@contosoeast.com', adminOf: [] };

export async function benchPostgresStore(): Promise<string[]> {
  if (!postgresBin(process.env.PG_BIN)) return ['PostgreSQL is not installed (apt-get install -y postgresql, or PG_BIN): skipped.'];
  const dir = mkdtempSync(join(tmpdir(), 'store-pg-bench-'));
  const cluster = await startCluster({ bin: process.env.PG_BIN });
  try {
    const seed = join(dir, 'seed.json');
    const state = JSON.stringify(bigStore(ORGS, 10), null, 2);
    writeFileSync(seed, state);
    const floor = async () => {
      const started = performance.now();
      const { doneAt } = await durableFloor(dir, `${JSON.stringify({ revision: 1, entry: { summary: 'a line as long as an entry'.repeat(12) } })}\n`, () => state);
      return doneAt - started;
    };
    const lowdb = await openStore({ file: join(dir, 'policy.json'), seedFile: seed, plan: testPlanner });
    if (!lowdb.ok) throw new Error(lowdb.error);
    const pg = await openPostgresStore({ url: await freshDatabase(cluster.url, 'fa_bench'), seedFile: seed, plan: testPlanner });
    if (!pg.ok) throw new Error(pg.error);
    const stores: Array<[string, PolicyStore]> = [
      ['lowdb', lowdb.store],
      ['postgres', pg.store],
    ];
    const floors: number[] = [];
    const singles = new Map<string, number[]>(stores.map(([name]) => [name, []]));
    for (let i = -5; i < SINGLES; i++) {
      const f = await floor();
      for (const [name, store] of stores) {
        const ms = await timed(() => commitOne(store, 'contoso-east'));
        if (i >= 0) singles.get(name)!.push(ms);
      }
      if (i >= 0) floors.push(f);
    }
    const base = median(floors);
    const lines = [
      `baseline: the durable file floor of a commit (append + writeFile + rename, flushed, of the ${(state.length / 1e3).toFixed(0)} kB state), median ${base.toFixed(2)} ms`,
      `one commit alone (median; ratio to the baseline) | ${ORGS} at once, ${ROUNDS} rounds (commits/s; ratio to 1/baseline):`,
    ];
    for (const [name, store] of stores) {
      const one = median(singles.get(name)!);
      const spread = await throughput(store, (i) => `org-${i}`);
      const same = await throughput(store, () => 'contoso-east');
      const perBase = (rate: number) => (rate * base) / 1000;
      lines.push(
        `${name.padEnd(9)} one commit ${one.toFixed(2)} ms → ${(one / base).toFixed(2)}× | different organizations ${spread.toFixed(0)}/s → ${perBase(spread).toFixed(2)}× | one organization ${same.toFixed(0)}/s → ${perBase(same).toFixed(2)}×`,
      );
    }
    for (const [, store] of stores) await store.close();
    return lines;
  } finally {
    await cluster.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

let unique = 0;

async function commitOne(store: PolicyStore, org: string): Promise<void> {
  const domain = `d${unique++}.bench.example`;
  const result = await store.commit({ change: { kind: 'addBlocked', org, domains: [domain] }, actor, request: `block ${domain}`, now: new Date() });
  if (!result.ok) throw new Error(result.reason);
}

/** Commits per second over `ROUNDS` bursts of `ORGS` commits issued at once. */
async function throughput(store: PolicyStore, orgOf: (i: number) => string): Promise<number> {
  let ms = 0;
  for (let round = 0; round < ROUNDS; round++) ms += await timed(() => Promise.all(Array.from({ length: ORGS }, (_, i) => commitOne(store, orgOf(i)))).then(() => undefined));
  return (ROUNDS * ORGS * 1000) / ms;
}

async function timed(work: () => Promise<void>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

if (require.main === module) {
  benchPostgresStore().then(
    (lines) => lines.forEach((line) => console.log(line)),
    (err: unknown) => {
      console.error(err);
      process.exitCode = 1;
    },
  );
}
