import { readFileSync } from 'node:fs';
import type { PolicyStore } from '../../src/store';
import { admin, block, NOW, open, tempDir } from './fixtures';

/**
 * The two store additions the bot's confirmations use: `previewUndo` says what undo would do and
 * changes nothing; `stillAsShown` is asked inside the queue and a false answer writes nothing.
 */
describe('previewUndo and stillAsShown', () => {
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

  const blocked = () => store.read().organizations[0]!.settings!.blockedDomains;

  it('previewUndo names the entry and plans putting it back, without writing', async () => {
    await store.commit(block('a.example'));
    const revision = store.revision();
    const preview = store.previewUndo({ orgId: 'contoso-east', actor: admin, now: NOW });
    expect(preview).toMatchObject({ ok: true, entry: { id: 'e0' }, plan: { change: { kind: 'restore' } } });
    expect(store.revision()).toBe(revision);
    expect(blocked()).toEqual(['a.example']);
  });

  it.each<[string, (s: PolicyStore) => Promise<unknown>, string | undefined, RegExp]>([
    ['nothing to undo', async () => undefined, undefined, /no change of contoso-east to undo/],
    ['an unknown entry', async () => undefined, 'e7', /no change with id e7/],
    [
      'already undone',
      async (s) => {
        await s.commit(block('a.example'));
        await s.undo({ orgId: 'contoso-east', actor: admin, request: 'undo', now: NOW });
      },
      'e0',
      /already undone/,
    ],
  ])('previewUndo refuses: %s', async (_name, setup, entryId, reason) => {
    await setup(store);
    const preview = store.previewUndo({ orgId: 'contoso-east', ...(entryId !== undefined && { entryId }), actor: admin, now: NOW });
    expect(preview.ok ? '' : preview.reason).toMatch(reason);
  });

  it.each([
    ['commit', (s: PolicyStore, ok: boolean) => s.commit({ ...block('b.example'), stillAsShown: () => ok })],
    ['undo', (s: PolicyStore, ok: boolean) => s.undo({ orgId: 'contoso-east', actor: admin, request: 'undo', now: NOW, stillAsShown: () => ok })],
  ])('%s: false from stillAsShown is stale and writes nothing; true writes', async (_name, run) => {
    await store.commit(block('a.example'));
    const bytes = () => readFileSync(t.file, 'utf8');
    const before = bytes();
    expect(await run(store, false)).toMatchObject({ ok: false, stale: true });
    expect(bytes()).toBe(before);
    expect(await run(store, true)).toMatchObject({ ok: true });
    expect(bytes()).not.toBe(before);
  });

  it('stillAsShown sees the model before the change and the plan made in the queue', async () => {
    const seen: string[][] = [];
    await store.commit({
      ...block('a.example'),
      stillAsShown: (before, plan) => {
        seen.push([...before.organizations[0]!.settings!.blockedDomains], plan.touched);
        return true;
      },
    });
    expect(seen[0]).toEqual([]);
    expect(seen[1]).toContain('settings.blockedDomains');
  });
});
