import { ModelMemo } from '../../src/policy/model-memo';
import type { PolicyModel } from '../../src/policy';

const model = (): PolicyModel => ({ organizations: [] });

describe('ModelMemo', () => {
  it.each([1, 2, 4])('holds the values of the last %i models asked about, and no more', (size) => {
    const memo = new ModelMemo<number>(size);
    const models = Array.from({ length: size + 3 }, model);
    models.forEach((m, i) => memo.set(m, i));
    expect(memo.length).toBe(size);
    models.forEach((m, i) => expect(memo.get(m)).toBe(i >= 3 ? i : undefined));
  });

  it('keeps a model it is asked about again (most recently used), drops the least recent one', () => {
    const memo = new ModelMemo<string>(2);
    const [a, b, c] = [model(), model(), model()];
    memo.set(a, 'a');
    memo.set(b, 'b');
    expect(memo.get(a)).toBe('a');
    memo.set(c, 'c');
    expect([memo.get(a), memo.get(b), memo.get(c)]).toEqual(['a', undefined, 'c']);
  });

  it('tells models apart by identity, not by content', () => {
    const memo = new ModelMemo<string>(4);
    const a = model();
    memo.set(a, 'a');
    expect(memo.get({ ...a })).toBeUndefined();
    memo.set(a, 'again');
    expect([memo.get(a), memo.length]).toEqual(['again', 1]);
  });
});
