import { errorCard, helpCard, notUnderstoodCard } from '../../src/cards';
import { executeActions, texts, walk } from './cardCheck';
import * as f from './fixtures';

type Json = Record<string, unknown>;
const says = (card: Json) => executeActions(card).map((a) => [a.verb, a.title, (a.data as { text: string }).text]);

describe('help card', () => {
  it('admins see every example, by role, as example buttons (they preview, never act)', () => {
    const { card } = helpCard({ examples: f.examples, viewerIsAdmin: true });
    expect(says(card)).toEqual(f.examples.map((e) => ['example', e.title, e.text]));
    expect(texts(card)).toEqual(expect.arrayContaining(['Anyone can ask', 'Admins can also ask']));
  });

  it('users do not see admin examples', () => {
    const { card } = helpCard({ examples: f.examples, viewerIsAdmin: false });
    expect(says(card).map((s) => s[2])).toEqual(f.examples.filter((e) => e.role !== 'admin').map((e) => e.text));
    expect(texts(card)).not.toContain('Admins can also ask');
  });

  it('welcome greets by name', () => {
    expect(texts(helpCard({ examples: f.examples, viewerIsAdmin: false, welcome: true, viewerName: 'Ana' }).card)[0]).toBe("Hi Ana, I'm the Federation Assistant");
  });

  it('splits many examples into rows of at most five buttons', () => {
    const many = Array.from({ length: 12 }, (_, i) => ({ text: `ask ${i}`, title: `Ask ${i}`, role: 'user' }));
    const sets: number[] = [];
    walk(helpCard({ examples: many, viewerIsAdmin: false }).card, (n) => {
      if (n.type === 'ActionSet') sets.push((n.actions as unknown[]).length);
    });
    expect(sets).toEqual([5, 5, 2]);
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
