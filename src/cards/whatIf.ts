import type { Plan } from '../policy/types';
import { clip, show, SUMMARY_MAX } from './format';
import { diffView, expandChange, impactView, warningView } from './changeView';
import type { BoundCard } from './template';

/** "What happens if …": the preview of a change with no button, because nothing was asked to change. */
export function whatIfCard({ plan, command }: { plan: Plan; command: string | undefined }): BoundCard {
  const summary = `If you made this change: ${clip(plan.summary, SUMMARY_MAX)}`;
  const impact = impactView(plan.impact);
  return {
    card: expandChange({
      fallbackText: summary,
      title: 'What would happen (nothing was changed)',
      color: 'Default',
      subtitle: show(plan.orgName, 120),
      summary: show(plan.summary, 1000),
      diffHeading: 'Before → after',
      diff: diffView(plan.diff),
      impactHeading: impact.heading,
      impact: impact.lines,
      warnings: warningView(plan.warnings),
      store: '',
      footnote: command ? `To make it, send: ${show(command, 300)}` : 'I have only shown it; nothing was changed.',
      actions: [],
    }),
    summary,
  };
}
