import { linkSync, mkdirSync, readFileSync, rmdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Planner } from '../../src/store/planner';
import { block, BLOCK_EVIL_ENTRY, open, readStore, tempDir } from './fixtures';
import { testPlanner } from './testPlanner';

const onDisk = readStore;

/** What only the file store does; what every store does is in contract/storeContract.ts. */
describe('commit (lowdb file)', () => {
  let t: ReturnType<typeof tempDir>;
  beforeEach(() => (t = tempDir()));
  afterEach(() => t.cleanup());

  it('writes the change and its audit entry in one write, then acknowledges', async () => {
    const store = await open(t.file, { newId: () => 'c1' });
    const result = await store.commit(block('evil.example'));
    expect(result.ok).toBe(true);
    const file = onDisk(t.file);
    expect(file.organizations[0]!.settings!.blockedDomains).toEqual(['evil.example']);
    expect(file.audit).toEqual([
      // No `inverse`: it is exactly the before values as a restore change, so undo derives it.
      BLOCK_EVIL_ENTRY,
    ]);
    if (result.ok) expect(result.entry).toEqual(file.audit[0]);
    await store.close();
  });

  it('writes by temp file + rename: the old file (inode) is never written to', async () => {
    const store = await open(t.file);
    const witness = `${t.file}.witness`;
    linkSync(t.file, witness); // a second name for the current inode
    const old = readFileSync(witness, 'utf-8');
    await store.commit(block('evil.example'));
    expect(readFileSync(witness, 'utf-8')).toBe(old);
    expect(statSync(t.file).ino).not.toBe(statSync(witness).ino);
    expect(onDisk(t.file).audit).toHaveLength(1);
    await store.close();
  });

  it("re-plans inside the queue: the planner's refusal comes back and nothing is written", async () => {
    const store = await open(t.file);
    await store.commit(block('dup.example'));
    const before = readFileSync(t.file);
    expect(await store.commit(block('dup.example'))).toEqual({ ok: false, reason: 'Already blocked.' });
    expect(readFileSync(t.file).equals(before)).toBe(true);
    expect(store.revision()).toBe(1);
    await store.close();
  });

  it('refuses to write what does not validate and keeps the file and model as they were', async () => {
    const broken: Planner = (model, change, actor, now) => {
      const result = testPlanner(model, change, actor, now);
      if (!result.ok) return result;
      const [first, ...rest] = result.next.organizations;
      return { ...result, next: { organizations: [{ ...first!, domains: [] }, ...rest] } };
    };
    const store = await open(t.file, { plan: broken });
    const model = store.read();
    const before = readFileSync(t.file);
    const result = await store.commit(block('evil.example'));
    expect(result).toEqual({ ok: false, reason: expect.stringMatching(/^store: .*policy\.json: refusing to write invalid data at organizations\[0\]\.domains: /) });
    expect(readFileSync(t.file).equals(before)).toBe(true);
    expect(store.read()).toBe(model);
    expect(store.history('contoso-east', 0).total).toBe(0);
    await store.close();
  });

  it('a failed write acknowledges nothing and rolls the batch back; the next write carries on', async () => {
    const store = await open(t.file);
    const model = store.read();
    const auditBefore = readFileSync(`${t.file}.audit.jsonl`);
    mkdirSync(join(t.dir, '.policy.json.tmp')); // steno's temp file cannot be written: EISDIR
    const failed = await Promise.all([store.commit(block('a.example')), store.commit(block('b.example'))]);
    expect(failed).toEqual([
      { ok: false, reason: expect.stringMatching(/^store: .*policy\.json: could not save the change: EISDIR/) },
      { ok: false, reason: expect.stringMatching(/^store: .*could not save the change/) },
    ]);
    expect(store.read()).toBe(model);
    expect(store.revision()).toBe(0);
    expect(store.history('contoso-east', 0).total).toBe(0);
    expect(readFileSync(`${t.file}.audit.jsonl`).equals(auditBefore)).toBe(true); // appended, then taken back out
    rmdirSync(join(t.dir, '.policy.json.tmp'));
    expect((await store.commit(block('c.example'))).ok).toBe(true);
    expect(onDisk(t.file).audit.map((e) => e.request)).toEqual(['block c.example']);
    expect(store.read().organizations[0]!.settings!.blockedDomains).toEqual(['c.example']);
    await store.close();
  });

});

describe('close', () => {
  it('waits for queued writes, releases the lock and refuses later changes', async () => {
    const t = tempDir();
    try {
      const store = await open(t.file);
      const queued = Array.from({ length: 20 }, (_, i) => store.commit(block(`q${i}.example`)));
      await store.close();
      expect(onDisk(t.file).audit).toHaveLength(20);
      expect((await Promise.all(queued)).every((r) => r.ok)).toBe(true);
      expect(await store.commit(block('late.example'))).toEqual({ ok: false, reason: expect.stringMatching(/^store: .* is closed/) });
      const again = await open(t.file);
      expect(again.history('contoso-east', 0).total).toBe(20);
      await again.close();
      await store.close();
    } finally {
      t.cleanup();
    }
  });
});
