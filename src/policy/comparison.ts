import data from '../../data/comparison.json';

/** One feature row of the external-vs-guest table, today's edition with the seed's 2019 values. */
export interface ComparisonRow {
  id: string;
  section: 'yourUsers' | 'peopleOutside';
  label: string;
  external: string;
  guest: string;
  externalNote?: string;
  guestNote?: string;
  keywords: string[];
  /** null: the row is new since the 2019 table. */
  edition2019: { label: string; external: string; guest: string } | null;
  /** Microsoft's own revision of the page later in 2019 (after the February text the seed copied). */
  revision2019: { external: string; guest: string };
}

/** A row where the 2019 table says something else than today's. */
export interface ComparisonDifference {
  id: string;
  label: string;
  today: { external: string; guest: string };
  /** null: the 2019 table had no such row. */
  in2019: { external: string; guest: string; label: string } | null;
  /** What Microsoft's own later-2019 revision of the page said. */
  inRevision2019: { external: string; guest: string };
  /**
   * within2019: Microsoft's later-2019 revision already says what today's table says (the February
   * text was simply out of date within the year); after2019: it changed later.
   */
  changed: 'within2019' | 'after2019';
}

const rows: readonly ComparisonRow[] = data.rows.map((r): ComparisonRow => {
  const notes = r as { externalNote?: string; guestNote?: string };
  return {
    id: r.id,
    section: r.section === 'peopleOutside' ? 'peopleOutside' : 'yourUsers',
    label: r.label,
    external: r.external,
    guest: r.guest,
    ...(notes.externalNote ? { externalNote: notes.externalNote } : {}),
    ...(notes.guestNote ? { guestNote: notes.guestNote } : {}),
    keywords: r.keywords,
    edition2019: r.edition2019,
    revision2019: r.revision2019,
  };
});

export const comparisonSource: string = data.source;
export const comparisonSections: Readonly<Record<'yourUsers' | 'peopleOutside', string>> = data.sections;
export const comparisonFootnotes: Readonly<Record<string, string>> = data.footnotes;
export const comparisonFootnotes2019: Readonly<Record<string, string>> = data.footnotes2019;
export const comparisonNotes: Readonly<Record<string, string>> = data.notes;
/** Rows of the 2019 table that today's table dropped. */
export const droppedIn2019Table: readonly { label: string; external: string; guest: string; note: string }[] = data.dropped2019;

/** Every row, in table order. */
export function comparisonRows(): readonly ComparisonRow[] {
  return rows;
}

/** The row with this id. */
export function comparisonRow(id: string): ComparisonRow | undefined {
  return rows.find((r) => r.id === id);
}

/** The row whose keywords best match a phrase ("can they share files?"): longest keyword wins. */
export function findComparisonRow(phrase: string): ComparisonRow | undefined {
  const text = ` ${phrase.toLowerCase().replace(/[^a-z0-9@\- ]+/g, ' ')} `;
  let best: { row: ComparisonRow; len: number } | undefined;
  for (const row of rows) {
    for (const k of row.keywords) {
      if (text.includes(` ${k.toLowerCase()} `) && k.length > (best?.len ?? 0)) best = { row, len: k.length };
    }
  }
  return best?.row;
}

/** Strip footnote marks: "Yes (2)" → "Yes". */
const bare = (v: string): string => v.replace(/\s*\(\d+\)\s*$/, '');

/** Rows new since 2019 or where the 2019 external or guest answer differs from today's. */
export function differencesSince2019(): ComparisonDifference[] {
  const same = (x: { external: string; guest: string }, y: { external: string; guest: string }): boolean => bare(x.external) === bare(y.external) && bare(x.guest) === bare(y.guest);
  return rows
    .filter((r) => r.edition2019 === null || !same(r.edition2019, r))
    .map((r) => ({
      id: r.id,
      label: r.label,
      today: { external: r.external, guest: r.guest },
      in2019: r.edition2019 ? { ...r.edition2019 } : null,
      inRevision2019: { ...r.revision2019 },
      changed: same(r.revision2019, r) ? ('within2019' as const) : ('after2019' as const),
    }));
}
