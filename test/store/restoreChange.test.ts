import { jsonEqual, restoreFromBefore } from '../../src/store/restoreChange';

describe('restoreFromBefore', () => {
  const entry = (touched: string[], before: Record<string, unknown>) => ({ orgId: 'o', touched, before });
  const sales = { name: 'Sales' };
  const rob = { address: 'rob@x.com' };
  it.each<[string, ReturnType<typeof entry>, unknown]>([
    ['nothing touched', entry([], {}), { kind: 'restore', org: 'o' }],
    [
      'settings, policies and users',
      entry(['settings.blockedDomains', 'settings.domainMode', 'policies.Sales', 'users.rob@x.com'], {
        'settings.blockedDomains': ['a.com'],
        'settings.domainMode': 'allowAll',
        'policies.Sales': sales,
        'users.rob@x.com': rob,
      }),
      { kind: 'restore', org: 'o', settings: { blockedDomains: ['a.com'], domainMode: 'allowAll' }, policies: { Sales: sales }, users: { 'rob@x.com': rob } },
    ],
    ['a policy or user that did not exist', entry(['policies.New', 'users.new@x.com'], { 'policies.New': null, 'users.new@x.com': null }), { kind: 'restore', org: 'o', policies: { New: null }, users: { 'new@x.com': null } }],
    ['a path of another shape', entry(['name'], { name: 'x' }), undefined],
    ['an unknown group', entry(['admins.x'], { 'admins.x': 1 }), undefined],
    ['a touched path without a before value', entry(['settings.blockedDomains'], {}), undefined],
    ['a setting restored to null', entry(['settings.blockedDomains'], { 'settings.blockedDomains': null }), undefined],
  ])('%s', (_name, e, expected) => {
    expect(restoreFromBefore(e)).toEqual(expected);
  });
});

describe('jsonEqual', () => {
  it.each<[unknown, unknown, boolean]>([
    [{ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 }, true],
    [{ a: 1, u: undefined }, { a: 1 }, true],
    [[1, 2], [2, 1], false],
    [{ a: [] }, { a: {} }, false],
    [null, {}, false],
    ['1', 1, false],
    [{ a: 1 }, { a: 1, b: 2 }, false],
    [{ a: 1, b: 2 }, { a: 1 }, false],
    [{ a: 1, b: undefined }, { a: 1, c: undefined }, true],
    [{ a: 1 }, { b: 1 }, false],
    [['a', 'b'], ['a', 'b'], true],
    [['a', 'b'], ['a', 'b', 'c'], false],
    [[{ a: ['x'] }], [{ a: ['x'] }], true],
    // A hole in the first array is skipped (as \`every\` skips it): kept as it was.
    [[, 'b'], ['a', 'b'], true],
    [['a', 'b'], [, 'b'], false],
  ])('%j = %j: %s', (a, b, equal) => {
    expect(jsonEqual(a, b)).toBe(equal);
  });
});
