import { identityOf, isIdentity } from '../../src/policy/identity';
import { appended, differingMiddle, originOf } from '../../src/policy/list-middle';
import { indexOrg } from '../../src/policy/model-index';
import { PerVersion } from '../../src/policy/per-version';
import { plan } from '../../src/policy';
import type { Organization, PolicyModel } from '../../src/policy';
import { deepFreeze } from '../../src/store/deepFreeze';
import { bigStore } from '../store/bigStore';

/** Whether `target` can be reached from `from` through own properties, array entries and Map/Set contents. */
function reaches(from: unknown, target: object): boolean {
  const seen = new Set<unknown>();
  const stack = [from];
  while (stack.length > 0) {
    const v = stack.pop();
    if (v === target) return true;
    if (typeof v !== 'object' || v === null || seen.has(v)) continue;
    seen.add(v);
    if (v instanceof WeakRef) stack.push(v.deref()); // a WeakRef's target counts: V8's scavenger keeps it
    else if (v instanceof Map) for (const [k, x] of v) stack.push(k, x);
    else if (v instanceof Set) for (const x of v) stack.push(x);
    else stack.push(...Object.values(v as object));
  }
  return false;
}

describe('identityOf', () => {
  it('gives an object one token for good, and each object its own', () => {
    const a = {};
    const b = {};
    expect(identityOf(a)).toBe(identityOf(a));
    expect(identityOf(a)).not.toBe(identityOf(b));
    expect(isIdentity(a, identityOf(a))).toBe(true);
    expect(isIdentity(b, identityOf(a))).toBe(false);
    expect(isIdentity({}, {})).toBe(false); // an object never asked has no token
  });
});

describe('PerVersion', () => {
  const org = (id: string): { id: string } => ({ id });

  it('answers for the very version it kept, not for another version under the same id', () => {
    const kept = new PerVersion<string>(4);
    const v1 = org('a');
    const v2 = org('a');
    kept.set('a', v1, 'one');
    expect(kept.get('a', v1)).toBe('one');
    expect(kept.get('a', v2)).toBeUndefined();
    expect(kept.get('b', v1)).toBeUndefined();
  });

  it('keeps the latest version set under an id: a newer one replaces the older', () => {
    const kept = new PerVersion<string>(4);
    const [v1, v2] = [org('a'), org('a')];
    kept.set('a', v1, 'one');
    kept.set('a', v2, 'two');
    expect([kept.get('a', v1), kept.get('a', v2), kept.length]).toEqual([undefined, 'two', 1]);
  });

  it.each([1, 2, 8])('holds %i ids at most, dropping the one set longest ago', (size) => {
    const kept = new PerVersion<number>(size);
    const versions = Array.from({ length: size + 2 }, (_, i) => org(`o${i}`));
    versions.forEach((v, i) => kept.set(v.id, v, i));
    expect(kept.length).toBe(size);
    versions.forEach((v, i) => expect(kept.get(v.id, v)).toBe(i >= 2 ? i : undefined));
  });
});

/**
 * The caches of the policy engine are kept for objects (a list, an organization, a model) that the
 * next change replaces. V8's scavenger treats what a WeakMap value or a WeakRef points at as alive: a
 * cached value that reaches its own key, or an earlier version, keeps every version since the last
 * full collection alive through each scavenge (a full collection every few dozen batches of 50
 * confirmations). These hold the caches to not doing so.
 */
describe('cached values never reach the versions they are kept for', () => {
  const model = (): PolicyModel => deepFreeze({ organizations: bigStore(3, 50).organizations }) as PolicyModel;
  const actor = { address: 'admin@contosoeast.com', adminOf: ['contoso-east'] };

  it("a list's origin is known by its token, not by the list", () => {
    const list = Object.freeze(['a.com', 'b.com']);
    const next = appended(list, ['c.com']);
    const edited = Object.freeze(['b.com', 'c.com']);
    differingMiddle(next, edited);
    for (const [after, before] of [[next, list], [edited, next]] as const) {
      expect(originOf(after)?.token).toBe(identityOf(before));
      expect(reaches(originOf(after), before)).toBe(false);
    }
  });

  it("an organization's index does not reach the organization or its settings", () => {
    const org = model().organizations[0]!;
    const index = indexOrg(org);
    expect(reaches(index, org)).toBe(false);
    expect(reaches(index, org.settings!)).toBe(false);
  });

  it('after a chain of plans on one organization, its index, its list and the next plan reach no earlier version', () => {
    let m = model();
    const versions: Organization[] = [];
    for (let i = 0; i < 5; i++) {
      const result = plan(m, { kind: 'addBlocked', org: 'contoso-east', domains: [`d${i}.example.com`] }, actor);
      if (!result.ok) throw new Error(result.reason);
      versions.push(m.organizations[0]!);
      m = deepFreeze(result.next);
    }
    const latest = m.organizations[0]!;
    // What the caches hold for the latest version: its index, and what its plans made.
    const later = plan(m, { kind: 'addBlocked', org: 'contoso-east', domains: ['z.example.com'] }, actor);
    expect(later.ok).toBe(true);
    for (const earlier of versions) {
      expect(reaches(indexOrg(latest), earlier)).toBe(false);
      expect(reaches(later, earlier)).toBe(false);
      expect(reaches(originOf(latest.settings!.blockedDomains), earlier.settings!.blockedDomains)).toBe(false);
    }
  });
});
