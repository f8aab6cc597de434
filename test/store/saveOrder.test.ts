import { existsSync, readFileSync } from 'node:fs';
import { auditPath } from '../../src/store/auditFile';
import { loadStoreFile } from '../../src/store/loadStoreFile';
import { acquireLock } from '../../src/store/lockFile';
import type { HeldLock } from '../../src/store/lockFile';
import { LowdbPolicyStore } from '../../src/store/lowdbStore';
import type { LowdbStoreDeps } from '../../src/store/lowdbStore';
import type { Planner } from '../../src/store/planner';
import { tempFileOf } from '../../src/store/storeFileAdapter';
import type { StateFileWriter } from '../../src/store/storeFileAdapter';
import { block, NOW, open, readAuditLines, SEED, tempDir } from './fixtures';
import { testPlanner } from './testPlanner';

/** A promise and the functions that settle it. */
function deferred<T = void>() {
  let resolve!: (value: T) => void;
  let reject!: (err: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

type Audit = LowdbStoreDeps['audit'];
interface Wrap {
  audit?: (real: Audit) => Audit;
  state?: (real: StateFileWriter) => StateFileWriter;
  lock?: (real: HeldLock) => HeldLock;
  plan?: Planner;
}

/** The store `openStore` builds, with its audit file, state writer or lock wrapped to hold or fail a step. */
async function openWrapped(file: string, wrap: Wrap): Promise<LowdbPolicyStore> {
  const locked = await acquireLock(file, NOW);
  if (!locked.ok) throw new Error(locked.error);
  const loaded = await loadStoreFile(file, SEED, NOW);
  if (!loaded.ok) throw new Error(loaded.error);
  let id = 0;
  return new LowdbPolicyStore({
    file,
    data: loaded.db.data,
    state: wrap.state?.(loaded.state) ?? loaded.state,
    audit: wrap.audit?.(loaded.audit) ?? loaded.audit,
    auditLines: loaded.lines,
    lock: wrap.lock?.(locked.lock) ?? locked.lock,
    plan: wrap.plan ?? testPlanner,
    newId: () => `w${id++}`,
    validation: 'incremental',
  });
}

type Step = 'append' | 'writeTemp' | 'replace' | 'rollback';

/**
 * The steps of a write, observable (`calls`, and promises resolved once the real step is done), and
 * made to fail on demand (`fail`): a failing append waits until the temp file is written, a failing
 * temp write until the lines are appended (unless that step fails too), so each failure comes
 * after the other step succeeded.
 */
function watched(fail: Set<Step> = new Set(), hold: Partial<Record<Step, Promise<void>>> = {}) {
  const appended = deferred<number>();
  const tempWritten = deferred();
  const calls: Step[] = [];
  const audit = (real: Audit): Audit => ({
    get full() {
      return real.full;
    },
    rotateIfFull: () => real.rotateIfFull(),
    append: async (lines) => {
      calls.push('append');
      await hold.append;
      if (fail.has('append')) {
        if (!fail.has('writeTemp')) await tempWritten.promise;
        throw injected('append');
      }
      const mark = await real.append(lines);
      appended.resolve(mark);
      return mark;
    },
    rollback: async (mark, entries) => {
      calls.push('rollback');
      if (fail.has('rollback')) throw injected('truncate');
      return real.rollback(mark, entries);
    },
    close: () => real.close(),
  });
  const state = (real: StateFileWriter): StateFileWriter => ({
    writeTemp: async (data) => {
      calls.push('writeTemp');
      await hold.writeTemp;
      if (fail.has('writeTemp')) {
        if (!fail.has('append')) await appended.promise;
        throw injected('temp write');
      }
      await real.writeTemp(data);
      tempWritten.resolve();
    },
    replace: async (data) => {
      calls.push('replace');
      if (fail.has('replace')) throw injected('rename');
      return real.replace(data);
    },
  });
  return { appended, tempWritten, calls, fail, audit, state };
}

const injected = (what: string) => new Error(`EIO: ${what} (injected)`);

describe('a batch writes its audit lines and its temp file at once, and renames only after both', () => {
  let t: ReturnType<typeof tempDir>;
  beforeEach(() => (t = tempDir()));
  afterEach(() => t.cleanup());

  it('while the append is in flight the temp file is written but the state file is not replaced, nor the change acknowledged', async () => {
    const release = deferred();
    const w = watched(new Set(), { append: release.promise });
    const store = await openWrapped(t.file, { audit: w.audit, state: w.state });
    const state = readFileSync(t.file);
    let acknowledged = false;
    const committing = store.commit(block('a.example')).then((r) => ((acknowledged = true), r));
    await w.tempWritten.promise;
    expect(readFileSync(tempFileOf(t.file), 'utf-8')).toContain('"a.example"');
    expect(readFileSync(t.file).equals(state)).toBe(true);
    expect(w.calls).toEqual(['append', 'writeTemp']);
    expect(acknowledged).toBe(false);
    release.resolve();
    expect(await committing).toMatchObject({ ok: true });
    expect(w.calls).toEqual(['append', 'writeTemp', 'replace']);
    expect(readFileSync(t.file, 'utf-8')).toContain('"a.example"');
    expect(existsSync(tempFileOf(t.file))).toBe(false);
    await store.close();
  });

  it('while the temp file is being written the lines are appended, and the state waits for the temp file', async () => {
    const release = deferred();
    const w = watched(new Set(), { writeTemp: release.promise });
    const store = await openWrapped(t.file, { audit: w.audit, state: w.state });
    const state = readFileSync(t.file);
    const committing = store.commit(block('a.example'));
    await w.appended.promise;
    expect(readAuditLines(t.file).map((l) => l.entry.request)).toEqual(['block a.example']);
    expect(readFileSync(t.file).equals(state)).toBe(true);
    release.resolve();
    expect(await committing).toMatchObject({ ok: true });
    expect(w.calls).toEqual(['append', 'writeTemp', 'replace']);
    await store.close();
  });

  const appendReason = /^store: .*policy\.json: could not append to the audit log: EIO: append \(injected\)$/;
  it.each<[string, Step[], RegExp, Step[]]>([
    ['the append fails after the temp file was written: no rename, nothing to take back', ['append'], appendReason, ['append', 'writeTemp']],
    ['the temp write fails after the lines were appended: they are taken back out', ['writeTemp'], /^store: .*policy\.json: could not save the change: EIO: temp write \(injected\)$/, ['append', 'writeTemp', 'rollback']],
    ['the rename fails after both: the lines are taken back out', ['replace'], /^store: .*policy\.json: could not save the change: EIO: rename \(injected\)$/, ['append', 'writeTemp', 'replace', 'rollback']],
    ['both fail: the append is reported', ['append', 'writeTemp'], appendReason, ['append', 'writeTemp']],
  ])('%s; nothing is acknowledged, the files are as before, the next batch writes', async (_name, failing, reason, calls) => {
    const w = watched(new Set(failing));
    const store = await openWrapped(t.file, { audit: w.audit, state: w.state });
    const model = store.read();
    const state = readFileSync(t.file);
    const audit = existsSync(auditPath(t.file)) ? readFileSync(auditPath(t.file)) : Buffer.alloc(0);
    const failed = await Promise.all([store.commit(block('a.example')), store.commit(block('b.example', 'contoso-west'))]);
    expect(failed).toEqual([
      { ok: false, reason: expect.stringMatching(reason) },
      { ok: false, reason: expect.stringMatching(reason) },
    ]);
    expect(w.calls).toEqual(calls);
    expect(readFileSync(t.file).equals(state)).toBe(true);
    expect((existsSync(auditPath(t.file)) ? readFileSync(auditPath(t.file)) : Buffer.alloc(0)).equals(audit)).toBe(true);
    expect(store.read()).toBe(model);
    expect(store.revision()).toBe(0);
    expect(store.history('contoso-east', 0).total).toBe(0);
    // A temp file the failed batch left is overwritten by the next write, never renamed as it was.
    w.fail.clear();
    expect(await store.commit(block('c.example'))).toMatchObject({ ok: true });
    expect(readAuditLines(t.file).map((l) => [l.revision, l.entry.request])).toEqual([[1, 'block c.example']]);
    const written = JSON.parse(readFileSync(t.file, 'utf-8')) as { revision: number; organizations: Array<{ settings?: { blockedDomains?: string[] } }> };
    expect(written.revision).toBe(1);
    expect(written.organizations.flatMap((o) => o.settings?.blockedDomains ?? [])).toEqual(['c.example']);
    await store.close();
    const again = await open(t.file);
    expect(again.revision()).toBe(1);
    expect(again.history('contoso-east', 0).entries.map((e) => e.request)).toEqual(['block c.example']);
    await again.close();
  });

  it('a failed append leaves its temp file; reopening removes it and the state is as acknowledged', async () => {
    const w = watched(new Set(['append']));
    const store = await openWrapped(t.file, { audit: w.audit, state: w.state });
    const state = readFileSync(t.file);
    expect(await store.commit(block('a.example'))).toEqual({ ok: false, reason: expect.stringMatching(appendReason) });
    expect(existsSync(tempFileOf(t.file))).toBe(true);
    await store.close();
    const again = await open(t.file);
    expect(existsSync(tempFileOf(t.file))).toBe(false);
    expect(readFileSync(t.file).equals(state)).toBe(true);
    expect(again.revision()).toBe(0);
    await again.close();
  });

  it('a failed temp write whose lines cannot be taken back stops writing', async () => {
    const w = watched(new Set(['writeTemp', 'rollback']));
    const store = await openWrapped(t.file, { audit: w.audit, state: w.state });
    expect(await store.commit(block('a.example'))).toEqual({ ok: false, reason: expect.stringMatching(/could not save the change: EIO: temp write/) });
    const stopped = /^store: .*policy\.json: stopped writing: a failed change could not be taken back out of the audit log \(EIO: truncate \(injected\)\); restart the bot$/;
    expect(await store.commit(block('b.example'))).toEqual({ ok: false, reason: expect.stringMatching(stopped) });
    expect(await store.health()).toEqual({ ok: false, reason: expect.stringMatching(stopped) });
    await store.close();
  });
});

describe('the lock check of a batch', () => {
  let t: ReturnType<typeof tempDir>;
  beforeEach(() => (t = tempDir()));
  afterEach(() => t.cleanup());

  it('starts before the batch is planned, and nothing is written before it says the lock is ours', async () => {
    const order: string[] = [];
    const verdict = deferred<string | undefined>();
    const w = watched();
    const store = await openWrapped(t.file, {
      audit: w.audit,
      state: w.state,
      lock: (real) => ({ ...real, check: () => (order.push('lock check'), verdict.promise) }),
      plan: (...args) => (order.push('plan'), testPlanner(...args)),
    });
    const committing = Promise.all([store.commit(block('a.example')), store.commit(block('b.example'))]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(order).toEqual(['lock check', 'plan', 'plan']);
    expect(w.calls).toEqual([]);
    verdict.resolve(undefined);
    expect((await committing).map((r) => r.ok)).toEqual([true, true]);
    expect(w.calls).toEqual(['append', 'writeTemp', 'replace']);
    await store.close();
  });

  it.each<[string, () => Promise<string | undefined>, RegExp]>([
    ['lost', () => Promise.resolve('store: the lock file x.lock was removed or taken by another process; not writing'), /^store: the lock file x\.lock was removed/],
    ['a check that throws', () => Promise.reject(new Error('EIO')), /^store: the lock file .*policy\.json\.lock could not be checked \(EIO\); not writing$/],
  ])('%s: neither the audit file nor the temp file is written, and writing stays stopped', async (_name, check, reason) => {
    const w = watched();
    const store = await openWrapped(t.file, { audit: w.audit, state: w.state, lock: (real) => ({ ...real, check }) });
    const state = readFileSync(t.file);
    expect(await store.commit(block('a.example'))).toEqual({ ok: false, reason: expect.stringMatching(reason) });
    expect(await store.commit(block('b.example'))).toEqual({ ok: false, reason: expect.stringMatching(reason) });
    expect(w.calls).toEqual([]);
    expect(existsSync(tempFileOf(t.file))).toBe(false);
    expect(readFileSync(t.file).equals(state)).toBe(true);
    await store.close();
  });
});
