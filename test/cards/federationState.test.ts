import { federationStateCard } from '../../src/cards';
import { adaptiveCardErrors, bytes, executeActions, houseRuleErrors, texts, walk } from './cardCheck';
import * as f from './fixtures';

type Json = Record<string, unknown>;
const inputs = (card: Json) => {
  const out: Json[] = [];
  walk(card, (n) => {
    if (typeof n.type === 'string' && n.type.startsWith('Input.')) out.push(n);
  });
  return out;
};
const verbsAndKinds = (card: Json) =>
  executeActions(card).map((a) => `${String(a.verb)}:${String((a.data as { command?: { kind: string }; list?: string; op?: string }).command?.kind ?? `${(a.data as Json).op}-${(a.data as Json).list}`)}`);

describe('federation state card', () => {
  it('shows the rule in today’s wording, without the jargon of the retired Skype for Business Online portal', () => {
    const all = texts(federationStateCard({ state: f.stateView(), canAct: false }).card);
    expect(all).toContain('Domain rule: Block only specific external domains');
    expect(all.join('\n')).not.toContain('Skype for Business Online wording');
    expect(all).toContain('Subdomains of blocked domains: Blocked too');
    expect(all).toContain('Unmanaged Teams accounts: Our users can start: Yes · They can start: No');
    expect(all).toContain('Trial-only tenants: Blocked (1 exception)');
  });

  it('marks the list in effect and the list stored but not in effect', () => {
    const all = texts(federationStateCard({ state: f.stateView(), canAct: false }).card);
    expect(all).toContain('Blocked domains (2)');
    expect(all).toContain('In effect: every external domain except these can be reached.');
    expect(all).toContain('Allowed domains — not in effect (1)');
    expect(all.some((t) => t.startsWith('Stored but NOT in effect'))).toBe(true);
  });

  it('users see it read-only: no input, no change buttons, a note saying who can change it', () => {
    const { card } = federationStateCard({ state: f.stateView(), matrix: f.matrix, lastChange: { who: 'Ada', when: '2026-11-24T09:15:00Z' }, canAct: false });
    expect(inputs(card)).toEqual([]);
    expect(executeActions(card)).toEqual([]);
    expect(texts(card)).toContain('Read-only: only an admin of Contoso East can change these settings.');
  });

  it('admins get the domain input, add/remove for the list in effect, mode switches, history and undo', () => {
    const { card } = federationStateCard({ state: f.stateView(), lastChange: { who: 'Ada', when: '2026-11-24T09:15:00Z', entryId: 'e9' }, canAct: true });
    expect(inputs(card)).toEqual([expect.objectContaining({ type: 'Input.Text', id: 'domain' })]);
    expect(verbsAndKinds(card)).toEqual([
      'editList:add-blocked',
      'editList:remove-blocked',
      'run:change',
      'run:change',
      'run:change',
      'run:change',
      'run:history',
      'run:undo',
    ]);
    const undo = executeActions(card).find((a) => (a.data as { command: { kind: string } }).command?.kind === 'undo');
    expect(undo?.data).toEqual({ command: { kind: 'undo', orgRef: 'contoso-east', entryId: 'e9' } });
    const modes = executeActions(card).map((a) => (a.data as { command?: { change?: { mode?: string } } }).command?.change?.mode).filter(Boolean);
    expect(modes).toEqual(['allowAll', 'allowSpecific', 'blockAll']);
  });

  it.each([
    ['both lists hold domains', ['northwind.com'], ['editList:add-allowed', 'editList:remove-allowed', 'editList:add-blocked', 'editList:remove-blocked']],
    ['the blocked list is empty: nothing to remove from it', [], ['editList:add-allowed', 'editList:remove-allowed', 'editList:add-blocked']],
  ])('with an allow list in effect, admins edit both lists (%s)', (_what, blocked, verbs) => {
    const state = f.stateView({ mode: 'allowSpecific', modeLabel: 'Allow only specific external domains', inEffect: { list: 'allowed', domains: ['fabrikam.com'] }, storedNotInEffect: blocked.length > 0 ? [{ list: 'blocked', domains: blocked }] : [] });
    expect(verbsAndKinds(federationStateCard({ state, canAct: true }).card).filter((v) => v.startsWith('editList'))).toEqual(verbs);
  });

  it('one red button at most: turning external access off', () => {
    const red = executeActions(federationStateCard({ state: f.stateView(), lastChange: { who: 'Ada', when: '2026-11-24T09:15:00Z', entryId: 'e1' }, canAct: true }).card).filter((a) => a.style === 'destructive');
    expect(red.map((a) => a.title)).toEqual(['Turn external access off']);
  });

  it('no undo without a last change; no controls for an organization not managed here', () => {
    expect(verbsAndKinds(federationStateCard({ state: f.stateView(), canAct: true }).card)).not.toContain('run:undo');
    const unmanaged = federationStateCard({ state: f.stateView({ managed: false }), canAct: true }).card;
    expect(inputs(unmanaged)).toEqual([]);
  });

  it('shows the last change with a client-side local time', () => {
    const all = texts(federationStateCard({ state: f.stateView(), lastChange: { who: 'Ada Admin', when: '2026-11-24T09:15:00.123Z' }, canAct: false }).card);
    expect(all).toContain('Last change 24 Nov 2026, 09:15 UTC by Ada Admin');
  });

  describe('4,000-domain lists', () => {
    const big = f.stateView({
      inEffect: { list: 'blocked', domains: f.domains(4000, 'blocked-partner-with-a-long-name') },
      storedNotInEffect: [{ list: 'allowed', domains: f.domains(4000, 'allowed-partner-with-a-long-name') }],
      trialTenants: { blocked: true, exceptions: f.domains(4000, 'trial') },
    });
    const pageOf = (list: 'allowed' | 'blocked' | 'trial', page: number) =>
      federationStateCard({ state: big, knownOrgs: 10_003, partners: f.partners(10_004, (i) => `${'Organization with a long name '.repeat(4)}${i}`), lastChange: { who: 'Ada', when: '2026-11-24T09:15:00Z' }, canAct: true, paging: { list, page } }).card;

    it.each([
      ['blocked', 0],
      ['blocked', 40],
      ['blocked', 79],
      ['allowed', 3],
      ['trial', 79],
      ['blocked', 1000],
    ] as const)('the %s list at page %d stays under 40 KB and validates', (list, page) => {
      const card = pageOf(list, page);
      expect(bytes(card)).toBeLessThan(40_000);
      expect(houseRuleErrors(card)).toEqual([]);
      expect(adaptiveCardErrors(card)).toEqual([]);
    });

    it('stays under 40 KB even with domains of 253 characters', () => {
      const long = (p: string) => Array.from({ length: 4000 }, (_, i) => `${p}${i}.${'a'.repeat(60)}.${'b'.repeat(60)}.${'c'.repeat(60)}.${'d'.repeat(50)}.com`.slice(-253));
      const state = f.stateView({ inEffect: { list: 'blocked', domains: long('x') }, storedNotInEffect: [{ list: 'allowed', domains: long('y') }], trialTenants: { blocked: true, exceptions: long('z') } });
      expect(bytes(federationStateCard({ state, knownOrgs: 10_003, partners: f.partners(10_004, (i) => `${'x'.repeat(250)}${i}`), canAct: true }).card)).toBeLessThan(40_000);
    });

    it('shows at most 50 domains of the paged list, a count, and previous/next showSettings actions', () => {
      const card = pageOf('blocked', 1);
      const all = texts(card);
      expect(all).toContain('Blocked domains (4,000)');
      expect(all).toContain('Showing 51–100 of 4,000 domains.');
      const list = all.find((t) => t.startsWith('- blocked-partner'));
      expect(list?.split('\n')).toHaveLength(50);
      expect(list).toContain('blocked-partner-with-a-long-name50.example.com');
      const paging = executeActions(card).filter((a) => (a.data as { command?: { kind: string } }).command?.kind === 'showSettings');
      expect(paging.map((a) => [a.title, (a.data as { command: unknown }).command])).toEqual([
        ['Previous', { kind: 'showSettings', orgRef: 'contoso-east', list: 'blocked', page: 0 }],
        ['Next', { kind: 'showSettings', orgRef: 'contoso-east', list: 'blocked', page: 2 }],
        ['Show all 4,000', { kind: 'showSettings', orgRef: 'contoso-east', list: 'allowed', page: 0 }],
        ['Show all 4,000', { kind: 'showSettings', orgRef: 'contoso-east', list: 'trial', page: 0 }],
      ]);
    });

    it('10,000 organizations: a first screen of who we can talk to, the rest on a paged card, and the matrix offered', () => {
      const card = pageOf('blocked', 0);
      const all = texts(card);
      expect(all).toContain('Who we can talk to');
      expect(all).toContain('Showing 10 of 10,004 counterparts: the organizations named in the lists and recent partners first.');
      expect(all).toContain('10,003 organizations are known: too many for a grid here.');
      const data = executeActions(card).map((a) => (a.data as { command?: unknown }).command);
      expect(data).toContainEqual({ kind: 'whoCanWeTalkTo', orgRef: 'contoso-east', page: 0 });
      expect(data).toContainEqual({ kind: 'matrix' });
    });

    it('the last page has no next; the first has no previous', () => {
      const titles = (card: Record<string, unknown>) => executeActions(card).map((a) => a.title);
      expect(titles(pageOf('blocked', 79))).toContain('Previous');
      expect(titles(pageOf('blocked', 79))).not.toContain('Next');
      expect(titles(pageOf('blocked', 0))).not.toContain('Previous');
    });

    it('read-only users can page too', () => {
      const card = federationStateCard({ state: big, canAct: false, paging: { list: 'blocked', page: 2 } }).card;
      expect(executeActions(card).map((a) => a.title)).toEqual(['Previous', 'Next', 'Show all 4,000', 'Show all 4,000']);
    });
  });

  it('shows every counterpart without a pager when they fit on the card', () => {
    const { card } = federationStateCard({ state: f.stateView(), matrix: f.matrix, partners: f.partners(10), canAct: false });
    expect(texts(card)).toContain('Users on the Global policy; both sides must allow each other.');
    expect(texts(card).join('\n')).toContain('We start: ✗ Not reachable · They start: ? Depends');
    expect(executeActions(card).filter((a) => (a.data as { command?: { kind: string } }).command?.kind === 'whoCanWeTalkTo')).toEqual([]);
  });

  it('offers the matrix card instead of a grid when too many organizations are known', () => {
    const orgs = Array.from({ length: 12 }, (_, i) => ({ id: `o${i}`, name: `Org ${i}`, managed: true }));
    const { card } = federationStateCard({ state: f.stateView(), matrix: { orgs, cells: [] }, canAct: false });
    expect(executeActions(card).map((a) => a.data)).toEqual([{ command: { kind: 'matrix' } }]);
  });
});
