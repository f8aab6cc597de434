import { codeCard, withCodeSection } from '../../src/cards';
import { changeResultCard } from '../../src/cards';
import { powershellScript } from '../../src/tenant';
import { tenant } from '../policy/fixtures';
import { adaptiveCardErrors, houseRuleErrors } from './cardCheck';

const NOW = new Date('2026-11-24T10:00:00Z');

describe('code on cards', () => {
  const big = tenant('x', 'X', { settings: { domainMode: 'blockSpecific', blockedDomains: Array.from({ length: 4000 }, (_, i) => `partner-${i}.example.com`) } });

  it.each([
    ['a short export', tenant('x', 'X')],
    ['an export of 4,000 blocked domains', big],
  ])('%s is a valid, Teams-sized card', (_name, org) => {
    const { card } = codeCard({ title: 'X: external access as PowerShell', lines: ['Run it.'], code: powershellScript(org, NOW), cutNote: 'the attached file has them all' });
    expect(adaptiveCardErrors(card)).toEqual([]);
    expect(houseRuleErrors(card)).toEqual([]);
    expect(JSON.stringify(card).length).toBeLessThan(28_000);
  });

  it('says how many lines were cut and where the rest is', () => {
    const { card } = codeCard({ title: 't', code: powershellScript(big, NOW), cutNote: 'the attached x.ps1 has them all' });
    expect(JSON.stringify(card)).toMatch(/\d+ more lines not shown here: the attached x.ps1 has them all\./);
  });

  it('keeps markdown inert and indentation visible', () => {
    const { card } = codeCard({ title: 't', code: '# comment\n    - item\n*bold*' });
    const texts = JSON.stringify(card);
    expect(texts).toContain('\\\\# comment');
    expect(texts).toContain('\u00a0\u00a0\u00a0\u00a0\\\\- item');
    expect(texts).toContain('\\\\*bold\\\\*');
  });

  it('a result card with the PowerShell delta stays valid, the code before its buttons', () => {
    const entry = { id: 'e1', time: NOW.toISOString(), actor: { address: 'a@x.com' }, orgId: 'x', request: 'block a.com', change: { kind: 'addBlocked' as const, org: 'x', domains: ['a.com'] }, summary: 'Blocked a.com.', touched: ['settings.blockedDomains'], before: {}, after: {} };
    const bound = changeResultCard({ entry, orgName: 'X', canUndo: true });
    const card = withCodeSection(bound.card, 'PowerShell', 'Set-CsTenantFederationConfiguration -BlockedDomains @{Add=(New-CsEdgeDomainPattern -Domain "a.com")}', 'n/a');
    expect(adaptiveCardErrors(card)).toEqual([]);
    expect(houseRuleErrors(card)).toEqual([]);
    const types = (card.body as { type: string }[]).map((e) => e.type);
    expect(types.indexOf('Container')).toBeLessThan(types.lastIndexOf('ActionSet'));
  });
});
