import { prng, testSeed } from '../support/prng';

/** Property-test helpers over the shared seeded PRNG. */
export interface Rng {
  next(): number;
  int(n: number): number;
  bool(p?: number): boolean;
  pick<T>(list: readonly T[]): T;
  subset<T>(list: readonly T[], max?: number): T[];
}

export function rng(seed: number): Rng {
  const next = prng(seed);
  const int = (n: number): number => Math.floor(next() * n);
  return {
    next,
    int,
    bool: (p = 0.5) => next() < p,
    pick: <T>(list: readonly T[]): T => {
      if (list.length === 0) throw new Error('pick from an empty list');
      return list[int(list.length)] as T;
    },
    subset: <T>(list: readonly T[], max = list.length): T[] => list.filter(() => next() < 0.4).slice(0, max),
  };
}

/** The seed: SEED from the environment (tests only), else fixed, so a failure can be replayed. */
export function baseSeed(): number {
  return testSeed(20261124);
}

/**
 * Run a property `runs` times, each with its own seed derived from the base seed; a failure names
 * the seed that reproduces it (SEED=<n> npx jest test/policy/properties).
 */
export function forAll(runs: number, property: (r: Rng, seed: number) => void): void {
  const base = baseSeed();
  for (let i = 0; i < runs; i++) {
    const seed = (base + i * 7919) >>> 0;
    try {
      property(rng(seed), seed);
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      throw new Error(`property failed with SEED=${seed} (base ${base}, run ${i}):\n${msg}`);
    }
  }
}
