/** A small seeded PRNG (mulberry32) for property tests: same seed, same cases. */
export interface Rng {
  next(): number;
  int(n: number): number;
  bool(p?: number): boolean;
  pick<T>(list: readonly T[]): T;
  subset<T>(list: readonly T[], max?: number): T[];
}

export function rng(seed: number): Rng {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
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
  const env = process.env['SEED'];
  return env !== undefined && /^\d+$/.test(env) ? Number(env) : 20261124;
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
