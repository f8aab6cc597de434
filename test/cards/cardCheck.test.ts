import { adaptiveCardErrors, houseRuleErrors } from './cardCheck';

// The checks themselves must catch what they claim to catch, or every other test proves nothing.
const base = { $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', type: 'AdaptiveCard', version: '1.5', fallbackText: 'x' };

describe('card checks', () => {
  it.each([
    ['a literal ${', { ...base, body: [{ type: 'TextBlock', text: '${name}' }] }, 'literal'],
    ['no fallbackText', { ...base, fallbackText: undefined, body: [] }, 'fallbackText'],
    ['version 1.6', { ...base, version: '1.6', body: [] }, 'version'],
    ['an empty TextBlock', { ...base, body: [{ type: 'TextBlock', text: '' }] }, 'empty TextBlock'],
    ['an empty ActionSet', { ...base, body: [{ type: 'ActionSet', actions: [] }] }, 'empty ActionSet'],
    ['a bare Action.Submit', { ...base, actions: [{ type: 'Action.Submit', title: 't' }] }, 'not Action.Execute'],
  ])('house rules catch %s', (_what, card, message) => {
    expect(houseRuleErrors(card as Record<string, unknown>).join('\n')).toContain(message);
  });

  it.each([
    ['an unknown element', { ...base, body: [{ type: 'Foo' }] }, 'Unknown element type'],
    ['duplicate input ids', { ...base, body: [{ type: 'Input.Text', id: 'domain' }, { type: 'Input.Text', id: 'domain' }] }, 'Duplicate Id'],
  ])('the adaptivecards package catches %s', (_what, card, message) => {
    expect(adaptiveCardErrors(card).join('\n')).toContain(message);
  });
});
