import { randomUUID } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { DEFAULT_RETENTION } from './auditFile';
import type { AuditRetention } from './auditFile';
import { loadStoreFile } from './loadStoreFile';
import { acquireLock } from './lockFile';
import { LowdbPolicyStore } from './lowdbStore';
import { tempFileOf } from './storeFileAdapter';
import type { Planner } from './planner';
import type { PolicyStore } from './types';

export interface OpenStoreOptions {
  /** The live store file (`POLICY_DB`); created from `seedFile` when missing. */
  file: string;
  /** The demo store shipped in `data/demo-policy.json`. */
  seedFile: string;
  /** The policy engine's `plan`. */
  plan: Planner;
  /** Audit entry ids; random UUIDs unless given (tests). */
  newId?: () => string;
  /**
   * How writes are validated: `incremental` (default) re-checks only the organizations and audit
   * entries that changed since the last validated write; `full` re-checks the whole file.
   */
  validation?: 'incremental' | 'full';
  /**
   * How much history the append-only audit log (`<file>.audit.jsonl`) keeps: rotated at
   * `maxFileBytes` (10 MB), at most `maxFiles` files (5, at least 2); the oldest file is deleted.
   */
  auditRetention?: Partial<AuditRetention>;
  /**
   * Whether a change is on the disk before it is acknowledged (default): the audit lines and the new
   * state are flushed (fdatasync) and the rename with the folder (fsync), once per batch of changes.
   * `false` only where losing acknowledged changes to a power loss does not matter (tests).
   */
  durable?: boolean;
}

export type OpenStoreResult = { ok: true; store: PolicyStore } | { ok: false; error: string };

/**
 * Opens (or creates from the seed) the store file as its only writer. Expected failures (lock held by
 * another process, invalid JSON, schema violation, newer schema version) come back as `{ ok: false,
 * error }`, one line starting with "store:" and naming the file; a bad file is left untouched.
 */
export async function openStore(options: OpenStoreOptions): Promise<OpenStoreResult> {
  const file = resolve(options.file);
  const folder = await mkdir(dirname(file), { recursive: true }).then(
    () => undefined,
    (err: Error) => ({ ok: false as const, error: `store: ${file}: cannot create its folder: ${err.message}` }),
  );
  if (folder) return folder;
  const now = new Date();
  const locked = await acquireLock(file, now);
  if (!locked.ok) return locked;
  // Only now (we are the one writer) is a leftover temp file surely stale: `.<name>.tmp`, as steno names it.
  await rm(tempFileOf(file), { force: true });
  const retention = {
    maxFileBytes: Math.max(1, options.auditRetention?.maxFileBytes ?? DEFAULT_RETENTION.maxFileBytes),
    maxFiles: Math.max(2, Math.floor(options.auditRetention?.maxFiles ?? DEFAULT_RETENTION.maxFiles)),
  };
  const loaded = await loadStoreFile(file, resolve(options.seedFile), now, retention, options.durable ?? true);
  if (!loaded.ok) {
    await locked.lock.release();
    return loaded;
  }
  const store = new LowdbPolicyStore({
    file,
    data: loaded.db.data,
    state: loaded.state,
    audit: loaded.audit,
    auditLines: loaded.lines,
    lock: locked.lock,
    plan: options.plan,
    newId: options.newId ?? randomUUID,
    validation: options.validation ?? 'incremental',
  });
  return { ok: true, store };
}
