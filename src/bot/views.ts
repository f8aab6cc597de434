import * as cards from '../cards';
import { EXAMPLES } from '../language';
import { comparisonRow } from '../policy';
import type { AuditEntry, HistoryPage } from '../store/types';
import type { DomainStatus, OrgStateView, Plan, ReachMatrix, Verdict } from '../policy/types';
import { renderedOnce } from './render-cache';
import type { Reply } from './turn';

/**
 * The bot's replies as cards: thin calls into `src/cards`, so handlers read as what they answer,
 * not how a card is built.
 */
const { OUTCOME_WORDS } = cards;

export const info = (message: string): Reply => cards.messageCard({ title: message });
/** A titled answer of a few lines (how-to steps). */
export const steps = (title: string, lines: readonly string[]): Reply => cards.messageCard({ title, lines: [...lines] });
export const refusal = (reason: string): Reply => cards.refusalCard({ reason });
export const error = (reason: string, suggestions: readonly string[] = []): Reply =>
  cards.errorCard({ reason, suggestions, title: 'I could not do that' });
export const notUnderstood = (text: string, reason: string, suggestions: readonly string[]): Reply =>
  cards.notUnderstoodCard({ text, reason, suggestions });

/** First contact shows a few common requests; "help" shows every example. */
const WELCOME_EXAMPLES = new Set([
  'can rob@contosoeast.com chat with ann@contosowest.com?',
  'show settings',
  'compare external and guest access',
  'can external users share files?',
  'help',
  'block fabrikam.com',
  'unblock fabrikam.com',
  'allow only fabrikam.com and contosowest.com',
  'turn off external access for rob@contosoeast.com',
  'undo',
]);

export const help = (role: 'admin' | 'user', welcome: boolean): Reply =>
  renderedOnce(`help|${role}|${welcome}`, () =>
    cards.helpCard({
      examples: welcome ? EXAMPLES.filter((e) => WELCOME_EXAMPLES.has(e.text)) : EXAMPLES,
      viewerIsAdmin: role === 'admin',
      welcome,
    }),
  );

export const verdict = (v: Verdict, viewerAdminOf: readonly string[]): Reply => cards.verdictCard({ verdict: v, viewerAdminOf });

export const preview = (plan: Plan, pendingId: string): Reply => cards.changePreviewCard({ plan, pendingId });

export const result = (entry: AuditEntry, plan: Plan | undefined, orgName: string, canUndo: boolean): Reply =>
  cards.changeResultCard({ entry, plan, orgName, canUndo });

export function orgState(input: {
  state: OrgStateView;
  matrix: ReachMatrix;
  lastChange: AuditEntry | undefined;
  canAct: boolean;
  list?: 'allowed' | 'blocked' | 'trial';
  page: number;
}): Reply {
  const last = input.lastChange;
  return cards.federationStateCard({
    state: input.state,
    matrix: input.matrix,
    lastChange: last ? { who: last.actor.displayName ?? last.actor.address, when: last.time, entryId: last.id } : undefined,
    canAct: input.canAct,
    paging: input.list ? { list: input.list, page: input.page } : undefined,
  });
}

export const domainStatus = (status: DomainStatus, orgName: string): Reply => cards.domainStatusCard({ status, orgName });

export function whoCanWeTalkTo(state: OrgStateView, matrix: ReachMatrix): Reply {
  const names = new Map(matrix.orgs.map((o) => [o.id, o.name]));
  const facts = matrix.cells
    .filter((c) => c.fromId === state.orgId)
    .map((c) => ({ title: names.get(c.toId) ?? c.toId, value: OUTCOME_WORDS[c.outcome] }));
  const rule = state.federation ? state.modeLabel : 'External access is off';
  const list = state.inEffect.list ? [`${state.inEffect.list === 'allowed' ? 'Allowed' : 'Blocked'}: ${state.inEffect.domains.join(', ') || '(none)'}`] : [];
  return cards.messageCard({
    title: `Who ${state.orgName} can talk to`,
    lines: [`${rule}.`, ...list, 'Other organizations: only if their admins allow you too.'],
    facts,
  });
}

export function matrix(m: ReachMatrix): Reply {
  const names = new Map(m.orgs.map((o) => [o.id, o.name]));
  return cards.messageCard({
    title: 'Who can reach whom',
    lines: ['Between the organizations I know (both sides must allow each other).'],
    facts: m.cells.map((c) => ({ title: `${names.get(c.fromId) ?? c.fromId} → ${names.get(c.toId) ?? c.toId}`, value: OUTCOME_WORDS[c.outcome] })),
  });
}

export const history = (page: HistoryPage, orgName: string, orgId: string, canAct: boolean): Reply =>
  cards.historyCard({ page, orgName, orgId, canAct });

export const comparison = (edition: 'today' | '2019'): Reply =>
  renderedOnce(`comparison|${edition}`, () => (edition === '2019' ? cards.comparison2019Card() : cards.comparisonCard()));

/** A feature the table does not cover: said plainly, with the closest rows that are in it. */
export const featureUnknown = (name: string, near: readonly string[]): Reply[] => [
  cards.messageCard({ title: `I don't have “${name}” in the external vs guest access comparison`, lines: [near.length > 0 ? 'The closest rows I have:' : 'Ask "compare external and guest access" to see every row I have.'] }),
  ...near.filter((id) => comparisonRow(id)).map((id) => feature(id)),
];

/** Unknown rows (card data is untrusted) get the card's own "not in the table" answer, uncached. */
export const feature = (rowId: string): Reply =>
  comparisonRow(rowId) ? renderedOnce(`feature|${rowId}`, () => cards.featureCard({ rowId })) : cards.featureCard({ rowId });
