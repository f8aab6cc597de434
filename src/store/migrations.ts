/**
 * How to bring an older file up to `CURRENT_SCHEMA_VERSION`: `table[n]` turns a version-n file into
 * a version n+1 file. Migrations work on raw JSON (the old shape has no schema here any more); the
 * result is validated against the current schema like any other load.
 *
 * To introduce v4: bump `CURRENT_SCHEMA_VERSION`, change `fileSchema.ts`, and add `3: (v3) => v4`.
 *
 * Up to v2 the audit log was inside the file; the v2 → v3 step leaves it under `audit` for the loader,
 * which moves it to the append-only audit file (`loadStoreFile.ts`).
 */
export type Migration = (file: Record<string, unknown>) => Record<string, unknown>;

export const migrations: Readonly<Record<number, Migration>> = {
  /** v0: a bare model dump `{ organizations }` (no version, no audit log). */
  0: (file) => ({ ...file, schemaVersion: 1, audit: [] }),
  /** v1 → v2: audit entries may keep long lists as deltas (`lists`); v1 entries, with whole lists, stay valid. */
  1: (file) => ({ ...file, schemaVersion: 2 }),
  /**
   * v2 → v3: the audit log moves out to `<file>.audit.jsonl` and the file records its revision; the
   * old entries become revisions 1…n, so the state is at revision n.
   */
  2: (file) => {
    const audit = Array.isArray(file['audit']) ? (file['audit'] as unknown[]) : [];
    return { ...file, schemaVersion: 3, revision: audit.length, audit };
  },
};

export type MigrateResult =
  | { ok: true; file: Record<string, unknown>; from: number; migrated: boolean }
  | { ok: false; problem: string };

export function migrate(raw: unknown, current: number, table: Readonly<Record<number, Migration>> = migrations): MigrateResult {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ok: false, problem: 'invalid data: expected a JSON object' };
  const version = (raw as Record<string, unknown>)['schemaVersion'] ?? 0;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    return { ok: false, problem: `invalid data at schemaVersion: expected a whole number, found ${JSON.stringify(version)}` };
  }
  if (version > current) {
    return { ok: false, problem: `schemaVersion ${version} is newer than this bot understands (${current}); upgrade the bot` };
  }
  let file = raw as Record<string, unknown>;
  for (let v = version; v < current; v++) {
    const step = table[v];
    if (step === undefined) return { ok: false, problem: `no migration from schemaVersion ${v} to ${v + 1}` };
    file = step(file);
  }
  return { ok: true, file, from: version, migrated: version !== current };
}
