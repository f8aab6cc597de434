import { comparison2019Card, comparisonCard, featureCard } from '../../src/cards';
import { defaultComparison } from '../../src/cards/comparisonData';
import { executeActions, texts, walk } from './cardCheck';

type Json = Record<string, unknown>;
/** Each table row is a ColumnSet: [label, 2019 note?, note?] | external | guest. */
const rows = (card: Json) => {
  const out: { label: string; notes: string[]; external: string; guest: string }[] = [];
  walk(card, (n) => {
    const cols = n.columns as { items: { text: string }[] }[] | undefined;
    if (n.type !== 'ColumnSet' || !cols || cols.length !== 3) return;
    const [label, ...notes] = cols[0]!.items.map((i) => i.text);
    out.push({ label: label!, notes, external: cols[1]!.items[0]!.text, guest: cols[2]!.items[0]!.text });
  });
  return out.slice(1); // the header row
};

describe('comparison card (today)', () => {
  const { card } = comparisonCard();
  const table = rows(card);

  it('has every row of today’s table, in order, with its footnote marks', () => {
    expect(table.map((r) => r.label)).toEqual(defaultComparison.rows.map((r) => r.label));
    expect(table.find((r) => r.label === 'Search for people in other organizations')).toMatchObject({ external: 'Yes (2)', guest: 'No' });
    expect(table.find((r) => r.label === 'Use Meet now')).toMatchObject({ external: 'No', guest: 'Yes (5)' });
  });

  it.each([
    ['Block someone', 'External: No in the 2019 documentation.'],
    ['Be added to a group chat', 'External: No in the 2019 documentation.'],
    ['Use screen sharing', 'External: No in the 2019 documentation.'],
    ['View the phone numbers of dial-in meeting participants', 'Not in the 2019 documentation.'],
  ])('%s says where 2019 said otherwise', (label, note) => {
    expect(table.find((r) => r.label === label)?.notes).toContain(note);
  });

  it('rows that did not change carry no 2019 note', () => {
    expect(table.find((r) => r.label === 'Chat with people in another organization')?.notes).toEqual([]);
  });

  it('has the footnotes, the share-files note and a button for the 2019 table', () => {
    const all = texts(card);
    expect(all).toContain(Object.entries(defaultComparison.footnotes).map(([n, t]) => `(${n}) ${t}`).join('\n\n'));
    expect(table.find((r) => r.label === 'Share files')?.notes).toContain(defaultComparison.notes.shareFiles);
    expect(executeActions(card).map((a) => a.data)).toEqual([{ command: { kind: 'comparison', edition: '2019' } }]);
  });
});

describe('comparison card (2019)', () => {
  const { card } = comparison2019Card();
  it('shows the 2019 rows, the dropped rows and the 2019 footnotes', () => {
    const labels = rows(card).map((r) => r.label);
    expect(labels).toContain('Individual user can be blocked');
    expect(labels).toContain('User is identified as an external party');
    expect(labels.filter((l) => l === '@mentions are supported')).toHaveLength(1);
    expect(texts(card).join('\n')).toContain('(3) External (federated) chat is 1:1 only.');
    expect(rows(card).find((r) => r.label === 'Individual user can be blocked')).toMatchObject({ external: 'No', guest: 'Yes' });
  });
});

describe('feature card', () => {
  // Microsoft Learn, "Share files and Loop components in external chats": external file sharing exists
  // today in 1:1, group and meeting chats, off by default until an admin enables it.
  it('share files: external Yes (6) with the off-by-default footnote, guest Yes, the note; no "instead"', () => {
    const bound = featureCard({ rowId: 'shareFiles' });
    const all = texts(bound.card);
    expect(bound.summary).toBe('Share files: external access Yes (6), guest access Yes.');
    expect(all).toEqual(expect.arrayContaining(['External access: Yes (6)', 'Guest access: Yes', defaultComparison.notes.shareFiles]));
    expect(all.some((t) => t.includes('off by default until an admin enables it'))).toBe(true);
    expect(all.some((t) => t.includes('use **guest access** instead'))).toBe(false);
  });

  it('search: the footnote, and no "instead" when external access can do it', () => {
    const all = texts(featureCard({ rowId: 'search' }).card);
    expect(all).toContain('External access: Yes (2)');
    expect(all).toContain('(2) Only by email or Session Initiation Protocol (SIP) address.');
    expect(all.some((t) => t.includes('instead'))).toBe(false);
  });

  it('block: says the 2019 documentation said otherwise', () => {
    expect(texts(featureCard({ rowId: 'block' }).card)).toContain('External: No in the 2019 documentation.');
  });

  it('an unknown row offers the whole table', () => {
    const { card, summary } = featureCard({ rowId: 'teleport' });
    expect(summary.startsWith("I don't have that feature")).toBe(true);
    expect(executeActions(card).map((a) => a.data)).toEqual([{ command: { kind: 'comparison', edition: 'today' } }]);
  });
});
