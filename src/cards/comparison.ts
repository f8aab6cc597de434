import comparisonTemplate from '../../cards/comparison.json';
import { runAction, type ExecuteAction } from './actions';
import { defaultComparison, differences2019, withNote, type ComparisonData } from './comparisonData';
import { compileTemplate, type BoundCard } from './template';

interface RowView {
  label: string;
  history: string;
  note: string;
  external: string;
  guest: string;
  externalWeight: 'Default' | 'Bolder';
  guestWeight: 'Default' | 'Bolder';
}

interface ComparisonCardData {
  fallbackText: string;
  title: string;
  subtitle: string;
  sections: { heading: string; rows: RowView[] }[];
  footnotes: string;
  extra: string;
  source: string;
  actions: ExecuteAction[];
}

/** One template for both editions: today's table and, on request, the seed's 2019 table. */
const expand = compileTemplate<ComparisonCardData>(comparisonTemplate);

const footnoteText = (notes: Record<string, string>) =>
  Object.entries(notes)
    .map(([n, text]) => `(${n}) ${text}`)
    .join('\n\n');

const weight = (v: string): RowView['externalWeight'] => (v.startsWith('No') ? 'Default' : 'Bolder');

/** "Seed document" is the project's word for where it started, not the reader's: say which documentation. */
const sourceWords = (source: string): string => source.replace(/the seed document's table/gi, 'the 2019 edition of that documentation').replace(/seed document/gi, '2019 documentation');

/** The one marker for rows the 2019 documentation did not have; explained once under the table. */
const NEW_MARK = '✦';

/**
 * Card 4: today's external vs guest table, every row once, footnotes numbered 1, 2, 3… in the order
 * they are used, rows new since 2019 marked with one symbol, and where 2019 said otherwise.
 */
export function comparisonCard(data: ComparisonData = defaultComparison): BoundCard {
  const seenLabels = new Set<string>();
  const rowsOnce = data.rows.filter((r) => {
    const key = r.label.trim().toLowerCase();
    if (seenLabels.has(key)) return false;
    seenLabels.add(key);
    return true;
  });
  const numbers = new Map<string, string>();
  const renumber = (note: string | undefined): string | undefined => {
    if (note === undefined || data.footnotes[note] === undefined) return undefined;
    if (!numbers.has(note)) numbers.set(note, String(numbers.size + 1));
    return numbers.get(note);
  };
  let anyNew = false;
  const sections = Object.entries(data.sections)
    .map(([key, heading]) => ({
      heading,
      rows: rowsOnce
        .filter((r) => r.section === key)
        .map((r): RowView => {
          const external = withNote(r.external, renumber(r.externalNote));
          const guest = withNote(r.guest, renumber(r.guestNote));
          const isNew = r.edition2019 === null;
          anyNew ||= isNew;
          return {
            label: isNew ? `${r.label} ${NEW_MARK}` : r.label,
            history: isNew ? '' : differences2019(r),
            note: data.notes[r.id] ?? '',
            external,
            guest,
            externalWeight: weight(external),
            guestWeight: weight(guest),
          };
        }),
    }))
    .filter((section) => section.rows.length > 0);
  const footnotes = [...numbers.entries()].map(([note, n]) => `(${n}) ${data.footnotes[note] ?? ''}`).join('\n\n');
  const summary = `External access vs guest access: ${rowsOnce.length} features compared (today's table).`;
  const extra = [
    anyNew ? `${NEW_MARK} not in the 2019 documentation.` : '',
    data.dropped2019.length > 0 ? `${data.dropped2019.length} rows of the 2019 documentation were dropped from today's table.` : '',
  ].filter((t) => t !== '').join(' ');
  return {
    card: expand({
      fallbackText: summary,
      title: 'External access vs guest access',
      subtitle: 'External access: chat, call and meet people in other organizations. Guest access: add them to your teams.',
      sections,
      footnotes,
      extra,
      source: `Source: ${sourceWords(data.source)}`,
      actions: [runAction('Show the 2019 table', { kind: 'comparison', edition: '2019' })],
    }),
    summary,
  };
}

/** The seed's 2019 table as it was, with the rows dropped since and its own footnotes. */
export function comparison2019Card(data: ComparisonData = defaultComparison): BoundCard {
  const seen = new Set<string>();
  const rows: RowView[] = [];
  for (const r of data.rows) {
    const old = r.edition2019;
    if (old === null || seen.has(old.label)) continue;
    seen.add(old.label);
    rows.push({ label: old.label, history: '', note: '', external: old.external, guest: old.guest, externalWeight: weight(old.external), guestWeight: weight(old.guest) });
  }
  const dropped = data.dropped2019.map(
    (d): RowView => ({ label: d.label, history: 'Dropped from today\'s table.', note: d.note, external: d.external, guest: d.guest, externalWeight: weight(d.external), guestWeight: weight(d.guest) }),
  );
  const sections = [{ heading: 'The 2019 table', rows }];
  if (dropped.length > 0) sections.push({ heading: 'Rows dropped since 2019', rows: dropped });
  const summary = `External access vs guest access as documented in 2019 (${rows.length + dropped.length} rows; out of date).`;
  return {
    card: expand({
      fallbackText: summary,
      title: 'External vs guest access — the 2019 documentation',
      subtitle: 'Out of date: this is what Microsoft\'s documentation said in February 2019. Ask for today\'s table for the current answer.',
      sections,
      footnotes: footnoteText(data.footnotes2019),
      extra: '',
      source: `Source: ${sourceWords(data.source)}`,
      actions: [runAction("Show today's table", { kind: 'comparison', edition: 'today' })],
    }),
    summary,
  };
}
