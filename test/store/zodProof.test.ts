import { z } from 'zod';
import { changeSchema } from '../../src/policy/change';
import { provablyValidEntry } from '../../src/store/auditEntryCheck';
import { auditEntrySchema } from '../../src/store/fileSchema';
import { proofOf } from '../../src/store/zodProof';
import { pick, prng, testSeed } from '../support/prng';

const org = 'contoso-east';
const policy = {
  name: 'Sales',
  enableFederationAccess: true,
  enableTeamsConsumerAccess: false,
  enableTeamsConsumerInbound: false,
  communicationWithExternalOrgs: 'OrganizationDefault',
  allowedExternalDomains: [],
  blockedExternalDomains: ['x.com'],
};

/** A change of every kind as the planner commits it; the last ones hold records, which the proof leaves to zod. */
const proven: Array<[string, Record<string, unknown>]> = [
  ['setFederation', { kind: 'setFederation', org, enabled: false }],
  ['setDomainMode', { kind: 'setDomainMode', org, mode: 'blockSpecific' }],
  ['allowOnly', { kind: 'allowOnly', org, domains: ['a.com', 'b.com'] }],
  ['addAllowed', { kind: 'addAllowed', org, domains: ['a.com'] }],
  ['removeAllowed', { kind: 'removeAllowed', org, domains: ['a.com'] }],
  ['addBlocked', { kind: 'addBlocked', org, domains: ['evil.example'] }],
  ['removeBlocked', { kind: 'removeBlocked', org, domains: ['evil.example'] }],
  ['setSubdomainBlocking', { kind: 'setSubdomainBlocking', org, enabled: true }],
  ['setTeamsConsumer, one side', { kind: 'setTeamsConsumer', org, inbound: false }],
  ['setTeamsConsumer, both', { kind: 'setTeamsConsumer', org, outbound: true, inbound: false }],
  ['setTrialTenants', { kind: 'setTrialTenants', org, allowed: true }],
  ['addTrialException', { kind: 'addTrialException', org, domains: ['t.com'] }],
  ['removeTrialException', { kind: 'removeTrialException', org, domains: ['t.com'] }],
  ['createPolicy', { kind: 'createPolicy', org, name: 'Sales', settings: { enableFederationAccess: false } }],
  ['createPolicy without settings', { kind: 'createPolicy', org, name: 'Sales' }],
  ['updatePolicy', { kind: 'updatePolicy', org, name: 'Sales', settings: { blockedExternalDomains: ['x.com'], communicationWithExternalOrgs: 'BlockSpecificExternalDomains' } }],
  ['assignPolicy', { kind: 'assignPolicy', org, user: 'rob@contosoeast.com', policy: 'Sales' }],
  ['setUserFederation', { kind: 'setUserFederation', org, user: 'rob@contosoeast.com', enabled: false }],
  ['setUserCoexistence', { kind: 'setUserCoexistence', org, user: 'rob@contosoeast.com', coexistence: 'Islands', onPremises: true }],
  ['setUserAllowOnly', { kind: 'setUserAllowOnly', org, user: 'rob@contosoeast.com', domains: ['f.com'] }],
  ['restore of settings (undo of a setting)', { kind: 'restore', org, settings: { blockedDomains: [], domainMode: 'allowAll' } }],
  ['several', { kind: 'several', org, changes: [{ kind: 'addBlocked', org, domains: ['a.com'] }, { kind: 'setSubdomainBlocking', org, enabled: true }] }],
];
const leftToZod: Array<[string, Record<string, unknown>]> = [
  ['restore of a policy (a record)', { kind: 'restore', org, policies: { Sales: policy } }],
  ['import (records)', { kind: 'import', org, source: 'paste', assignments: { 'rob@contosoeast.com': 'Sales' } }],
];

describe('proofOf: a schema checked without zod, never a wrong "valid"', () => {
  it.each(proven)('proves the change %s without zod', (_name, change) => {
    expect(changeSchema.safeParse(change).success).toBe(true);
    expect(proofOf(changeSchema)(change)).toBe(true);
  });

  it.each(leftToZod)('leaves %s to zod (valid, not proven)', (_name, change) => {
    expect(changeSchema.safeParse(change).success).toBe(true);
    expect(proofOf(changeSchema)(change)).toBe(false);
  });

  it('an audit entry of an ordinary change is proven without a single zod parse', () => {
    const entry = {
      id: 'e1',
      time: '2026-11-24T14:00:00.000Z',
      actor: { address: 'admin@contosoeast.com' },
      orgId: org,
      request: 'block evil.example',
      change: { kind: 'addBlocked', org, domains: ['evil.example'] },
      summary: 'Block evil.example',
      touched: ['settings.blockedDomains'],
      before: { 'settings.blockedDomains': [] },
      after: { 'settings.blockedDomains': ['evil.example'] },
      inverse: { kind: 'restore', org, settings: { blockedDomains: [] } },
    };
    const spies = [changeSchema, auditEntrySchema.shape.time, auditEntrySchema].map((schema) => jest.spyOn(schema, 'safeParse'));
    const parses = () => spies.reduce((n, spy) => n + spy.mock.calls.length, 0);
    try {
      expect(provablyValidEntry(entry)).toBe(true);
      expect(parses()).toBe(0);
      // The spies see zod's parses: the record-holding inverse of a policy's undo goes through them.
      expect(provablyValidEntry({ ...entry, inverse: leftToZod[0]![1] })).toBe(true);
      expect(parses()).toBe(1);
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
    expect(auditEntrySchema.safeParse(entry).success).toBe(true);
  });

  // Two UTF-16 units, one code point: zod measures strings in code points.
  const emoji = '\u{1F600}';
  it.each<[string, z.ZodType, unknown, boolean]>([
    ['a string at its max', z.string().max(3), 'abc', true],
    ['a string over its max', z.string().max(3), 'abcd', false],
    ['a string over its max in units, within it in code points (zod accepts; not proven)', z.string().max(3), emoji.repeat(2), false],
    ['a string at min 1', z.string().min(1), 'a', true],
    ['one code point of two units against min 2 (zod refuses)', z.string().min(2), emoji, false],
    ['two code points of four units against min 2', z.string().min(2), emoji.repeat(2), true],
    ['a lone surrogate against min 1', z.string().min(1), '\uD83D', true],
    ['an array at its bounds', z.array(z.string()).min(1).max(2), ['a', 'b'], true],
    ['an array over its max', z.array(z.string()).min(1).max(2), ['a', 'b', 'c'], false],
    ['an array of the exact length', z.array(z.string()).length(2), ['a', 'b'], true],
    ['an array with a hole', z.array(z.string()), [, 'a'], false],
    ['an optional field left out', z.strictObject({ a: z.string().optional() }), {}, true],
    ['an optional field set to undefined', z.strictObject({ a: z.string().optional() }), { a: undefined }, true],
    ['a required field set to undefined', z.strictObject({ a: z.string() }), { a: undefined }, false],
    ['a key outside a strict shape, even undefined', z.strictObject({ a: z.string() }), { a: 'x', b: undefined }, false],
    ['an object without a prototype', z.strictObject({ a: z.string() }), Object.assign(Object.create(null) as object, { a: 'x' }), false],
    ['a non-strict object (not proven)', z.object({ a: z.string() }), { a: 'x' }, false],
    ['a refined object (not proven)', z.strictObject({ a: z.string() }).refine(() => true), { a: 'x' }, false],
    ['a number (not proven)', z.number(), 1, false],
    ['a record (not proven)', z.record(z.string(), z.string()), { a: 'x' }, false],
    ['a default (not proven)', z.string().default('x'), undefined, false],
    ['an optional default left out (not proven)', z.string().default('x').optional(), undefined, false],
    ['an optional record left out', z.record(z.string(), z.string()).optional(), undefined, true],
    ['an optional record given (not proven)', z.record(z.string(), z.string()).optional(), {}, false],
    ['a nullable record, null', z.record(z.string(), z.string()).nullable(), null, true],
    ['a regex string (not proven)', z.string().regex(/^a$/), 'a', false],
    ['an email (not proven)', z.email(), 'a@b.c', false],
    ['a URL (not proven)', z.url(), 'https://a.example', false],
    ['a coerced string (not proven)', z.coerce.string(), 'a', false],
    ['a nullable null', z.string().nullable(), null, true],
    ['an enum value', z.enum(['a', 'b']), 'b', true],
    ['not an enum value', z.enum(['a', 'b']), 'c', false],
    ['a literal', z.literal('a'), 'a', true],
    ['a boolean', z.boolean(), false, true],
    ['a plain union (not proven)', z.union([z.string(), z.boolean()]), 'a', false],
    ['a date-time', auditEntrySchema.shape.time, '2026-11-24T14:00:00.000Z', true],
    ['a date-time with an offset', auditEntrySchema.shape.time, '2026-11-24T14:00:00+01:00', true],
    ['the 30th of February', auditEntrySchema.shape.time, '2026-02-30T14:00:00.000Z', false],
    ['a date alone', auditEntrySchema.shape.time, '2026-11-24', false],
  ])('%s', (_name, schema, value, expected) => {
    expect(proofOf(schema)(value)).toBe(expected);
    if (expected) expect(schema.safeParse(value).success).toBe(true);
  });

  /** Values to put anywhere in a change: zod decides which are valid. */
  const values: unknown[] = [
    undefined, null, '', 'x', 'a.com', 'x'.repeat(64), 'x'.repeat(65), 'x'.repeat(100), 'x'.repeat(101), 'x'.repeat(300), 'x'.repeat(301),
    emoji.repeat(40), emoji.repeat(60), 7, true, false, [], ['a.com'], ['a.com', 7], [''], ['x'.repeat(301)], Array.from({ length: 4001 }, () => 'a'),
    {}, { a: 1 }, Object.create(null), new Date(0), 'blockSpecific', 'Islands', 'TeamsOnly', 'Sales', 'OrganizationDefault', 'nope',
    'addBlocked', 'setFederation', 'restore', 'several', { kind: 'addBlocked', org, domains: ['a.com'] }, { enableFederationAccess: false },
    { blockedDomains: [] }, { domainMode: 'allowAll' }, [{ kind: 'addBlocked', org, domains: ['a.com'] }], { Sales: null },
  ];
  const paths = [['kind'], ['org'], ['enabled'], ['mode'], ['domains'], ['outbound'], ['inbound'], ['allowed'], ['name'], ['settings'], ['settings', 'enableFederationAccess'], ['settings', 'name'], ['settings', 'blockedDomains'], ['settings', 'domainMode'], ['user'], ['policy'], ['coexistence'], ['onPremises'], ['changes'], ['changes', '0'], ['changes', '1', 'kind'], ['changes', '0', 'domains'], ['extra'], ['__proto__'], ['policies'], ['users']];

  it('agrees with zod wherever it says "valid", over seeded mutations of every kind of change', () => {
    const seed = testSeed(20261129);
    const rand = prng(seed);
    let provenCount = 0;
    let refused = 0;
    for (let i = 0; i < 5000; i++) {
      const change = JSON.parse(JSON.stringify(pick(rand, [...proven, ...leftToZod])[1])) as Record<string, unknown>;
      for (let n = 1 + Math.floor(rand() * 2); n > 0; n--) setAt(change, pick(rand, paths), pick(rand, values), rand() < 0.15);
      const zod = changeSchema.safeParse(change).success;
      if (proofOf(changeSchema)(change)) {
        provenCount++;
        expect({ seed, i, change, zod }).toEqual({ seed, i, change, zod: true });
      }
      if (!zod) refused++;
    }
    // Both kinds of case occur, so the check above is not vacuous.
    expect(provenCount).toBeGreaterThan(250);
    expect(refused).toBeGreaterThan(1500);
  });
});

/** Sets (or deletes) a nested field, creating plain objects on the way. */
function setAt(target: Record<string, unknown>, path: string[], value: unknown, remove: boolean): void {
  let at = target;
  for (const key of path.slice(0, -1)) {
    const next = at[key];
    if (typeof next !== 'object' || next === null) at[key] = {};
    at = at[key] as Record<string, unknown>;
  }
  const last = path[path.length - 1]!;
  if (remove) delete at[last];
  else Object.defineProperty(at, last, { value, enumerable: true, configurable: true, writable: true });
}
