import { shownPrint } from '../../src/policy/fingerprint';
import type { Plan } from '../../src/policy/types';
import { prng, testSeed } from '../support/prng';

/** A plan of "block/unblock" on contoso-east whose blocked list goes from `before` to `after`. */
const planOf = (before: string[], after: string[], summary = 'Block listed domains'): Plan => ({
  change: { kind: 'addBlocked', org: 'contoso-east', domains: ['x.example'] },
  orgId: 'contoso-east',
  orgName: 'Contoso East',
  summary,
  diff: [{ label: 'Blocked domains', before: before.join(', '), after: after.join(', ') }],
  impact: [],
  warnings: [],
  needsConfirmation: true,
  inverse: { kind: 'restore', org: 'contoso-east' },
  touched: ['settings.blockedDomains'],
  before: { 'settings.blockedDomains': before },
  after: { 'settings.blockedDomains': after },
});

/** A list of `n` distinct domains, shuffled by `rand`. */
function domains(rand: () => number, n: number, prefix: string): string[] {
  const list = Array.from({ length: n }, (_, i) => `${prefix}${i}.example`);
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [list[i], list[j]] = [list[j]!, list[i]!];
  }
  return list;
}

describe('shownPrint: what a preview showed', () => {
  it('seeded: a list change prints as the entries it adds and removes, whatever else the list holds', () => {
    const rand = prng(testSeed(29));
    for (let round = 0; round < 300; round++) {
      const base = domains(rand, Math.floor(rand() * 60), 'b');
      const removed = base.filter(() => rand() < 0.1);
      const added = domains(rand, Math.floor(rand() * 4), 'a');
      const apply = (list: string[]): string[] => [...list.filter((d) => !removed.includes(d)), ...added];
      // Another admin's entries, anywhere in the list: what this change does stays the same.
      const others = domains(rand, 1 + Math.floor(rand() * 5), 'o');
      const widened = [...base];
      for (const o of others) widened.splice(Math.floor(rand() * (widened.length + 1)), 0, o);
      expect(shownPrint(planOf(widened, apply(widened)))).toBe(shownPrint(planOf(base, apply(base))));
      // One more or one fewer entry changed: it prints differently.
      const more = [...added, `z${round}.example`];
      expect(shownPrint(planOf(base, [...base.filter((d) => !removed.includes(d)), ...more]))).not.toBe(shownPrint(planOf(base, apply(base))));
    }
  });

  it.each<[string, Plan, Plan]>([
    ['another summary', planOf([], ['x.example']), planOf([], ['x.example'], 'Block x.example (switches the domain rule)')],
    ['another switch value', { ...planOf([], []), touched: ['settings.allowFederatedUsers'], before: { 'settings.allowFederatedUsers': true }, after: { 'settings.allowFederatedUsers': false } }, { ...planOf([], []), touched: ['settings.allowFederatedUsers'], before: { 'settings.allowFederatedUsers': false }, after: { 'settings.allowFederatedUsers': false } }],
    ['an entry removed as well', planOf(['y.example'], ['y.example', 'x.example']), planOf(['y.example'], ['x.example'])],
  ])('%s prints differently', (_name, a, b) => {
    expect(shownPrint(a)).not.toBe(shownPrint(b));
  });
});
