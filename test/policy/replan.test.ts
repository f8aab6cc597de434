import { plan } from '../../src/policy';
import { shownPrint, stillAsShown } from '../../src/policy/fingerprint';
import { differingMiddle, appended, without } from '../../src/policy/list-middle';
import { domainKey, domainSet, nextList, withoutDomains } from '../../src/policy/model-index';
import type { Organization, PolicyModel } from '../../src/policy/model';
import { addedLookalikes } from '../../src/policy/plan/lookalikes';
import { touchedBetween } from '../../src/policy/plan/touched';
import { displayDomain, lookalikeWarning } from '../../src/policy/domain';
import { deepFreeze } from '../../src/store/deepFreeze';
import { DOMAIN_POOL, managedIds, randomChange, randomModel } from './generators';
import { forAll } from './prng';
import type { Rng } from './prng';

/**
 * The planner keeps what it worked out per immutable object (a step per organization and change,
 * impact rows per organization pair, a list's key Set and its middle against the list it was made
 * from). These properties hold it to the answers made from scratch, on copies that share nothing.
 */

const now = new Date('2026-11-29T12:00:00Z');
const fresh = <T>(value: T): T => deepFreeze(structuredClone(value));

describe('planning again on a newer model (what the store does for every confirmation in a batch)', () => {
  it('seeded: equals a plan made from scratch, as other organizations and the same one change in between', () => {
    forAll(60, (r) => {
      let working = deepFreeze(randomModel(r));
      const actor = { address: 'admin@alpha.com', adminOf: managedIds(working) };
      // Previews made on the same model, confirmed one after the other (a batch of the write queue).
      const previewed = working;
      const changes = Array.from({ length: 8 }, () => randomChange(r, previewed));
      const previews = changes.map((change) => plan(previewed, change, actor, now));
      changes.forEach((change, i) => {
        const again = plan(working, change, actor, now);
        const scratch = plan(fresh(working), structuredClone(change), actor, now);
        expect(again).toEqual(scratch);
        const preview = previews[i]!;
        if (again.ok && preview.ok) {
          // Still as shown, decided without printing where it can be, as printing both decides it.
          const shown = shownPrint(preview.plan);
          expect(stillAsShown(shown, working, again.plan, { model: previewed, plan: preview.plan })).toBe(shownPrint(again.plan) === shown);
          working = deepFreeze(again.next);
        }
      });
    });
  });
});

describe('planning again after other organizations were replaced by any new version (an import, a restore)', () => {
  it('seeded: equals a plan made from scratch, whatever changed about them (people, domains, trial, kind, settings)', () => {
    forAll(300, (r) => {
      const model = deepFreeze(randomModel(r));
      const actor = { address: 'admin@alpha.com', adminOf: managedIds(model) };
      const change = randomChange(r, model);
      const preview = plan(model, change, actor, now);
      if (!preview.ok) return;
      // Other organizations replaced in place (same id), as an import or a restore may replace them,
      // often with people at the domains the change names (where a change of theirs shows).
      const named = 'domains' in change ? change.domains : [];
      const replaced = deepFreeze({
        organizations: model.organizations.map((o) => (o.id !== change.org && r.bool(0.6) ? otherVersion(r, o, named) : o)),
      });
      const again = plan(replaced, change, actor, now);
      expect(again).toEqual(plan(fresh(replaced), structuredClone(change), actor, now));
    });
  });
});

/** A new version of an organization, with one thing changed that the others' rows could depend on (or not). */
function otherVersion(r: Rng, o: Organization, named: readonly string[]): Organization {
  const domain = (): string => (named.length > 0 && r.bool(0.7) ? r.pick(named) : r.pick(DOMAIN_POOL));
  // What it does not change is shared with the old version, as a planned change shares it.
  const next: Organization = { ...o };
  const policy = next.policies[0]?.name;
  switch (r.int(6)) {
    case 0:
      next.trialOnly = !o.trialOnly;
      break;
    case 1:
      next.domains = [domain(), ...o.domains.slice(1)];
      break;
    case 2:
      // A listed user at another domain, of its own policy or on-premises (one the others' checks see).
      next.users = [...next.users, { address: `eve@${domain()}`, coexistence: 'Islands', onPremises: true, ...(policy ? { policy } : {}) }];
      break;
    case 3:
      next.kind = o.kind === 'tenant' ? 'consumer' : 'tenant';
      break;
    case 4:
      if (next.settings) next.settings = { ...next.settings, allowFederatedUsers: !next.settings.allowFederatedUsers, blockedDomains: r.subset(DOMAIN_POOL, 4) };
      break;
    default:
      next.managed = false;
      delete next.settings;
      next.policies = [];
      next.users = next.users.map(({ address }) => ({ address, coexistence: 'TeamsOnly', onPremises: false }));
  }
  return next;
}

/** A list edit: entries taken out and put in anywhere, with repeats and other spellings of a key. */
function edit(r: Rng, list: readonly string[]): string[] {
  const pool = [...DOMAIN_POOL, 'Alpha.com', 'ALPHA.NET', 'tailspin.com.', `n${r.int(1000)}.example`];
  const out = list.filter(() => !r.bool(0.15));
  for (let i = r.int(3); i > 0; i--) out.splice(r.int(out.length + 1), 0, r.pick(pool));
  return out;
}

describe('a list made from another one', () => {
  it('seeded: its key Set, derived from the other one, has exactly the keys of its entries', () => {
    forAll(100, (r) => {
      let list: readonly string[] = Object.freeze(edit(r, []));
      domainSet(list);
      for (let step = 0; step < 12; step++) {
        const previous = list;
        list = nextList(r.bool(0.5) ? appended(previous, [r.pick(DOMAIN_POOL)]) : edit(r, previous), previous);
        const keys = domainSet(list);
        const truth = new Set(list.map(domainKey));
        expect(keys.size).toBe(truth.size);
        for (const probe of [...DOMAIN_POOL, ...list.map(domainKey), 'nowhere.example']) expect(keys.has(probe)).toBe(truth.has(probe));
      }
    });
  });

  it.each([
    [['a', 'b', 'c'], ['a', 'b', 'c', 'd'], [], ['d']],
    [['a', 'b', 'c'], ['a', 'c'], ['b'], []],
    [['a', 'b', 'c'], ['x', 'b', 'y'], ['a', 'b', 'c'], ['x', 'b', 'y']],
    [['a', 'a'], ['a'], ['a'], []],
    [[], ['a'], [], ['a']],
  ])('differingMiddle(%j, %j) is %j → %j, asked either way and again', (before, after, out, put) => {
    const b = Object.freeze([...before]);
    const a = Object.freeze([...after]);
    for (let i = 0; i < 2; i++) {
      expect(differingMiddle(b, a)).toEqual({ before: out, after: put });
      expect(differingMiddle(a, b)).toEqual({ before: put, after: out });
    }
  });

  it('appended lists know their middle, the same as a scan finds', () => {
    const list = Object.freeze(['a.com', 'b.com']);
    const next = appended(list, ['c.com', 'a.com']);
    expect(next).toEqual(['a.com', 'b.com', 'c.com', 'a.com']);
    expect(Object.isFrozen(next)).toBe(true);
    expect(differingMiddle(list, next)).toEqual(differingMiddle([...list], [...next]));
  });
});

describe('a list with entries taken out (unblock, stop allowing)', () => {
  const filtered = (list: readonly string[], gone: ReadonlySet<string>): string[] => list.filter((d) => !gone.has(domainKey(d)));

  it.each([
    ['one stored entry', ['a.com', 'b.com', 'c.com'], ['b.com'], ['a.com', 'c.com']],
    ['several, in any order', ['a.com', 'b.com', 'c.com', 'd.com'], ['d.com', 'a.com'], ['b.com', 'c.com']],
    ['the only one', ['a.com'], ['a.com'], []],
    ['nothing', ['a.com', 'b.com'], [], ['a.com', 'b.com']],
    ['a key stored in another spelling', ['Alpha.com', 'b.com'], ['alpha.com'], ['b.com']],
    ['a key stored twice', ['a.com', 'b.com', 'a.com'], ['a.com'], ['b.com']],
    ['a key stored twice, spelled two ways', ['tailspin.com.', 'b.com', 'tailspin.com'], ['tailspin.com'], ['b.com']],
  ])('%s: %j without %j is %j', (_name, list, gone, expected) => {
    const frozen = Object.freeze([...list]);
    const next = withoutDomains(frozen, new Set(gone));
    expect(next).toEqual(expected);
    expect(frozen).toEqual(list);
  });

  it('seeded: the same as filtering every entry by its key, with the middle a scan finds and the key Set of its entries', () => {
    forAll(200, (r) => {
      let list: readonly string[] = Object.freeze(edit(r, [...r.subset(DOMAIN_POOL, 12)]));
      domainSet(list);
      for (let step = 0; step < 8; step++) {
        const previous = list;
        const keys = [...new Set(previous.map(domainKey))];
        const gone = new Set(r.subset(keys, 3));
        const next = withoutDomains(previous, gone);
        expect(next).toEqual(filtered(previous, gone));
        list = nextList(next, previous);
        expect(differingMiddle(previous, list)).toEqual(differingMiddle([...previous], [...list]));
        const truth = new Set(list.map(domainKey));
        expect(domainSet(list).size).toBe(truth.size);
        for (const probe of [...keys, 'nowhere.example']) expect(domainSet(list).has(probe)).toBe(truth.has(probe));
        if (r.bool(0.5)) list = nextList(appended(list, [r.pick(DOMAIN_POOL)]), list);
      }
    });
  });

  it('without(): undefined when an entry is missing or named twice, and the list left as it was', () => {
    const list = Object.freeze(['a.com', 'b.com']);
    expect(without(list, ['c.com'])).toBeUndefined();
    expect(without(list, ['a.com', 'a.com'])).toBeUndefined();
    expect(without(list, ['b.com'])).toEqual(['a.com']);
    expect(Object.isFrozen(without(list, ['b.com']))).toBe(true);
    expect(list).toEqual(['a.com', 'b.com']);
  });
});

describe('what a plan shows of a list change', () => {
  /** The diff text and lookalikes as they were made before they looked only between the common start and end. */
  function reference(before: readonly string[], after: readonly string[]): { text: string; lookalikes: string[] } {
    const show = (v: readonly string[], other: readonly string[]): string => {
      if (v.length === 0) return '(none)';
      if (v.length <= 10) return v.map(displayDomain).join(', ');
      const o = new Set(other);
      const extra = v.filter((d) => !o.has(d)).slice(0, 10).map(displayDomain);
      return `${v.length} domains${extra.length ? ` (incl. ${extra.join(', ')})` : ''}`;
    };
    const had = new Set(before);
    const lookalikes = [...new Set(after)].filter((d) => !had.has(d));
    return { text: `${show(before, after)} → ${show(after, before)}`, lookalikes };
  }

  it('seeded: the "incl." entries and the added lookalikes are those of the whole lists', () => {
    const pool = [...Array.from({ length: 30 }, (_, i) => `d${i}.example`), 'xn--cntosowest-l7a.com', 'xn--pple-43d.com', 'xn--bcher-kva.de'];
    let sawLookalike = false;
    forAll(300, (r) => {
      const base = Array.from({ length: 8 + r.int(20) }, () => r.pick(pool));
      const model: PolicyModel = deepFreeze(randomModel(r));
      const org = model.organizations.find((o) => o.settings)!;
      const before = deepFreeze({ ...org, settings: { ...org.settings!, blockedDomains: base, allowedDomains: [], allowedTrialTenantDomains: [] }, policies: [] });
      const changed = r.bool() ? appended(base, [r.pick(pool), r.pick(pool)]) : [...base.filter(() => !r.bool(0.2)), ...(r.bool() ? [r.pick(pool)] : [])];
      const after = deepFreeze({ ...before, settings: { ...before.settings, blockedDomains: changed } });
      const want = reference(base, changed);
      const line = touchedBetween(before, after).diff.find((d) => d.label === 'Blocked domains');
      if (line) expect(`${line.before} → ${line.after}`).toBe(want.text);
      const warned = addedLookalikes(before, after);
      expect(warned).toEqual(want.lookalikes.flatMap((d) => lookalikeWarning(d) ?? []));
      if (warned.length > 0) sawLookalike = true;
    });
    expect(sawLookalike).toBe(true);
  });
});
