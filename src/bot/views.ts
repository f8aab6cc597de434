import * as cards from '../cards';
import { EXAMPLES } from '../language';
import { comparisonRow } from '../policy';
import type { Organization } from '../policy/model';
import type { AuditEntry, HistoryPage } from '../store/types';
import { powershellDelta, touchesOf } from '../tenant';
import type { DomainStatus, OrgStateView, Plan, ReachMatrix, Verdict } from '../policy/types';
import { forPeople } from './redact';
import type { MatrixPage, ReachEntry } from '../policy/matrix';
import type { Command } from '../language/command';
import type { ExecuteAction } from '../cards/actions';
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
/**
 * A titled answer with buttons that send a sentence as if typed: a change sent so is only previewed,
 * so none of these buttons acts by itself.
 */
export const offers = (title: string, lines: readonly string[], sentences: readonly { title: string; text: string }[]): Reply =>
  cards.messageCard({ title, lines: [...lines], actions: sentences.map((s) => cards.sayAction(s.title, s.text)) });
/** A change that is already so: said once ("Nothing to change"), then why, without repeating it. */
export const nothingToChange = (why: readonly string[], title = 'Nothing to change'): Reply =>
  cards.messageCard({ title, lines: why.map((w) => w.replace(/^Nothing (changes|to change|would change)[:.]?\s*/i, '')).filter((w) => w !== '') });

/**
 * Why a plan changes nothing: its specific warnings ("x.com is not on the blocked list."), else that
 * the organization is already set that way; never both, which would say it twice.
 */
export function whyNothing(plan: Plan): string[] {
  const why = plan.warnings.filter((w) => w.code !== 'delay').map((w) => w.message);
  const specific = why.filter((w) => !/^Nothing changes:/.test(w));
  return specific.length > 0 ? specific : why.length > 0 ? why : [plan.summary];
}
// `outcome` tags what a reply means for the turn (logs and metrics count refusals, previews, changes).
export const refusal = (reason: string): Reply => ({ ...cards.refusalCard({ reason: forPeople(reason) }), outcome: 'refused' });
export const error = (reason: string, suggestions: readonly string[] = [], suggestHeading?: string): Reply => ({
  ...cards.errorCard({ reason: forPeople(reason), suggestions, title: 'I could not do that', ...(suggestHeading !== undefined ? { suggestHeading } : {}) }),
  outcome: 'refused',
});
/** A sentence not acted on: titled with what was understood of it, when something was. */
export const notUnderstood = (text: string, failed: { reason: string; suggestions: readonly string[]; title?: string }): Reply =>
  cards.notUnderstoodCard({ text, reason: failed.reason, suggestions: failed.suggestions, ...(failed.title !== undefined ? { title: failed.title } : {}) });

/** The first screen of help: the common requests of each group; the rest wait behind "More examples". */
const FEATURED = new Set([
  'can rob@contosoeast.com chat with ann@contosowest.com?',
  'can I reach fabrikam.com?',
  'is fabrikam.com blocked?',
  'show settings',
  'block fabrikam.com',
  'unblock fabrikam.com',
  'allow only fabrikam.com and contosowest.com',
  'undo',
  'history',
  'compare external and guest access',
  'who can reach whom?',
]);
/** First contact: fewer still, one screen with room for the greeting. */
const WELCOME_FEATURED = new Set([
  'can rob@contosoeast.com chat with ann@contosowest.com?',
  'show settings',
  'is fabrikam.com blocked?',
  'block fabrikam.com',
  'undo',
  'compare external and guest access',
]);

/** Where an example sits on the help card; Confirm, Cancel and Help itself are not examples there. */
function groupOf(kind: Command['kind']): cards.ExampleGroup | undefined {
  switch (kind) {
    case 'confirm':
    case 'cancel':
    case 'help':
      return undefined;
    case 'change':
    case 'undo':
      return 'change';
    case 'history':
    case 'comparison':
    case 'matrix':
    case 'feature':
      return 'review';
    default:
      return 'ask';
  }
}

export const help = (role: 'admin' | 'user', welcome: boolean): Reply =>
  renderedOnce(`help|${role}|${welcome}`, () =>
    cards.helpCard({
      examples: EXAMPLES.flatMap((e) => {
        const group = groupOf(e.command.kind);
        return group ? [{ ...e, group, featured: (welcome ? WELCOME_FEATURED : FEATURED).has(e.text) }] : [];
      }),
      viewerIsAdmin: role === 'admin',
      welcome,
    }),
  );

export const verdict = (v: Verdict, viewerAdminOf: readonly string[], viewer: { orgId?: string; admins?: readonly string[] } = {}): Reply =>
  cards.verdictCard({ verdict: v, viewerAdminOf, viewer });

/** A change (or an undo) before it is made: what was understood, before → after, who is affected, Confirm / Cancel. */
export const preview = (plan: Plan, pendingId: string, shown: { understood: string; title?: string }): Reply => ({
  ...cards.changePreviewCard({ plan, pendingId, ...shown }),
  outcome: 'previewed',
});

/**
 * A confirmed change: what changed, and the PowerShell that makes the same change in the tenant
 * (when the organization after the change is known), so nobody retypes it.
 */
export function result(entry: AuditEntry, plan: Plan | undefined, orgName: string, canUndo: boolean, after?: Organization, undid?: string): Reply {
  const delta = after ? powershellDelta(touchesOf(entry.before, entry.after, entry.lists), after) : '';
  const bound = { ...cards.changeResultCard({ entry, plan, orgName, canUndo, hasScript: delta !== '', undid }), outcome: 'confirmed' as const };
  if (delta === '') return bound;
  const file = `${entry.orgId}-change-${entry.id.slice(0, 8)}.ps1`;
  const card = cards.withCodeSection(bound.card, 'PowerShell that makes this change in the tenant', delta, `the attached ${file} has them all`);
  // The card shows about 6 KB of it; a longer delta (a pasted list of thousands) also comes as a file.
  return { ...bound, card, ...(delta.length > 6_000 ? { files: [{ name: file, contentType: 'text/plain', text: delta }] } : {}) };
}

export function orgState(input: {
  state: OrgStateView;
  /** The grid when few organizations are known. */
  matrix: ReachMatrix | undefined;
  knownOrgs: number;
  partners: { rows: readonly ReachEntry[]; total: number };
  lastChange: AuditEntry | undefined;
  canAct: boolean;
  list?: 'allowed' | 'blocked' | 'trial';
  page: number;
  /** The tenant's unmanaged properties in one short line, when the organization keeps some. */
  notManagedHere?: string;
}): Reply {
  const last = input.lastChange;
  return cards.federationStateCard({
    state: input.state,
    ...(input.matrix ? { matrix: input.matrix } : {}),
    knownOrgs: input.knownOrgs,
    partners: { orgId: input.state.orgId, ...input.partners },
    lastChange: last ? { who: last.actor.displayName ?? last.actor.address, when: last.time, entryId: last.id } : undefined,
    canAct: input.canAct,
    paging: input.list ? { list: input.list, page: input.page } : undefined,
    ...(input.notManagedHere ? { notManagedHere: input.notManagedHere } : {}),
  });
}

export const domainStatus = (status: DomainStatus, orgName: string): Reply => cards.domainStatusCard({ status, orgName });

/** Previous / Next buttons for a paged card; `to(page)` is the command of a page. */
function pager(page: number, pages: number, to: (page: number) => Command): ExecuteAction[] {
  const out: ExecuteAction[] = [];
  if (page > 0) out.push(cards.runAction('Previous', to(page - 1)));
  if (page < pages - 1) out.push(cards.runAction('Next', to(page + 1)));
  return out;
}

/** One page of the organizations a given one can talk to, the ones that matter first. */
export function whoCanWeTalkTo(state: OrgStateView, rows: readonly ReachEntry[], at: { page: number; pages: number; first: number; total: number }): Reply {
  const rule = state.federation ? state.modeLabel : 'External access is off';
  const list = state.inEffect.list ? [`${state.inEffect.list === 'allowed' ? 'Allowed' : 'Blocked'}: ${state.inEffect.domains.join(', ') || '(none)'}`] : [];
  const range = at.pages > 1 ? [`Showing ${at.first.toLocaleString('en-US')}–${(at.first + rows.length - 1).toLocaleString('en-US')} of ${at.total.toLocaleString('en-US')}.`] : [];
  return cards.messageCard({
    title: `Who ${state.orgName} can talk to`,
    lines: [`${rule}.`, ...list, 'Other organizations: only if their admins allow you too.', ...range],
    facts: rows.map((r) => ({ title: r.name, value: `${OUTCOME_WORDS[r.outbound]}${r.inbound !== r.outbound ? ` (they start: ${OUTCOME_WORDS[r.inbound].toLowerCase()})` : ''}` })),
    actions: pager(at.page, at.pages, (page) => ({ kind: 'whoCanWeTalkTo', orgRef: state.orgId, page })),
  });
}

/** One page of "who can reach whom": pairs of known organizations, computed for this page only. */
export function matrix(m: MatrixPage): Reply {
  const range = m.pages > 1 ? ` Pairs ${m.first.toLocaleString('en-US')}–${(m.first + m.cells.length - 1).toLocaleString('en-US')} of ${m.pairs.toLocaleString('en-US')}.` : '';
  return cards.messageCard({
    title: m.pages > 1 ? `Who can reach whom (page ${(m.page + 1).toLocaleString('en-US')} of ${m.pages.toLocaleString('en-US')})` : 'Who can reach whom',
    lines: [`Between the ${m.orgs.toLocaleString('en-US')} organizations I know (both sides must allow each other).${range}`],
    facts: m.cells.map((c) => ({ title: `${c.fromName} → ${c.toName}`, value: OUTCOME_WORDS[c.outcome] })),
    actions: pager(m.page, m.pages, (page) => ({ kind: 'matrix', page })),
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
