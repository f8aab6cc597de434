import type { Plan } from '../policy/types';
import type { AuditEntry } from '../store/types';
import { runAction } from './actions';
import { auditWords } from './auditWords';
import { clip, show, SUMMARY_MAX, when } from './format';
import { delayWords, diffView, expandChange, impactView, warningView } from './changeView';
import type { BoundCard } from './template';

export interface ChangeResultInput {
  entry: AuditEntry;
  /** The plan that was applied, when the bot has it (for the diff in words and the impact). */
  plan?: Plan;
  orgName: string;
  /** The viewer may undo it (an admin of the organization). */
  canUndo: boolean;
  /** The card also carries the PowerShell that applies the change in the tenant. */
  hasScript?: boolean;
  /** For an undo: the summary of the change it undid. */
  undid?: string;
}

/** Card 3b: what changed, with Undo. */
export function changeResultCard({ entry, plan, orgName, canUndo, hasScript = false, undid }: ChangeResultInput): BoundCard {
  const verb = entry.undoes ? 'Undone' : 'Done';
  // An undo's own summary only says "Put back the earlier settings": say which change it undid.
  const said = entry.undoes && undid !== undefined ? `Undid: ${undid}` : entry.summary;
  const impact = plan ? impactView(plan.impact) : { heading: '', lines: [] };
  const delay = plan ? delayWords(plan.warnings) : '';
  const after = delay ? ` Once that is done: ${delay}.` : ' Once that is done, Teams takes a few hours to apply it.';
  const apply = hasScript ? 'To apply it in the tenant, run the PowerShell below.' : 'Apply it in the tenant in the Teams admin center or with PowerShell.';
  const summary = `${verb}: ${clip(said, SUMMARY_MAX)}`;
  const diff = plan
    ? diffView(plan.diff)
    : diffView(entry.touched.map((path) => auditWords(entry, path)));
  const who = entry.actor.displayName ?? entry.actor.address;
  return {
    card: expandChange({
      fallbackText: summary,
      title: `${verb} in the bot's store`,
      color: 'Default',
      subtitle: show(orgName, 120),
      summary: show(said, 1000),
      diffHeading: 'What changed',
      diff,
      impactHeading: impact.heading,
      impact: impact.lines,
      warnings: plan ? warningView(plan.warnings) : [],
      store: `Saved in the bot's store only: Teams itself has not changed yet. ${apply}${after}`,
      footnote: `Changed ${when(entry.time)} by ${show(who, 120)}.`,
      // Undoing an undo makes the change again: its button says so, never "Undo" on an "Undone" card.
      actions: canUndo ? [runAction(entry.undoes ? 'Make the change again' : 'Undo', { kind: 'undo', orgRef: entry.orgId, entryId: entry.id }, entry.undoes ? 'default' : 'destructive')] : [],
    }),
    summary,
  };
}
