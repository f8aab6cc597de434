import { comparisonRow, comparisonRows, differencesSince2019, droppedIn2019Table, findComparisonRow } from '../../src/policy';

describe('external vs guest comparison', () => {
  it('has today\'s rows in table order, both sections', () => {
    const rows = comparisonRows();
    expect(rows.length).toBeGreaterThanOrEqual(20);
    expect(rows[0]?.id).toBe('chat');
    expect(new Set(rows.map((r) => r.section))).toEqual(new Set(['yourUsers', 'peopleOutside']));
  });

  it.each([
    ['groupChat', 'Yes', 'No'],
    ['block', 'Yes', 'No'],
    ['mentions', 'Yes', 'No'],
    ['screenSharing', 'Yes', 'No'],
    ['giphy', 'Yes', 'No'],
    ['shareFiles', 'No', 'No'],
    ['chat', 'Yes', 'Yes'],
  ])('%s: external today %s, in 2019 %s', (id, today, in2019) => {
    const row = comparisonRow(id);
    expect(row?.external).toBe(today);
    expect(row?.edition2019?.external.replace(/ \(\d\)/, '')).toBe(in2019);
  });

  it('2019 differences include group chats, blocking, @mentions and the new dial-in row; not chat', () => {
    const ids = differencesSince2019().map((d) => d.id);
    expect(ids).toEqual(expect.arrayContaining(['groupChat', 'block', 'mentions', 'screenSharing', 'dialInNumbers']));
    expect(ids).not.toContain('chat');
    expect(differencesSince2019().find((d) => d.id === 'dialInNumbers')?.in2019).toBeNull();
    expect(droppedIn2019Table.map((d) => d.label)).toContain('User is identified as an external party');
  });

  it.each([
    ['can external users share files?', 'shareFiles'],
    ['what about @mentions', 'mentions'],
    ['can they use Giphy', 'giphy'],
    ['unrelated words', undefined],
  ])('%s → %s', (phrase, id) => {
    expect(findComparisonRow(phrase)?.id).toBe(id);
  });

  it('an unknown id', () => {
    expect(comparisonRow('nope')).toBeUndefined();
  });
});
