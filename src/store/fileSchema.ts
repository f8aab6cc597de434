import { z } from 'zod';
import { changeSchema } from '../policy/change';
import { policyModelSchema } from '../policy/model';
import type { PolicyModel } from '../policy/model';
import { listDeltaSchema } from './listDelta';
import type { AuditEntry } from './types';

/** The file format this code writes. Older versions are migrated on load (see `migrations.ts`). */
export const CURRENT_SCHEMA_VERSION = 3;

export const auditEntrySchema = z.strictObject({
  id: z.string().min(1),
  time: z.iso.datetime({ offset: true }),
  actor: z.strictObject({
    address: z.string(),
    displayName: z.string().optional(),
    objectId: z.string().optional(),
  }),
  orgId: z.string(),
  request: z.string(),
  change: changeSchema,
  summary: z.string(),
  touched: z.array(z.string()),
  before: z.record(z.string(), z.unknown()),
  after: z.record(z.string(), z.unknown()),
  lists: z.record(z.string(), listDeltaSchema).optional(),
  elided: z.array(z.string()).optional(),
  undoes: z.string().optional(),
  inverse: changeSchema.optional(),
});

/** One organization, validated on its own by the incremental check. */
export const organizationSchema = policyModelSchema.shape.organizations.element;

/**
 * True when policy/ puts rules on the model or on the organizations list as a whole (refinements):
 * those cannot be checked one organization at a time, so every write then validates the whole file.
 */
export const modelHasOwnRules =
  (policyModelSchema._zod.def.checks?.length ?? 0) > 0 || (policyModelSchema.shape.organizations._zod.def.checks?.length ?? 0) > 0;

/**
 * One line of the audit log file (`<file>.audit.jsonl`): the entry and the store revision its change
 * produced. Entries newer than the state file's revision were never acknowledged (see `auditFile.ts`).
 */
export const auditLineSchema = z.strictObject({
  revision: z.number().int().positive(),
  entry: auditEntrySchema,
});

/**
 * The state file: the model's organizations and the revision they are at, behind a version number.
 * The audit log lives beside it, append-only (since v3), so a write never rewrites history.
 */
export const storeFileSchema = z
  .strictObject({
    schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
    revision: z.number().int().nonnegative(),
    organizations: policyModelSchema.shape.organizations,
  })
  .superRefine((file, ctx) => {
    // Rules on the model as a whole (none today; policy/ may add some) need the whole model.
    if (modelHasOwnRules) {
      const model = policyModelSchema.safeParse({ organizations: file.organizations });
      if (!model.success) for (const issue of model.error.issues) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
    }
    uniqueIds(file.organizations, ['organizations'], ctx);
  });

export function uniqueIds(items: readonly { id: string }[], at: PropertyKey[], ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (seen.has(item.id)) ctx.addIssue({ code: 'custom', path: [...at, i, 'id'], message: `duplicate id "${item.id}"` });
    seen.add(item.id);
  });
}

export interface StoreFile {
  schemaVersion: typeof CURRENT_SCHEMA_VERSION;
  /** Commits since the store was created; every audit line carries the revision it produced. */
  revision: number;
  organizations: PolicyModel['organizations'];
}

export interface AuditLine {
  revision: number;
  entry: AuditEntry;
}
