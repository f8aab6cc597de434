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

  const bare = (label: string) => label.replace(/ ✦$/, '');
  const marks = (v: string) => [...v.matchAll(/\((\d+)\)/g)].map((m) => Number(m[1]));

  it('has every row of today’s table once, in order', () => {
    const once = defaultComparison.rows.map((r) => r.label).filter((l, i, all) => all.findIndex((x) => x.toLowerCase() === l.toLowerCase()) === i);
    expect(table.map((r) => bare(r.label))).toEqual(once);
    expect(new Set(table.map((r) => r.label.toLowerCase())).size).toBe(table.length);
  });

  it('numbers its footnotes 1, 2, 3… in the order the table uses them, and lists exactly those', () => {
    const used = table.flatMap((r) => [...marks(r.external), ...marks(r.guest)]);
    const firsts = used.filter((n, i) => used.indexOf(n) === i);
    expect(firsts).toEqual(firsts.map((_, i) => i + 1));
    const footnotes = texts(card).find((t) => t.startsWith('(1) ')) ?? '';
    expect(footnotes.split('\n\n').map((l) => Number(/^\((\d+)\)/.exec(l)?.[1]))).toEqual(firsts);
  });

  it.each([
    ['Block someone', 'External: No in the 2019 documentation.'],
    ['Be added to a group chat', 'External: No in the 2019 documentation.'],
    ['Use screen sharing', 'External: No in the 2019 documentation.'],
  ])('%s says where 2019 said otherwise', (label, note) => {
    expect(table.find((r) => bare(r.label) === label)?.notes).toContain(note);
  });

  it('marks rows new since 2019 with one symbol, explained once; no yellow text', () => {
    const fresh = defaultComparison.rows.filter((r) => r.edition2019 === null).map((r) => r.label);
    expect(fresh.length).toBeGreaterThan(0);
    for (const label of fresh) expect(table.find((r) => bare(r.label) === label)?.label).toBe(`${label} ✦`);
    expect(texts(card).filter((t) => t.includes('✦ not in the 2019 documentation.'))).toHaveLength(1);
    expect(texts(card).join('\n')).not.toContain('Not in the 2019 documentation.');
    expect(JSON.stringify(card)).not.toContain('"Warning"');
  });

  it('rows that did not change carry no 2019 note', () => {
    expect(table.find((r) => r.label === 'Chat with people in another organization')?.notes).toEqual([]);
  });

  it('has the share-files note and a button for the 2019 table; never says "seed"', () => {
    expect(table.find((r) => r.label === 'Share files')?.notes).toContain(defaultComparison.notes.shareFiles);
    expect(executeActions(card).map((a) => a.data)).toEqual([{ command: { kind: 'comparison', edition: '2019' } }]);
    expect(JSON.stringify(comparison2019Card().card)).not.toMatch(/seed/i);
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
