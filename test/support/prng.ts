/** A small seeded PRNG (mulberry32): same seed, same cases, so a failure can be replayed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** SEED from the environment (tests only), else a fixed default so runs are reproducible. */
export function testSeed(fallback: number): number {
  const env = process.env.SEED;
  const n = env === undefined ? NaN : Number(env);
  return Number.isFinite(n) ? n : fallback;
}

export const pick = <T>(rand: () => number, items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;
