import { readFileSync, writeFileSync } from 'node:fs';
import demo from '../../data/demo-policy.json';
import { CURRENT_SCHEMA_VERSION, modelHasOwnRules } from '../../src/store/fileSchema';
import type { StoreFile } from '../../src/store/fileSchema';
import { formatPath } from '../../src/store/formatIssue';
import { migrate } from '../../src/store/migrations';
import type { Migration } from '../../src/store/migrations';
import { appended } from '../../src/policy/list-middle';
import { validateAuditList, validateFull, WriteValidator } from '../../src/store/validateFile';
import type { AuditEntry } from '../../src/store/types';
import { open, readAuditLines, readStore, tempDir } from './fixtures';

describe('schema versions', () => {
  it('v3 is current; the demo store ships as v2 (audit inside) and migrates to a valid v3 state', () => {
    expect(CURRENT_SCHEMA_VERSION).toBe(3);
    const migrated = migrate(demo, CURRENT_SCHEMA_VERSION);
    expect(migrated).toMatchObject({ ok: true, from: 2, migrated: true, file: { schemaVersion: 3, revision: 0, audit: [] } });
    if (!migrated.ok) return;
    const { audit: _audit, ...state } = migrated.file;
    expect(validateFull(state).ok).toBe(true);
    // A v3 state file carries no audit log: it lives in the audit file beside it.
    expect(validateFull(migrated.file)).toEqual({ ok: false, problem: 'invalid data: Unrecognized key: "audit"' });
  });

  it('migrates a v2 file with its audit log: entries move to <file>.audit.jsonl as revisions 1…n, the original is kept as .v2.bak', async () => {
    const t = tempDir();
    try {
      const entries = ['a', 'b', 'c'].map((d, i) => ({
        id: `old${i}`, time: '2026-11-20T10:00:00.000Z', actor: { address: 'admin@contosoeast.com' }, orgId: 'contoso-east',
        request: `block ${d}.example`, change: { kind: 'addBlocked', org: 'contoso-east', domains: [`${d}.example`] },
        summary: `Block ${d}.example`, touched: ['settings.blockedDomains'],
        before: { 'settings.blockedDomains': ['a', 'b', 'c'].slice(0, i).map((x) => `${x}.example`) },
        after: { 'settings.blockedDomains': ['a', 'b', 'c'].slice(0, i + 1).map((x) => `${x}.example`) },
      }));
      const v2 = structuredClone(demo) as unknown as { organizations: Array<{ settings?: { blockedDomains: string[] } }>; audit: unknown[] };
      v2.organizations[0]!.settings!.blockedDomains = ['a.example', 'b.example', 'c.example'];
      v2.audit = entries;
      const original = JSON.stringify(v2, null, 2);
      writeFileSync(t.file, original);
      // What an interrupted earlier migration may have left: replaced, not appended to.
      writeFileSync(`${t.file}.audit.jsonl`, '{"half":');
      const store = await open(t.file, { newId: () => 'new' });
      expect(store.revision()).toBe(3);
      expect(store.history('contoso-east', 0).entries.map((e) => e.id)).toEqual(['old2', 'old1', 'old0']);
      expect(await store.undo({ orgId: 'contoso-east', actor: { address: 'admin@contosoeast.com', adminOf: ['contoso-east'] }, request: 'undo', now: new Date() })).toMatchObject({ ok: true, entry: { undoes: 'old2' } });
      await store.close();
      expect(readFileSync(`${t.file}.v2.bak`, 'utf-8')).toBe(original);
      const state = JSON.parse(readFileSync(t.file, 'utf-8')) as Record<string, unknown>;
      expect(Object.keys(state).sort()).toEqual(['organizations', 'revision', 'schemaVersion']);
      expect(state['revision']).toBe(4);
      expect(readAuditLines(t.file).map((l) => [l.revision, l.entry.id])).toEqual([[1, 'old0'], [2, 'old1'], [3, 'old2'], [4, 'new']]);
      expect(readAuditLines(t.file)[0]!.entry).toEqual(entries[0]);
    } finally {
      t.cleanup();
    }
  });

  it('migrates a fake v1 file along a chain to a fake v3', () => {
    const table: Record<number, Migration> = {
      1: (f) => ({ ...f, schemaVersion: 2, renamed: f['audit'] }),
      2: (f) => ({ ...f, schemaVersion: 3, extra: true }),
    };
    const result = migrate({ schemaVersion: 1, audit: ['x'] }, 3, table);
    expect(result).toEqual({ ok: true, from: 1, migrated: true, file: { schemaVersion: 3, audit: ['x'], renamed: ['x'], extra: true } });
  });

  it.each([
    [{ schemaVersion: 2 }, 'schemaVersion 2 is newer than this bot understands (1); upgrade the bot'],
    [{ schemaVersion: '1' }, 'invalid data at schemaVersion: expected a whole number, found "1"'],
    [[], 'invalid data: expected a JSON object'],
    [null, 'invalid data: expected a JSON object'],
  ])('refuses %j: %s', (raw, problem) => {
    expect(migrate(raw, 1)).toEqual({ ok: false, problem });
  });

  it('reports a missing step', () => {
    expect(migrate({ schemaVersion: 1 }, 3, {})).toEqual({ ok: false, problem: 'no migration from schemaVersion 1 to 2' });
  });

  it('opens an unversioned model dump (v0), migrates it to v1 and keeps the original as .v0.bak', async () => {
    const t = tempDir();
    try {
      const v0 = JSON.stringify({ organizations: demo.organizations });
      writeFileSync(t.file, v0);
      const store = await open(t.file);
      await store.close();
      const written = readStore(t.file);
      expect(written.schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
      expect(written.audit).toEqual([]);
      expect(written.organizations).toEqual(demo.organizations);
      expect(readFileSync(`${t.file}.v0.bak`, 'utf-8')).toBe(v0);
    } finally {
      t.cleanup();
    }
  });

  it('refuses a file from a newer bot and leaves it as it is', async () => {
    const t = tempDir();
    try {
      const v4 = JSON.stringify({ ...demo, schemaVersion: 4 });
      writeFileSync(t.file, v4);
      await expect(open(t.file)).rejects.toThrow(`store: ${t.file}: schemaVersion 4 is newer than this bot understands (3); upgrade the bot`);
      expect(readFileSync(t.file, 'utf-8')).toBe(v4);
    } finally {
      t.cleanup();
    }
  });
});

describe('formatPath', () => {
  it.each([
    [['organizations', 2, 'domains'], 'organizations[2].domains'],
    [['audit', 0, 'before', 'users.rob@x'], 'audit[0].before["users.rob@x"]'],
    [[], ''],
  ])('%j → %s', (path, text) => {
    expect(formatPath(path)).toBe(text);
  });
});

describe('incremental validation agrees with full validation', () => {
  it('is in effect: the model schema has no whole-model rules (if policy/ adds some, writes fall back to full validation)', () => {
    expect(modelHasOwnRules).toBe(false);
  });

  const base = validateFull({ schemaVersion: CURRENT_SCHEMA_VERSION, revision: 0, organizations: demo.organizations });
  if (!base.ok) throw new Error(base.problem);
  const valid = base.file;
  const org0 = valid.organizations[0]!;
  const entry = {
    id: 'e1', time: '2026-11-24T14:00:00.000Z', actor: { address: 'a@b.c' }, orgId: org0.id, request: 'r',
    change: { kind: 'setFederation' as const, org: org0.id, enabled: false }, summary: 's', touched: [], before: {}, after: {},
  };
  const orgs = valid.organizations;
  // Frozen, as every list the store holds: a list appended to it checks only what was appended.
  const kept = Object.freeze(org0.settings!.blockedDomains);
  type Entry = AuditEntry;
  const state = (organizations: StoreFile['organizations']): StoreFile => ({ schemaVersion: CURRENT_SCHEMA_VERSION, revision: 0, organizations });
  /** What a full load checks: the state file, then the audit log as a whole. */
  const fullCheck = (organizations: StoreFile['organizations'], audit: Entry[]) => {
    const full = validateFull(state(organizations));
    return full.ok ? validateAuditList(audit) : full;
  };
  const cases: Array<[string, StoreFile['organizations'], Entry[], Entry]> = [
    ['unchanged organizations', orgs, [], entry],
    ['a changed valid organization', [{ ...org0, name: 'Renamed' }, ...orgs.slice(1)], [], entry],
    ['an organization without domains', [...orgs.slice(0, 2), { ...orgs[2]!, domains: [] }], [], entry],
    ['an organization with an unknown key', [{ ...org0, extra: 1 } as typeof org0], [], entry],
    ['a duplicate organization id', [org0, { ...org0 }], [], entry],
    ['an audit entry with a bad change', orgs, [], { ...entry, change: { kind: 'nope' } as never }],
    ['a duplicate audit id', orgs, [entry], { ...entry }],
    ['a bad time', orgs, [entry], { ...entry, id: 'e2', time: 'yesterday' }],
    // A changed organization re-checks only the fields whose objects are new (or moved to another field).
    ['new valid settings, the rest kept', [{ ...org0, settings: { ...org0.settings!, blockedDomains: ['fabrikam.com'] } }, ...orgs.slice(1)], [], entry],
    ['new settings with a bad domain rule, the rest kept', [{ ...org0, settings: { ...org0.settings!, domainMode: 'bogus' as never } }, ...orgs.slice(1)], [], entry],
    ['new settings with a number in a domain list (the plain string-list fast path)', [{ ...org0, settings: { ...org0.settings!, blockedDomains: ['a.com', 7] as never } }, ...orgs.slice(1)], [], entry],
    ['a list the planner appended to a kept one', [{ ...org0, settings: { ...org0.settings!, blockedDomains: appended(kept, ['fabrikam.com']) } }, ...orgs.slice(1)], [], entry],
    ['a number appended to a kept list (only what was appended is checked)', [{ ...org0, settings: { ...org0.settings!, blockedDomains: appended(kept, [7 as never]) } }, ...orgs.slice(1)], [], entry],
    ['kept settings, a bad new users list', [{ ...org0, users: [{ address: 'nobody' }] as never }, ...orgs.slice(1)], [], entry],
    ['a valid list moved to a field it is not valid for', [{ ...org0, users: org0.policies as never }, ...orgs.slice(1)], [], entry],
    ['a kept field removed', [(({ settings: _s, ...rest }) => rest)(org0) as typeof org0, ...orgs.slice(1)], [], entry],
  ];
  it.each(cases)('%s', (_name, organizations, audit, next) => {
    const validator = new WriteValidator('incremental');
    validator.accept(valid, audit);
    const incremental = validator.check(organizations, next, () => state(organizations));
    const full = fullCheck(organizations, [...audit, next]);
    expect(incremental.ok).toBe(full.ok);
    if (!incremental.ok && !full.ok) expect(incremental.problem.split(':')[0]).toBe(full.problem.split(':')[0]);
  });

  it('says which cases are invalid, so the agreement above is not all "ok"', () => {
    const verdicts = cases.map(([name, organizations, audit, next]) => [name, fullCheck(organizations, [...audit, next]).ok]);
    expect(Object.fromEntries(verdicts)).toMatchObject({
      'new valid settings, the rest kept': true,
      'new settings with a bad domain rule, the rest kept': false,
      'new settings with a number in a domain list (the plain string-list fast path)': false,
      'kept settings, a bad new users list': false,
      'a list the planner appended to a kept one': true,
      'a number appended to a kept list (only what was appended is checked)': false,
      'a valid list moved to a field it is not valid for': false,
      'a duplicate audit id': false,
      'a bad time': false,
    });
  });
});
