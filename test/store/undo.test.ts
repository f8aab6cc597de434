import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { CURRENT_SCHEMA_VERSION } from '../../src/store';
import type { PolicyStore } from '../../src/store';
import { admin, block, NOW, open, readStore, tempDir } from './fixtures';
import { bigStore } from './bigStore';

const federation = (enabled: boolean) => ({
  change: { kind: 'setFederation' as const, org: 'contoso-east', enabled },
  actor: admin,
  request: `federation ${enabled}`,
  now: NOW,
});
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

  it("puts back the latest change of the organization through the planner, audited with undoes", async () => {
    await store.commit(block('a.example'));
    await store.commit(block('b.example'));
    const result = await undo(store);
    expect(result).toMatchObject({
      ok: true,
      entry: { id: 'e2', undoes: 'e1', request: 'undo', change: { kind: 'restore', settings: { blockedDomains: ['a.example'] } } },
      plan: { touched: ['settings.blockedDomains'] },
    });
    expect(blocked(store)).toEqual(['a.example']);
    const file = readStore(t.file);
    expect(file.audit.map((e) => e.id)).toEqual(['e0', 'e1', 'e2']);
    expect(file.organizations[0]!.settings!.blockedDomains).toEqual(['a.example']);
  });

  it('undoes a given entry when no later change touched the same settings', async () => {
    await store.commit(block('a.example'));
    await store.commit(federation(false));
    expect(await undo(store, 'e0')).toMatchObject({ ok: true, entry: { undoes: 'e0' } });
    expect(blocked(store)).toEqual([]);
    expect(store.read().organizations[0]!.settings!.allowFederatedUsers).toBe(false);
  });

  it('undoing the undo puts the change back (latest change of the organization)', async () => {
    await store.commit(block('a.example'));
    await undo(store);
    expect(await undo(store)).toMatchObject({ ok: true, entry: { undoes: 'e1' } });
    expect(blocked(store)).toEqual(['a.example']);
  });

  it('undo within the same batch sees the change queued before it', async () => {
    const [committed, undone] = await Promise.all([store.commit(block('a.example')), undo(store)]);
    expect(committed.ok && undone.ok).toBe(true);
    expect(blocked(store)).toEqual([]);
  });

  it.each<[string, (s: PolicyStore) => Promise<unknown>, string | undefined, RegExp]>([
    ['nothing to undo', async () => undefined, undefined, /^There is no change of contoso-east to undo\.$/],
    ['unknown id', async (s) => s.commit(block('a.example')), 'nope', /^There is no change with id nope\.$/],
    ['another organization', async (s) => s.commit(block('w.example', 'contoso-west')), 'e0', /^Change e0 belongs to contoso-west, not contoso-east\.$/],
    [
      'a later change touched the same settings',
      async (s) => {
        await s.commit(block('a.example'));
        await s.commit({ ...block('b.example'), actor: { address: 'ann@contosoeast.com', displayName: 'Ann', adminOf: [] } });
      },
      'e0',
      /^The change "Block a\.example" \(e0\) cannot be undone: a later change by Ann at .* \("Block b\.example"\) also changed settings\.blockedDomains\.$/,
    ],
    [
      'already undone',
      async (s) => {
        await s.commit(block('a.example'));
        await undo(s);
      },
      'e0',
      /^The change "Block a\.example" \(e0\) was already undone by Contoso East admin at 2026-11-24T14:00:00\.000Z\.$/,
    ],
  ])('refuses with a reason: %s', async (_name, setup, entryId, reason) => {
    await setup(store);
    const before = readFileSync(t.file, 'utf-8');
    const revision = store.revision();
    const result = await undo(store, entryId);
    expect(result).toEqual({ ok: false, reason: expect.stringMatching(reason) });
    expect(readFileSync(t.file, 'utf-8')).toBe(before);
    expect(store.revision()).toBe(revision);
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
