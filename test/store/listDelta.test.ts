import { listBefore, listDelta } from '../../src/store/listDelta';
import { baseSeed, rng } from '../policy/prng';

describe('listDelta', () => {
  it.each<[string, string[], string[], unknown]>([
    ['one appended', ['a', 'b'], ['a', 'b', 'c'], { size: [2, 3], removed: [], added: [[2, 'c']] }],
    ['one removed from the middle', ['a', 'b', 'c'], ['a', 'c'], { size: [3, 2], removed: [[1, 'b']], added: [] }],
    ['replaced wholesale', ['a', 'b'], ['c'], { size: [2, 1], removed: [[0, 'a'], [1, 'b']], added: [[0, 'c']] }],
    ['nothing changed', ['a'], ['a'], { size: [1, 1], removed: [], added: [] }],
    ['emptied', ['a', 'b'], [], { size: [2, 0], removed: [[0, 'a'], [1, 'b']], added: [] }],
    ['kept entries reordered: no delta', ['a', 'b', 'c'], ['c', 'a', 'b'], undefined],
    ['a duplicate: no delta', ['a', 'a'], ['a'], undefined],
  ])('%s', (_name, before, after, expected) => {
    const delta = listDelta(before, after);
    expect(delta).toEqual(expected);
    if (delta) expect(listBefore(after, delta)).toEqual(before);
  });

  it('refuses to play back onto a list the change did not leave', () => {
    const delta = listDelta(['a', 'b'], ['a', 'b', 'c'])!;
    expect(listBefore(['a', 'b', 'x'], delta)).toBeUndefined();
    expect(listBefore(['a', 'b'], delta)).toBeUndefined();
  });

  it('gives the list before back exactly for any edit by removing and appending (seeded)', () => {
    const r = rng(baseSeed());
    for (let n = 0; n < 2000; n++) {
      const before = Array.from(new Set(Array.from({ length: r.int(60) }, () => `d${r.int(200)}.com`)));
      const kept = before.filter(() => r.bool(0.8));
      const after = [...kept, ...Array.from(new Set(Array.from({ length: r.int(5) }, () => `n${r.int(50)}.com`))).filter((d) => !before.includes(d))];
      const delta = listDelta(before, after);
      expect(delta).toBeDefined();
      expect(listBefore(after, delta!)).toEqual(before);
    }
  });

  it('is either exact or absent for arbitrary pairs of lists (seeded)', () => {
    const r = rng(baseSeed() + 1);
    let exact = 0;
    for (let n = 0; n < 2000; n++) {
      const pick = () => Array.from({ length: r.int(12) }, () => `d${r.int(10)}.com`);
      const before = pick();
      const after = pick();
      const delta = listDelta(before, after);
      if (delta === undefined) continue;
      exact += 1;
      expect(listBefore(after, delta)).toEqual(before);
    }
    expect(exact).toBeGreaterThan(100);
  });
});
