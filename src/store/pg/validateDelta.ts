import type { Organization } from '../../policy/model';
import { auditEntrySchema, organizationSchema } from '../fileSchema';
import type { AuditLine } from '../fileSchema';
import { formatFirstIssue } from '../formatIssue';
import type { AuditEntry } from '../types';
import type { Delta } from './rows';

export type DeltaValidation = { ok: true; organizations: Organization[]; lines: AuditLine[] } | { ok: false; problem: string };

/**
 * What another process wrote is checked like a file on load before the snapshot takes it: each
 * changed organization and each new audit entry against the store's own schemas. The raw values are
 * kept (zod's output would be copies), so a store holds what the database holds.
 */
export function validateDelta(delta: Delta): DeltaValidation {
  for (const row of delta.organizations) {
    const parsed = organizationSchema.safeParse(row.data);
    if (!parsed.success) return { ok: false, problem: `invalid data in organization ${row.id}: ${formatFirstIssue(parsed.error)}` };
    if ((row.data as Organization).id !== row.id) return { ok: false, problem: `invalid data in organization ${row.id}: its data has id ${(row.data as Organization).id}` };
  }
  for (const line of delta.lines) {
    const parsed = auditEntrySchema.safeParse(line.entry);
    if (!parsed.success) return { ok: false, problem: `invalid data in the audit row at revision ${line.revision}: ${formatFirstIssue(parsed.error)}` };
  }
  return {
    ok: true,
    organizations: delta.organizations.map((row) => row.data as Organization),
    lines: delta.lines.map((line) => ({ revision: line.revision, entry: line.entry as AuditEntry })),
  };
}
