import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import demo from '../../data/demo-policy.json';
import { openStore, resetStore } from '../../src/store';
import { CURRENT_SCHEMA_VERSION } from '../../src/store/fileSchema';
import { block, open, SEED, tempDir } from './fixtures';
import { testPlanner } from './testPlanner';

describe('first run', () => {
  it('creates a missing file (and its folder) from the seed, on disk even under NODE_ENV=test', async () => {
    expect(process.env['NODE_ENV']).toBe('test');
    const t = tempDir();
    try {
      const file = join(t.dir, 'nested', 'policy.json');
      const store = await open(file);
      expect(store.read().organizations).toEqual(demo.organizations);
      await store.close();
      // The demo ships as a v2 file (audit inside): created as the current state file and an empty audit file.
      expect(JSON.parse(readFileSync(file, 'utf-8'))).toEqual({ schemaVersion: CURRENT_SCHEMA_VERSION, revision: 0, organizations: demo.organizations });
      expect(readFileSync(`${file}.audit.jsonl`, 'utf-8')).toBe('');
    } finally {
      t.cleanup();
    }
  });

  it('reports a missing seed', async () => {
    const t = tempDir();
    try {
      const opened = await openStore({ file: t.file, seedFile: join(t.dir, 'nope.json'), plan: testPlanner });
      expect(opened).toEqual({ ok: false, error: `store: ${join(t.dir, 'nope.json')}: no such file` });
      expect(existsSync(t.file)).toBe(false);
    } finally {
      t.cleanup();
    }
  });

  it('removes a stale steno temp file on open', async () => {
    const t = tempDir();
    try {
      const temp = join(t.dir, '.policy.json.tmp');
      writeFileSync(temp, '{"half": ');
      const store = await open(t.file);
      expect(existsSync(temp)).toBe(false);
      await store.close();
    } finally {
      t.cleanup();
    }
  });
});

describe('a bad file stops start-up and stays untouched', () => {
  const broken = (mutate: (d: typeof demo) => unknown) => JSON.stringify(mutate(structuredClone(demo)), null, 2);
  it.each([
    ['invalid JSON', '{ "schemaVersion": 1, "organizations": [', /^store: .*policy\.json: invalid JSON: /],
    ['an empty file', '', /^store: .*policy\.json: invalid JSON: /],
    ['JSON null', 'null', /^store: .*policy\.json: invalid data: expected a JSON object$/],
    [
      'an organization without domains',
      broken((d) => ((d.organizations[2]!.domains as string[]) = [], d)),
      /^store: .*policy\.json: invalid data at organizations\[2\]\.domains: Too small: expected array to have >=1 items$/,
    ],
    [
      'an unknown key',
      broken((d) => ({ ...d, extra: true })),
      /^store: .*policy\.json: invalid data: Unrecognized key: "extra"$/,
    ],
    [
      'a bad audit entry',
      broken((d) => ({ ...d, audit: [{ id: 'x' }] })),
      /^store: .*policy\.json: invalid data at audit\[0\]\.time: .* \(and \d+ more\)$/,
    ],
  ])('%s', async (_name, content, message) => {
    const t = tempDir();
    try {
      writeFileSync(t.file, content);
      const before = readFileSync(t.file);
      const opened = await openStore({ file: t.file, seedFile: SEED, plan: testPlanner });
      expect(opened.ok).toBe(false);
      if (!opened.ok) {
        expect(opened.error).toMatch(message);
        expect(opened.error).toContain(t.file);
      }
      expect(readFileSync(t.file).equals(before)).toBe(true);
      expect(existsSync(`${t.file}.lock`)).toBe(false);
    } finally {
      t.cleanup();
    }
  });

  it('store:reset backs the bad file up (timestamped .bak) and recreates the demo', async () => {
    const t = tempDir();
    try {
      writeFileSync(t.file, '{ broken');
      const result = await resetStore({ file: t.file, seedFile: SEED, now: new Date('2026-11-24T14:30:00.123Z') });
      const backup = `${t.file}.2026-11-24T14-30-00-123Z.bak`;
      expect(result).toEqual({ ok: true, file: t.file, backup });
      expect(readFileSync(backup, 'utf-8')).toBe('{ broken');
      expect(JSON.parse(readFileSync(t.file, 'utf-8'))).toEqual({ schemaVersion: CURRENT_SCHEMA_VERSION, revision: 0, organizations: demo.organizations });
      const store = await open(t.file);
      await store.close();
    } finally {
      t.cleanup();
    }
  });

  it('store:reset sets the old audit log aside (its revisions belong to the old state) and starts an empty one', async () => {
    const t = tempDir();
    try {
      const store = await open(t.file);
      await store.commit(block('a.example'));
      await store.close();
      const audit = readFileSync(`${t.file}.audit.jsonl`, 'utf-8');
      const result = await resetStore({ file: t.file, seedFile: SEED, now: new Date('2026-11-24T14:30:00.123Z') });
      expect(result.ok).toBe(true);
      expect(readFileSync(`${t.file}.audit.jsonl.2026-11-24T14-30-00-123Z.bak`, 'utf-8')).toBe(audit);
      expect(readFileSync(`${t.file}.audit.jsonl`, 'utf-8')).toBe('');
      const reopened = await open(t.file);
      expect(reopened.history('contoso-east', 0).total).toBe(0);
      await reopened.close();
    } finally {
      t.cleanup();
    }
  });

  it('store:reset refuses while a store holds the file', async () => {
    const t = tempDir();
    try {
      const store = await open(t.file);
      const result = await resetStore({ file: t.file, seedFile: SEED, now: new Date() });
      expect(result).toEqual({ ok: false, error: expect.stringMatching(/^store: .*policy\.json is already open in this process/) });
      await store.close();
    } finally {
      t.cleanup();
    }
  });
});
