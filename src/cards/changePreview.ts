import type { Plan } from '../policy/types';
import { cancelAction, confirmAction } from './actions';
import { clip, show, SUMMARY_MAX } from './format';
import { delayWords, diffView, expandChange, impactCount, impactView, warningView } from './changeView';
import type { BoundCard } from './template';

export interface ChangePreviewInput {
  plan: Plan;
  /** The pending change the Confirm / Cancel buttons refer to. */
  pendingId: string;
  /** The request as the bot understood it, in its canonical words ("block fabrikam.com for Contoso East"). */
  understood?: string;
  title?: string;
}

/** Card 3a: what a change will do, whom it affects, its warnings; Confirm / Cancel. */
export function changePreviewCard({ plan, pendingId, understood, title = 'Confirm this change?' }: ChangePreviewInput): BoundCard {
  const losing = plan.impact.filter((i) => i.kind === 'loses');
  const summary = `Confirm? ${clip(plan.summary, SUMMARY_MAX)}` + (losing.length > 0 ? ` (cuts off ${impactCount(losing)})` : '');
  const impact = impactView(plan.impact);
  const delay = delayWords(plan.warnings);
  return {
    card: expandChange({
      fallbackText: summary,
      title,
      color: 'Default',
      subtitle: show(plan.orgName, 120),
      summary: understood ? `I understood: “${show(understood, 300)}”. ${show(plan.summary, 1000)} Nothing is changed until you press Confirm.` : show(plan.summary, 1000),
      diffHeading: 'Before → after',
      diff: diffView(plan.diff),
      impactHeading: impact.heading,
      impact: impact.lines,
      warnings: warningView(plan.warnings),
      store: `Confirm saves it in the bot's store; the answer then gives the PowerShell that applies it in your tenant.${delay ? ` ${delay}, counted from when that script runs.` : ''}`,
      footnote: plan.confirmReason ? `Why I ask: ${show(plan.confirmReason)}` : '',
      actions: [confirmAction(pendingId), cancelAction(pendingId)],
    }),
    summary,
  };
}
