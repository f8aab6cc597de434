import { displayDomain, lookalikeWarning, normalizeDomain } from '../../src/policy/domain';
import { allText, startTestBot, type TestBot } from '../support/harness';

const ascii = (d: string): string => {
  const r = normalizeDomain(d);
  if (!r.ok) throw new Error(r.reason);
  return r.domain.ascii;
};

describe('lookalike domains (pure)', () => {
  it.each([
    ['Cyrillic о in a Latin name', 'cоntosowest.com', 'contosowest.com', 'Cyrillic'],
    ['Cyrillic а in paypal', 'paypаl.com', 'paypal.com', 'Cyrillic'],
    ['a whole-script Cyrillic twin of an ASCII name', 'соре.com', 'cope.com', 'Cyrillic'],
    ['Greek letters passing for Latin', 'ουτ.com', 'out.com', 'Greek'],
    ['a dotless i', 'ıbm.com', 'ibm.com', 'Latin'],
  ])('%s is shown as xn-- with a warning naming what it imitates', (_name, typed, imitated, script) => {
    const stored = ascii(typed);
    expect(stored).toMatch(/(^|\.)xn--/);
    expect(displayDomain(stored)).toBe(stored);
    expect(lookalikeWarning(stored)).toMatch(new RegExp(`^${stored.replace(/[.-]/g, '\\$&')} looks like ${imitated.replace('.', '\\.')} .*${script} letters`));
  });

  it('warns about a label mixing scripts even when it imitates no ASCII name', () => {
    const stored = ascii('abcд.com');
    expect(displayDomain(stored)).toBe(stored);
    expect(lookalikeWarning(stored)).toMatch(/mixes scripts/);
  });

  it.each([
    ['plain ASCII', 'contosowest.com', 'contosowest.com'],
    ['a Latin name with diacritics', 'münchen.de', 'münchen.de'],
    ['a genuine Cyrillic name', 'пример.рф', 'пример.рф'],
    ['a genuine Greek name', 'παράδειγμα.gr', 'παράδειγμα.gr'],
  ])('%s is shown as it is, without a warning', (_name, typed, shown) => {
    const stored = ascii(typed);
    expect(displayDomain(stored)).toBe(shown);
    expect(lookalikeWarning(stored)).toBeUndefined();
  });
});

describe('a lookalike typed to the bot', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startTestBot();
  });
  afterAll(() => bot.close());

  it('previews "block cоntosowest.com" (Cyrillic о) in punycode with a warning naming contosowest.com', async () => {
    const before = bot.storeBytes();
    const stored = ascii('cоntosowest.com');
    const replies = await bot.say('admin@contosoeast.com', 'block cоntosowest.com');
    const text = allText(replies);
    expect(text).toContain(stored);
    expect(text).toMatch(/looks like contosowest\.com/);
    expect(text).toMatch(/Confirm/);
    // The lookalike never appears in its Unicode form, which reads exactly like contosowest.com.
    expect(text).not.toContain('cоntosowest.com');
    expect(bot.storeBytes().equals(before)).toBe(true);
  });
});
