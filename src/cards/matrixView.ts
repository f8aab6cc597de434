import type { ReachMatrix } from '../policy/types';
import { runAction, type ExecuteAction } from './actions';
import { show } from './format';
import { OUTCOME_MARK } from './symbols';
import type { Outcome } from '../policy/types';

const COLORS: Record<Outcome, Cell['color']> = { reachable: 'Good', notReachable: 'Attention', depends: 'Warning', internal: 'Default' };

/** Above this many organizations the grid is too wide for a Teams card: offer the matrix card instead. */
export const MATRIX_MAX_ORGS = 6;

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

export function matrixView(matrix: ReachMatrix | undefined): MatrixView {
  if (!matrix || matrix.orgs.length < 2) return { show: false, rows: [], note: '', actions: [] };
  if (matrix.orgs.length > MATRIX_MAX_ORGS) {
    return {
      show: true,
      rows: [],
      note: `${matrix.orgs.length} organizations are known: too many for a grid here.`,
      actions: [runAction('Show who can reach whom', { kind: 'matrix' })],
    };
  }
  const name = (n: string): Cell => ({ text: show(n, 24), width: 2, weight: 'Bolder', color: 'Default' });
  const header: Cell[] = [{ text: ' ', width: 2, weight: 'Default', color: 'Default' }, ...matrix.orgs.map((o) => ({ ...name(o.name), width: 1 }))];
  const rows = matrix.orgs.map((from) => ({
    cells: [
      name(from.name),
      ...matrix.orgs.map((to): Cell => {
        const cell = matrix.cells.find((c) => c.fromId === from.id && c.toId === to.id);
        const outcome: Outcome | undefined = from.id === to.id ? 'internal' : cell?.outcome;
        return { text: outcome ? OUTCOME_MARK[outcome] : ' ', width: 1, weight: 'Default', color: outcome ? COLORS[outcome] : 'Default' };
      }),
    ],
  }));
  return { show: true, rows: [{ cells: header }, ...rows], note: LEGEND, actions: [] };
}
