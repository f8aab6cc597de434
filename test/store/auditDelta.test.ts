import { writeFileSync } from 'node:fs';
import type { Change } from '../../src/policy/change';
import type { Organization, PolicyModel, UserPolicy } from '../../src/policy/model';
import type { Actor, PlanResult } from '../../src/policy/types';
import type { Planner } from '../../src/store/planner';
import type { PolicyStore } from '../../src/store/types';
import { bigStore } from './bigStore';
import { admin, NOW, open, readAuditLines, tempDir } from './fixtures';
import { testPlanner } from './testPlanner';

/**
 * The test planner, plus `restore` of policies (a policy object, or null: absent), as undo and a
 * card's restore send them; the inverse is the restore of the before values.
 */
const planner: Planner = (model: PolicyModel, change: Change, actor: Actor, now: Date): PlanResult => {
  if (change.kind !== 'restore' || change.policies === undefined) return testPlanner(model, change, actor, now);
  const index = model.organizations.findIndex((o) => o.id === change.org);
  const org = model.organizations[index]!;
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  let policies = org.policies.slice();
  for (const [name, policy] of Object.entries(change.policies)) {
    before[`policies.${name}`] = org.policies.find((p) => p.name === name) ?? null;
    after[`policies.${name}`] = policy;
    policies = policies.filter((p) => p.name !== name);
    if (policy !== null) policies.push(policy);
  }
  const organizations = model.organizations.slice();
  organizations[index] = { ...org, policies } as Organization;
  const touched = Object.keys(before);
  const inverse: Change = { kind: 'restore', org: org.id, policies: Object.fromEntries(touched.map((p) => [p.slice('policies.'.length), before[p] as UserPolicy | null])) };
  return {
    ok: true,
    next: { organizations },
    plan: { change, orgId: org.id, orgName: org.name, summary: 'Restore policies', diff: [], impact: [], warnings: [], needsConfirmation: false, inverse, touched, before, after },
  };
};

const domains = (n: number, tag = 'x') => Array.from({ length: n }, (_, i) => `${tag}${i}.example.com`);
const commit = (store: PolicyStore, change: Change) => store.commit({ change, actor: admin, request: 'a card action', now: NOW });
const undo = (store: PolicyStore) => store.undo({ orgId: 'contoso-east', actor: admin, request: 'undo', now: NOW });
const east = (store: PolicyStore) => store.read().organizations[0]!;
const lastLine = (file: string) => JSON.stringify(readAuditLines(file).at(-1));

describe('audited list changes are deltas on every path (no list written twice)', () => {
  let t: ReturnType<typeof tempDir>;
  let store: PolicyStore;
  beforeEach(async () => {
    t = tempDir();
    writeFileSync(t.file, JSON.stringify(bigStore(0, 0)));
    store = await open(t.file, { plan: planner });
  });
  afterEach(async () => {
    await store.close();
    t.cleanup();
  });

  it('a first-time 3,800-domain list sent as a restore: one copy of the list in the entry, and undo empties it again', async () => {
    const list = domains(3800);
    const result = await commit(store, { kind: 'restore', org: 'contoso-east', settings: { allowedDomains: list } });
    expect(result).toMatchObject({ ok: true, entry: { before: {}, after: {}, elided: ['settings.allowedDomains'], change: { kind: 'restore', org: 'contoso-east' } } });
    if (!result.ok) return;
    expect(result.entry.change).toEqual({ kind: 'restore', org: 'contoso-east' });
    expect(result.entry.lists?.['settings.allowedDomains']).toMatchObject({ size: [0, 3800], removed: [] });
    expect(result.entry.inverse).toBeUndefined();
    // The entry is the list once (plus an index per domain, ~25% here), not five copies (757 KB before).
    const listBytes = JSON.stringify(list).length;
    expect(lastLine(t.file).length).toBeLessThan(1.5 * listBytes);
    expect(await undo(store)).toMatchObject({ ok: true });
    expect(east(store).settings!.allowedDomains).toEqual([]);
    expect(lastLine(t.file).length).toBeLessThan(1.5 * listBytes);
    // …and undoing the undo puts the whole list back, in order.
    expect(await undo(store)).toMatchObject({ ok: true });
    expect(east(store).settings!.allowedDomains).toEqual(list);
  });

  it.each<[string, (global: UserPolicy) => UserPolicy | null, number]>([
    ['a policy with two 4,000-domain lists changed in one flag', (g) => ({ ...g, enableFederationAccess: !g.enableFederationAccess }), 2000],
    ['a policy with a 4,000-domain list created', (g) => ({ ...g, name: 'Big' }), 1.5 * 2 * JSON.stringify(domains(4000, 'p')).length],
    ['a policy with two 4,000-domain lists deleted', () => null, 1.5 * 2 * JSON.stringify(domains(4000, 'p')).length],
  ])('%s: the lists inside it are deltas, and undo puts it back exactly', async (_name, edit, maxBytes) => {
    const global = { ...east(store).policies[0]!, allowedExternalDomains: domains(4000, 'pa'), blockedExternalDomains: domains(4000, 'pb') };
    expect(await commit(store, { kind: 'restore', org: 'contoso-east', policies: { Global: global } })).toMatchObject({ ok: true });
    const before = structuredClone(east(store).policies);
    const edited = edit(global);
    const name = edited?.name ?? 'Global';
    const result = await commit(store, { kind: 'restore', org: 'contoso-east', policies: { [name]: edited } });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(Object.keys(result.entry.lists ?? {}).sort()).toEqual([`policies.${name}.allowedExternalDomains`, `policies.${name}.blockedExternalDomains`]);
    for (const side of [result.entry.before, result.entry.after]) {
      const value = side[`policies.${name}`] as Record<string, unknown> | null;
      if (value !== null) expect(Object.keys(value)).not.toContain('allowedExternalDomains');
    }
    expect(lastLine(t.file).length).toBeLessThan(maxBytes);
    expect(await undo(store)).toMatchObject({ ok: true, entry: { undoes: result.entry.id } });
    expect(east(store).policies).toEqual(before);
  });
});
