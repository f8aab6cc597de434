import { main } from '../../src/cli/store-migrate-cli';
import { describeWithPostgres, testDatabaseUrl } from '../support/pg-describe';
import { freshDatabase } from '../support/postgres';
import { block, open, tempDir } from '../store/fixtures';
import { openPg, sql } from '../store/pg/pgFixtures';

const run = async (argv: string[]) => {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, (l) => out.push(l), (l) => err.push(l));
  return { code, out: out.join('\n'), err: err.join('\n') };
};

describeWithPostgres('npm run store:migrate', () => {
  let t: ReturnType<typeof tempDir>;
  beforeEach(() => (t = tempDir()));
  afterEach(() => t.cleanup());

  it('copies a lowdb store (state and audit log) into an empty database, then refuses to copy again', async () => {
    const file = await open(t.file);
    for (const d of ['a.example', 'b.example']) await file.commit(block(d));
    await file.commit(block('w.example', 'contoso-west'));
    await file.undo({ orgId: 'contoso-east', actor: block('x').actor, request: 'undo', now: block('x').now });
    const model = file.read();
    const history = file.history('contoso-east', 0);
    await file.close();

    const url = await freshDatabase(testDatabaseUrl());
    const copied = await run(['--to', url, '--from', t.file]);
    expect(copied).toMatchObject({ code: 0, err: '' });
    expect(copied.out).toMatch(new RegExp(`: ${model.organizations.length} organizations, 4 audit entries, at revision 4\\.`));

    const store = await openPg(url);
    try {
      expect(store.read()).toEqual(model);
      expect(store.revision()).toBe(4);
      expect(store.history('contoso-east', 0)).toEqual(history);
      // Undo goes on where the file left off: the undo of "block b" cannot be undone twice, but the undo can.
      expect((await store.undo({ orgId: 'contoso-east', actor: block('x').actor, request: 'undo', now: block('x').now })).ok).toBe(true);
    } finally {
      await store.close();
    }
    const before = await sql(url, 'SELECT revision FROM meta');
    const again = await run(['--to', url, '--from', t.file]);
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/^store: postgres .*: the database already holds a store \(\d+ organizations, 5 audit entries\); store:migrate fills only an empty database\. Nothing was changed\.$/);
    expect(await sql(url, 'SELECT revision FROM meta')).toEqual(before);
  });

  it.each([
    ['no --to', [], 2, /^usage: /],
    ['a --to that is not PostgreSQL', ['--to', 'mysql://x/y'], 2, /^usage: /],
    ['a missing file', ['--from', '/nonexistent/policy.json'], 1, /^store: \/nonexistent\/policy\.json: no such file$/],
  ])('refuses %s and changes nothing', async (_name, argv, code, message) => {
    const url = await freshDatabase(testDatabaseUrl());
    const withTo = argv.includes('--to') || code === 2 ? argv : ['--to', url, ...argv];
    const result = await run(withTo);
    expect(result.code).toBe(code);
    expect(result.err).toMatch(message);
    expect(await sql(url, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")).toEqual([]);
  });
});
