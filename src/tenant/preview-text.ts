import type { Plan } from '../policy/types';
import type { PreparedImport } from './import-change';

const FIRST = 10;

/** What an import leaves aside, in lines a person reads before confirming (chat notes, CLI output). */
export function importNotes(p: Pick<PreparedImport, 'unmanaged' | 'skipped' | 'notes'>): string[] {
  const lines = [...p.notes];
  if (p.unmanaged.length > 0) {
    const shown = p.unmanaged.slice(0, FIRST).map((u) => `${u.setting} = ${u.value}`);
    const more = p.unmanaged.length > FIRST ? `, and ${p.unmanaged.length - FIRST} more` : '';
    lines.push(`Not managed here (kept in the tenant as they are): ${shown.join('; ')}${more}.`);
  }
  if (p.skipped.length > 0) {
    const shown = p.skipped.slice(0, FIRST).map((s) => s.reason);
    const more = p.skipped.length > FIRST ? `, and ${p.skipped.length - FIRST} more` : '';
    lines.push(`Skipped ${p.skipped.length}: ${shown.join('; ')}${more}.`);
  }
  return lines;
}

/** A plan as plain text: summary, each difference before → after, warnings. */
export function planText(plan: Plan): string[] {
  return [
    plan.summary,
    ...plan.diff.map((d) => `  ${d.label}: ${d.before} → ${d.after}`),
    ...plan.warnings.map((w) => `  ! ${w.message}`),
    ...(plan.confirmReason ? [`  Needs confirmation: ${plan.confirmReason}`] : []),
  ];
}
