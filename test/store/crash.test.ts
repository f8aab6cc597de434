import { existsSync, watch, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { readValid } from '../../src/store/loadStoreFile';
import { bigStore } from './bigStore';
import { kill, startChild } from './childProcess';
import { open, tempDir } from './fixtures';
import { prng as random } from '../support/prng';

/** Resolves when `temp` is created in `dir` (or after 2 s, whichever is first). */
function tempFileAppears(dir: string, temp: string): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      watcher.close();
      clearTimeout(timer);
      resolve();
    };
    const watcher = watch(dir, (_event, name) => name === basename(temp) && existsSync(temp) && done());
    const timer = setTimeout(done, 2000);
  });
}

const SEED = 20261124;
const KILLS = 8;

describe('atomic writes survive SIGKILL', () => {
  it(`a writer killed ${KILLS} times at random moments (seed ${SEED}) never leaves a bad file or loses an acknowledged change`, async () => {
    const t = tempDir();
    const next = random(SEED);
    const temp = join(t.dir, '.policy.json.tmp');
    // A store big enough (~0.5 MB) that a write takes a few milliseconds, so kills land mid-write.
    writeFileSync(t.file, JSON.stringify(bigStore(400, 10), null, 2));
    const acked: Array<{ id: string; domain: string }> = [];
    let midWrite = 0;
    try {
      for (let kill_ = 0; kill_ < KILLS; kill_++) {
        const child = startChild('write', t.file, `k${kill_}`);
        await child.waitFor(/^ready$/);
        await child.waitFor(/^ack /);
        // Half the kills at a random moment, half the instant steno's temp file appears (mid-write).
        if (kill_ % 2 === 0) await new Promise((resolve) => setTimeout(resolve, 5 + next() * 150));
        else await tempFileAppears(t.dir, temp);
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
        const blocked = new Set(loaded.data.organizations[0]!.settings!.blockedDomains);
        const ids = new Set(loaded.data.audit.map((e) => e.id));
        expect({ context, missing: acked.filter((a) => !blocked.has(a.domain) || !ids.has(a.id)) }).toEqual({ context, missing: [] });
      }
      // Opening after the last kill: the stale lock is taken over and steno's temp file removed.
      const store = await open(t.file);
      expect(existsSync(temp)).toBe(false);
      expect(store.history('contoso-east', 0).total).toBeGreaterThanOrEqual(acked.length);
      await store.close();
      console.log(`store crash test (seed ${SEED}): ${KILLS} kills, ${midWrite} mid-write (temp file left behind), ${acked.length} acknowledged changes, none lost`);
    } finally {
      t.cleanup();
    }
  });
});
