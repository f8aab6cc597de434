import { adaptiveCardErrors, bytes, houseRuleErrors } from './cardCheck';
import { catalog } from './catalog';

describe.each(catalog)('%s', (_name, bind) => {
  const { card, summary } = bind();

  it('follows the house rules: $schema, 1.5, fallbackText, no literal ${, no empty elements', () => {
    expect(houseRuleErrors(card)).toEqual([]);
  });

  it('parses and validates with the official adaptivecards package', () => {
    expect(adaptiveCardErrors(card)).toEqual([]);
  });

  it('has a one-line summary that the fallbackText starts with', () => {
    expect(summary.length).toBeGreaterThan(0);
    expect(String(card.fallbackText).startsWith(summary.slice(0, 20))).toBe(true);
  });

  it('stays well under the 40 KB message limit', () => {
    expect(bytes(card)).toBeLessThan(40_000);
  });

  it('expands to the same JSON as before', () => {
    expect(card).toMatchSnapshot();
  });
});
