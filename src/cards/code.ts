import codeTemplate from '../../cards/code.json';
import { clip, show, SUMMARY_MAX } from './format';
import { compileTemplate, type BoundCard } from './template';

export interface CodeInput {
  title: string;
  lines?: readonly string[];
  /** The code, shown in a monospace block; cut at whole lines to keep the card far below Teams' limit. */
  code: string;
  /** Said after the code when it had to be cut (e.g. where the whole text is). */
  cutNote?: string;
  notes?: readonly string[];
}

interface CodeData {
  fallbackText: string;
  title: string;
  lines: string[];
  code: string[];
  notes: string[];
}

const expand = compileTemplate<CodeData>(codeTemplate);
/**
 * A Teams message holds about 28 KB. The code block's budget counts each line's text and the ~100
 * bytes of the TextBlock around it, and leaves room for the rest of the card.
 */
export const CODE_MAX = 18_000;
const PER_LINE = 100;

/** A script (PowerShell, DSC, JSON) on a card: a title, a few lines, the code, notes. */
export function codeCard({ title, lines = [], code, cutNote, notes = [] }: CodeInput): BoundCard {
  const { lines: codeShown, cut } = codeLines(code);
  const summary = clip(lines.length > 0 ? `${title}: ${lines.join(' ')}` : title, SUMMARY_MAX);
  return {
    card: expand({
      fallbackText: summary,
      title: show(title, 200),
      lines: lines.slice(0, 8).map((l) => show(l, 1000)),
      code: codeShown,
      notes: [...(cut > 0 ? [`${cut} more lines not shown here${cutNote ? `: ${cutNote}` : ''}.`] : []), ...notes].map((n) => show(n, 1000)),
    }),
    summary,
  };
}

/** Lines of code that fit a card, each escaped, and how many were left out. */
export function codeLines(code: string, max = CODE_MAX): { lines: string[]; cut: number } {
  const all = code.replace(/\n$/, '').split('\n');
  const kept: string[] = [];
  let size = 0;
  for (const line of all) {
    if (size + line.length + PER_LINE > max) break;
    kept.push(line);
    size += line.length + PER_LINE;
  }
  // One TextBlock per line (markdown would join single line breaks); a blank line keeps its place,
  // leading spaces stay (non-breaking) so indentation shows.
  const lines = kept.map((l) => (l.trim() === '' ? '\u00a0' : show(l, 2000).replace(/^ +/, (m) => '\u00a0'.repeat(m.length))));
  return { lines, cut: all.length - kept.length };
}

/**
 * A card with a code section added before its buttons: a heading, the code in monospace, and a note
 * when it was cut. Used for the PowerShell delta on a change's result.
 */
export function withCodeSection(card: Record<string, unknown>, heading: string, code: string, cutNote: string): Record<string, unknown> {
  const body = Array.isArray(card.body) ? [...(card.body as object[])] : [];
  const { lines, cut } = codeLines(code, 8_000);
  const section: object[] = [
    { type: 'TextBlock', text: show(heading, 200), weight: 'Bolder', wrap: true, spacing: 'Medium' },
    { type: 'Container', style: 'emphasis', items: lines.map((text) => ({ type: 'TextBlock', text, fontType: 'Monospace', size: 'Small', spacing: 'None', wrap: true })) },
    ...(cut > 0 ? [{ type: 'TextBlock', text: show(`${cut} more lines not shown here: ${cutNote}.`, 400), isSubtle: true, size: 'Small', wrap: true }] : []),
  ];
  const actionsAt = body.findIndex((e) => (e as { type?: string }).type === 'ActionSet');
  if (actionsAt >= 0) body.splice(actionsAt, 0, ...section);
  else body.push(...section);
  return { ...card, body };
}
