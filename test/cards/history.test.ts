import { historyCard } from '../../src/cards';
import { bytes, executeActions, texts } from './cardCheck';
import * as f from './fixtures';

type Json = Record<string, unknown>;
const bind = (page: number, total: number, canAct = true) => historyCard({ orgId: 'contoso-east', orgName: 'Contoso East', page: f.historyPage(page, total), canAct });
const commands = (card: Json) => executeActions(card).map((a) => [a.title, (a.data as { command: unknown }).command]);

describe('history card', () => {
  it('shows who, when, what and before → after for each entry', () => {
    const all = texts(bind(0, 3).card);
    expect(all).toContain('Blocked fabrikam0.com.');
    expect(all).toContain('20 Nov 2026, 09:10 UTC · Ada Admin');
    expect(all).toContain('Asked: “block fabrikam0.com”');
    expect(all).toContain('Blocked domains: northwind.com → northwind.com, fabrikam0.com');
    expect(all.join('\n')).not.toMatch(/settings\./);
    expect(all).toContain('3 changes · page 1 of 1');
  });

  it('offers Undo on the latest change only, to admins, and Older for the next page', () => {
    expect(commands(bind(0, 25).card)).toEqual([
      ['Undo this change', { kind: 'undo', orgRef: 'contoso-east', entryId: 'e0' }],
      ['Older', { kind: 'history', orgRef: 'contoso-east', page: 1 }],
    ]);
  });

  it('a middle page has Newer and Older and no Undo; the last page has no Older', () => {
    expect(commands(bind(1, 25).card)).toEqual([
      ['Newer', { kind: 'history', orgRef: 'contoso-east', page: 0 }],
      ['Older', { kind: 'history', orgRef: 'contoso-east', page: 2 }],
    ]);
    expect(commands(bind(2, 25).card)).toEqual([['Newer', { kind: 'history', orgRef: 'contoso-east', page: 1 }]]);
  });

  it.each([
    ['settings.domainMode', 'blockSpecific', 'allowAll', 'Domain rule: Block only listed → Allow all'],
    ['settings.allowFederatedUsers', true, false, 'External access: on → off'],
    ['settings.allowTeamsConsumer', true, false, 'Unmanaged Teams accounts: allowed → blocked'],
    ['settings.trialTenants', 'Allowed', 'Blocked', 'Trial-only tenants: allowed → blocked'],
    ['settings.blockedDomains', [], ['fabrikam.com'], 'Blocked domains: (empty) → fabrikam.com'],
    ['policies.NoExternal', undefined, { name: 'NoExternal', enableFederationAccess: false }, 'User policy NoExternal: (no such policy) → external access off'],
    ['policies.Global', { enableFederationAccess: true, communicationWithExternalOrgs: 'OrganizationDefault', enableTeamsConsumerAccess: true, enableTeamsConsumerInbound: true }, { enableFederationAccess: true, communicationWithExternalOrgs: 'BlockAllExternalDomains', enableTeamsConsumerAccess: true, enableTeamsConsumerInbound: false }, "User policy Global: external access on: the organization's domain rule → external access on: no external domains; unmanaged accounts cannot start"],
    ['users.rob@contoso.com', { address: 'rob@contoso.com', coexistence: 'Islands', onPremises: true }, { address: 'rob@contoso.com', policy: 'NoExternal', coexistence: 'TeamsOnly', onPremises: false }, 'rob@contoso.com: Global policy, Islands, homed on-premises → policy NoExternal, TeamsOnly, homed online'],
  ])('history in words: %s', (path, before, after, line) => {
    const page = f.historyPage(0, 1);
    page.entries = page.entries.map((e) => ({ ...e, touched: [path], before: { [path]: before }, after: { [path]: after } }));
    expect(texts(historyCard({ orgId: 'contoso-east', orgName: 'Contoso East', page, canAct: true }).card)).toContain(line);
  });

  it('an undo says what it undid, and its button makes the change again (never "Undo" on an undo)', () => {
    const page = f.historyPage(0, 2);
    page.entries = [f.entry(9, { undoes: 'e1', summary: 'Put back the earlier settings of Contoso East.' }), f.entry(1, { summary: 'Blocked contosowest.com.' })];
    const { card } = historyCard({ orgId: 'contoso-east', orgName: 'Contoso East', page, canAct: true });
    expect(texts(card)).toContain('↶ Undid: Blocked contosowest.com.');
    expect(executeActions(card).map((a) => a.title)).toEqual(['Make that change again']);
    const alone = { ...page, entries: [page.entries[0]!], total: 1 };
    expect(texts(historyCard({ orgId: 'contoso-east', orgName: 'Contoso East', page: alone, canAct: true }).card)).toContain('↶ Undid an earlier change: Put back the earlier settings of Contoso East.');
  });

  it.each([
    ['[button] run change', 'Pressed a button on a card'],
    ['[button] confirm', 'Pressed a button on a card'],
    ['[example] block fabrikam.com', 'Pressed the example “block fabrikam.com”'],
    ['block fabrikam.com', 'Asked: “block fabrikam.com”'],
  ])('says how the change was asked for in words: %s', (request, line) => {
    const page = f.historyPage(0, 1);
    page.entries = page.entries.map((e) => ({ ...e, request }));
    const all = texts(historyCard({ orgId: 'contoso-east', orgName: 'Contoso East', page, canAct: true }).card);
    expect(all).toContain(line);
    expect(all.join('\n')).not.toContain('[button]');
  });

  it('users see no Undo', () => {
    expect(commands(bind(0, 5, false).card)).toEqual([]);
  });

  it('says so when nothing changed yet', () => {
    const { card, summary } = bind(0, 0);
    expect(summary).toBe('No changes recorded for Contoso East yet.');
    expect(texts(card)).toContain('Nothing changed here yet.');
  });

  it('shows a long list kept as a delta by its sizes and what was added and removed', () => {
    const page = f.historyPage(0, 1, 10);
    page.entries = page.entries.map((e) => ({
      ...e,
      touched: ['settings.blockedDomains'],
      before: {},
      after: {},
      lists: { 'settings.blockedDomains': { size: [4000, 4000], removed: [[7, 'tailspin.com']], added: [[3999, 'fabrikam.com']] } },
    }));
    const all = texts(historyCard({ orgId: 'contoso-east', orgName: 'Contoso East', page, canAct: true }).card).join('\n');
    expect(all).toContain('Blocked domains: 4,000 domains → 4,000 domains: + fabrikam.com; − tailspin.com');
  });

  it('stays under 40 KB with 4,000-domain before/after values on every entry', () => {
    const page = f.historyPage(0, 50, 25);
    page.entries = page.entries.map((e) => ({ ...e, before: { 'settings.blockedDomains': f.domains(4000) }, after: { 'settings.blockedDomains': f.domains(3999) } }));
    expect(bytes(historyCard({ orgId: 'contoso-east', orgName: 'Contoso East', page, canAct: true }).card)).toBeLessThan(40_000);
  });
});
