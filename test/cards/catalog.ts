import {
  changePreviewCard,
  changeResultCard,
  comparison2019Card,
  comparisonCard,
  domainStatusCard,
  errorCard,
  featureCard,
  federationStateCard,
  helpCard,
  historyCard,
  messageCard,
  notUnderstoodCard,
  refusalCard,
  verdictCard,
  type BoundCard,
} from '../../src/cards';
import { defaultComparison } from '../../src/cards/comparisonData';
import * as f from './fixtures';

const feature = (rowId: string): BoundCard => featureCard({ rowId });

const lastChange = { who: 'Ada Admin', when: '2026-11-24T09:15:00.000Z', entryId: 'e1' };

/** Every card with representative fixture data: the cross-cutting tests run over all of them. */
export const catalog: [string, () => BoundCard][] = [
  ['state: admin', () => federationStateCard({ state: f.stateView(), matrix: f.matrix, lastChange, canAct: true })],
  ['state: user', () => federationStateCard({ state: f.stateView(), matrix: f.matrix, lastChange, canAct: false })],
  ['state: 10,000 organizations, admin', () => federationStateCard({ state: f.stateView(), knownOrgs: 10_003, partners: f.partners(), lastChange, canAct: true })],
  ['state: allow list, admin', () => federationStateCard({ state: f.stateView({ mode: 'allowSpecific', modeLabel: 'Allow only specific external domains', legacyLabel: 'On only for allowed domains', inEffect: { list: 'allowed', domains: ['fabrikam.com'] }, storedNotInEffect: [{ list: 'blocked', domains: ['northwind.com'] }] }), canAct: true })],
  ['state: open, no lists', () => federationStateCard({ state: f.stateView({ mode: 'allowAll', modeLabel: 'Allow all external domains', inEffect: { list: null, domains: [] }, storedNotInEffect: [], trialTenants: { blocked: false, exceptions: [] }, policiesInUse: [] }), canAct: true })],
  ['state: federation off', () => federationStateCard({ state: f.stateView({ federation: false }), canAct: true })],
  ['state: unmanaged', () => federationStateCard({ state: f.stateView({ managed: false, orgName: f.EVIL }), canAct: true })],
  ['verdict: reachable', () => verdictCard({ verdict: f.reachable, viewerAdminOf: [] })],
  ['verdict: not reachable, admin of contoso', () => verdictCard({ verdict: f.notReachable, viewerAdminOf: ['contoso-east'] })],
  ['verdict: not reachable, user', () => verdictCard({ verdict: f.notReachable, viewerAdminOf: [] })],
  ['verdict: depends', () => verdictCard({ verdict: f.depends, viewerAdminOf: ['contoso-east'] })],
  ['verdict: internal', () => verdictCard({ verdict: f.internal, viewerAdminOf: [] })],
  ['change preview', () => changePreviewCard({ plan: f.plan(), pendingId: 'p-1' })],
  ['change result', () => changeResultCard({ entry: f.entry(1), plan: f.plan(), orgName: 'Contoso East', canUndo: true })],
  ['change result without plan', () => changeResultCard({ entry: f.entry(2, { undoes: 'e1' }), orgName: 'Contoso East', canUndo: false })],
  ['comparison today', () => comparisonCard()],
  ['comparison 2019', () => comparison2019Card()],
  ['feature: share files', () => feature('shareFiles')],
  ['feature: search', () => feature('search')],
  ['feature: block', () => feature('block')],
  ['feature: unknown', () => feature('teleport')],
  ['history: first page, admin', () => historyCard({ orgId: 'contoso-east', orgName: 'Contoso East', page: f.historyPage(0, 25), canAct: true })],
  ['history: middle page, user', () => historyCard({ orgId: 'contoso-east', orgName: 'Contoso East', page: f.historyPage(1, 25), canAct: false })],
  ['history: empty', () => historyCard({ orgId: 'contoso-east', orgName: 'Contoso East', page: f.historyPage(0, 0), canAct: true })],
  ['help: admin welcome', () => helpCard({ examples: f.examples, viewerIsAdmin: true, welcome: true, viewerName: 'Ada' })],
  ['help: user', () => helpCard({ examples: f.examples, viewerIsAdmin: false })],
  ['not understood', () => notUnderstoodCard({ text: 'blok fabrikam', reason: 'I could not tell what to do with "blok".', suggestions: ['block fabrikam.com', 'is fabrikam.com blocked?'] })],
  ['error', () => errorCard({ reason: 'The store is busy; try again in a moment.', suggestions: ['show our settings'] })],
  ['message', () => messageCard({ title: 'Cancelled', lines: ['Nothing was changed.'] })],
  ['domain status', () => domainStatusCard({ orgName: 'Contoso East', status: { orgId: 'contoso-east', domain: 'northwind.com', allowed: false, reason: 'northwind.com is on the block list, which is in effect.', rule: 'org.blockedDomains' } })],
  ['refusal', () => refusalCard({ reason: 'contoso.com is your own domain.' })],
];

export { defaultComparison };
