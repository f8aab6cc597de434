import { escapeText } from '../../src/cards/escape';

describe('escapeText', () => {
  it.each([
    ['plain text stays', 'Contoso East', 'Contoso East'],
    ['a domain stays', 'north-wind.example.com', 'north-wind.example.com'],
    ['a markdown link', '[click](http://evil)', '\\[click\\]\\(http:\u2060//evil)'],
    ['parentheses alone stay', 'Allow a.com (or all)', 'Allow a.com (or all)'],
    ['bold and italic', '*bold* _it_', '\\*bold\\* \\_it\\_'],
    ['code and strike', '`x` ~~y~~', '\\`x\\` \\~\\~y\\~\\~'],
    ['a heading', '# Big', '\\# Big'],
    ['a quote', '> quoted', '\\> quoted'],
    ['a dash list marker', '- item', '\\- item'],
    ['a plus list marker', '+ item', '\\+ item'],
    ['a numbered list marker', '1. item', '1\\. item'],
    ['a parenthesis list marker', '2) item', '2\\) item'],
    ['a list marker on a later line', 'a\n2. b', 'a\n2\\. b'],
    ['a hyphen inside text stays', 'e-mail', 'e-mail'],
    ['a bare URL', 'see https://evil.example', 'see https:\u2060//evil.example'],
    ['a www address', 'www.evil.example', 'www\u2060.evil.example'],
    ['a backslash', 'a\\b', 'a\\\\b'],
    ['a template expression', '${secret}', '$\\{secret}'],
  ])('%s', (_what, input, expected) => {
    expect(escapeText(input)).toBe(expected);
  });

  it('leaves no markdown link and no link target', () => {
    const out = escapeText('[click](http://evil) <http://evil>');
    expect(out).not.toMatch(/(?<!\\)\[[^\]]*(?<!\\)\]\(/);
    expect(out).not.toContain('http://');
  });
});

describe('escapeText keeps paths readable', () => {
  it.each([
    ['an admin-center path', 'Teams admin center > Users > External access', 'Teams admin center > Users > External access'],
    ['a hash inside text', 'ticket #42', 'ticket #42'],
    ['a heading on a later line', 'a\n## b', 'a\n\\## b'],
  ])('%s', (_what, input, expected) => {
    expect(escapeText(input)).toBe(expected);
  });
});
