/** `describe` when a PostgreSQL server is there for the tests (see pg-global-setup.ts), else `describe.skip`. */
export const describeWithPostgres: jest.Describe = process.env.TEST_DATABASE_URL ? describe : describe.skip;

/** The test server's URL; only call inside `describeWithPostgres`. */
export function testDatabaseUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set');
  return url;
}
