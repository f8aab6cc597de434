import changeTemplate from '../../cards/change.json';
import type { DiffLine, Impact, PlanWarning } from '../policy/types';
import type { ExecuteAction } from './actions';
import { show } from './format';
import { OUTCOME_WORDS } from './symbols';
import { compileTemplate } from './template';

/** Long lists in a diff (an allow list of 4,000 domains) are cut so the message stays small. */
const DIFF_TEXT_MAX = 600;
const IMPACT_MAX = 20;

export interface ChangeData {
  fallbackText: string;
  title: string;
  color: 'Default' | 'Good' | 'Attention' | 'Warning';
  subtitle: string;
  summary: string;
  diffHeading: string;
  diff: DiffLine[];
  impact: { text: string; color: 'Good' | 'Attention' }[];
  warnings: string[];
  footnote: string;
  actions: ExecuteAction[];
}

/** The preview and the result share one template: what changes, who is affected, warnings, buttons. */
export const expandChange = compileTemplate<ChangeData>(changeTemplate);

export function diffView(diff: readonly DiffLine[]): DiffLine[] {
  return diff.map((d) => ({
    label: show(d.label, 120),
    before: show(d.before === '' ? '(none)' : d.before, DIFF_TEXT_MAX),
    after: show(d.after === '' ? '(none)' : d.after, DIFF_TEXT_MAX),
  }));
}

export function impactView(impact: readonly Impact[]): ChangeData['impact'] {
  const lines = impact.slice(0, IMPACT_MAX).map((i) => ({
    text: `${i.kind === 'loses' ? '✗' : '✓'} ${show(i.fromLabel, 120)} → ${show(i.toLabel, 120)}: ${i.kind === 'loses' ? 'loses' : 'gains'} reachability (${OUTCOME_WORDS[i.before]} → ${OUTCOME_WORDS[i.after]})`,
    color: i.kind === 'loses' ? ('Attention' as const) : ('Good' as const),
  }));
  if (impact.length > IMPACT_MAX) lines.push({ text: `…and ${impact.length - IMPACT_MAX} more pairs.`, color: 'Attention' });
  return lines;
}

export function warningView(warnings: readonly PlanWarning[]): string[] {
  return warnings.map((w) => `⚠ ${show(w.message)}`);
}
