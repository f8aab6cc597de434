import { federationStateCard } from '../../src/cards';
import { plan } from '../../src/policy';
import { organizationSchema, TENANT_EXTRAS_LIMITS } from '../../src/policy/model';
import type { Organization, PolicyModel } from '../../src/policy/model';
import type { Actor } from '../../src/policy/types';
import { extrasSummary, prepareImport, readTenantText } from '../../src/tenant';
import { keepExtras } from '../../src/tenant/extras';
import type { Json } from '../../src/tenant/values';
import { adaptiveCardErrors, bytes, texts } from '../cards/cardCheck';
import * as cardFixtures from '../cards/fixtures';
import { demoModel } from '../policy/fixtures';
import { sample } from './fixtures';

const NOW = new Date('2026-11-24T10:00:00Z');
const admin: Actor = { address: 'admin@contosoeast.com', adminOf: ['contoso-east'] };
const east = (m: PolicyModel): Organization => m.organizations.find((o) => o.id === 'contoso-east')!;

/** Reads `text` and plans its import into contoso-east: the model after it and the plan's inverse. */
function importInto(model: PolicyModel, text: string) {
  const read = readTenantText(text);
  if (!read.ok) throw new Error(read.reason);
  const prepared = prepareImport(east(model), read.reading);
  if (!prepared.ok) throw new Error(prepared.reason);
  const r = plan(model, prepared.change, admin, NOW);
  if (!r.ok) throw new Error(r.reason);
  return { model: r.next, plan: r.plan, notes: prepared.notes };
}

const many = (n: number, value: (i: number) => Json = () => true): [string, Json][] => Array.from({ length: n }, (_, i) => [`Property${i}`, value(i)]);

describe('the tenant properties the bot does not model, kept within bounds', () => {
  it.each<[string, [string, Json][], Record<string, unknown>, RegExp | undefined]>([
    ['primitives as they are', [['A', false], ['B', 3], ['C', 'text'], ['D', null]], { A: false, B: 3, C: 'text', D: null }, undefined],
    ['a nested value as its JSON text', [['Anchor', { ScopeClass: 'Global', List: [1, 2] }]], { Anchor: '{"ScopeClass":"Global","List":[1,2]}' }, undefined],
    ['a property named __proto__ as a property', JSON.parse('[["__proto__", {"polluted": true}], ["A", 1]]') as [string, Json][], JSON.parse('{"__proto__": "{\\"polluted\\":true}", "A": 1}') as Record<string, unknown>, undefined],
    ['a long text clipped', [['Description', 'x'.repeat(5000)]], { Description: `${'x'.repeat(TENANT_EXTRAS_LIMITS.valueLength - 1)}…` }, undefined],
    ['a name longer than 64 characters said, not kept', [['N'.repeat(65), true], ['Short', true]], { Short: true }, /1 property has a name longer than 64 characters, not kept here/],
    ['the first 50 of 60', many(60), Object.fromEntries(many(50)), /only the first 50 properties not managed here are kept; 10 more are not/],
  ])('%s', (_name, entries, kept, note) => {
    const notes: string[] = [];
    expect(keepExtras(entries, 'Get-CsTenantFederationConfiguration', notes)).toEqual(kept);
    if (note) expect(notes).toEqual([expect.stringMatching(note)]);
    else expect(notes).toEqual([]);
  });

  it('a store written before the field loads; what breaks a bound does not', () => {
    const org = east(demoModel());
    expect(org.tenantExtras).toBeUndefined();
    expect(organizationSchema.safeParse(org).success).toBe(true);
    expect(organizationSchema.safeParse({ ...org, tenantExtras: { federation: { AllowPublicUsers: false }, policies: { Sales: { EnableXmppAccess: true } } } }).success).toBe(true);
    for (const bad of [
      { federation: Object.fromEntries(many(51)) },
      { federation: { ['K'.repeat(65)]: true } },
      { federation: { Description: 'x'.repeat(1001) } },
      { federation: { Anchor: { nested: true } } },
      { policies: { Sales: { List: [1] } } },
      { other: {} },
    ]) {
      expect(organizationSchema.safeParse({ ...org, tenantExtras: bad }).success).toBe(false);
    }
  });

  it('a later import replaces its own part, keeps the other, and the plan\'s inverse puts back what was before', () => {
    const first = importInto(demoModel(), sample('federation-blocklist.json'));
    const withPolicies = importInto(first.model, sample('external-access-policies.json'));
    expect(Object.keys(east(withPolicies.model).tenantExtras?.policies ?? {})).toEqual(['Global', 'Sales', 'NoFederation']);
    expect(east(withPolicies.model).tenantExtras?.federation).toEqual(east(first.model).tenantExtras?.federation);

    // A configuration printed without any other property clears what was kept of it, not the policies'.
    const bare = JSON.stringify({ Identity: 'Global', AllowFederatedUsers: true, AllowedDomains: { AllowAllKnownDomains: {} }, BlockedDomains: [] });
    const cleared = importInto(withPolicies.model, bare);
    expect(east(cleared.model).tenantExtras).toEqual({ policies: east(withPolicies.model).tenantExtras?.policies });
    expect(cleared.plan.diff).toContainEqual({ label: 'Not managed here (as read from the tenant)', before: '32 properties (8 of the organization, 24 of its policies)', after: '24 properties' });

    const undone = plan(cleared.model, cleared.plan.inverse, admin, NOW);
    if (!undone.ok) throw new Error(undone.reason);
    expect(east(undone.next).tenantExtras).toEqual(east(withPolicies.model).tenantExtras);
    const undoneFirst = plan(first.model, first.plan.inverse, admin, NOW);
    if (!undoneFirst.ok) throw new Error(undoneFirst.reason);
    expect('tenantExtras' in east(undoneFirst.next)).toBe(false);
  });

  it('the settings card shows a short line, capped: the card stays far under 40 KB', () => {
    const full = (c: string): Record<string, string> => Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`Property${i}`, c.repeat(1000)]));
    const extras = { federation: full('v'), policies: Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`P${i}`, full('w')])) };
    expect(organizationSchema.shape.tenantExtras.safeParse(extras).success).toBe(true);
    const line = extrasSummary(extras);
    expect(line).toMatch(/^Property0 = v{59}…; .*, and 5042 more$/);
    const card = federationStateCard({ state: cardFixtures.stateView(), canAct: true, notManagedHere: line }).card;
    expect(texts(card).join('\n')).toMatch(/Not managed here \(as imported from the tenant\): Property0 = v+…/);
    expect(bytes(card) - bytes(federationStateCard({ state: cardFixtures.stateView(), canAct: true }).card)).toBeLessThan(1_200);
    expect(bytes(card)).toBeLessThan(40_000);
    expect(adaptiveCardErrors(card)).toEqual([]);
    expect(texts(federationStateCard({ state: cardFixtures.stateView(), canAct: true, notManagedHere: '' }).card).join('\n')).not.toMatch(/Not managed here/);
  });
});
