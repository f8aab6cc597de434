import type { ReachEntry } from '../policy/matrix';
import type { ReachMatrix } from '../policy/types';
import { runAction, type ExecuteAction } from './actions';
import { count, show } from './format';
import { OUTCOME_MARK, OUTCOME_WORDS } from './symbols';
import type { Outcome } from '../policy/types';

const COLORS: Record<Outcome, Cell['color']> = { reachable: 'Good', notReachable: 'Attention', depends: 'Warning', internal: 'Default' };

/** Above this many organizations the grid is too wide for a Teams card: offer the matrix card instead. */
export const MATRIX_MAX_ORGS = 6;
/** Rows of "who we can talk to" on the state card; the rest is paged on the "who can we talk to" card. */
export const PARTNERS_ON_CARD = 8;

interface Cell {
  text: string;
  width: number | string;
  weight: 'Default' | 'Bolder';
  color: 'Default' | 'Good' | 'Attention' | 'Warning';
}

export interface MatrixView {
  show: boolean;
  rows: { cells: Cell[] }[];
  note: string;
  actions: ExecuteAction[];
}

const LEGEND = 'Rows start the conversation. ✓ reachable · ✗ not reachable · ? depends on an organization not managed here · — same organization';

/**
 * The grid for a few organizations. `knownOrgs` counts every organization known when no grid was
 * built (the policy layer builds one only for a few): the card then offers the paged matrix card.
 */
export function matrixView(matrix: ReachMatrix | undefined, knownOrgs = matrix?.orgs.length ?? 0): MatrixView {
  const known = Math.max(knownOrgs, matrix?.orgs.length ?? 0);
  if (known > MATRIX_MAX_ORGS) {
    return {
      show: true,
      rows: [],
      note: `${known.toLocaleString('en-US')} organizations are known: too many for a grid here.`,
      actions: [runAction('Show who can reach whom', { kind: 'matrix' })],
    };
  }
  if (!matrix || matrix.orgs.length < 2) return { show: false, rows: [], note: '', actions: [] };
  const name = (n: string): Cell => ({ text: show(n, 24), width: 2, weight: 'Bolder', color: 'Default' });
  const header: Cell[] = [{ text: ' ', width: 2, weight: 'Default', color: 'Default' }, ...matrix.orgs.map((o) => ({ ...name(o.name), width: 1 }))];
  const outcomes = new Map(matrix.cells.map((c) => [`${c.fromId}\n${c.toId}`, c.outcome]));
  const rows = matrix.orgs.map((from) => ({
    cells: [
      name(from.name),
      ...matrix.orgs.map((to): Cell => {
        const outcome: Outcome | undefined = from.id === to.id ? 'internal' : outcomes.get(`${from.id}\n${to.id}`);
        return { text: outcome ? OUTCOME_MARK[outcome] : ' ', width: 1, weight: 'Default', color: outcome ? COLORS[outcome] : 'Default' };
      }),
    ],
  }));
  return { show: true, rows: [{ cells: header }, ...rows], note: LEGEND, actions: [] };
}

/** The organizations that matter to the viewed one, and how many counterparts there are in all. */
export interface PartnersInput {
  orgId: string;
  /** The first screen: organizations named in the lists and recent partners first, then the rest. */
  rows: readonly ReachEntry[];
  /** Every counterpart (known organizations, personal accounts, anyone else). */
  total: number;
}

export interface PartnersView {
  show: boolean;
  facts: { title: string; value: string }[];
  note: string;
  actions: ExecuteAction[];
}

/** "We start: ✓ Reachable · They start: ✗ Not reachable" */
export const reachFact = (e: ReachEntry): { title: string; value: string } => ({
  title: show(e.name, 80),
  value: `We start: ${OUTCOME_MARK[e.outbound]} ${OUTCOME_WORDS[e.outbound]} · They start: ${OUTCOME_MARK[e.inbound]} ${OUTCOME_WORDS[e.inbound]}`,
});

export function partnersView(input: PartnersInput | undefined): PartnersView {
  if (!input || input.rows.length === 0) return { show: false, facts: [], note: '', actions: [] };
  const rows = input.rows.slice(0, PARTNERS_ON_CARD + 2);
  const more = input.total > rows.length;
  return {
    show: true,
    facts: rows.map(reachFact),
    note: more
      ? `Showing ${rows.length} of ${count(input.total, 'counterpart')}: the organizations named in the lists and recent partners first.`
      : 'Users on the Global policy; both sides must allow each other.',
    actions: more ? [runAction(`Show all ${input.total.toLocaleString('en-US')}`, { kind: 'whoCanWeTalkTo', orgRef: input.orgId, page: 0 })] : [],
  };
}
