export { openStore } from './openStore';
export type { OpenStoreOptions, OpenStoreResult } from './openStore';
export type { Planner } from './planner';
export type { AuditEntry, CommitResult, HistoryPage, PolicyStore } from './types';
export { resetStore } from './resetStore';
export type { ResetResult } from './resetStore';
export { CURRENT_SCHEMA_VERSION, storeFileSchema, auditEntrySchema } from './fileSchema';
export type { StoreFile } from './fileSchema';
