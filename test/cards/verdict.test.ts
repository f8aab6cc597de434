import { verdictCard } from '../../src/cards';
import type { Check, Verdict } from '../../src/policy/types';
import { executeActions, texts, visible, walk } from './cardCheck';
import * as f from './fixtures';

type Json = Record<string, unknown>;
const body = (card: Json) => card.body as Json[];

describe('verdict card', () => {
  it.each<[string, Verdict, string]>([
    ['reachable', f.reachable, 'Reachable'],
    ['not reachable', f.notReachable, 'Not reachable'],
    ['depends', f.depends, 'Depends on Northwind Traders'],
    ['internal', f.internal, 'Internal — external access does not apply'],
  ])('%s: the first text block is the outcome; fallbackText and summary start with it', (_what, verdict, words) => {
    const { card, summary } = verdictCard({ verdict, viewerAdminOf: [] });
    expect(body(card)[0]).toMatchObject({ type: 'TextBlock', text: words });
    expect(String(card.fallbackText).startsWith(words)).toBe(true);
    expect(summary.startsWith(words)).toBe(true);
  });

  it('prefixes the outcome words when the policy summary does not start with them', () => {
    const { summary } = verdictCard({ verdict: { ...f.depends, summary: 'Our side permits it.' }, viewerAdminOf: [] });
    expect(summary).toBe('Depends on Northwind Traders — Our side permits it.');
  });

  it('leads with the deciding checks in plain words, setting second; every check folded behind one button', () => {
    const { card } = verdictCard({ verdict: f.notReachable, viewerAdminOf: [] });
    const first = texts(visible(card));
    expect(first.slice(0, 4)).toEqual([
      'Not reachable',
      'rob@contoso.com ↔ ana@fabrikam.com',
      '✗ Contoso East blocks fabrikam.com',
      'BlockedDomains (Contoso East): fabrikam.com is on the block list',
    ]);
    expect(first).toContain('✗ Fabrikam blocks contoso.com');
    expect(first.filter((t) => t.startsWith('✓ '))).toEqual([]);
    const all = texts(card);
    expect(all.filter((t) => t.startsWith('✓ '))).toHaveLength(1);
    expect(all.filter((t) => t.startsWith('✗ '))).toHaveLength(4);
    const toggles: Json[] = [];
    walk(card, (n) => {
      if (n.type === 'Action.ToggleVisibility') toggles.push(n);
    });
    expect(toggles.map((t) => t.title)).toEqual(['Show all 3 checks']);
    expect(texts(verdictCard({ verdict: f.depends, viewerAdminOf: [] }).card).some((t) => t.startsWith('? Northwind Traders'))).toBe(true);
  });

  it.each<[string, Check['status'], string]>([
    ['passed', 'passed', '✓ rob@contoso.com is homed online (Teams)'],
    ['failed', 'failed', '✗ rob@contoso.com is homed in Skype for Business on-premises, so cannot talk to other organizations from Teams'],
  ])('the on-premises check %s reads as what holds, never as its opposite', (_what, status, line) => {
    const check: Check = { id: 'user.onPremises', direction: 'both', side: 'from', orgId: 'contoso-east', orgName: 'Contoso East', setting: 'homed in Skype for Business on-premises', needs: 'homed online (Teams)', found: 'homed online', status };
    const all = texts(verdictCard({ verdict: { ...f.reachable, checks: [check] }, viewerAdminOf: [] }).card);
    expect(all).toContain(line);
    expect(all.join('\n')).not.toMatch(/✓ homed in Skype/);
  });

  it('gives an admin of the side that must change a fix button for that side only', () => {
    const actions = executeActions(verdictCard({ verdict: f.notReachable, viewerAdminOf: ['contoso-east'] }).card);
    expect(actions).toHaveLength(1);
    expect(actions[0]).toMatchObject({
      title: 'Fix it in Contoso East',
      verb: 'run',
      data: { command: { kind: 'change', change: { kind: 'removeBlocked', org: 'contoso-east', domains: ['fabrikam.com'] } } },
    });
  });

  it("says the other organization's part as what its admin must do, in words: no PowerShell, no chat command", () => {
    const { card } = verdictCard({ verdict: f.notReachable, viewerAdminOf: ['contoso-east'], viewer: { orgId: 'contoso-east', admins: ['admin@contoso.com'] } });
    const all = texts(card).join('\n');
    expect(all).toContain('Only an admin of Fabrikam can change this: ask them to add contoso.com to the allowed domains.');
    expect(all).not.toMatch(/Set-Cs|PowerShell|In this bot/);
  });

  it('tells a user of the organization whom to ask, with the text to send; no button, no command', () => {
    const { card } = verdictCard({ verdict: f.notReachable, viewerAdminOf: [], viewer: { orgId: 'contoso-east', admins: ['0000-guid', 'admin@contoso.com'] } });
    expect(executeActions(card)).toEqual([]);
    const all = texts(card);
    expect(all).toContain('Ask admin@contoso.com (your admin) to remove fabrikam.com from the blocked domains. You can send this:');
    const code: Json[] = [];
    walk(card, (n) => {
      if (n.fontType === 'Monospace') code.push(n);
    });
    expect(code.map((c) => c.text)).toEqual([
      'Hi, the Federation Assistant says rob@contoso.com and ana@fabrikam.com cannot reach each other because Contoso East blocks fabrikam.com (setting BlockedDomains). Could you remove fabrikam.com from the blocked domains?',
    ]);
    expect(all.join('\n')).not.toMatch(/Set-Cs|unblock fabrikam\.com/);
  });

  it('an unknown partner: what their admin must check, and where', () => {
    const all = texts(verdictCard({ verdict: f.depends, viewerAdminOf: ['contoso-east'] }).card).join('\n');
    expect(all).toContain("Only an admin of Northwind Traders can change this: ask them to allow contoso.com (or all external domains). They will find it in the Teams admin center > Users > External access.");
  });

  it("gives the seed's Step 2 advice only when reachable", () => {
    const advice = (v: Verdict) => texts(verdictCard({ verdict: v, viewerAdminOf: [] }).card).join('\n');
    expect(advice(f.reachable)).toMatch(/email address[\s\S]*both directions[\s\S]*firewall/);
    for (const v of [f.notReachable, f.depends, f.internal]) expect(advice(v)).not.toContain('firewall');
  });

  it('names the kind of conversation', () => {
    expect(texts(verdictCard({ verdict: { ...f.reachable, conversation: 'interop' }, viewerAdminOf: [] }).card).join('\n')).toContain('Text-only 1:1 chat');
  });
});
