import type { Change } from '../../../src/policy/change';
import { shownPrint, stillAsShown } from '../../../src/policy/fingerprint';
import type { PolicyStore } from '../../../src/store';
import type { Planner } from '../../../src/store/planner';
import { bigStore } from '../bigStore';
import { pick, prng, testSeed } from '../../support/prng';
import { admin, block, BLOCK_EVIL_ENTRY, NOW } from '../fixtures';
import { testPlanner } from '../testPlanner';
import type { OpenOptions, StoreFactory } from './factories';

const federation = (enabled: boolean) => ({ change: { kind: 'setFederation' as const, org: 'contoso-east', enabled }, actor: admin, request: `federation ${enabled}`, now: NOW });
const undo = (store: PolicyStore, entryId?: string) => store.undo({ orgId: 'contoso-east', actor: admin, request: 'undo', now: NOW, ...(entryId !== undefined && { entryId }) });
const blocked = (store: PolicyStore) => store.read().organizations[0]!.settings!.blockedDomains;
const counter = (prefix = 'e') => {
  let n = 0;
  return () => `${prefix}${n++}`;
};

type CommitInput = Parameters<PolicyStore['commit']>[0];

/**
 * A change as the bot (and the import CLI) confirms it: planned and fingerprinted on the model seen
 * at preview time, applied only while still as shown.
 */
function previewed(store: PolicyStore, input: CommitInput): CommitInput {
  const model = store.read();
  const result = testPlanner(model, input.change, input.actor, input.now);
  if (!result.ok) throw new Error(result.reason);
  const shown = shownPrint(result.plan);
  return { ...input, stillAsShown: (before, plan) => stillAsShown(shown, before, plan) };
}

/** Previews undoing the latest change of contoso-east; the returned function confirms it. */
function previewedUndo(store: PolicyStore): () => ReturnType<PolicyStore['undo']> {
  const preview = store.previewUndo({ orgId: 'contoso-east', actor: admin, now: NOW });
  if (!preview.ok) throw new Error(preview.reason);
  const shown = shownPrint(preview.plan);
  return () =>
    store.undo({ orgId: 'contoso-east', entryId: preview.entry.id, actor: admin, request: 'undo', now: NOW, stillAsShown: (before, plan) => stillAsShown(shown, before, plan) });
}

/** The test planner, counting its calls. */
function counting(): { plan: Planner; calls: () => number } {
  let calls = 0;
  return { plan: (...args) => (calls++, testPlanner(...args)), calls: () => calls };
}

/**
 * What every `PolicyStore` promises, whatever holds the data: run once per implementation (lowdb
 * and PostgreSQL). What only a file has (its lock, temp file + rename, audit file rotation, a
 * crash mid-write) stays in the lowdb suites.
 */
export function storeContract(make: () => StoreFactory): void {
  const factory = make();
  let stores: PolicyStore[] = [];
  /** Opens a store that is closed after the test. */
  const open = async (options: OpenOptions = {}): Promise<PolicyStore> => {
    const store = await factory.open(options);
    stores.push(store);
    return store;
  };
  beforeEach(() => factory.reset());
  afterEach(async () => {
    for (const s of stores) await s.close();
    stores = [];
  });
  afterAll(() => factory.cleanup());

  describe('commit', () => {
    it('records the change and its audit entry, acknowledged only once it is kept (a reopened store has it)', async () => {
      const store = await open({ newId: () => 'c1' });
      const result = await store.commit(block('evil.example'));
      const entry = BLOCK_EVIL_ENTRY;
      expect(result).toMatchObject({ ok: true, entry });
      await store.close();
      const again = await open();
      expect(blocked(again)).toEqual(['evil.example']);
      expect(again.history('contoso-east', 0).entries).toEqual([entry]);
      expect(again.revision()).toBe(1);
    });

    it('records an actor without display name or object id as just the address', async () => {
      const store = await open();
      await store.commit({ ...block('a.example'), actor: { address: 'x@contosoeast.com', adminOf: [] } });
      expect(store.lastChange('contoso-east')?.actor).toEqual({ address: 'x@contosoeast.com' });
    });

    it('replaces the model object on every commit and never mutates the old one', async () => {
      const store = await open();
      const first = store.read();
      const firstJson = JSON.stringify(first);
      const result = await store.commit(block('evil.example'));
      const second = store.read();
      expect(second).not.toBe(first);
      expect(JSON.stringify(first)).toBe(firstJson);
      if (result.ok) expect(result.model).toBe(second);
      expect(second.organizations[1]).toBe(first.organizations[1]);
      expect(Object.isFrozen(second.organizations[0]!.settings!.blockedDomains)).toBe(true);
    });

    it('bumps the revision on every commit', async () => {
      const store = await open();
      const first = store.revision();
      await store.commit(block('one.example'));
      expect(store.revision()).toBe(first + 1);
      await store.commit(block('two.example', 'contoso-west'));
      expect(store.revision()).toBe(first + 2);
    });

    it.each<[string, CommitInput, string, (s: PolicyStore) => Promise<unknown>]>([
      ['nothing changed meanwhile', block('x.example'), 'committed', async () => undefined],
      ['another organization changed meanwhile', block('x.example'), 'committed', (s) => s.commit(block('w.example', 'contoso-west'))],
      [
        'another organization changed 70 times meanwhile (no limit on how old a preview may be)',
        block('x.example'),
        'committed',
        async (s) => {
          for (let i = 0; i < 70; i++) await s.commit(block(`w${i}.example`, 'contoso-west'));
        },
      ],
      // What it does is unchanged: x.example is still added, and only x.example.
      ['the same organization blocked another domain meanwhile', block('x.example'), 'committed', (s) => s.commit(block('y.example'))],
      ['the same organization turned its switch off meanwhile (a turn-off previewed)', federation(false), 'stale', (s) => s.commit(federation(false))],
      ['the same organization blocked a domain meanwhile (a turn-off previewed)', federation(false), 'committed', (s) => s.commit(block('y.example'))],
      ['the same entry was blocked meanwhile', block('x.example'), 'Already blocked.', (s) => s.commit(block('x.example'))],
    ])('a change previewed before, then confirmed: %s → %s', async (_name, change, expected, meanwhile) => {
      const store = await open();
      const input = previewed(store, change);
      await meanwhile(store);
      const revision = store.revision();
      const result = await store.commit(input);
      expect(result.ok ? 'committed' : result.stale === true ? 'stale' : result.reason).toBe(expected);
      expect(store.revision()).toBe(result.ok ? revision + 1 : revision);
      if (result.ok && change.change.kind === 'addBlocked') expect(blocked(store)).toContain('x.example');
    });

    it('the stale refusal names the store and records nothing', async () => {
      const store = await open();
      const input = previewed(store, federation(false));
      await store.commit(federation(false));
      const model = store.read();
      expect(await store.commit(input)).toEqual({ ok: false, stale: true, reason: expect.stringMatching(/^store: .*preview it again/) });
      expect(store.read()).toBe(model);
      expect(store.history('contoso-east', 0).total).toBe(1);
    });

    it('seeded: a confirmation applies exactly when it still does what its preview showed', async () => {
      const rand = prng(testSeed(18));
      const store = await open();
      const orgs = ['contoso-east', 'contoso-west'];
      const federationOf = (org: string): boolean => store.read().organizations.find((o) => o.id === org)!.settings!.allowFederatedUsers;
      // Up to three previews waiting at once, confirmed in a random order: blocks of new domains (they
      // always still do what they showed) and flips of the switch (shown as its value then → the other).
      const waiting: Array<{ org: string; input: CommitInput; switchWas?: boolean }> = [];
      const outcomes = new Set<string>();
      for (let step = 0; step < 60; step++) {
        if (waiting.length < 3 && (waiting.length === 0 || rand() < 0.5)) {
          const org = pick(rand, orgs);
          if (rand() < 0.5) {
            waiting.push({ org, input: previewed(store, block(`s${step}.example`, org)) });
          } else {
            const was = federationOf(org);
            waiting.push({ org, input: previewed(store, { ...federation(!was), change: { kind: 'setFederation', org, enabled: !was } }), switchWas: was });
          }
          continue;
        }
        const [next] = waiting.splice(Math.floor(rand() * waiting.length), 1);
        const asShown = next!.switchWas === undefined || federationOf(next!.org) === next!.switchWas;
        const result = await store.commit(next!.input);
        const outcome = result.ok ? 'committed' : result.stale === true ? 'stale' : result.reason;
        expect({ step, outcome }).toEqual({ step, outcome: asShown ? 'committed' : 'stale' });
        outcomes.add(outcome);
      }
      // The seed exercises both answers.
      expect([...outcomes].sort()).toEqual(['committed', 'stale']);
    });

    it("re-plans at commit time: the planner's refusal comes back and nothing is recorded", async () => {
      const store = await open();
      await store.commit(block('dup.example'));
      expect(await store.commit(block('dup.example'))).toEqual({ ok: false, reason: 'Already blocked.' });
      expect(store.revision()).toBe(1);
      expect(store.history('contoso-east', 0).total).toBe(1);
    });

    it('refuses to write what does not validate and keeps the store and model as they were', async () => {
      const broken: Planner = (model, change, actor, now) => {
        const result = testPlanner(model, change, actor, now);
        if (!result.ok) return result;
        const [first, ...rest] = result.next.organizations;
        return { ...result, next: { organizations: [{ ...first!, domains: [] }, ...rest] } };
      };
      const store = await open({ plan: broken });
      const model = store.read();
      const result = await store.commit(block('evil.example'));
      expect(result).toEqual({ ok: false, reason: expect.stringMatching(/^store: .*: refusing to write invalid data at organizations\[0\]\.domains: /) });
      expect(store.read()).toBe(model);
      expect(store.revision()).toBe(0);
      expect(store.history('contoso-east', 0).total).toBe(0);
      await store.close();
      expect((await open()).history('contoso-east', 0).total).toBe(0);
    });

    it('keeps working after a planner bug (a throw rejects that commit only)', async () => {
      const store = await open({
        plan: (m, c, a, n) => {
          if (c.kind === 'setFederation') throw new Error('bug');
          return testPlanner(m, c, a, n);
        },
      });
      const bad = store.commit(federation(false));
      const good = store.commit(block('fine.example'));
      await expect(bad).rejects.toThrow('bug');
      expect((await good).ok).toBe(true);
      expect(store.revision()).toBe(1);
    });

    it('records the inverse when it is not simply the before values, and undo applies it', async () => {
      const odd: Planner = (model, change, actor, now) => {
        const result = testPlanner(model, change, actor, now);
        return result.ok ? { ...result, plan: { ...result.plan, inverse: { kind: 'removeBlocked', org: change.org, domains: ['evil.example'] } } } : result;
      };
      const store = await open({ plan: odd });
      await store.commit(block('evil.example'));
      expect(store.lastChange('contoso-east')?.inverse).toEqual({ kind: 'removeBlocked', org: 'contoso-east', domains: ['evil.example'] });
      expect(await undo(store)).toMatchObject({ ok: true, entry: { change: { kind: 'removeBlocked' } } });
      expect(blocked(store)).toEqual([]);
    });

    it('replaces the model object even when the plan changes nothing (next === model)', async () => {
      const noop: Planner = (model, change, actor, now) => {
        const result = testPlanner(model, change, actor, now);
        return result.ok ? { ...result, next: model, plan: { ...result.plan, touched: [], before: {}, after: {} } } : result;
      };
      const store = await open({ plan: noop });
      const first = store.read();
      expect((await store.commit(block('evil.example'))).ok).toBe(true);
      expect(store.read()).not.toBe(first);
      expect(store.read()).toEqual(first);
    });

    it('validates in full mode too', async () => {
      const store = await open({ validation: 'full' });
      expect((await store.commit(block('evil.example'))).ok).toBe(true);
    });

    it('300 concurrent commits over two organizations all land once, in the model, the audit log and a reopened store', async () => {
      const store = await open();
      const domains = Array.from({ length: 300 }, (_, i) => `d${i}.example`);
      const results = await Promise.all(domains.map((d, i) => store.commit(block(d, i % 2 === 0 ? 'contoso-east' : 'contoso-west'))));
      expect(results.filter((r) => !r.ok)).toEqual([]);
      expect(store.revision()).toBe(300);
      const all = (s: PolicyStore) => new Set(s.read().organizations.flatMap((o) => o.settings?.blockedDomains ?? []));
      expect(all(store)).toEqual(new Set(domains));
      await store.close();
      const again = await open();
      expect(all(again)).toEqual(new Set(domains));
      expect(again.history('contoso-east', 0).total + again.history('contoso-west', 0).total).toBe(300);
    });
  });

  describe('close', () => {
    it('waits for changes in flight and refuses later ones', async () => {
      const store = await open();
      const queued = Array.from({ length: 20 }, (_, i) => store.commit(block(`q${i}.example`)));
      await store.close();
      expect((await Promise.all(queued)).every((r) => r.ok)).toBe(true);
      expect(await store.commit(block('late.example'))).toEqual({ ok: false, reason: expect.stringMatching(/^store: .* is closed/) });
      expect((await open()).history('contoso-east', 0).total).toBe(20);
    });
  });

  describe('history', () => {
    it('is per organization, newest first, paged from page 0 with 10 per page by default', async () => {
      const store = await open({ newId: counter() });
      for (let i = 0; i < 23; i++) await store.commit(block(`east${i}.example`));
      await store.commit(block('west.example', 'contoso-west'));
      expect(store.history('contoso-east', 0)).toMatchObject({ page: 0, pageSize: 10, total: 23 });
      expect(store.history('contoso-east', 0).entries.map((e) => e.request)).toEqual(Array.from({ length: 10 }, (_, i) => `block east${22 - i}.example`));
      expect(store.history('contoso-east', 2).entries.map((e) => e.request)).toEqual(['block east2.example', 'block east1.example', 'block east0.example']);
      expect(store.history('contoso-east', 3).entries).toEqual([]);
      expect(store.history('contoso-east', 1, 5).entries.map((e) => e.id)).toEqual(['e17', 'e16', 'e15', 'e14', 'e13']);
      expect(store.history('contoso-west', 0)).toMatchObject({ total: 1, entries: [{ request: 'block west.example' }] });
      expect(store.history('fabrikam', 0)).toEqual({ entries: [], page: 0, pageSize: 10, total: 0 });
      expect(store.lastChange('contoso-west')?.id).toBe('e23');
      expect(store.lastChange('fabrikam')).toBeUndefined();
      await store.close();
      expect((await open()).history('contoso-east', 0, 3).entries.map((e) => e.id)).toEqual(['e22', 'e21', 'e20']);
    });
  });

  describe('undo', () => {
    it('puts back the latest change of the organization through the planner, audited with undoes', async () => {
      const store = await open({ newId: counter() });
      await store.commit(block('a.example'));
      await store.commit(block('b.example'));
      expect(await undo(store)).toMatchObject({
        ok: true,
        entry: { id: 'e2', undoes: 'e1', request: 'undo', change: { kind: 'restore', settings: { blockedDomains: ['a.example'] } } },
        plan: { touched: ['settings.blockedDomains'] },
      });
      expect(blocked(store)).toEqual(['a.example']);
      await store.close();
      const again = await open();
      expect(blocked(again)).toEqual(['a.example']);
      expect(again.history('contoso-east', 0).entries.map((e) => e.id)).toEqual(['e2', 'e1', 'e0']);
    });

    it('undoes a given entry when no later change touched the same settings', async () => {
      const store = await open({ newId: counter() });
      await store.commit(block('a.example'));
      await store.commit(federation(false));
      expect(await undo(store, 'e0')).toMatchObject({ ok: true, entry: { undoes: 'e0' } });
      expect(blocked(store)).toEqual([]);
      expect(store.read().organizations[0]!.settings!.allowFederatedUsers).toBe(false);
    });

    it('undoing the undo puts the change back', async () => {
      const store = await open({ newId: counter() });
      await store.commit(block('a.example'));
      await undo(store);
      expect(await undo(store)).toMatchObject({ ok: true, entry: { undoes: 'e1' } });
      expect(blocked(store)).toEqual(['a.example']);
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
    ])('refuses with a reason, changing nothing: %s', async (_name, setup, entryId, reason) => {
      const store = await open({ newId: counter() });
      await setup(store);
      const revision = store.revision();
      const model = store.read();
      expect(await undo(store, entryId)).toEqual({ ok: false, reason: expect.stringMatching(reason) });
      expect(store.revision()).toBe(revision);
      expect(store.read()).toBe(model);
    });
  });

  describe('previewUndo and stillAsShown', () => {
    it('previewUndo names the entry and plans putting it back, changing nothing', async () => {
      const store = await open({ newId: counter() });
      await store.commit(block('a.example'));
      const revision = store.revision();
      expect(store.previewUndo({ orgId: 'contoso-east', actor: admin, now: NOW })).toMatchObject({ ok: true, entry: { id: 'e0' }, plan: { change: { kind: 'restore' } } });
      expect(store.revision()).toBe(revision);
      expect(blocked(store)).toEqual(['a.example']);
    });

    it.each<[string, (s: PolicyStore) => Promise<unknown>, string | undefined, RegExp]>([
      ['nothing to undo', async () => undefined, undefined, /no change of contoso-east to undo/],
      ['an unknown entry', async () => undefined, 'e7', /no change with id e7/],
      [
        'already undone',
        async (s) => {
          await s.commit(block('a.example'));
          await undo(s);
        },
        'e0',
        /already undone/,
      ],
    ])('previewUndo refuses: %s', async (_name, setup, entryId, reason) => {
      const store = await open({ newId: counter() });
      await setup(store);
      const preview = store.previewUndo({ orgId: 'contoso-east', ...(entryId !== undefined && { entryId }), actor: admin, now: NOW });
      expect(preview.ok ? '' : preview.reason).toMatch(reason);
    });

    it.each([
      ['commit', (s: PolicyStore, ok: boolean) => s.commit({ ...block('b.example'), stillAsShown: () => ok })],
      ['undo', (s: PolicyStore, ok: boolean) => s.undo({ orgId: 'contoso-east', actor: admin, request: 'undo', now: NOW, stillAsShown: () => ok })],
    ])('%s: false from stillAsShown is stale and records nothing; true records', async (_name, run) => {
      const store = await open();
      await store.commit(block('a.example'));
      const model = store.read();
      expect(await run(store, false)).toMatchObject({ ok: false, stale: true });
      expect(store.read()).toBe(model);
      expect(store.revision()).toBe(1);
      expect(await run(store, true)).toMatchObject({ ok: true });
      expect(store.revision()).toBe(2);
    });

    it.each<[string, string, string[], (s: PolicyStore) => Promise<unknown>]>([
      ['another organization changed meanwhile', 'committed', [], (s) => s.commit(block('w.example', 'contoso-west'))],
      ['the same organization changed another setting', 'committed', [], (s) => s.commit(federation(false))],
      // Undo takes back only the latest change of a setting: refused, not stale, and nothing changes.
      ['the same organization blocked another domain', 'refused: a later change', ['a.example', 'y.example'], (s) => s.commit(block('y.example'))],
    ])('an undo previewed before, then confirmed: %s → %s', async (_name, expected, after, meanwhile) => {
      const store = await open({ newId: counter() });
      await store.commit(block('a.example'));
      const confirm = previewedUndo(store);
      await meanwhile(store);
      const result = await confirm();
      const outcome = result.ok ? 'committed' : result.stale === true ? 'stale' : /a later change .* also changed/.test(result.reason) ? 'refused: a later change' : result.reason;
      expect(outcome).toBe(expected);
      expect(blocked(store)).toEqual(after);
    });

    it('stillAsShown sees the model before the change and the plan made at commit time', async () => {
      const store = await open();
      const seen: string[][] = [];
      await store.commit({
        ...block('a.example'),
        stillAsShown: (before, plan) => {
          seen.push([...before.organizations[0]!.settings!.blockedDomains], plan.touched);
          return true;
        },
      });
      expect(seen).toEqual([[], ['settings.blockedDomains']]);
    });
  });

  describe("commit with the caller's plan", () => {
    const planned = (store: PolicyStore, change: Change) => {
      const model = store.read();
      const result = testPlanner(model, change, admin, NOW);
      if (!result.ok) throw new Error(result.reason);
      return { model, result };
    };

    it('is not planned again when the store is still at the model it was planned on', async () => {
      const planner = counting();
      const store = await open({ plan: planner.plan });
      const input = block('evil.example');
      expect((await store.commit({ ...input, planned: planned(store, input.change) })).ok).toBe(true);
      expect(planner.calls()).toBe(0);
      expect(blocked(store)).toEqual(['evil.example']);
    });

    it.each([
      ['the store moved on since', true, false],
      ['the plan is of another change', false, true],
    ])('is planned again when %s', async (_name, moveOn, otherChange) => {
      const planner = counting();
      const store = await open({ plan: planner.plan });
      const input = block('evil.example');
      const early = planned(store, otherChange ? block('other.example').change : input.change);
      if (moveOn) await store.commit(block('first.example'));
      const before = planner.calls();
      expect((await store.commit({ ...input, planned: early })).ok).toBe(true);
      expect(planner.calls()).toBe(before + 1);
      expect(blocked(store)).toEqual(moveOn ? ['first.example', 'evil.example'] : ['evil.example']);
    });
  });

  describe('long lists', () => {
    it('are audited as what changed, and undo puts the list back exactly', async () => {
      await factory.reset(bigStore(0, 1000));
      const store = await open({ newId: counter() });
      const listBefore = blocked(store);
      await store.commit(block('fabrikam.com'));
      const entry = store.lastChange('contoso-east')!;
      expect(entry.lists).toEqual({ 'settings.blockedDomains': { size: [1000, 1001], removed: [], added: [[1000, 'fabrikam.com']] } });
      expect(entry.before).toEqual({});
      expect(entry.inverse).toBeUndefined();
      expect((await undo(store)).ok).toBe(true);
      expect(blocked(store)).toEqual(listBefore);
      await store.close();
      const again = await open();
      expect(blocked(again)).toEqual(listBefore);
      expect(again.lastChange('contoso-east')?.lists?.['settings.blockedDomains']).toMatchObject({ size: [1001, 1000], removed: [[1000, 'fabrikam.com']] });
    });
  });

  describe('sync', () => {
    it('answers ok and leaves a store nobody else changed as it was', async () => {
      const store = await open();
      await store.commit(block('a.example'));
      const model = store.read();
      expect(await store.sync()).toEqual({ ok: true });
      expect(store.read()).toBe(model);
    });
  });
}
