import { existsSync, watch, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { auditPath } from '../../src/store/auditFile';
import { readValid } from '../../src/store/loadStoreFile';
import { bigStore } from './bigStore';
import { kill, startChild } from './childProcess';
import { open, readAuditLines, tempDir } from './fixtures';
import { prng as random } from '../support/prng';

/** Resolves when `name` is created or written in `dir` (or after 2 s, whichever is first). */
function fileEvent(dir: string, name: string, created: boolean): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      watcher.close();
      clearTimeout(timer);
      resolve();
    };
    const watcher = watch(dir, (_event, seen) => seen === name && (!created || existsSync(join(dir, name))) && done());
    const timer = setTimeout(done, 2000);
  });
}

const SEED = 20261124;
const KILLS = 9;

describe('atomic writes survive SIGKILL', () => {
  it(`a writer killed ${KILLS} times at random moments (seed ${SEED}) never leaves a bad file, loses an acknowledged change or an audit entry`, async () => {
    const t = tempDir();
    const next = random(SEED);
    const temp = join(t.dir, '.policy.json.tmp');
    // A store big enough (~0.5 MB) that a write takes a few milliseconds, so kills land mid-write.
    writeFileSync(t.file, JSON.stringify(bigStore(400, 10), null, 2));
    const acked: Array<{ id: string; domain: string }> = [];
    let midWrite = 0;
    let ahead = 0;
    try {
      for (let kill_ = 0; kill_ < KILLS; kill_++) {
        const child = startChild('write', t.file, `k${kill_}`);
        await child.waitFor(/^ready$/);
        await child.waitFor(/^ack /);
        // A third of the kills at a random moment, a third the instant steno's temp file appears
        // (mid state write), a third the instant the audit file is appended to (before the state write).
        if (kill_ % 3 === 0) await new Promise((resolve) => setTimeout(resolve, 5 + next() * 150));
        else if (kill_ % 3 === 1) await fileEvent(t.dir, basename(temp), true);
        else await fileEvent(t.dir, basename(auditPath(t.file)), false);
        await kill(child);
        if (existsSync(temp)) midWrite++;
        for (const line of child.lines) {
          const [word, id, domain] = line.split(' ');
          if (word === 'ack') acked.push({ id: id!, domain: domain! });
        }
        const context = `seed ${SEED}, kill ${kill_}`;
        const loaded = await readValid(t.file);
        expect({ context, ok: loaded.ok, error: loaded.ok ? undefined : loaded.error }).toEqual({ context, ok: true, error: undefined });
        if (!loaded.ok) return;
        // The audit file holds every revision up to the state's, in order; lines beyond it are an
        // unacknowledged batch (cut off on the next open).
        const lines = readAuditLines(t.file);
        const committed = lines.filter((l) => l.revision <= loaded.data.revision);
        if (lines.length > committed.length) ahead++;
        expect({ context, revisions: committed.map((l) => l.revision) }).toEqual({ context, revisions: Array.from({ length: loaded.data.revision }, (_, i) => i + 1) });
        const blocked = new Set(loaded.data.organizations[0]!.settings!.blockedDomains);
        const ids = new Set(committed.map((l) => l.entry.id));
        expect({ context, missing: acked.filter((a) => !blocked.has(a.domain) || !ids.has(a.id)) }).toEqual({ context, missing: [] });
        // Audit and state agree: every audited domain is blocked, every domain the writers blocked audited.
        const audited = committed.flatMap((l) => (l.entry.change as { domains: string[] }).domains).sort();
        const written = [...blocked].filter((d) => /^k\d+-\d+\.example$/.test(d)).sort();
        expect({ context, audited }).toEqual({ context, audited: written });
      }
      // Opening after the last kill: the stale lock is taken over, steno's temp file removed, the audit cut to the state.
      const store = await open(t.file);
      expect(existsSync(temp)).toBe(false);
      expect(store.history('contoso-east', 0).total).toBe(store.revision());
      expect(store.history('contoso-east', 0).total).toBeGreaterThanOrEqual(acked.length);
      await store.close();
      expect(readAuditLines(t.file).map((l) => l.revision).at(-1)).toBe(store.revision());
      console.log(
        `store crash test (seed ${SEED}): ${KILLS} kills, ${midWrite} mid-write (temp file left behind), ${ahead} with the audit ahead of the state, ${acked.length} acknowledged changes, none lost`,
      );
    } finally {
      t.cleanup();
    }
  }, 120_000); // nine child processes started and killed: slow on a busy 2-core machine
});
