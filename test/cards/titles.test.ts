import { parse } from '../../src/language';
import { notUnderstoodCard, NOT_UNDERSTOOD_TITLE } from '../../src/cards';
import { texts } from './cardCheck';

const cardText = (card: unknown): string => texts(card).join('\n');

/**
 * Issue 15: "I didn't understand that" is the title only when nothing was understood. A request that
 * was understood but not done (a hedge, a negation, a question mark, two requests, one unusable
 * detail) is titled with what was understood.
 */
const understoodButRefused: [text: string, title: string | RegExp][] = [
  ['maybe block x.com', 'Not done: block x.com'],
  ['block x.com unless they pay', 'Not done: block x.com'],
  ["don't block x.com", 'Not done: block x.com'],
  ['block x.com, or maybe not', 'Not done: block x.com'],
  ['yes block x.com', 'Not done: block x.com'],
  ['block x.com for rob', 'Not done: block x.com'],
  ['block x.com then unblock it', 'Not done: block x.com'],
  ['undo everything', 'Not done: undo'],
  ['turn on external access and subdomain blocking', 'Not done: turn on external access'],
  ['block a.com and unblock a.com', 'Not done: more than one request'],
  ['block x.com, y.com or z.com', 'Not sure what to do with z.com'],
  ['remove all blocked domains', /^Not sure what to do with “remove”$/],
  ['add x.com', 'Which do you mean?'],
  ['block and allow x.com', 'Which do you mean?'],
  ['block rob@contoso.com', 'Not done: block a domain, one detail to fix'],
  ['block x..com', 'Not done: block a domain, one detail to fix'],
  ['allow only x..com', 'Not done: allow only some domains, one detail to fix'],
  ['is x..com blocked?', 'Not answered: one detail to fix'],
  ['block x.com'.repeat(80), 'Too long for one request'],
];

const nothingUnderstood = ['flibber the jabberwock', 'lorem ipsum dolor sit amet', 'purple monkey dishwasher', '???'];

const titleOf = (text: string): string => {
  const r = parse(text);
  if (r.ok) throw new Error(`"${text}" was taken as ${JSON.stringify(r.command)}`);
  return cardText(notUnderstoodCard({ text, ...r }).card).split('\n')[0] ?? '';
};

describe('refusals that understood something say what in the title', () => {
  it.each(understoodButRefused)('%j → %j', (text, title) => {
    const shown = titleOf(text);
    expect(shown).not.toBe(NOT_UNDERSTOOD_TITLE);
    if (typeof title === 'string') expect(shown).toBe(title);
    else expect(shown).toMatch(title);
  });

  it.each(nothingUnderstood)('%j: nothing understood, so "I didn\'t understand that"', (text) => {
    expect(titleOf(text)).toBe(NOT_UNDERSTOOD_TITLE);
  });

  it.each([...understoodButRefused.map(([t]) => t), ...nothingUnderstood])('%j: the card says "I didn\'t understand" at most once', (text) => {
    const r = parse(text);
    if (r.ok) throw new Error('understood');
    const words = cardText(notUnderstoodCard({ text, ...r }).card);
    expect(words.match(/didn't understand/gi)?.length ?? 0).toBeLessThanOrEqual(1);
  });

  it('a closing "Did you mean: X?" is not said again above the X button', () => {
    const r = parse('maybe block x.com');
    if (r.ok) throw new Error('understood');
    expect(r.reason).toMatch(/Did you mean: block x\.com\?$/);
    const words = cardText(notUnderstoodCard({ text: 'maybe block x.com', ...r }).card);
    expect(words.match(/Did you mean/g)).toHaveLength(1);
    expect(words).toMatch(/^That change has a condition I cannot check, so I haven't changed anything\.$/m);
  });
});
