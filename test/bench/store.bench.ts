/**
 * Commit latency of the lowdb store against the physical floor measured in the same run: the same
 * objects the commit just wrote, the audit line appended to a file and the new state serialized the
 * same way (JSON, 2-space indent, as lowdb's JSONFile writes it), `writeFile` to a temp file and
 * `rename` over the target, each made durable as the store makes it (the appended file and the temp
 * file flushed with fdatasync, the folder with fsync after the rename). Medians; commits and floor runs are interleaved so both see the same
 * machine noise and the same files. Concurrent admins: `storeConcurrency.bench.ts`.
 */
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CURRENT_SCHEMA_VERSION, openStore } from '../../src/store';
import type { StoreFile } from '../../src/store';
import { bigStore } from '../store/bigStore';
import { durableFloor } from './durableFloor';
import { testPlanner } from '../store/testPlanner';

interface Scenario {
  name: string;
  file: StoreFile;
  /** Organization each commit changes. */
  org: (i: number) => string;
  runs: number;
}

const actor = { address: 'bench@contosoeast.com', adminOf: [] };
const WARM_UP = 5;

export async function benchStore(): Promise<string[]> {
  const scenarios: Scenario[] = [
    { name: '10 domains per list', file: bigStore(0, 10), org: () => 'contoso-east', runs: 200 },
    { name: '1,000 domains per list', file: bigStore(0, 1000), org: () => 'contoso-east', runs: 100 },
    { name: '4,000 domains per list', file: bigStore(0, 4000), org: () => 'contoso-east', runs: 50 },
    { name: '10,000 organizations', file: bigStore(10_000, 10), org: (i) => `org-${(i * 7919) % 10_000}`, runs: 30 },
  ];
  const lines = [
    'median commit latency (re-plan with the test planner, validate, append the audit line, serialize, write) as a ratio to the floor:',
    'append(audit line) + fdatasync + JSON.stringify(same state, null, 2) + writeFile + fdatasync + rename + fsync(folder), measured interleaved; target ≤ 1.3×. Also vs the durable writeFile + rename alone.',
  ];
  for (const scenario of scenarios) {
    for (const validation of ['incremental', 'full'] as const) lines.push(await run(scenario, validation));
  }
  return lines;
}

async function run(scenario: Scenario, validation: 'incremental' | 'full'): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'store-bench-'));
  try {
    const file = join(dir, 'policy.json');
    writeFileSync(file, JSON.stringify(scenario.file, null, 2));
    const opened = await openStore({ file, seedFile: file, plan: testPlanner, validation });
    if (!opened.ok) throw new Error(opened.error);
    const store = opened.store;
    const commits: number[] = [];
    const floors: number[] = [];
    const writeOnly: number[] = [];
    let size = 0;
    // Each commit blocks or unblocks one domain, so the lists keep the size the scenario names.
    const domain = 'bench.example.org';
    const blocked = new Set<string>();
    for (let i = -WARM_UP; i < scenario.runs; i++) {
      const org = scenario.org(i + WARM_UP);
      const kind = blocked.has(org) ? 'removeBlocked' : 'addBlocked';
      if (kind === 'addBlocked') blocked.add(org);
      else blocked.delete(org);
      const started = performance.now();
      const result = await store.commit({ change: { kind, org, domains: [domain] }, actor, request: `${kind === 'addBlocked' ? 'block' : 'unblock'} ${domain}`, now: new Date() });
      const commit = performance.now() - started;
      if (!result.ok) throw new Error(result.reason);
      // The floor writes the very objects the commit just wrote: its audit line and the new state.
      const revision = store.revision();
      const data: StoreFile = { schemaVersion: CURRENT_SCHEMA_VERSION, revision, organizations: result.model.organizations };
      const floorStarted = performance.now();
      let serialized = '';
      const { serializedAt, doneAt: floorDone } = await durableFloor(dir, `${JSON.stringify({ revision, entry: result.entry })}\n`, () => (serialized = JSON.stringify(data, null, 2)));
      size = serialized.length;
      if (i < 0) continue; // warm-up
      commits.push(commit);
      floors.push(floorDone - floorStarted);
      writeOnly.push(floorDone - serializedAt);
    }
    await store.close();
    if (statSync(file).size !== statSync(join(dir, 'floor.json')).size) throw new Error('store bench: the floor did not write the same content');
    if (statSync(`${file}.audit.jsonl`).size !== statSync(join(dir, 'floor.audit.jsonl')).size) throw new Error('store bench: the floor did not append the same audit lines');
    const c = median(commits);
    const f = median(floors);
    const w = median(writeOnly);
    return (
      `${scenario.name.padEnd(24)} ${validation.padEnd(11)} commit ${ms(c)} | floor ${ms(f)} → ${ratio(c, f)} | writeFile+rename alone ${ms(w)} → ${ratio(c, w)}` +
      ` | file ${(size / 1e6).toFixed(1)} MB after ${scenario.runs + WARM_UP} commits`
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function ratio(a: number, b: number): string {
  return `${(a / b).toFixed(2)}×`;
}

function ms(value: number): string {
  return `${value.toFixed(2)} ms`;
}

if (require.main === module) {
  benchStore().then(
    (lines) => lines.forEach((line) => console.log(line)),
    (err: unknown) => {
      console.error(err);
      process.exitCode = 1;
    },
  );
}
