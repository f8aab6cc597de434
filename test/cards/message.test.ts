import { domainStatusCard, messageCard, refusalCard } from '../../src/cards';
import { bytes, executeActions, houseRuleErrors } from './cardCheck';
import * as f from './fixtures';

describe('small text cards', () => {
  it('a message stays under 40 KB whatever it is given', () => {
    const all = f.domains(4000).join(', ');
    const { card } = messageCard({ title: all, lines: Array.from({ length: 100 }, () => all), facts: Array.from({ length: 4000 }, (_, i) => ({ title: `o${i}`, value: all })) });
    expect(bytes(card)).toBeLessThan(40_000);
    expect(houseRuleErrors(card)).toEqual([]);
  });

  it.each([
    [true, 'Allowed: fabrikam.com for Contoso East'],
    [false, 'Blocked: fabrikam.com for Contoso East'],
    ['unknown', 'Unknown: fabrikam.com for Contoso East'],
  ] as const)('domain status %s answers first', (allowed, title) => {
    const { card, summary } = domainStatusCard({ orgName: 'Contoso East', status: { orgId: 'contoso-east', domain: 'fabrikam.com', allowed, reason: 'Because.', rule: 'org.rule' } });
    expect((card.body as { text: string }[])[0]?.text).toBe(title);
    expect(summary.startsWith(title)).toBe(true);
    expect(executeActions(card).map((a) => a.data)).toEqual([{ command: { kind: 'showSettings', orgRef: 'contoso-east' } }]);
  });

  it('a refusal says nothing changed', () => {
    expect(refusalCard({ reason: 'contoso.com is your own domain.' }).summary).toBe("I can't do that: contoso.com is your own domain. Nothing was changed.");
  });
});
