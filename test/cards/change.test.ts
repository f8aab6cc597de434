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
    expect(all).toContain('Who is affected: 1 organization, both directions');
    expect(all).toContain('✗ Contoso East ↔ Fabrikam: loses reachability, both directions (Reachable → Not reachable)');
    expect(all).toContain(
      "Confirm saves it in the bot's store; the answer then gives the PowerShell that applies it in your tenant. Teams can take up to 24 hours to apply this, counted from when that script runs.",
    );
    expect(all.filter((t) => /24 hours/.test(t))).toHaveLength(1);
    expect(all).toContain('Why I ask: Fabrikam loses reachability.');
    expect(summary).toBe('Confirm? Block fabrikam.com for Contoso East. (cuts off 1 organization, both directions)');
  });

  it.each([
    ['one way only: the reverse row differs', [{ kind: 'loses', before: 'reachable', after: 'notReachable' }, { kind: 'loses', before: 'depends', after: 'notReachable', reverse: true }], 'Who is affected: 1 organization, some in one direction only', '✗ Contoso East → Fabrikam: loses reachability, this direction only (Reachable → Not reachable)'],
    ['a person and an organization', [{ kind: 'loses', before: 'reachable', after: 'notReachable' }, { kind: 'loses', before: 'reachable', after: 'notReachable', person: true }], 'Who is affected: 1 organization and 1 person, both directions', '✗ rob@contoso.com ↔ Fabrikam: loses reachability, both directions (Reachable → Not reachable)'],
  ] as const)('impact: %s', (_what, rows, heading, line) => {
    const base = f.plan().impact[0]!;
    const impact = rows.map((r) => {
      const from = 'person' in r ? 'rob@contoso.com' : base.fromLabel;
      const row = { ...base, kind: r.kind, before: r.before, after: r.after, fromLabel: from };
      return 'reverse' in r ? { ...row, fromOrgId: base.toOrgId, toOrgId: base.fromOrgId, fromLabel: base.toLabel, toLabel: base.fromLabel } : row;
    });
    const all = texts(changePreviewCard({ plan: f.plan({ impact }), pendingId: 'p' }).card);
    expect(all).toContain(heading);
    expect(all).toContain(line);
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
    expect(texts(big)).toContain('…and 3,980 more.');
  });
});

describe('change result', () => {
  it('says what changed and offers Undo of exactly that entry', () => {
    const { card, summary } = changeResultCard({ entry: f.entry(3), plan: f.plan(), orgName: 'Contoso East', canUndo: true });
    expect(summary).toBe('Done: Blocked fabrikam3.com.');
    expect((card.body as Json[])[0]).toMatchObject({ text: "Done in the bot's store" });
    expect(executeActions(card).map((a) => [a.title, a.data])).toEqual([['Undo', { command: { kind: 'undo', orgRef: 'contoso-east', entryId: 'e3' } }]]);
  });

  it.each([
    [true, "Saved in the bot's store only: Teams itself has not changed yet. To apply it in the tenant, run the PowerShell below. Once that is done: Teams can take up to 24 hours to apply this."],
    [false, "Saved in the bot's store only: Teams itself has not changed yet. Apply it in the tenant in the Teams admin center or with PowerShell. Once that is done: Teams can take up to 24 hours to apply this."],
  ])('says plainly the change is in the bot’s store only (script on the card: %s), and the Teams delay once', (hasScript, line) => {
    const all = texts(changeResultCard({ entry: f.entry(3), plan: f.plan(), orgName: 'Contoso East', canUndo: true, hasScript }).card);
    expect(all).toContain(line);
    expect(all.filter((t) => /hours/.test(t))).toHaveLength(1);
    expect(all.join('\n')).toContain('Changed 23 Nov 2026, 09:13 UTC by Ada Admin.');
  });

  it('an Undone card carries no button labelled Undo: undoing it makes the change again', () => {
    const { card } = changeResultCard({ entry: f.entry(4, { undoes: 'e3' }), orgName: 'Contoso East', canUndo: true });
    expect(texts(card)[0]).toBe("Undone in the bot's store");
    expect(executeActions(card).map((a) => a.title)).toEqual(['Make the change again']);
  });

  it('without the plan, shows the audit entry’s before → after; an undo says Undone; no Undo for non-admins', () => {
    const { card, summary } = changeResultCard({ entry: f.entry(4, { undoes: 'e3' }), orgName: 'Contoso East', canUndo: false });
    expect(summary.startsWith('Undone:')).toBe(true);
    expect(texts(card)).toEqual(expect.arrayContaining(['Blocked domains', 'northwind.com', 'northwind.com, fabrikam4.com']));
    expect(executeActions(card)).toEqual([]);
  });

  it('summarizes 4,000-domain before/after values', () => {
    const entry = f.entry(5, { before: { 'settings.allowedDomains': [] }, after: { 'settings.allowedDomains': f.domains(4000) }, touched: ['settings.allowedDomains'] });
    const { card } = changeResultCard({ entry, orgName: 'Contoso East', canUndo: true });
    expect(bytes(card)).toBeLessThan(40_000);
    expect(texts(card).some((t) => t.includes('more)'))).toBe(true);
  });
});
