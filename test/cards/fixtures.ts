import type { Check, OrgStateView, Plan, ReachMatrix, Verdict } from '../../src/policy/types';
import type { AuditEntry, HistoryPage } from '../../src/store/types';
import type { Example } from '../../src/cards/help';

/** A display name that tries to inject a link. */
export const EVIL = '[click](http://evil)';

export const domains = (n: number, prefix = 'partner'): string[] => Array.from({ length: n }, (_, i) => `${prefix}${i}.example.com`);

export function stateView(over: Partial<OrgStateView> = {}): OrgStateView {
  return {
    orgId: 'contoso-east',
    orgName: 'Contoso East',
    domains: ['contoso.com', 'east.contoso.com'],
    managed: true,
    federation: true,
    mode: 'blockSpecific',
    modeLabel: 'Block only specific external domains',
    legacyLabel: 'On except for blocked domains',
    inEffect: { list: 'blocked', domains: ['northwind.com', 'tailspin.com'] },
    storedNotInEffect: [{ list: 'allowed', domains: ['fabrikam.com'] }],
    blockAllSubdomains: true,
    teamsConsumer: { outbound: true, inbound: false },
    trialTenants: { blocked: true, exceptions: ['trial.litware.com'] },
    policiesInUse: [
      { name: 'Global', users: 12, summary: "external access on: the organization's domain rule" },
      { name: 'NoFederation', users: 2, summary: 'external access off' },
    ],
    ...over,
  };
}

export const matrix: ReachMatrix = {
  orgs: [
    { id: 'contoso-east', name: 'Contoso East', managed: true },
    { id: 'fabrikam', name: 'Fabrikam', managed: true },
    { id: 'northwind', name: 'Northwind', managed: false },
  ],
  cells: [
    { fromId: 'contoso-east', toId: 'fabrikam', outcome: 'reachable' },
    { fromId: 'contoso-east', toId: 'northwind', outcome: 'notReachable' },
    { fromId: 'fabrikam', toId: 'contoso-east', outcome: 'reachable' },
    { fromId: 'fabrikam', toId: 'northwind', outcome: 'depends' },
    { fromId: 'northwind', toId: 'contoso-east', outcome: 'notReachable' },
    { fromId: 'northwind', toId: 'fabrikam', outcome: 'depends' },
  ],
};

const a = { address: 'rob@contoso.com', domain: 'contoso.com', orgId: 'contoso-east', orgName: 'Contoso East', managed: true };
const b = { address: 'ana@fabrikam.com', domain: 'fabrikam.com', orgId: 'fabrikam', orgName: 'Fabrikam', managed: true };

const passed = (direction: Check['direction'], side: Check['side'], org: typeof a, setting: string): Check => ({
  id: `org.${setting}`,
  direction,
  side,
  orgId: org.orgId,
  orgName: org.orgName,
  setting,
  needs: 'On',
  found: 'On',
  status: 'passed',
});

export const reachable: Verdict = {
  outcome: 'reachable',
  a,
  b,
  directions: { aToB: 'reachable', bToA: 'reachable' },
  conversation: 'native',
  checks: [passed('aToB', 'from', a, 'AllowFederatedUsers'), passed('aToB', 'to', b, 'AllowFederatedUsers'), passed('bToA', 'from', b, 'AllowedDomains'), passed('bToA', 'to', a, 'BlockedDomains')],
  summary: 'Reachable: rob@contoso.com and ana@fabrikam.com can chat, call and meet.',
};

export const notReachable: Verdict = {
  outcome: 'notReachable',
  a,
  b,
  directions: { aToB: 'notReachable', bToA: 'notReachable' },
  checks: [
    passed('aToB', 'from', a, 'AllowFederatedUsers'),
    {
      id: 'org.domainRule',
      direction: 'aToB',
      side: 'from',
      orgId: 'contoso-east',
      orgName: 'Contoso East',
      setting: 'BlockedDomains',
      needs: 'fabrikam.com not blocked',
      found: 'fabrikam.com is on the block list',
      status: 'failed',
      fix: {
        who: 'ourAdmin',
        orgId: 'contoso-east',
        orgName: 'Contoso East',
        summary: 'Remove fabrikam.com from the blocked domains.',
        change: { kind: 'removeBlocked', org: 'contoso-east', domains: ['fabrikam.com'] },
        command: 'unblock fabrikam.com',
      },
    },
    {
      id: 'org.domainRule',
      direction: 'bToA',
      side: 'from',
      orgId: 'fabrikam',
      orgName: 'Fabrikam',
      setting: 'AllowedDomains',
      needs: 'contoso.com on the allow list',
      found: 'allow list without contoso.com',
      status: 'failed',
      fix: {
        who: 'theirAdmin',
        orgId: 'fabrikam',
        orgName: 'Fabrikam',
        summary: 'Add contoso.com to the allowed domains.',
        change: { kind: 'addAllowed', org: 'fabrikam', domains: ['contoso.com'] },
        adminCenter: 'Teams admin center > Users > External access > Allow only specific external domains > Add a domain',
        powershell: 'Set-CsTenantFederationConfiguration -AllowedDomainsAsAList @{Add="contoso.com"}',
      },
    },
  ],
  summary: 'Not reachable: both sides must permit each other.',
};

export const depends: Verdict = {
  outcome: 'depends',
  dependsOn: { orgName: 'Northwind Traders' },
  a,
  b: { address: 'lee@northwind.com', domain: 'northwind.com', orgName: 'Northwind Traders', managed: false },
  directions: { aToB: 'depends', bToA: 'depends' },
  conversation: 'native',
  checks: [
    passed('both', 'from', a, 'AllowFederatedUsers'),
    {
      id: 'their.unknown',
      direction: 'both',
      side: 'to',
      orgName: 'Northwind Traders',
      setting: 'External access',
      needs: 'contoso.com permitted',
      found: 'unknown: not managed here',
      status: 'unknown',
      fix: { who: 'theirAdmin', orgName: 'Northwind Traders', summary: 'Allow contoso.com (or all external domains).', adminCenter: 'Teams admin center > Users > External access' },
    },
  ],
  summary: 'Depends on Northwind Traders: our side permits it.',
};

export const internal: Verdict = {
  outcome: 'internal',
  a,
  b: { ...a, address: 'kim@east.contoso.com', domain: 'east.contoso.com' },
  directions: { aToB: 'internal', bToA: 'internal' },
  checks: [],
  summary: 'Internal: both addresses belong to Contoso East.',
};

export function plan(over: Partial<Plan> = {}): Plan {
  return {
    change: { kind: 'addBlocked', org: 'contoso-east', domains: ['fabrikam.com'] },
    orgId: 'contoso-east',
    orgName: 'Contoso East',
    summary: 'Block fabrikam.com for Contoso East.',
    diff: [{ label: 'Blocked domains', before: 'northwind.com, tailspin.com', after: 'northwind.com, tailspin.com, fabrikam.com' }],
    impact: [{ fromOrgId: 'contoso-east', toOrgId: 'fabrikam', fromLabel: 'Contoso East', toLabel: 'Fabrikam', before: 'reachable', after: 'notReachable', kind: 'loses' }],
    warnings: [{ code: 'delay', message: 'Teams can take up to 24 hours to apply this.' }],
    needsConfirmation: true,
    confirmReason: 'Fabrikam loses reachability.',
    inverse: { kind: 'removeBlocked', org: 'contoso-east', domains: ['fabrikam.com'] },
    touched: ['settings.blockedDomains'],
    before: { 'settings.blockedDomains': ['northwind.com', 'tailspin.com'] },
    after: { 'settings.blockedDomains': ['northwind.com', 'tailspin.com', 'fabrikam.com'] },
    ...over,
  };
}

export function entry(i: number, over: Partial<AuditEntry> = {}): AuditEntry {
  return {
    id: `e${i}`,
    time: `2026-11-2${i % 10}T09:1${i % 10}:00.123Z`,
    actor: { address: 'admin@contoso.com', displayName: 'Ada Admin' },
    orgId: 'contoso-east',
    request: `block fabrikam${i}.com`,
    change: { kind: 'addBlocked', org: 'contoso-east', domains: [`fabrikam${i}.com`] },
    summary: `Blocked fabrikam${i}.com.`,
    touched: ['settings.blockedDomains'],
    before: { 'settings.blockedDomains': ['northwind.com'] },
    after: { 'settings.blockedDomains': ['northwind.com', `fabrikam${i}.com`] },
    ...over,
  };
}

export function historyPage(page: number, total: number, pageSize = 10): HistoryPage {
  const count = Math.max(0, Math.min(pageSize, total - page * pageSize));
  return { entries: Array.from({ length: count }, (_, i) => entry(page * pageSize + i)), page, pageSize, total };
}

export const examples: Example[] = [
  { text: 'can rob@contoso.com reach ana@fabrikam.com?', title: 'Can we reach someone?', role: 'user' },
  { text: 'what can external users do?', title: 'External vs guest', role: 'user' },
  { text: 'show our settings', title: 'Our settings', role: 'user' },
  { text: 'block fabrikam.com', title: 'Block a domain', role: 'admin' },
  { text: 'allow only fabrikam.com and contoso.com', title: 'Allow only some', role: 'admin' },
  { text: 'undo', title: 'Undo', role: 'admin' },
];

/** The first screen of "who we can talk to" on a state card, among `total` counterparts. */
export const partners = (total = 10_004, name = (i: number) => `Organization ${i}`) => ({
  orgId: 'contoso-east',
  total,
  rows: [
    ...Array.from({ length: 8 }, (_, i) => ({
      id: `org-${i}`,
      name: name(i),
      outbound: i % 3 === 0 ? ('notReachable' as const) : ('reachable' as const),
      inbound: i % 2 === 0 ? ('depends' as const) : ('reachable' as const),
      summary: '',
    })),
    { id: 'consumer', name: 'personal Teams accounts', outbound: 'reachable' as const, inbound: 'notReachable' as const, summary: '' },
    { id: '*', name: 'any other organization', outbound: 'depends' as const, inbound: 'depends' as const, summary: '' },
  ],
});
