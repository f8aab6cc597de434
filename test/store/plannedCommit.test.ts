import { readFileSync } from 'node:fs';
import type { Change } from '../../src/policy/change';
import type { Planner } from '../../src/store/planner';
import type { PolicyStore } from '../../src/store/types';
import { admin, block, NOW, open, tempDir } from './fixtures';
import { testPlanner } from './testPlanner';

/** The test planner, counting its calls. */
function counting(): { plan: Planner; calls: () => number } {
  let calls = 0;
  return {
    plan: (...args) => {
      calls++;
      return testPlanner(...args);
    },
    calls: () => calls,
  };
}

/** A plan made outside the store, as the bot's preview makes one. */
function planned(store: PolicyStore, change: Change) {
  const model = store.read();
  const result = testPlanner(model, change, admin, NOW);
  if (!result.ok) throw new Error(result.reason);
  return { model, result };
}

const blocked = (file: string): unknown => (JSON.parse(readFileSync(file, 'utf-8')) as { organizations: Array<{ settings?: { blockedDomains: string[] } }> }).organizations[0]?.settings?.blockedDomains;

describe('commit with the caller’s plan', () => {
  let t: ReturnType<typeof tempDir>;
  beforeEach(() => (t = tempDir()));
  afterEach(() => t.cleanup());

  it('is not planned again when the store is still at the model it was planned on', async () => {
    const planner = counting();
    const store = await open(t.file, { plan: planner.plan });
    const input = block('evil.example');
    const result = await store.commit({ ...input, planned: planned(store, input.change) });
    expect(result.ok).toBe(true);
    expect(planner.calls()).toBe(0);
    expect(blocked(t.file)).toEqual(['evil.example']);
    await store.close();
  });

  it.each([
    ['the store moved on since', true, false],
    ['the plan is of another change', false, true],
  ])('is planned again when %s', async (_name, moveOn, otherChange) => {
    const planner = counting();
    const store = await open(t.file, { plan: planner.plan });
    const input = block('evil.example');
    const early = planned(store, otherChange ? block('other.example').change : input.change);
    if (moveOn) await store.commit(block('first.example'));
    const before = planner.calls();
    const result = await store.commit({ ...input, planned: early });
    expect(result.ok).toBe(true);
    expect(planner.calls()).toBe(before + 1);
    // What the store planned itself, not the caller's plan: the latest model plus this change only.
    expect(blocked(t.file)).toEqual(moveOn ? ['first.example', 'evil.example'] : ['evil.example']);
    await store.close();
  });
});
