import { Client } from 'pg';
import { describeWithPostgres, testDatabaseUrl } from '../../support/pg-describe';
import { freshDatabase } from '../../support/postgres';

describeWithPostgres('the test PostgreSQL server', () => {
  it('gives each test file its own empty database', async () => {
    const a = await freshDatabase(testDatabaseUrl());
    const b = await freshDatabase(testDatabaseUrl());
    expect(a).not.toBe(b);
    const client = new Client({ connectionString: a });
    await client.connect();
    const { rows } = await client.query<{ n: string }>("SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = 'public'");
    await client.end();
    expect(rows[0]?.n).toBe('0');
  });
});
