import { when, whenPlain } from '../../src/cards/format';

describe('one date format, with its time zone', () => {
  it.each([
    ['2026-11-29T10:00:00.000Z', '29 Nov 2026, 10:00 UTC'],
    ['2026-11-29T10:00:00Z', '29 Nov 2026, 10:00 UTC'],
    ['2026-01-05T23:59:59.999Z', '5 Jan 2026, 23:59 UTC'],
    ['2026-11-29T01:30:00+02:00', '28 Nov 2026, 23:30 UTC'],
    ['2026-11-29T10:00', '2026-11-29T10:00'],
    ['yesterday', 'yesterday'],
  ])('%s → %s', (iso, shown) => {
    expect(whenPlain(iso)).toBe(shown);
    expect(when(iso)).toBe(shown);
  });
});
