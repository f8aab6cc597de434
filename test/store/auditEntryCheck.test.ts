import { provablyValidEntry } from '../../src/store/auditEntryCheck';
import { auditEntrySchema } from '../../src/store/fileSchema';
import { pick, prng, testSeed } from '../support/prng';

/** Entries as the store writes them: a plain change, long lists as deltas, an undo with an inverse, an elided restore. */
const base = {
  id: 'e1',
  time: '2026-11-24T14:00:00.000Z',
  actor: { address: 'admin@contosoeast.com' },
  orgId: 'contoso-east',
  request: 'block fabrikam.com',
  change: { kind: 'addBlocked', org: 'contoso-east', domains: ['fabrikam.com'] },
  summary: 'Block fabrikam.com',
  touched: ['settings.blockedDomains'],
  before: { 'settings.blockedDomains': [] },
  after: { 'settings.blockedDomains': ['fabrikam.com'] },
};
const realistic: Array<[string, Record<string, unknown>]> = [
  ['a plain change', base],
  ['an actor with a name and an object id', { ...base, actor: { address: 'a@b.c', displayName: 'Ann', objectId: '0000' } }],
  ['a long list as a delta', { ...base, before: {}, after: {}, lists: { 'settings.blockedDomains': { size: [59, 60], removed: [[3, 'x.com']], added: [[59, 'y.com']] } } }],
  ['an undo with its inverse', { ...base, undoes: 'e0', inverse: { kind: 'setFederation', org: 'contoso-east', enabled: true } }],
  ['a restore with elided paths', { ...base, change: { kind: 'restore', org: 'contoso-east' }, elided: ['settings.blockedDomains'] }],
  ['a policy set to null (absent)', { ...base, touched: ['policies.Sales'], before: { 'policies.Sales': null }, after: { 'policies.Sales': { name: 'Sales' } } }],
];

describe('provablyValidEntry: a quick proof, never a wrong "valid"', () => {
  it.each(realistic)('proves %s (the quick path is the one commits take)', (_name, entry) => {
    expect(auditEntrySchema.safeParse(entry).success).toBe(true);
    expect(provablyValidEntry(entry)).toBe(true);
  });

  /** Ways to break a field (or to make it odd but still valid): zod decides which. */
  const values: unknown[] = [
    undefined, null, '', 'x', 7, -1, 1.5, Number.NaN, true, [], ['a'], ['a', 7], [[0, 'a']], [[-1, 'a']], [[0, 1]], [[0, 'a', 'b']],
    [1, 2], [1], [1, 2, 3], [-1, 2], {}, { a: 1 }, { size: [0, 1], removed: [], added: [] }, { size: [0, 1], removed: [], added: [], extra: 1 },
    { size: [0, 1.5], removed: [], added: [] }, { size: [0, 1], removed: [[0, 'a']] }, Object.create(null), new Date(0), { constructor: 1 },
    { [Symbol('s')]: 1 }, { address: 'a' }, { address: 7 }, { address: 'a', displayName: 1 }, { address: 'a', other: 'b' },
    { kind: 'nope', org: 'x' }, { kind: 'setFederation', org: 'x', enabled: true }, '2026-11-24T14:00:00Z', '2026-02-30T14:00:00.000Z',
    '2026-11-24T14:00:00.000+01:00', 'yesterday', '2026-11-24', { 'x.y': { size: [1, 1], removed: [], added: [] } },
  ];
  const fields = [...Object.keys(auditEntrySchema.shape), 'extra', '__proto__'];
  const paths: string[][] = [...fields.map((f) => [f]), ['actor', 'address'], ['actor', 'displayName'], ['actor', 'extra'], ['lists', 'settings.blockedDomains'], ['lists', 'settings.blockedDomains', 'size'], ['lists', 'settings.blockedDomains', 'added'], ['change', 'domains'], ['before', 'settings.blockedDomains']];

  it('agrees with zod wherever it says "valid", over seeded mutations of realistic entries', () => {
    const rand = prng(testSeed(12));
    let proven = 0;
    let rejectedByZod = 0;
    for (let i = 0; i < 3000; i++) {
      const entry = JSON.parse(JSON.stringify(pick(rand, realistic)[1])) as Record<string, unknown>;
      for (let n = 1 + Math.floor(rand() * 2); n > 0; n--) setAt(entry, pick(rand, paths), pick(rand, values), rand() < 0.15);
      const zod = auditEntrySchema.safeParse(entry).success;
      if (provablyValidEntry(entry)) {
        proven++;
        expect({ entry, zod }).toEqual({ entry, zod: true });
      }
      if (!zod) rejectedByZod++;
    }
    // Both kinds of case occur, so the check above is not vacuous.
    expect(proven).toBeGreaterThan(100);
    expect(rejectedByZod).toBeGreaterThan(1000);
  });
});

/** Sets (or deletes) a nested field, creating plain objects on the way. */
function setAt(target: Record<string, unknown>, path: string[], value: unknown, remove: boolean): void {
  let at = target;
  for (const key of path.slice(0, -1)) {
    const next = at[key];
    if (typeof next !== 'object' || next === null || Array.isArray(next)) at[key] = {};
    at = at[key] as Record<string, unknown>;
  }
  const last = path[path.length - 1]!;
  if (remove) delete at[last];
  else Object.defineProperty(at, last, { value, enumerable: true, configurable: true, writable: true });
}
