import { linkSync, mkdirSync, readFileSync, rmdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Planner } from '../../src/store/planner';
import type { PolicyStore } from '../../src/store/types';
import { admin, block, NOW, open, readStore, tempDir } from './fixtures';
import { testPlanner } from './testPlanner';

const onDisk = readStore;

describe('commit', () => {
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
      {
        id: 'c1',
        time: NOW.toISOString(),
        actor: { address: admin.address, displayName: admin.displayName, objectId: admin.objectId },
        orgId: 'contoso-east',
        request: 'block evil.example',
        change: { kind: 'addBlocked', org: 'contoso-east', domains: ['evil.example'] },
        summary: 'Block evil.example',
        touched: ['settings.blockedDomains'],
        before: { 'settings.blockedDomains': [] },
        after: { 'settings.blockedDomains': ['evil.example'] },
        // No `inverse`: it is exactly the before values as a restore change, so undo derives it.
      },
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

  it('records an actor without display name or object id as just the address', async () => {
    const store = await open(t.file);
    await store.commit({ ...block('a.example'), actor: { address: 'x@contosoeast.com', adminOf: [] } });
    expect(onDisk(t.file).audit[0]!.actor).toEqual({ address: 'x@contosoeast.com' });
    await store.close();
  });

  it('replaces the model object on every commit and never mutates the old one', async () => {
    const store = await open(t.file);
    const first = store.read();
    const firstJson = JSON.stringify(first);
    const result = await store.commit(block('evil.example'));
    const second = store.read();
    expect(second).not.toBe(first);
    expect(JSON.stringify(first)).toBe(firstJson);
    if (result.ok) expect(result.model).toBe(second);
    // Organizations the change did not touch are shared, so per-object caches stay warm.
    expect(second.organizations[1]).toBe(first.organizations[1]);
    expect(Object.isFrozen(second.organizations[0]!.settings!.blockedDomains)).toBe(true);
    await store.close();
  });

  it('bumps the revision and refuses a plan made against an older one as stale', async () => {
    const store = await open(t.file);
    const planned = store.revision();
    await store.commit(block('one.example'));
    expect(store.revision()).toBe(planned + 1);
    // Blocked meanwhile: planned again now, the change does something else (nothing).
    await store.commit(block('two.example'));
    const stale = await store.commit({ ...block('two.example'), expectedRevision: planned });
    expect(stale).toEqual({ ok: false, stale: true, reason: expect.stringMatching(/^store: /) });
    const fresh = await store.commit({ ...block('three.example'), expectedRevision: store.revision() });
    expect(fresh.ok).toBe(true);
    await store.close();
  });

  // Stale means "what the admin saw is no longer what the change does", not "anything moved":
  // otherwise concurrent admins invalidate each other and re-queue without end.
  it.each<[string, boolean, (s: PolicyStore) => Promise<unknown>, ReturnType<typeof block>]>([
    ['another organization changed meanwhile', false, (s) => s.commit(block('w.example', 'contoso-west')), block('x.example')],
    ['the same organization changed another entry of the list', false, (s) => s.commit(block('y.example')), block('x.example')],
    ['the same organization changed another setting', false, (s) => s.commit({ ...block('z'), change: { kind: 'setFederation', org: 'contoso-east', enabled: false } }), block('x.example')],
    ['the same entry was blocked meanwhile', true, (s) => s.commit(block('x.example')), block('x.example')],
    [
      'the same organization changed, and the plan is older than the 64 models kept',
      true,
      async (s) => {
        await s.commit(block('y.example'));
        for (let i = 0; i < 70; i++) await s.commit(block(`w${i}.example`, 'contoso-west'));
      },
      block('x.example'),
    ],
  ])('a plan made before: %s → stale %s', async (_name, stale, meanwhile, change) => {
    const store = await open(t.file);
    const planned = store.revision();
    await meanwhile(store);
    const result = await store.commit({ ...change, expectedRevision: planned });
    expect(result.ok ? 'committed' : result.stale === true ? 'stale' : result.reason).toBe(stale ? 'stale' : 'committed');
    await store.close();
  });

  it('refuses a revision from the future as stale', async () => {
    const store = await open(t.file);
    expect(await store.commit({ ...block('x.example'), expectedRevision: 5 })).toMatchObject({ ok: false, stale: true });
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

  it('keeps working after a planner bug (a throw rejects that commit only)', async () => {
    const store = await open(t.file, {
      plan: (m, c, a, n) => {
        if (c.kind === 'setFederation') throw new Error('bug');
        return testPlanner(m, c, a, n);
      },
    });
    const bad = store.commit({ ...block('x'), change: { kind: 'setFederation', org: 'contoso-east', enabled: false } });
    const good = store.commit(block('fine.example'));
    await expect(bad).rejects.toThrow('bug');
    expect((await good).ok).toBe(true);
    await store.close();
  });

  it('records the inverse when it is not simply the before values', async () => {
    const odd: Planner = (model, change, actor, now) => {
      const result = testPlanner(model, change, actor, now);
      return result.ok ? { ...result, plan: { ...result.plan, inverse: { kind: 'removeBlocked', org: change.org, domains: ['evil.example'] } } } : result;
    };
    const store = await open(t.file, { plan: odd });
    await store.commit(block('evil.example'));
    expect(onDisk(t.file).audit[0]!.inverse).toEqual({ kind: 'removeBlocked', org: 'contoso-east', domains: ['evil.example'] });
    const undone = await store.undo({ orgId: 'contoso-east', actor: admin, request: 'undo', now: NOW });
    expect(undone).toMatchObject({ ok: true, entry: { change: { kind: 'removeBlocked' } } });
    expect(store.read().organizations[0]!.settings!.blockedDomains).toEqual([]);
    await store.close();
  });

  it('replaces the model object even when the plan changes nothing (next === model)', async () => {
    const noop: Planner = (model, change, actor, now) => {
      const result = testPlanner(model, change, actor, now);
      return result.ok ? { ...result, next: model, plan: { ...result.plan, touched: [], before: {}, after: {} } } : result;
    };
    const store = await open(t.file, { plan: noop });
    const first = store.read();
    expect((await store.commit(block('evil.example'))).ok).toBe(true);
    expect(store.read()).not.toBe(first);
    expect(store.read()).toEqual(first);
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

  it('validates in full mode too', async () => {
    const store = await open(t.file, { validation: 'full' });
    expect((await store.commit(block('evil.example'))).ok).toBe(true);
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
