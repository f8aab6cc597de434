export { connectPostgres, describeTarget } from './connect';
export { openPostgresStore } from './openPostgresStore';
export type { OpenPostgresStoreOptions, OpenPostgresStoreResult } from './openPostgresStore';
export { PostgresPolicyStore } from './postgresStore';
export { LATEST_SCHEMA_VERSION } from './schema';
export { copyFileToPostgres } from './copyFileToPostgres';
export type { CopyResult } from './copyFileToPostgres';
export { PgConfirmationStore } from './confirmations';
