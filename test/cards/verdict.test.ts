import { verdictCard } from '../../src/cards';
import type { Verdict } from '../../src/policy/types';
import { executeActions, texts, walk } from './cardCheck';
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

  it('shows both directions and every check with ✓ / ✗ / ?', () => {
    const all = texts(verdictCard({ verdict: f.notReachable, viewerAdminOf: [] }).card);
    expect(all).toContain('rob@contoso.com → ana@fabrikam.com: Not reachable');
    expect(all).toContain('ana@fabrikam.com → rob@contoso.com: Not reachable');
    expect(all.filter((t) => t.startsWith('✓ '))).toHaveLength(1);
    expect(all.filter((t) => t.startsWith('✗ '))).toHaveLength(2);
    expect(texts(verdictCard({ verdict: f.depends, viewerAdminOf: [] }).card).some((t) => t.startsWith('? Northwind Traders'))).toBe(true);
  });

  it('gives an admin of the organization that must change a button that runs the fix', () => {
    const actions = executeActions(verdictCard({ verdict: f.notReachable, viewerAdminOf: ['contoso-east'] }).card);
    expect(actions).toHaveLength(1);
    expect(actions[0]).toMatchObject({
      verb: 'run',
      data: { command: { kind: 'change', change: { kind: 'removeBlocked', org: 'contoso-east', domains: ['fabrikam.com'] } } },
    });
  });

  it('tells everyone else whom to ask and what they must do, admin center and PowerShell in monospace', () => {
    const { card } = verdictCard({ verdict: f.notReachable, viewerAdminOf: ['contoso-east'] });
    const all = texts(card);
    expect(all).toContain('Ask an admin of Fabrikam: Add contoso.com to the allowed domains.');
    const code: Json[] = [];
    walk(card, (n) => {
      if (n.fontType === 'Monospace') code.push(n);
    });
    expect(code).toHaveLength(1);
    expect(String(code[0]?.text)).toContain('Admin center: Teams admin center > Users > External access');
    expect(String(code[0]?.text)).toContain('PowerShell: Set-CsTenantFederationConfiguration');
  });

  it('a viewer who administers nothing gets no buttons, only instructions', () => {
    const { card } = verdictCard({ verdict: f.notReachable, viewerAdminOf: [] });
    expect(executeActions(card)).toEqual([]);
    expect(texts(card)).toContain('Ask an admin of Contoso East: Remove fabrikam.com from the blocked domains.');
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
