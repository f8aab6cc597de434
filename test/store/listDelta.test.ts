import { appended } from '../../src/policy/list-middle';
import { fullListDelta, listBefore, listDelta } from '../../src/store/listDelta';
import { baseSeed, rng } from '../policy/prng';

describe('listDelta', () => {
  it.each<[string, string[], string[], unknown]>([
    ['one appended', ['a', 'b'], ['a', 'b', 'c'], { size: [2, 3], removed: [], added: [[2, 'c']] }],
    ['one removed from the middle', ['a', 'b', 'c'], ['a', 'c'], { size: [3, 2], removed: [[1, 'b']], added: [] }],
    ['one removed, two appended', ['a', 'b', 'c', 'd'], ['a', 'c', 'd', 'e', 'f'], { size: [4, 5], removed: [[1, 'b']], added: [[3, 'e'], [4, 'f']] }],
    ['nothing changed', ['a'], ['a'], { size: [1, 1], removed: [], added: [] }],
    ['a duplicate removed', ['a', 'a', 'b'], ['a', 'b'], { size: [3, 2], removed: [[1, 'a']], added: [] }],
    ['replaced wholesale: no smaller than the lists, none', ['a', 'b'], ['c'], undefined],
    ['emptied: none', ['a', 'b'], [], undefined],
    ['kept entries reordered: none', ['a', 'b', 'c'], ['c', 'a', 'b'], undefined],
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

  it('is exactly what was removed and appended, and gives the list before back (seeded)', () => {
    const r = rng(baseSeed());
    for (let n = 0; n < 2000; n++) {
      const before = Array.from(new Set(Array.from({ length: 20 + r.int(80) }, () => `d${r.int(500)}.com`)));
      const gone = new Set(before.filter(() => r.bool(0.1)));
      const appended = Array.from(new Set(Array.from({ length: r.int(3) }, () => `n${r.int(50)}.com`)));
      const after = [...before.filter((d) => !gone.has(d)), ...appended];
      const delta = listDelta(before, after);
      expect(delta).toBeDefined();
      expect(delta!.removed.map(([, d]) => d)).toEqual(before.filter((d) => gone.has(d)));
      expect(delta!.added.map(([, d]) => d)).toEqual(appended);
      expect(listBefore(after, delta!)).toEqual(before);
    }
  });

  it('is either exact or absent for arbitrary pairs of lists (seeded)', () => {
    const r = rng(baseSeed() + 1);
    let exact = 0;
    for (let n = 0; n < 2000; n++) {
      // Any edits, duplicates included: inserts anywhere, deletes, swaps.
      const before = Array.from({ length: r.int(30) }, () => `d${r.int(15)}.com`);
      const after = [...before];
      for (let k = r.int(4); k > 0; k--) {
        const at = r.int(after.length + 1);
        const op = r.int(3);
        if (op === 0) after.splice(at, 0, `d${r.int(15)}.com`);
        else if (op === 1) after.splice(at, 1);
        else if (at + 1 < after.length) [after[at], after[at + 1]] = [after[at + 1]!, after[at]!];
      }
      const delta = listDelta(before, after);
      if (delta === undefined) continue;
      exact += 1;
      expect(listBefore(after, delta)).toEqual(before);
    }
    expect(exact).toBeGreaterThan(500);
  });
});

describe('fullListDelta of a list the planner appended to', () => {
  it('seeded: is what the pass over both lists finds', () => {
    const r = rng(baseSeed() + 41);
    for (let round = 0; round < 200; round++) {
      const pick = (): string => r.pick(['a.com', 'b.com', 'c.com', 'd.com']);
      const before = Object.freeze(Array.from({ length: r.int(8) }, pick));
      const after = appended(before, Array.from({ length: r.int(3) }, pick));
      expect(fullListDelta(before, after)).toEqual(fullListDelta([...before], [...after]));
    }
  });
});
