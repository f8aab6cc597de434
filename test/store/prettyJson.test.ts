import { holdsLongList, prettyJson } from '../../src/store/prettyJson';
import { deepFreeze } from '../../src/store/deepFreeze';
import { appended } from '../../src/policy/list-middle';
import { forAll } from '../policy/prng';
import type { Rng } from '../policy/prng';

/** What JSON.stringify(value, null, 2) gives for `value` nested at the depth `pad` stands for. */
const reference = (value: unknown, pad: string): string | undefined => JSON.stringify(value, null, 2)?.replace(/\n/g, `\n${pad}`);

const ODD = ['plain', 'Quote "x"', 'Back\\slash', 'line\nbreak', 'Zürich Ωmega 😀', '\u2028', ''];

/** Random JSON-ish data: nested objects and lists, long lists (frozen or not), values JSON leaves out. */
function randomValue(r: Rng, depth: number): unknown {
  switch (depth <= 0 ? r.int(5) : r.int(9)) {
    case 0:
      return r.pick(ODD);
    case 1:
      return r.pick([0, -1.5, 1e21, Number.NaN, Number.POSITIVE_INFINITY]);
    case 2:
      return r.pick([true, false, null]);
    case 3:
      return r.pick([undefined, () => 1]);
    case 4:
      return new Date(Date.UTC(2026, 10, 29, r.int(24)));
    case 5:
    case 6: {
      const list = Array.from({ length: r.bool(0.4) ? 64 + r.int(40) : r.int(4) }, (_, i) => (r.bool(0.9) ? `d${i}.example.com` : randomValue(r, depth - 1)));
      return r.bool() ? Object.freeze(list) : list;
    }
    default: {
      const o: Record<string, unknown> = {};
      for (let i = r.int(5); i > 0; i--) o[r.pick(['a', 'b', 'list', '2', 'Ω', 'k"q'])] = randomValue(r, depth - 1);
      return r.bool() ? Object.freeze(o) : o;
    }
  }
}

describe('prettyJson', () => {
  it('writes what JSON.stringify(value, null, 2) writes at that depth, twice in a row (the second from cached list text) (seeded)', () => {
    forAll(300, (r) => {
      const value = randomValue(r, 4);
      const pad = r.pick(['', '  ', '    ']);
      expect(prettyJson(value, pad)).toBe(reference(value, pad));
      expect(prettyJson(value, pad)).toBe(reference(value, pad));
      // The same frozen lists at another depth are not given the first depth's text.
      expect(prettyJson({ nested: value }, pad)).toBe(reference({ nested: value }, pad));
    });
  });

  it('seeded: a long list made by appending to one whose text is kept is written as JSON.stringify writes it, at any depth', () => {
    forAll(100, (r) => {
      const pad = r.pick(['', '  ', '    ']);
      let list: readonly unknown[] = Object.freeze(Array.from({ length: 64 + r.int(40) }, (_, i) => (r.bool(0.9) ? `d${i}.example.com` : r.pick([...ODD, 7, null]))));
      expect(prettyJson(list, pad)).toBe(reference(list, pad));
      for (let step = 0; step < 4; step++) {
        // Values JSON writes as null, odd strings, numbers: as they may follow a change's new entries.
        const added = Array.from({ length: 1 + r.int(3) }, () => r.pick<unknown>([`n${r.int(999)}.example`, ...ODD, undefined, () => 1, 1e21, true]));
        list = appended(list, added);
        expect(prettyJson(list, pad)).toBe(reference(list, pad));
        if (r.bool(0.3)) expect(prettyJson(list, `${pad}  `)).toBe(reference(list, `${pad}  `));
      }
    });
  });

  it.each([
    ['a short list', deepFreeze({ a: ['x.com'] }), false],
    ['a long frozen list', deepFreeze({ s: { l: Array.from({ length: 64 }, (_, i) => `d${i}`) } }), true],
    ['a long list not frozen', { l: Array.from({ length: 64 }, (_, i) => `d${i}`) }, false],
    ['a long frozen list in a list of objects', deepFreeze({ p: [{ l: Array.from({ length: 100 }, () => 'x') }] }), true],
  ])('holdsLongList: %s → %s', (_name, value, expected) => {
    expect(holdsLongList(value)).toBe(expected);
  });
});
