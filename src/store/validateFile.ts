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

type Schema = z.ZodType;

/** A strict object schema without rules of its own: valid exactly when each of its fields is. */
function fieldsOf(schema: Schema): Array<[string, Schema]> | undefined {
  const def = schema._zod.def as { type: string; shape?: Record<string, Schema>; catchall?: Schema; checks?: unknown[] };
  if (def.type !== 'object' || def.catchall?._zod.def.type !== 'never' || (def.checks?.length ?? 0) > 0) return undefined;
  return Object.entries((schema as unknown as { shape: Record<string, Schema> }).shape);
}

/** The schema inside `.optional()`, for a value that is there. */
function present(schema: Schema, value: unknown): Schema {
  const def = schema._zod.def as { type: string; innerType?: Schema };
  return def.type === 'optional' && value !== undefined && def.innerType ? present(def.innerType, value) : schema;
}

const isObject = (v: unknown): v is object => typeof v === 'object' && v !== null;

/**
 * Validates what a change adds before it is written, re-checking only objects it has not seen
 * valid before. Objects are remembered per schema: a new organization whose settings keep the old
 * users list, or new settings that keep the old allowed list, check only the new parts (strict
 * object schemas field by field, anything else whole). Sound because the store deep-freezes every
 * model and audit entry it holds, so an object that validated once cannot have changed since. Its
 * answers equal `validateFull` on the whole next file (the tests compare both): when anything fails,
 * the whole organization is parsed again for zod's own message.
 * In `full` mode, or when policy/ puts rules on the model as a whole, it validates the whole file.
 */
export class WriteValidator {
  readonly #seen = new WeakMap<Schema, WeakSet<object>>();
  readonly #auditIds = new Set<string>();

  constructor(readonly mode: 'incremental' | 'full') {}

  /** Remember a file that validated in full (on load). */
  accept(file: StoreFile): void {
    for (const org of file.organizations) this.#mark(organizationSchema, org);
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
      for (const org of organizations) this.#mark(organizationSchema, org);
    } else {
      const orgIds = new Set<string>();
      const seenOrgs = this.#seenBy(organizationSchema);
      for (let i = 0; i < organizations.length; i++) {
        const org = organizations[i]!;
        if (!seenOrgs.has(org) && !this.#passes(organizationSchema, org)) {
          const parsed = organizationSchema.safeParse(org);
          if (!parsed.success) return { ok: false, problem: formatFirstIssue(parsed.error, ['organizations', i]) };
          this.#mark(organizationSchema, org);
        }
        if (orgIds.has(org.id)) return { ok: false, problem: `invalid data at organizations[${i}].id: duplicate id "${org.id}"` };
        orgIds.add(org.id);
      }
      const parsed = auditEntrySchema.safeParse(entry);
      if (!parsed.success) return { ok: false, problem: formatFirstIssue(parsed.error, ['audit', this.#auditIds.size]) };
      if (this.#auditIds.has(entry.id)) return { ok: false, problem: `invalid data at audit[${this.#auditIds.size}].id: duplicate id "${entry.id}"` };
    }
    this.#remember(entry);
    return { ok: true };
  }

  #seenBy(schema: Schema): WeakSet<object> {
    let seen = this.#seen.get(schema);
    if (!seen) this.#seen.set(schema, (seen = new WeakSet()));
    return seen;
  }

  /** True when `value` is valid for `schema`; false may also mean "parse it whole for the message". */
  #passes(schema: Schema, value: unknown): boolean {
    const s = present(schema, value);
    if (isObject(value) && this.#seenBy(s).has(value)) return true;
    const fields = isObject(value) && !Array.isArray(value) ? fieldsOf(s) : undefined;
    let ok: boolean;
    if (fields) {
      const known = new Set(fields.map(([key]) => key));
      ok = Object.keys(value as object).every((key) => known.has(key)) && fields.every(([key, field]) => this.#passes(field, (value as Record<string, unknown>)[key]));
    } else {
      ok = s.safeParse(value).success;
    }
    if (ok && isObject(value)) this.#seenBy(s).add(value);
    return ok;
  }

  /** Remembers a value known to be valid for `schema`, with the fields of its strict objects. */
  #mark(schema: Schema, value: unknown): void {
    const s = present(schema, value);
    if (!isObject(value) || this.#seenBy(s).has(value)) return;
    this.#seenBy(s).add(value);
    if (Array.isArray(value)) return;
    for (const [key, field] of fieldsOf(s) ?? []) this.#mark(field, (value as Record<string, unknown>)[key]);
  }

  /** Forget audit ids whose write failed (they are not in the file). */
  forget(entries: readonly AuditEntry[]): void {
    for (const entry of entries) this.#auditIds.delete(entry.id);
  }

  #remember(entry: AuditEntry): void {
    this.#auditIds.add(entry.id);
  }
}
