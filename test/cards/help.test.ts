import { errorCard, helpCard, notUnderstoodCard, type Example } from '../../src/cards';
import { executeActions, texts, visible, walk } from './cardCheck';
import * as f from './fixtures';

type Json = Record<string, unknown>;
const says = (card: Json) => executeActions(card).map((a) => [a.verb, a.title, (a.data as { text: string }).text]);

/** The help card as views.ts feeds it: every real example, grouped, a few featured. */
const many: Example[] = [
  ...Array.from({ length: 8 }, (_, i): Example => ({ text: `ask ${i}`, title: `Ask question ${i}`, role: 'user', group: 'ask', featured: i < 4 })),
  ...Array.from({ length: 30 }, (_, i): Example => ({ text: `change ${i}`, title: `Change setting number ${i} of the organization`, role: 'admin', group: 'change', featured: i < 4 })),
  ...Array.from({ length: 5 }, (_, i): Example => ({ text: `review ${i}`, title: `Review ${i}`, role: 'user', group: 'review', featured: i < 3 })),
  { text: 'history', title: 'Change history', role: 'admin', group: 'review', featured: true },
];

describe('help card', () => {
  it.each([
    ['admin', true, 12],
    ['user', false, 8],
  ])('%s: the first screen has at most 12 buttons, grouped ask / change / review, the rest one press away', (_who, viewerIsAdmin, most) => {
    const { card } = helpCard({ examples: many, viewerIsAdmin });
    const first = visible(card);
    const shownNow = executeActions(first).length + JSON.stringify(first).split('"Action.ToggleVisibility"').length - 1;
    expect(shownNow).toBeLessThanOrEqual(most);
    const headings = texts(first).filter((t) => ['Ask', 'Review'].includes(t) || t.startsWith('Change'));
    expect(headings).toEqual(viewerIsAdmin ? ['Ask', 'Change (previewed first, you confirm)', 'Review'] : ['Ask', 'Review']);
    // Every example the viewer may use is on the card (folded or not), each exactly once.
    const mine = many.filter((e) => viewerIsAdmin || e.role !== 'admin');
    expect(says(card).map((s) => s[2]).sort()).toEqual(mine.map((e) => e.text).sort());
  });

  it('never shows an example twice (as text and as a button): the button is the example', () => {
    const { card } = helpCard({ examples: many, viewerIsAdmin: true });
    const all = texts(card).join('\n');
    for (const e of many) expect(all).not.toContain(e.text);
  });

  it('users see no change examples, no admin-only review, no Confirm or Cancel', () => {
    const { card } = helpCard({ examples: many, viewerIsAdmin: false });
    const titles = executeActions(card).map((a) => String(a.title));
    expect(titles.some((t) => t.startsWith('Change setting') || t === 'Change history')).toBe(false);
    expect(titles).not.toEqual(expect.arrayContaining(['Confirm']));
  });

  it('rows hold at most three buttons and at most 54 characters of titles, so Teams clips none', () => {
    const rows: string[][] = [];
    walk(helpCard({ examples: many, viewerIsAdmin: true }).card, (n) => {
      if (n.type === 'ActionSet') rows.push((n.actions as Json[]).filter((a) => a.type === 'Action.Execute').map((a) => String(a.title)));
    });
    for (const row of rows.filter((r) => r.length > 1)) {
      expect(row.length).toBeLessThanOrEqual(3);
      expect(row.join('').length).toBeLessThanOrEqual(54);
    }
  });

  it('without featured examples the first screen takes the first eleven', () => {
    const { card } = helpCard({ examples: f.examples, viewerIsAdmin: true });
    expect(says(visible(card)).map((s) => s[2])).toEqual(f.examples.map((e) => e.text));
    expect(JSON.stringify(card)).not.toContain('Action.ToggleVisibility');
  });

  it('welcome greets by name', () => {
    expect(texts(helpCard({ examples: f.examples, viewerIsAdmin: false, welcome: true, viewerName: 'Ana' }).card)[0]).toBe("Hi Ana, I'm the Federation Assistant");
  });
});
describe('not understood and error cards', () => {
  it('quote what was typed, give the reason, and the closest commands as say buttons', () => {
    const { card, summary } = notUnderstoodCard({ text: 'blok fabrikam', reason: 'Unknown verb "blok".', suggestions: ['block fabrikam.com', 'block fabrikam.com', 'is fabrikam.com blocked?'] });
    expect(summary).toBe('I didn\'t understand that: Unknown verb "blok".');
    expect(texts(card)).toEqual(expect.arrayContaining(['You wrote: “blok fabrikam”', 'Unknown verb "blok".', 'Did you mean']));
    expect(says(card)).toEqual([
      ['say', 'block fabrikam.com', 'block fabrikam.com'],
      ['say', 'is fabrikam.com blocked?', 'is fabrikam.com blocked?'],
    ]);
  });

  it('without suggestions there are no buttons and no heading', () => {
    const { card } = errorCard({ reason: 'The store is busy.' });
    expect(executeActions(card)).toEqual([]);
    expect(texts(card)).not.toContain('You can try');
  });
});
