import { derivedKeys } from '../../src/policy/key-set';
import type { KeySet } from '../../src/policy/key-set';
import { forAll } from './prng';

/** Keys k0…k(n-1): derivations put in and take out keys of this pool, fresh ones and again old ones. */
const pool = (n: number): string[] => Array.from({ length: n }, (_, i) => `k${i}`);

describe('derived key Sets', () => {
  it('seeded: after any chain of derivations, a derived Set has exactly the keys of the Set kept beside it', () => {
    forAll(60, (r) => {
      const keys = pool(r.bool(0.5) ? 40 : 600);
      const truth = new Set(keys.filter(() => r.bool(0.5)));
      let derived: KeySet = new Set(truth);
      // Long enough to go past the overlay's bound several times (it is copied into one Set then).
      for (let step = 0; step < 120; step++) {
        const added = new Set(Array.from({ length: r.int(4) }, () => r.pick(keys)));
        const removed = new Set(Array.from({ length: r.int(4) }, () => r.pick(keys)));
        derived = derivedKeys(derived, added, removed);
        for (const key of removed) truth.delete(key);
        for (const key of added) truth.add(key);
        const current = derived;
        const wrong = [...keys, 'elsewhere'].filter((key) => current.has(key) !== truth.has(key));
        expect({ step, size: derived.size, wrong }).toEqual({ step, size: truth.size, wrong: [] });
      }
    });
  });

  it('a key taken out and put in by the same derivation is there, and one put in then taken out is not', () => {
    const once = derivedKeys(new Set(['a', 'b']), new Set(['a']), new Set(['a', 'b']));
    expect([once.has('a'), once.has('b'), once.size]).toEqual([true, false, 1]);
    const twice = derivedKeys(derivedKeys(new Set(['a']), new Set(['c']), new Set()), new Set(), new Set(['c']));
    expect([twice.has('a'), twice.has('c'), twice.size]).toEqual([true, false, 1]);
  });

  it('stays one overlay on one Set, copied into one Set once the overlay passes its bound', () => {
    let keys: KeySet = new Set(pool(100));
    const overlays: number[] = [];
    for (let i = 0; i < 40; i++) {
      keys = derivedKeys(keys, new Set([`new${i}`]), new Set());
      overlays.push((keys as unknown as { overlaySize: number }).overlaySize);
    }
    // √100 = 10 is under the floor of 16: the 17th key put in since the last copy copies the Set it
    // is put in first (that one, in place), and starts a new overlay of one key.
    const upTo = (n: number): number[] => Array.from({ length: n }, (_, i) => i + 1);
    expect(overlays).toEqual([...upTo(16), ...upTo(16), ...upTo(8)]);
  });

  it('seeded: many Sets derived from one (previews of changes to one list) each keep their keys, and the one they came from its own', () => {
    forAll(40, (r) => {
      const keys = pool(200);
      let base: KeySet = new Set(keys.filter(() => r.bool(0.5)));
      const truths = new Map<KeySet, Set<string>>([[base, new Set(keys.filter((k) => base.has(k)))]]);
      for (let step = 0; step < 30; step++) {
        const from = r.bool(0.3) ? r.pick([...truths.keys()]) : base;
        const added = new Set(Array.from({ length: r.int(6) }, () => r.pick(keys)));
        const removed = new Set(Array.from({ length: r.int(6) }, () => r.pick(keys)));
        const next = derivedKeys(from, added, removed);
        const truth = new Set(truths.get(from));
        for (const key of removed) truth.delete(key);
        for (const key of added) truth.add(key);
        truths.set(next, truth);
        if (r.bool(0.2)) base = next;
        // Every Set made so far, the ones copied into one Set in place among them.
        for (const [set, expected] of truths) {
          const wrong = keys.filter((key) => set.has(key) !== expected.has(key));
          expect({ step, size: set.size, wrong }).toEqual({ step, size: expected.size, wrong: [] });
        }
      }
    });
  });
});
