import { readFileSync } from 'node:fs';
import { validateFull } from '../../src/store/validateFile';
import { block, open, readAuditLines, readStore, tempDir } from './fixtures';

describe('no lost updates', () => {
  it('1,000 concurrent commits from parallel conversations all land in the model and the audit log', async () => {
    const t = tempDir();
    try {
      const store = await open(t.file);
      const domains = Array.from({ length: 1000 }, (_, i) => `d${i}.example`);
      const results = await Promise.all(
        domains.map((d, i) => store.commit(block(d, i % 2 === 0 ? 'contoso-east' : 'contoso-west'))),
      );
      expect(results.filter((r) => !r.ok)).toEqual([]);
      expect(store.revision()).toBe(1000);
      const blocked = store.read().organizations.flatMap((o) => o.settings?.blockedDomains ?? []);
      expect(new Set(blocked)).toEqual(new Set(domains));
      await store.close();
      const file = readStore(t.file);
      expect(validateFull(JSON.parse(readFileSync(t.file, 'utf-8'))).ok).toBe(true);
      expect(file.revision).toBe(1000);
      expect(new Set(file.audit.map((e) => (e.change as { domains: string[] }).domains[0]))).toEqual(new Set(domains));
      expect(new Set(file.audit.map((e) => e.id)).size).toBe(1000);
      // The audit file holds every revision once, in order, and agrees with the state.
      expect(readAuditLines(t.file).map((l) => l.revision)).toEqual(Array.from({ length: 1000 }, (_, i) => i + 1));
      expect(file.organizations.flatMap((o) => o.settings?.blockedDomains ?? [])).toHaveLength(1000);
    } finally {
      t.cleanup();
    }
  });
});
