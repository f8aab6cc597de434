import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { plan } from '../../src/policy';
import { openStore } from '../../src/store';
import { MemoryConfirmationStore } from '../../src/store/memoryConfirmations';
import { allText, DEMO_SEED, startTestBot, step } from '../support/harness';
import { readStore } from '../store/readStore';

const EAST_ADMIN = 'admin@contosoeast.com';

describe('an app given an opened store and a confirmation store', () => {
  it('serves them, and its stop leaves them to their owner: the other app keeps committing', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fa-injected-'));
    const storeFile = path.join(dir, 'policy.json');
    const opened = await openStore({ file: storeFile, seedFile: DEMO_SEED, plan });
    if (!opened.ok) throw new Error(opened.error);
    const confirmations = new MemoryConfirmationStore();
    const shared = { store: opened.store, confirmations };
    const a = await startTestBot({}, undefined, shared);
    const b = await startTestBot({}, undefined, shared);
    try {
      const preview = await a.say(EAST_ADMIN, 'block fabrikam.com');
      expect(await confirmations.size(EAST_ADMIN)).toBe(1);
      await a.close();
      const done = await step(b, EAST_ADMIN, '!Confirm', preview);
      expect(allText(done)).toMatch(/Done[\s\S]*fabrikam\.com/i);
      expect(readStore(storeFile).organizations[0]?.settings?.blockedDomains).toEqual(['fabrikam.com']);
      expect(await confirmations.size()).toBe(0);
    } finally {
      await b.close();
      await opened.store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
