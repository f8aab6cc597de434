import { describeWithPostgres, testDatabaseUrl } from '../../support/pg-describe';
import { freshDatabase } from '../../support/postgres';
import { postgresFactory } from './factories';
import { storeContract } from './storeContract';

describeWithPostgres('PolicyStore contract: PostgreSQL', () => {
  let url = '';
  beforeAll(async () => {
    url = await freshDatabase(testDatabaseUrl());
  });
  storeContract(() => postgresFactory(() => url));
});
