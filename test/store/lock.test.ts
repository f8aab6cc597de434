import { existsSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { openStore } from '../../src/store';
import { kill, startChild } from './childProcess';
import { admin, block, NOW, open, SEED, tempDir } from './fixtures';
import { testPlanner } from './testPlanner';

describe('one writer', () => {
  let t: ReturnType<typeof tempDir>;
  beforeEach(() => (t = tempDir()));
  afterEach(() => t.cleanup());

  it('refuses while another process holds the store, naming the file and its pid; takes over once it is dead', async () => {
    const child = startChild('hold', t.file);
    try {
      await child.waitFor(/^ready$/);
      const lock = JSON.parse(readFileSync(`${t.file}.lock`, 'utf-8')) as { pid: number; startedAt: string };
      expect(lock).toEqual({ pid: child.process.pid, startedAt: expect.any(String) });
      const refused = await openStore({ file: t.file, seedFile: SEED, plan: testPlanner });
      expect(refused).toEqual({
        ok: false,
        error: `store: ${t.file} is in use by another process (pid ${child.process.pid}, since ${lock.startedAt}); stop it, or remove ${t.file}.lock if that process is not a bot`,
      });
    } finally {
      await kill(child);
    }
    // The holder died without releasing: its lock is stale and taken over.
    const store = await open(t.file);
    expect(JSON.parse(readFileSync(`${t.file}.lock`, 'utf-8'))).toMatchObject({ pid: process.pid });
    await store.close();
    expect(existsSync(`${t.file}.lock`)).toBe(false);
  });

  it('refuses a second store on the same file in the same process until the first is closed', async () => {
    const first = await open(t.file);
    const second = await openStore({ file: t.file, seedFile: SEED, plan: testPlanner });
    expect(second).toEqual({ ok: false, error: expect.stringMatching(/^store: .*policy\.json is already open in this process/) });
    await first.close();
    const third = await open(t.file);
    await third.close();
  });

  it('removes temp files of lock attempts cut short by a crash', async () => {
    const leftover = `${t.file}.lock.${2 ** 22 + 777}.tmp`;
    writeFileSync(leftover, '{}');
    const store = await open(t.file);
    expect(existsSync(leftover)).toBe(false);
    await store.close();
  });

  it.each([
    ['a dead pid', { pid: 2 ** 22 + 12345, startedAt: '2026-01-01T00:00:00.000Z' }],
    ['our own pid from an earlier run (pid reuse, e.g. pid 1 in a container)', { pid: process.pid, startedAt: '2026-01-01T00:00:00.000Z' }],
    ['unreadable content', 'garbage'],
  ])('takes over a stale lock: %s', async (_name, content) => {
    writeFileSync(`${t.file}.lock`, typeof content === 'string' ? content : JSON.stringify(content));
    const store = await open(t.file);
    expect(JSON.parse(readFileSync(`${t.file}.lock`, 'utf-8'))).toMatchObject({ pid: process.pid });
    await store.close();
  });
});

describe('a lock lost while running', () => {
  let t: ReturnType<typeof tempDir>;
  beforeEach(() => (t = tempDir()));
  afterEach(() => t.cleanup());

  const lost = /^store: the lock file .*policy\.json\.lock was removed or taken by another process; not writing/;
  it.each<[string, (lock: string) => void]>([
    ['removed', (lock) => unlinkSync(lock)],
    ['replaced by another process (other pid)', (lock) => writeFileSync(lock, JSON.stringify({ pid: 999999, startedAt: '2026-11-24T14:00:00.000Z' }))],
    ['replaced with the same content (a new file: another inode)', (lock) => {
      const content = readFileSync(lock);
      unlinkSync(lock);
      writeFileSync(`${lock}.other`, 'x'); // keep the old inode number from being reused at once
      writeFileSync(lock, content);
    }],
  ])('%s: the commit is refused with a store error, nothing is written, and writing stays stopped', async (_name, tamper) => {
    const store = await open(t.file);
    expect((await store.commit(block('before.example'))).ok).toBe(true);
    const state = readFileSync(t.file);
    const audit = readFileSync(`${t.file}.audit.jsonl`);
    const model = store.read();
    tamper(`${t.file}.lock`);
    const refused = await Promise.all([store.commit(block('a.example')), store.commit(block('b.example', 'contoso-west'))]);
    expect(refused).toEqual([
      { ok: false, reason: expect.stringMatching(lost) },
      { ok: false, reason: expect.stringMatching(lost) },
    ]);
    expect(readFileSync(t.file).equals(state)).toBe(true);
    expect(readFileSync(`${t.file}.audit.jsonl`).equals(audit)).toBe(true);
    expect(store.read()).toBe(model);
    expect(store.history('contoso-east', 0).total).toBe(1);
    // Stopped for good: this process is no longer the one writer, so later changes are refused too.
    expect(await store.undo({ orgId: 'contoso-east', actor: admin, request: 'undo', now: NOW })).toEqual({ ok: false, reason: expect.stringMatching(lost) });
    expect(readFileSync(t.file).equals(state)).toBe(true);
    await store.close();
  });

  it('a second process that took over the removed lock keeps it when this store closes', async () => {
    const store = await open(t.file);
    unlinkSync(`${t.file}.lock`);
    const child = startChild('hold', t.file);
    try {
      await child.waitFor(/^ready$/);
      expect(await store.commit(block('a.example'))).toEqual({ ok: false, reason: expect.stringMatching(lost) });
      await store.close();
      expect(JSON.parse(readFileSync(`${t.file}.lock`, 'utf-8'))).toMatchObject({ pid: child.process.pid });
    } finally {
      await kill(child);
    }
  });
});
