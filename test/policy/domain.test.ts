import { displayDomain, domainOfAddress, isSameOrSubdomain, normalizeAddress, normalizeDomain } from '../../src/policy/domain';
import { domainToASCII, domainToUnicode } from 'node:url';
import { baseSeed, rng } from './prng';

const label63 = 'a'.repeat(63);
const label64 = 'a'.repeat(64);
// 4 labels of 63 + 3 dots = 255; trim to exactly 253 and 254 characters.
const long253 = `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(57)}.com`;
const long254 = `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(58)}.com`;

describe('normalizeDomain: valid input is stored lower case, ASCII, no trailing dot', () => {
  it.each([
    ['contoso.com', 'contoso.com', 'contoso.com'],
    ['Contoso.COM', 'contoso.com', 'contoso.com'],
    ['contoso.com.', 'contoso.com', 'contoso.com'],
    ['  fabrikam.com  ', 'fabrikam.com', 'fabrikam.com'],
    ['sub.contoso.com', 'sub.contoso.com', 'sub.contoso.com'],
    ['bücher.de', 'xn--bcher-kva.de', 'bücher.de'],
    ['BÜCHER.de', 'xn--bcher-kva.de', 'bücher.de'],
    ['xn--bcher-kva.de', 'xn--bcher-kva.de', 'bücher.de'],
    ['münchen.example', 'xn--mnchen-3ya.example', 'münchen.example'],
    [`${label63}.com`, `${label63}.com`, `${label63}.com`],
    [long253, long253, long253],
    ['my-company.co.uk', 'my-company.co.uk', 'my-company.co.uk'],
  ])('%s → stored %s, shown %s', (input, ascii, display) => {
    const r = normalizeDomain(input);
    expect(r).toEqual({ ok: true, domain: { ascii, display } });
  });
});

describe('normalizeDomain: invalid input gives a reason a person understands, never throws', () => {
  it.each([
    ['contoso', 'has no top-level domain'],
    ['', 'empty'],
    ['   ', 'empty'],
    ['*.contoso.com', 'wildcard'],
    ['contoso.*', 'wildcard'],
    [`${label64}.com`, 'longer than 63'],
    [long254, 'longer than 253'],
    ['contoso..com', 'empty label'],
    ['.contoso.com', 'empty label'],
    ['-contoso.com', 'invalid label'],
    ['contoso-.com', 'invalid label'],
    ['con_toso.com', 'invalid label'],
    ['rob@contoso.com', 'not a domain name'],
    ['https://contoso.com/', 'not a domain name'],
    ['contoso com', 'not a domain name'],
    ['10.0.0.1', 'IP address'],
  ])('%j: %s', (input, reason) => {
    const r = normalizeDomain(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain(reason);
  });

  it('names the input in the reason (`contoso` has no top-level domain)', () => {
    expect(normalizeDomain('contoso')).toEqual({ ok: false, input: 'contoso', reason: '`contoso` has no top-level domain' });
  });
});

describe('addresses', () => {
  it.each([
    ['Rob@ContosoEast.com', 'rob@contosoeast.com', 'contosoeast.com'],
    ['ann@bücher.de', 'ann@xn--bcher-kva.de', 'xn--bcher-kva.de'],
    [' ann@contosowest.com. ', 'ann@contosowest.com', 'contosowest.com'],
  ])('%s → %s (domain %s)', (input, address, domain) => {
    expect(normalizeAddress(input)).toBe(address);
    expect(domainOfAddress(input.trim())).toBe(domain);
  });

  it.each(['rob', 'rob@', '@contoso.com', 'rob@contoso', 'ro b@contoso.com'])('%j is not an address', (input) => {
    expect(normalizeAddress(input)).toBeUndefined();
  });

  it('shows a stored punycode domain in Unicode', () => {
    expect(displayDomain('xn--bcher-kva.de')).toBe('bücher.de');
  });

  it.each([
    ['sub.contoso.com', 'contoso.com', true],
    ['a.b.contoso.com', 'contoso.com', true],
    ['contoso.com', 'contoso.com', true],
    ['subcontoso.com', 'contoso.com', false],
    ['contoso.com', 'sub.contoso.com', false],
  ])('isSameOrSubdomain(%s, %s) = %s', (d, parent, expected) => {
    expect(isSameOrSubdomain(d, parent)).toBe(expected);
  });
});

describe('normalizeDomain: the plain-ASCII shortcut agrees with the WHATWG conversion', () => {
  it('for every accepted name, stores exactly what domainToASCII gives and shows what domainToUnicode gives', () => {
    const r = rng(baseSeed());
    const pieces = ['contoso', 'a', 'z9', 'my-co', 'xn--bcher-kva', 'xn--', 'XN--MNCHEN-3YA', 'bücher', '0x1f', '123', '08', 'com', 'de', 'Co', 'ß', 'ﬁ', 'İ', '-x', 'x-', 'a_b', '١٢'];
    let accepted = 0;
    for (let i = 0; i < 5000; i++) {
      const labels = Array.from({ length: 1 + r.int(4) }, () => r.pick(pieces));
      const input = labels.join('.') + (r.bool(0.1) ? '.' : '');
      const result = normalizeDomain(input);
      if (!result.ok) continue;
      accepted += 1;
      const lower = input.trim().replace(/\.$/, '').toLowerCase();
      expect({ input, ascii: result.domain.ascii }).toEqual({ input, ascii: domainToASCII(lower) });
      expect({ input, display: result.domain.display }).toEqual({ input, display: domainToUnicode(result.domain.ascii) || result.domain.ascii });
    }
    expect(accepted).toBeGreaterThan(1000);
  });
});

describe('normalizeDomain: answers kept by input are shared, so they cannot be altered', () => {
  it.each(['Contoso.COM.', 'bücher.example', 'not a domain', '*.evil.com'])('%s: the same answer again, frozen', (input) => {
    const first = normalizeDomain(input);
    expect(normalizeDomain(input)).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    if (first.ok) expect(Object.isFrozen(first.domain)).toBe(true);
    expect(() => Object.assign(first, { ok: !first.ok })).toThrow(TypeError);
  });

  it('still answers every input rightly after more inputs than it keeps', () => {
    const inputs = Array.from({ length: 5000 }, (_, i) => `Host${i}.Example.COM`);
    for (const input of inputs) normalizeDomain(input);
    for (const input of inputs.slice(0, 50)) expect(normalizeDomain(input)).toEqual({ ok: true, domain: { ascii: input.toLowerCase(), display: input.toLowerCase() } });
  });
});
