import type { Plan } from '../policy/types';
import type { AuditEntry } from '../store/types';
import { runAction } from './actions';
import { auditChange, clip, show, SUMMARY_MAX, when } from './format';
import { diffView, expandChange, impactView, warningView } from './changeView';
import type { BoundCard } from './template';

export interface ChangeResultInput {
  entry: AuditEntry;
  /** The plan that was applied, when the bot has it (for the diff in words and the impact). */
  plan?: Plan;
  orgName: string;
  /** The viewer may undo it (an admin of the organization). */
  canUndo: boolean;
}

/** Card 3b: what changed, with Undo. */
export function changeResultCard({ entry, plan, orgName, canUndo }: ChangeResultInput): BoundCard {
  const verb = entry.undoes ? 'Undone' : 'Done';
  const summary = `${verb}: ${clip(entry.summary, SUMMARY_MAX)}`;
  const diff = plan
    ? diffView(plan.diff)
    : diffView(entry.touched.map((path) => ({ label: path, ...auditChange(entry, path) })));
  const who = entry.actor.displayName ?? entry.actor.address;
  return {
    card: expandChange({
      fallbackText: summary,
      title: verb,
      color: 'Good',
      subtitle: show(orgName, 120),
      summary: show(entry.summary, 1000),
      diffHeading: 'What changed',
      diff,
      impact: plan ? impactView(plan.impact) : [],
      warnings: plan ? warningView(plan.warnings) : [],
      footnote: `Changed ${when(entry.time)} by ${show(who, 120)}. Teams can take a few hours to apply it.`,
      actions: canUndo ? [runAction('Undo', { kind: 'undo', orgRef: entry.orgId, entryId: entry.id }, 'destructive')] : [],
    }),
    summary,
  };
}
