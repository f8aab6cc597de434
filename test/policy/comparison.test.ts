import { comparisonFootnotes, comparisonNotes, comparisonRow, comparisonRows, comparisonSource, differencesSince2019, droppedIn2019Table, findComparisonRow } from '../../src/policy';

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
    // Microsoft Learn, "Share files and Loop components in external chats": external file sharing exists
    // today (off by default); the 2024 table's No is out of date (footnote 6 says so).
    ['shareFiles', 'Yes', 'No'],
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

  // Source: Microsoft Learn, "Use guest access and external access to collaborate with people outside
  // your organization" — the 2024 revision and Microsoft's own 2019 revision of the same page.
  describe('against Microsoft\'s own revisions of "Use guest access and external access to collaborate with people outside your organization"', () => {
    it('the footnote on the phone numbers of dial-in participants (4) and footnote 1 (the guest account in the host tenant)', () => {
      const row = comparisonRow('dialInNumbers');
      expect(row).toMatchObject({ label: 'View the phone numbers of dial-in meeting participants', external: 'No', externalNote: '4', guest: 'Yes' });
      expect(comparisonFootnotes['4']).toContain('Tones for Entry/exit announcement type');
      expect(comparisonFootnotes['1']).toContain('signed in with the guest account, in the host tenant');
      expect(comparisonFootnotes['1']).not.toContain("guest's tenant");
      expect(comparisonSource).toContain("'Use guest access and external access to collaborate with people outside your organization'");
    });

    it.each([
      ['mentions', 'within2019'],
      ['screenSharing', 'within2019'],
      ['editMessages', 'within2019'],
      ['giphy', 'within2019'],
      ['dialInNumbers', 'within2019'],
      ['groupChat', 'after2019'],
      ['block', 'after2019'],
      ['shareFiles', 'after2019'],
    ] as const)('%s changed %s (compared with the 2019 revision, not only the February text)', (id, changed) => {
      expect(differencesSince2019().find((d) => d.id === id)?.changed).toBe(changed);
      expect(comparisonNotes[id]).toBeDefined();
    });
  });
});
