import { appendFileSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { open as openHandle } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { openStore } from '../../src/store';
import { auditPath } from '../../src/store/auditFile';
import { admin, block, NOW, open, readAuditLines, SEED, tempDir } from './fixtures';
import { testPlanner } from './testPlanner';

/** A store with `n` commits to contoso-east, closed; ids e0… */
async function withCommits(file: string, n: number, options: Parameters<typeof open>[1] = {}, prefix = 'd') {
  let id = 0;
  const store = await open(file, { newId: () => `${prefix}e${id++}`, ...options });
  for (let i = 0; i < n; i++) await store.commit(block(`${prefix}${i}.example`));
  await store.close();
}

const line = (revision: number, id: string) =>
  `${JSON.stringify({ revision, entry: { id, time: NOW.toISOString(), actor: { address: admin.address }, orgId: 'contoso-east', request: 'r', change: { kind: 'setFederation', org: 'contoso-east', enabled: false }, summary: 's', touched: [], before: {}, after: {} } })}\n`;

describe('the audit file', () => {
  let t: ReturnType<typeof tempDir>;
  beforeEach(() => (t = tempDir()));
  afterEach(() => t.cleanup());

  it('is appended to, never rewritten: earlier bytes stay as they were, the state file holds no history', async () => {
    await withCommits(t.file, 3);
    const before = readFileSync(auditPath(t.file));
    const stateSize = statSync(t.file).size;
    await withCommits(t.file, 3, {}, 'x');
    const after = readFileSync(auditPath(t.file));
    expect(after.subarray(0, before.length).equals(before)).toBe(true);
    expect(readAuditLines(t.file).map((l) => l.revision)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(Object.keys(JSON.parse(readFileSync(t.file, 'utf-8')) as object)).not.toContain('audit');
    // Three more domains in the state, no history: it grows by the domains only.
    expect(statSync(t.file).size - stateSize).toBeLessThan(200);
  });

  it.each<[string, (path: string) => void]>([
    ['entries newer than the state (appended, then killed before the state write)', (path) => appendFileSync(path, line(3, 'ghost1') + line(4, 'ghost2'))],
    ['a line cut short (killed mid-append)', (path) => appendFileSync(path, line(3, 'ghost').slice(0, 40))],
  ])('cuts off what the state never saw on open: %s', async (_name, crash) => {
    await withCommits(t.file, 2);
    const kept = readFileSync(auditPath(t.file));
    crash(auditPath(t.file));
    const store = await open(t.file, { newId: () => 'next' });
    expect(readFileSync(auditPath(t.file)).equals(kept)).toBe(true);
    expect(store.history('contoso-east', 0).entries.map((e) => e.id)).toEqual(['de1', 'de0']);
    expect(store.revision()).toBe(2);
    // Undo sees only acknowledged changes, and the next change takes the next revision.
    expect(await store.undo({ orgId: 'contoso-east', actor: admin, request: 'undo', now: NOW })).toMatchObject({ ok: true, entry: { undoes: 'de1' } });
    await store.close();
    expect(readAuditLines(t.file).map((l) => [l.revision, l.entry.id])).toEqual([[1, 'de0'], [2, 'de1'], [3, 'next']]);
  });

  it.each<[string, (path: string) => void, RegExp]>([
    ['a line that is not JSON in the middle', (path) => writeFileSync(path, `${line(1, 'a')}{not json\n${line(2, 'b')}`), /audit\.jsonl: invalid JSON at line 2: /],
    ['an entry that does not validate', (path) => writeFileSync(path, line(1, 'a').replace('"summary":"s"', '"summary":7')), /audit\.jsonl: line 1: invalid data at entry\.summary: /],
    ['revisions out of order', (path) => writeFileSync(path, line(2, 'a') + line(1, 'b')), /audit\.jsonl: line 2: revision 1 does not follow 2/],
  ])('refuses to start on a damaged audit file and leaves it as it is: %s', async (_name, damage, message) => {
    await withCommits(t.file, 2);
    damage(auditPath(t.file));
    const before = readFileSync(auditPath(t.file));
    const opened = await openStore({ file: t.file, seedFile: SEED, plan: testPlanner });
    expect(opened).toEqual({ ok: false, error: expect.stringMatching(message) });
    expect(readFileSync(auditPath(t.file)).equals(before)).toBe(true);
    expect(existsSync(`${t.file}.lock`)).toBe(false);
  });

  it('refuses a rotated file that holds changes the state does not (files from another store)', async () => {
    await withCommits(t.file, 2);
    writeFileSync(auditPath(t.file, 1), line(7, 'x'));
    const opened = await openStore({ file: t.file, seedFile: SEED, plan: testPlanner });
    expect(opened).toEqual({ ok: false, error: expect.stringMatching(/audit\.1\.jsonl: holds changes the state file .*policy\.json does not \(revision 2\)/) });
  });

  it('rotates at the size cap, keeps at most maxFiles files, and history and undo read the kept entries', async () => {
    const retention = { auditRetention: { maxFileBytes: 1500, maxFiles: 3 } };
    await withCommits(t.file, 20, retention);
    expect([0, 1, 2].map((i) => existsSync(auditPath(t.file, i)))).toEqual([true, true, true]);
    expect(existsSync(auditPath(t.file, 3))).toBe(false);
    for (const i of [1, 2]) expect(statSync(auditPath(t.file, i)).size).toBeGreaterThanOrEqual(1500);
    const lines = readAuditLines(t.file);
    const revisions = lines.map((l) => l.revision);
    // The oldest files fell off; what is kept is the latest run of revisions, up to the state's.
    expect(revisions.at(-1)).toBe(20);
    expect(revisions).toEqual(Array.from({ length: revisions.length }, (_, i) => 21 - revisions.length + i));
    expect(revisions.length).toBeLessThan(20);
    const store = await open(t.file, { ...retention, newId: () => 'undo' });
    expect(store.history('contoso-east', 0).total).toBe(lines.length);
    expect(store.history('contoso-east', 0).entries[0]!.id).toBe('de19');
    expect(await store.undo({ orgId: 'contoso-east', actor: admin, request: 'undo', now: NOW })).toMatchObject({ ok: true, entry: { undoes: 'de19' } });
    // An entry that fell off cannot be named any more.
    expect(await store.undo({ orgId: 'contoso-east', entryId: 'de0', actor: admin, request: 'undo', now: NOW })).toEqual({ ok: false, reason: 'There is no change with id de0.' });
    await store.close();
  });

  it.each<[string, boolean]>([
    ['cut off at once', true],
    ['cut off before the next append, when cutting failed at first', false],
  ])('an append that wrote part of its lines and failed (a full disk) leaves no partial line: %s', async (_name, cutAtOnce) => {
    await withCommits(t.file, 1);
    const kept = readFileSync(auditPath(t.file));
    const store = await open(t.file, { newId: () => 'after' });
    // Node's FileHandle class, from a handle of our own: its appendFile writes 10 bytes, then fails once.
    const probe = await openHandle(t.file, 'r');
    const handleClass = Object.getPrototypeOf(probe) as FileHandle;
    await probe.close();
    const full = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    const append = jest.spyOn(handleClass, 'appendFile').mockImplementationOnce(async function (this: FileHandle, data) {
      await this.write((data as Buffer).subarray(0, 10));
      throw full;
    });
    const truncate = jest.spyOn(handleClass, 'truncate');
    if (!cutAtOnce) truncate.mockRejectedValueOnce(new Error('EIO: i/o error, ftruncate'));
    try {
      expect(await store.commit(block('lost.example'))).toEqual({ ok: false, reason: expect.stringMatching(/could not append to the audit log: ENOSPC/) });
      expect(readFileSync(auditPath(t.file)).equals(kept)).toBe(cutAtOnce);
      expect(await store.commit(block('next.example'))).toMatchObject({ ok: true });
    } finally {
      append.mockRestore();
      truncate.mockRestore();
    }
    await store.close();
    expect(readAuditLines(t.file).map((l) => [l.revision, l.entry.id])).toEqual([[1, 'de0'], [2, 'after']]);
    const again = await open(t.file);
    expect(again.history('contoso-east', 0).entries.map((e) => e.request)).toEqual(['block next.example', 'block d0.example']);
    await again.close();
  });

  it('a running store drops the entries of a file that rotates out of memory too', async () => {
    let id = 0;
    const store = await open(t.file, { auditRetention: { maxFileBytes: 1500, maxFiles: 2 }, newId: () => `e${id++}` });
    for (let i = 0; i < 20; i++) await store.commit(block(`d${i}.example`));
    const kept = readAuditLines(t.file).map((l) => l.entry.id);
    expect(store.history('contoso-east', 0, 100).entries.map((e) => e.id).reverse()).toEqual(kept);
    await store.close();
  });
});
