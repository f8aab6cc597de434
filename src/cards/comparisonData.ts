import comparisonJson from '../../data/comparison.json';

/** The shape of `data/comparison.json`: today's table, each row's 2019 values, dropped rows, notes. */
export interface ComparisonRow {
  id: string;
  section: string;
  label: string;
  external: string;
  guest: string;
  keywords: string[];
  externalNote?: string;
  guestNote?: string;
  edition2019: { label: string; external: string; guest: string } | null;
}

export interface ComparisonData {
  source: string;
  sections: Record<string, string>;
  footnotes: Record<string, string>;
  rows: ComparisonRow[];
  dropped2019: { label: string; external: string; guest: string; note: string }[];
  footnotes2019: Record<string, string>;
  notes: Record<string, string>;
}

export const defaultComparison: ComparisonData = comparisonJson;

/** "Yes (2)" → "Yes": the answer without its footnote mark, to compare editions. */
export function bareAnswer(value: string): string {
  return value.replace(/\s*\(\d+\)\s*$/, '').trim();
}

/** A value with its footnote mark, e.g. "Yes (2)". */
export function withNote(value: string, note: string | undefined): string {
  return note ? `${value} (${note})` : value;
}

/** Where the 2019 table said otherwise, in words: "External: No in the 2019 documentation". */
export function differences2019(row: ComparisonRow): string {
  if (row.edition2019 === null) return 'Not in the 2019 documentation.';
  const out: string[] = [];
  const old = row.edition2019;
  if (bareAnswer(old.external) !== bareAnswer(row.external)) out.push(`External: ${bareAnswer(old.external)} in the 2019 documentation`);
  if (bareAnswer(old.guest) !== bareAnswer(row.guest)) out.push(`Guest: ${bareAnswer(old.guest)} in the 2019 documentation`);
  return out.length > 0 ? `${out.join('; ')}.` : '';
}
