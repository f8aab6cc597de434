import featureTemplate from '../../cards/feature.json';
import { runAction, type ExecuteAction } from './actions';
import { bareAnswer, defaultComparison, differences2019, withNote, type ComparisonData } from './comparisonData';
import { messageCard } from './message';
import { compileTemplate, type BoundCard } from './template';

export interface FeatureInput {
  /** A row id of `data/comparison.json`, e.g. "shareFiles". */
  rowId: string;
  data?: ComparisonData;
}

interface FeatureData {
  fallbackText: string;
  title: string;
  subtitle: string;
  facts: { title: string; value: string }[];
  footnotes: string[];
  history: string;
  note: string;
  instead: string;
  actions: ExecuteAction[];
}

const expand = compileTemplate<FeatureData>(featureTemplate);

const INSTEAD =
  "External access cannot do this. To do it with people outside, use **guest access** instead: an admin turns guest access on and adds them to a team as guests.";

/**
 * A single-feature answer ("can external users share files?"): external, guest, the footnotes, what
 * 2019 said, and guest access as the way when external access cannot. An unknown row gives a short
 * card that offers the whole table.
 */
export function featureCard({ rowId, data = defaultComparison }: FeatureInput): BoundCard {
  const row = data.rows.find((r) => r.id === rowId);
  if (!row) {
    return messageCard({
      title: "I don't have that feature in the comparison",
      lines: [`"${rowId}" is not a row of the external vs guest access table.`],
      actions: [runAction('Show the whole table', { kind: 'comparison', edition: 'today' })],
    });
  }
  const external = withNote(row.external, row.externalNote);
  const guest = withNote(row.guest, row.guestNote);
  const notes = [row.externalNote, row.guestNote].filter((n, i, all): n is string => n !== undefined && all.indexOf(n) === i);
  const summary = `${row.label}: external access ${external}, guest access ${guest}.`;
  const cannot = bareAnswer(row.external) === 'No' && bareAnswer(row.guest) === 'Yes';
  return {
    card: expand({
      fallbackText: summary,
      title: row.label,
      subtitle: data.sections[row.section] ?? 'External access vs guest access',
      facts: [
        { title: 'External access', value: external },
        { title: 'Guest access', value: guest },
      ],
      footnotes: notes.map((n) => `(${n}) ${data.footnotes[n] ?? ''}`),
      history: differences2019(row),
      note: data.notes[row.id] ?? '',
      instead: cannot ? INSTEAD : '',
      actions: [runAction('Compare everything', { kind: 'comparison', edition: 'today' })],
    }),
    summary,
  };
}
