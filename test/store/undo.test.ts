import { statSync, writeFileSync } from 'node:fs';
import { CURRENT_SCHEMA_VERSION } from '../../src/store';
import type { PolicyStore } from '../../src/store';
import { admin, block, NOW, open, readStore, tempDir } from './fixtures';
import { bigStore } from './bigStore';

const undo = (store: PolicyStore, entryId?: string) =>
  store.undo({ orgId: 'contoso-east', actor: admin, request: 'undo', now: NOW, ...(entryId !== undefined && { entryId }) });
const blocked = (store: PolicyStore) => store.read().organizations[0]!.settings!.blockedDomains;

describe('undo', () => {
  let t: ReturnType<typeof tempDir>;
  let store: PolicyStore;
  beforeEach(async () => {
    t = tempDir();
    let n = 0;
    store = await open(t.file, { newId: () => `e${n++}` });
  });
  afterEach(async () => {
    await store.close();
    t.cleanup();
  });

  it('undo within the same batch sees the change queued before it', async () => {
    const [committed, undone] = await Promise.all([store.commit(block('a.example')), undo(store)]);
    expect(committed.ok && undone.ok).toBe(true);
    expect(blocked(store)).toEqual([]);
  });
});

describe('long lists in the audit log', () => {
  const longList = (file: string) => {
    writeFileSync(file, JSON.stringify(bigStore(0, 1000), null, 2));
    return open(file, { newId: (() => { let n = 0; return () => `e${n++}`; })() });
  };

  it('are kept as what changed, not as two copies of the list, and undo puts the list back exactly', async () => {
    const t = tempDir();
    const store = await longList(t.file);
    try {
      const listBefore = blocked(store);
      const sizeBefore = statSync(t.file).size;
      await store.commit(block('fabrikam.com'));
      const entry = (readStore(t.file)).audit[0]!;
      expect(entry.lists).toEqual({ 'settings.blockedDomains': { size: [1000, 1001], removed: [], added: [[1000, 'fabrikam.com']] } });
      expect(entry.before).toEqual({});
      expect(entry.after).toEqual({});
      expect(entry.inverse).toBeUndefined();
      // The file grew by the entry and one domain, not by two 1,000-domain lists (about 50 KB).
      expect(statSync(t.file).size - sizeBefore).toBeLessThan(2000);
      const undone = await undo(store);
      expect(undone.ok).toBe(true);
      expect(blocked(store)).toEqual(listBefore);
      const file = readStore(t.file);
      expect(file.organizations[0]!.settings!.blockedDomains).toEqual(listBefore);
      expect(file.audit[1]!.lists?.['settings.blockedDomains']).toMatchObject({ size: [1001, 1000], removed: [[1000, 'fabrikam.com']] });
    } finally {
      await store.close();
      t.cleanup();
    }
  });

  it('of a version 1 file (whole lists in the entry) still undo after the migration', async () => {
    const t = tempDir();
    try {
      const v1 = bigStore(0, 100);
      const list = v1.organizations[0]!.settings!.blockedDomains;
      const grown = [...list, 'fabrikam.com'];
      v1.organizations[0]!.settings!.blockedDomains = grown;
      const entry = { id: 'old', time: NOW.toISOString(), actor: { address: admin.address }, orgId: 'contoso-east', request: 'block fabrikam.com', change: { kind: 'addBlocked', org: 'contoso-east', domains: ['fabrikam.com'] }, summary: 'Block fabrikam.com', touched: ['settings.blockedDomains'], before: { 'settings.blockedDomains': list }, after: { 'settings.blockedDomains': grown } };
      writeFileSync(t.file, JSON.stringify({ ...v1, schemaVersion: 1, audit: [entry] }));
      const store = await open(t.file);
      try {
        expect(await undo(store)).toMatchObject({ ok: true, entry: { undoes: 'old' } });
        expect(blocked(store)).toEqual(list);
        expect(readStore(t.file).schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
      } finally {
        await store.close();
      }
    } finally {
      t.cleanup();
    }
  });
});
