import type { Plan } from '../policy/types';
import { clip, show, SUMMARY_MAX } from './format';
import { diffView, expandChange, impactView, warningView } from './changeView';
import type { BoundCard } from './template';

/** "What happens if …": the preview of a change with no button, because nothing was asked to change. */
export function whatIfCard({ plan, command }: { plan: Plan; command: string | undefined }): BoundCard {
  const summary = `If you made this change: ${clip(plan.summary, SUMMARY_MAX)}`;
  return {
    card: expandChange({
      fallbackText: summary,
      title: 'What would happen (nothing was changed)',
      color: plan.impact.some((i) => i.kind === 'loses') ? 'Warning' : 'Default',
      subtitle: show(plan.orgName, 120),
      summary: show(plan.summary, 1000),
      diffHeading: 'Before → after',
      diff: diffView(plan.diff),
      impact: impactView(plan.impact),
      warnings: warningView(plan.warnings),
      footnote: command ? `To make it, send: ${show(command, 300)}` : 'I have only shown it; nothing was changed.',
      actions: [],
    }),
    summary,
  };
}
