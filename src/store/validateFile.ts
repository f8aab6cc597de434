import type { z } from 'zod';
import type { AuditEntry } from './types';
import { auditEntrySchema, modelHasOwnRules, organizationSchema, storeFileSchema } from './fileSchema';
import type { StoreFile } from './fileSchema';
import { formatFirstIssue } from './formatIssue';

export type Validation = { ok: true } | { ok: false; problem: string };

/** Validates a whole file (every load, and every write when incremental checks are off). */
export function validateFull(file: unknown): { ok: true; file: StoreFile } | { ok: false; problem: string } {
  const parsed = storeFileSchema.safeParse(file);
  return parsed.success ? { ok: true, file: parsed.data as StoreFile } : { ok: false, problem: formatFirstIssue(parsed.error) };
}

const orgFields = Object.entries(organizationSchema.shape) as Array<[string, z.ZodType]>;
const orgFieldNames = new Set(orgFields.map(([key]) => key));
/** Rules on an organization as a whole (none today) need the whole organization checked. */
const orgHasOwnRules = (organizationSchema._zod.def.checks?.length ?? 0) > 0;

/**
 * Validates what a change adds before it is written, re-checking only objects it has not seen
 * valid before: the organizations the change replaced and its audit entry. Within a replaced
 * organization, a field whose value is the very object that already passed as that field (a change
 * to the settings keeps the users list, say) is not checked again. Sound because the store
 * deep-freezes every model and audit entry it holds, so an object that validated once cannot have
 * changed since. Its answers equal `validateFull` on the whole next file (the tests compare both):
 * when anything fails, the whole organization is parsed again for zod's own message.
 * In `full` mode, or when policy/ puts rules on the model as a whole, it validates the whole file.
 */
export class WriteValidator {
  readonly #orgs = new WeakSet<object>();
  /** Per organization field, the object values that passed as that field. */
  readonly #fields = new Map(orgFields.map(([key]) => [key, new WeakSet<object>()]));
  readonly #auditIds = new Set<string>();

  constructor(readonly mode: 'incremental' | 'full') {}

  /** Remember a file that validated in full (on load). */
  accept(file: StoreFile): void {
    for (const org of file.organizations) this.#acceptOrg(org);
    for (const entry of file.audit) this.#remember(entry);
  }

  /**
   * Checks the next organizations plus one new audit entry; `wholeFile` builds the full next file
   * when a full check is needed. What passes is remembered as valid.
   */
  check(organizations: StoreFile['organizations'], entry: AuditEntry, wholeFile: () => StoreFile): Validation {
    if (this.mode === 'full' || modelHasOwnRules) {
      const full = validateFull(wholeFile());
      if (!full.ok) return full;
    } else {
      const orgIds = new Set<string>();
      for (let i = 0; i < organizations.length; i++) {
        const org = organizations[i]!;
        if (!this.#orgs.has(org) && !this.#fieldsValid(org)) {
          const parsed = organizationSchema.safeParse(org);
          if (!parsed.success) return { ok: false, problem: formatFirstIssue(parsed.error, ['organizations', i]) };
        }
        if (orgIds.has(org.id)) return { ok: false, problem: `invalid data at organizations[${i}].id: duplicate id "${org.id}"` };
        orgIds.add(org.id);
      }
      const parsed = auditEntrySchema.safeParse(entry);
      if (!parsed.success) return { ok: false, problem: formatFirstIssue(parsed.error, ['audit', this.#auditIds.size]) };
      if (this.#auditIds.has(entry.id)) return { ok: false, problem: `invalid data at audit[${this.#auditIds.size}].id: duplicate id "${entry.id}"` };
    }
    for (const org of organizations) this.#acceptOrg(org);
    this.#remember(entry);
    return { ok: true };
  }

  /** True when every field of `org` is known and valid; false means "parse it whole" (maybe valid). */
  #fieldsValid(org: object): boolean {
    if (orgHasOwnRules) return false;
    for (const key of Object.keys(org)) if (!orgFieldNames.has(key)) return false;
    for (const [key, schema] of orgFields) {
      const value = (org as Record<string, unknown>)[key];
      if (typeof value === 'object' && value !== null && this.#fields.get(key)?.has(value)) continue;
      if (!schema.safeParse(value).success) return false;
    }
    return true;
  }

  #acceptOrg(org: object): void {
    if (this.#orgs.has(org)) return;
    this.#orgs.add(org);
    for (const [key, value] of Object.entries(org)) if (typeof value === 'object' && value !== null) this.#fields.get(key)?.add(value);
  }

  /** Forget audit ids whose write failed (they are not in the file). */
  forget(entries: readonly AuditEntry[]): void {
    for (const entry of entries) this.#auditIds.delete(entry.id);
  }

  #remember(entry: AuditEntry): void {
    this.#auditIds.add(entry.id);
  }
}
