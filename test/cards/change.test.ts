import { changePreviewCard, changeResultCard } from '../../src/cards';
import { adaptiveCardErrors, bytes, executeActions, houseRuleErrors, texts } from './cardCheck';
import * as f from './fixtures';

type Json = Record<string, unknown>;

describe('change preview', () => {
  const { card, summary } = changePreviewCard({ plan: f.plan(), pendingId: 'p-42' });

  it('shows the summary, before → after, who loses reachability, warnings and why it asks', () => {
    const all = texts(card);
    expect(all).toContain('Block fabrikam.com for Contoso East.');
    expect(all).toContain('Blocked domains');
    expect(all).toContain('northwind.com, tailspin.com');
    expect(all).toContain('northwind.com, tailspin.com, fabrikam.com');
    expect(all).toContain('✗ Contoso East → Fabrikam: loses reachability (Reachable → Not reachable)');
    expect(all).toContain('⚠ Teams can take up to 24 hours to apply this.');
    expect(all).toContain('Why I ask: Fabrikam loses reachability.');
    expect(summary).toBe('Confirm? Block fabrikam.com for Contoso East. (1 pair lose reachability)');
  });

  it('has Confirm and Cancel for the pending change', () => {
    expect(executeActions(card).map((a) => [a.title, a.verb, a.data])).toEqual([
      ['Confirm', 'confirm', { pendingId: 'p-42' }],
      ['Cancel', 'cancel', { pendingId: 'p-42' }],
    ]);
  });

  it('stays under 40 KB when the change lists 4,000 domains and affects thousands of pairs', () => {
    const all = f.domains(4000).join(', ');
    const impact = Array.from({ length: 4000 }, (_, i) => ({ ...f.plan().impact[0]!, toLabel: `Partner ${i}` }));
    const big = changePreviewCard({ plan: f.plan({ summary: `Allow only ${all}`, diff: [{ label: 'Allowed domains', before: all, after: all }, { label: 'Domain rule', before: 'Allow all', after: 'Allow only specific' }], impact }), pendingId: 'p' }).card;
    expect(bytes(big)).toBeLessThan(40_000);
    expect(houseRuleErrors(big)).toEqual([]);
    expect(adaptiveCardErrors(big)).toEqual([]);
    expect(texts(big)).toContain('…and 3980 more pairs.');
  });
});

describe('change result', () => {
  it('says what changed and offers Undo of exactly that entry', () => {
    const { card, summary } = changeResultCard({ entry: f.entry(3), plan: f.plan(), orgName: 'Contoso East', canUndo: true });
    expect(summary).toBe('Done: Blocked fabrikam3.com.');
    expect((card.body as Json[])[0]).toMatchObject({ text: 'Done' });
    expect(executeActions(card).map((a) => a.data)).toEqual([{ command: { kind: 'undo', orgRef: 'contoso-east', entryId: 'e3' } }]);
  });

  it('without the plan, shows the audit entry’s before → after; an undo says Undone; no Undo for non-admins', () => {
    const { card, summary } = changeResultCard({ entry: f.entry(4, { undoes: 'e3' }), orgName: 'Contoso East', canUndo: false });
    expect(summary.startsWith('Undone:')).toBe(true);
    expect(texts(card)).toEqual(expect.arrayContaining(['settings.blockedDomains', 'northwind.com', 'northwind.com, fabrikam4.com']));
    expect(executeActions(card)).toEqual([]);
  });

  it('summarizes 4,000-domain before/after values', () => {
    const entry = f.entry(5, { before: { 'settings.allowedDomains': [] }, after: { 'settings.allowedDomains': f.domains(4000) }, touched: ['settings.allowedDomains'] });
    const { card } = changeResultCard({ entry, orgName: 'Contoso East', canUndo: true });
    expect(bytes(card)).toBeLessThan(40_000);
    expect(texts(card).some((t) => t.includes('more)'))).toBe(true);
  });
});
