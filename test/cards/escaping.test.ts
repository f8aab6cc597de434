import {
  changeResultCard,
  federationStateCard,
  helpCard,
  historyCard,
  messageCard,
  notUnderstoodCard,
  verdictCard,
  type BoundCard,
} from '../../src/cards';
import { houseRuleErrors, walk } from './cardCheck';
import * as f from './fixtures';

const ESCAPED = '\\[click\\]\\(http:\u2060//evil)';

/** Text from people, placed in every kind of field it can reach. */
const cases: [string, () => BoundCard][] = [
  ['organization name on the state card', () => federationStateCard({ state: f.stateView({ orgName: f.EVIL, domains: [f.EVIL] }), matrix: { ...f.matrix, orgs: f.matrix.orgs.map((o) => ({ ...o, name: f.EVIL })) }, lastChange: { who: f.EVIL, when: '2026-11-24T09:15:00Z' }, canAct: true })],
  ['partner names on the state card', () => federationStateCard({ state: f.stateView(), partners: f.partners(10_004, () => f.EVIL), canAct: false })],
  ['policy name on the state card', () => federationStateCard({ state: f.stateView({ policiesInUse: [{ name: f.EVIL, users: 1, summary: f.EVIL }] }), canAct: false })],
  ['address and organization in a verdict', () => verdictCard({ verdict: { ...f.notReachable, a: { ...f.notReachable.a, address: f.EVIL }, checks: f.notReachable.checks.map((c) => ({ ...c, orgName: f.EVIL, found: f.EVIL })) }, viewerAdminOf: [] })],
  ['display name and request in history', () => historyCard({ orgId: 'o', orgName: f.EVIL, page: { ...f.historyPage(0, 1), entries: [f.entry(0, { actor: { address: 'x@y.com', displayName: f.EVIL }, request: f.EVIL, summary: f.EVIL })] }, canAct: true })],
  ['display name in a change result', () => changeResultCard({ entry: f.entry(0, { actor: { address: 'x@y.com', displayName: f.EVIL } }), orgName: f.EVIL, canUndo: true })],
  ['viewer name in the welcome', () => helpCard({ examples: f.examples, viewerIsAdmin: false, welcome: true, viewerName: f.EVIL })],
  ['typed text in not understood', () => notUnderstoodCard({ text: f.EVIL, reason: `I cannot read ${f.EVIL}`, suggestions: [] })],
  ['a message', () => messageCard({ title: f.EVIL, lines: [f.EVIL], facts: [{ title: f.EVIL, value: f.EVIL }] })],
];

describe.each(cases)('escaping: %s', (_name, bind) => {
  const { card } = bind();
  const shown: string[] = [];
  walk(card, (n) => {
    if (n.type === 'TextBlock') shown.push(String(n.text));
    if (n.type === 'FactSet') for (const fact of n.facts as { title: string; value: string }[]) shown.push(fact.title, fact.value);
  });

  it('shows the name escaped, never as a markdown link', () => {
    expect(shown.some((t) => t.includes(ESCAPED))).toBe(true);
    for (const t of shown) {
      expect(t).not.toContain('[click](');
      expect(t).not.toContain('http://evil');
    }
  });

  it('still follows the house rules', () => {
    expect(houseRuleErrors(card)).toEqual([]);
  });
});

it('a typed ${...} is shown literally and cannot pass for a template placeholder', () => {
  const { card } = notUnderstoodCard({ text: '${secret}', reason: 'no', suggestions: [] });
  expect(JSON.stringify(card)).not.toContain('${');
  expect(JSON.stringify(card)).toContain('$\\\\{secret}');
});
