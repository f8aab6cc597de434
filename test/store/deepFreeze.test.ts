import { deepFreeze, freezeModelBeside } from '../../src/store/deepFreeze';

type Org = { id: string; settings: { blockedDomains: string[] }; users: { address: string }[] };
const org = (id: string, blocked: string[] = []): Org => ({ id, settings: { blockedDomains: blocked }, users: [{ address: `a@${id}.com` }] });

/** Every object reachable from `value` is frozen. */
function allFrozen(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return true;
  return Object.isFrozen(value) && Object.values(value).every(allFrozen);
}

describe('deepFreeze', () => {
  it.each<[string, unknown]>([
    ['a model', { organizations: [org('a', ['x.com']), org('b')] }],
    ['a list of strings', ['a.com', 'b.com']],
    ['nested arrays of objects', [[{ a: [1, { b: 2 }] }]]],
    ['an empty object', {}],
  ])('freezes %s all the way down', (_name, value) => {
    expect(allFrozen(deepFreeze(value))).toBe(true);
  });

  it('leaves a frozen subtree as it is (it is not looked into)', () => {
    const shared = Object.freeze({ inner: { mutable: true } });
    deepFreeze({ shared, other: { x: 1 } });
    expect(Object.isFrozen(shared.inner)).toBe(false);
  });
});

describe('freezeModelBeside: a model planned from a frozen one', () => {
  it.each([
    ['one organization replaced', (prev: Org[]) => prev.map((o, i) => (i === 1 ? org('b', ['new.com']) : o))],
    ['one added at the end', (prev: Org[]) => [...prev, org('d', ['y.com'])]],
    ['one removed, the rest moved up', (prev: Org[]) => prev.slice(1)],
    ['all replaced', (prev: Org[]) => prev.map((o) => org(o.id, ['z.com']))],
  ])('%s: everything ends up frozen', (_name, plan) => {
    const previous = deepFreeze({ organizations: [org('a'), org('b'), org('c')] });
    const next = { organizations: plan(previous.organizations as Org[]) };
    const frozen = freezeModelBeside(next, previous);
    expect(frozen).toBe(next);
    expect(allFrozen(next)).toBe(true);
  });

  it('does not look at an organization that stands where it stood (it is frozen already)', () => {
    const kept = deepFreeze(org('a'));
    const previous = { organizations: Object.freeze([kept]) };
    const next = { organizations: [kept, org('b')] };
    const isFrozen = jest.spyOn(Object, 'isFrozen');
    try {
      freezeModelBeside(next, previous);
      // Asking 10,000 organizations whether they are frozen was the cost this spares.
      expect(isFrozen.mock.calls.filter(([v]) => v === kept)).toEqual([]);
    } finally {
      isFrozen.mockRestore();
    }
    expect(allFrozen(next)).toBe(true);
  });
});
