import { existsSync, readFileSync } from 'node:fs';
import { auditPath } from '../../src/store/auditFile';
import type { AuditLine, StoreFile } from '../../src/store/fileSchema';
import type { AuditEntry } from '../../src/store/types';

/** The state file plus the audit entries of every audit file beside it (oldest first), as on disk. */
export function readStore(file: string): StoreFile & { audit: AuditEntry[] } {
  const state = JSON.parse(readFileSync(file, 'utf-8')) as StoreFile;
  return { ...state, audit: readAuditLines(file).map((line) => line.entry) };
}

/** The lines of `<file>.audit.N.jsonl` … `<file>.audit.jsonl`, oldest first. */
export function readAuditLines(file: string): AuditLine[] {
  const paths = [...Array.from({ length: 9 }, (_, i) => auditPath(file, 9 - i)), auditPath(file)].filter((p) => existsSync(p));
  // The piece after the last newline is empty, or an append cut short by a kill: not a line.
  return paths.flatMap((p) =>
    readFileSync(p, 'utf-8')
      .split('\n')
      .slice(0, -1)
      .map((l) => JSON.parse(l) as AuditLine),
  );
}
