import { isIdentity } from '../policy/identity';
import { appendedOrigin } from '../policy/list-middle';
import { z } from 'zod';
import type { AuditEntry } from './types';
import { provablyValidEntry } from './auditEntryCheck';
import { auditEntrySchema, modelHasOwnRules, organizationSchema, storeFileSchema, uniqueIds } from './fileSchema';
import type { StoreFile } from './fileSchema';
import { formatFirstIssue } from './formatIssue';
import { proofOf } from './zodProof';

export type Validation = { ok: true } | { ok: false; problem: string };

/** Validates a whole state file (every load, and every write when incremental checks are off). */
export function validateFull(file: unknown): { ok: true; file: StoreFile } | { ok: false; problem: string } {
  const parsed = storeFileSchema.safeParse(file);
  return parsed.success ? { ok: true, file: parsed.data as StoreFile } : { ok: false, problem: formatFirstIssue(parsed.error) };
}

const auditListSchema = z.array(auditEntrySchema).superRefine((audit, ctx) => uniqueIds(audit, [], ctx));

/** Validates a whole audit log given as a list (the one inside a file from before v3), with unique ids. */
export function validateAuditList(audit: unknown): { ok: true; audit: AuditEntry[] } | { ok: false; problem: string } {
  const parsed = auditListSchema.safeParse(audit);
  return parsed.success ? { ok: true, audit: parsed.data as AuditEntry[] } : { ok: false, problem: formatFirstIssue(parsed.error, ['audit']) };
}

type Schema = z.ZodType;

interface Fields {
  list: Array<[string, Schema]>;
  keys: Set<string>;
}
const fieldsCache = new WeakMap<Schema, Fields | null>();

/** A strict object schema without rules of its own: valid exactly when each of its fields is. Cached per schema. */
function fieldsOf(schema: Schema): Fields | undefined {
  let fields = fieldsCache.get(schema);
  if (fields === undefined) {
    const def = schema._zod.def as { type: string; shape?: Record<string, Schema>; catchall?: Schema; checks?: unknown[] };
    const strict = def.type === 'object' && def.catchall?._zod.def.type === 'never' && (def.checks?.length ?? 0) === 0;
    const list = strict ? Object.entries((schema as unknown as { shape: Record<string, Schema> }).shape) : undefined;
    fields = list ? { list, keys: new Set(list.map(([key]) => key)) } : null;
    fieldsCache.set(schema, fields);
  }
  return fields ?? undefined;
}

const plainStringLists = new WeakMap<Schema, boolean>();

/**
 * `z.array(z.string())` without rules on either: valid exactly when every element is a string. A
 * domain list of 4,000 is checked with one loop instead of zod's per-element machinery.
 */
function isPlainStringList(schema: Schema): boolean {
  let plain = plainStringLists.get(schema);
  if (plain === undefined) {
    const def = schema._zod.def as { type: string; element?: Schema; checks?: unknown[] };
    plain = def.type === 'array' && (def.checks?.length ?? 0) === 0 && def.element !== undefined && isPlainString(def.element);
    plainStringLists.set(schema, plain);
  }
  return plain;
}

const plainStrings = new WeakMap<Schema, boolean>();

/**
 * `z.string()` without rules: valid exactly when the value is a string (most fields of an audit
 * entry). Only a definition with nothing but its type (and no checks) counts: formats such as
 * `z.iso.datetime()` or `z.email()` are strings without checks too, but carry a `format`.
 */
function isPlainString(schema: Schema): boolean {
  let plain = plainStrings.get(schema);
  if (plain === undefined) {
    const def = schema._zod.def as { type: string; checks?: unknown[] } & Record<string, unknown>;
    plain = def.type === 'string' && Object.keys(def).every((key) => key === 'type' || (key === 'checks' && (def.checks?.length ?? 0) === 0));
    plainStrings.set(schema, plain);
  }
  return plain;
}

/**
 * Every element a string. A counted loop: `every` with a callback is several times slower on a
 * frozen array, and every list the store holds is frozen.
 */
function allStrings(list: readonly unknown[], from = 0): boolean {
  for (let i = from; i < list.length; i++) if (typeof list[i] !== 'string') return false;
  return true;
}

/** No key outside a strict object's fields (counted loops: these run on every changed object of every commit). */
function onlyKnownKeys(value: object, fields: Fields): boolean {
  const keys = Object.keys(value);
  for (let i = 0; i < keys.length; i++) if (!fields.keys.has(keys[i]!)) return false;
  return true;
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
  /** The last organizations list that passed whole (unique ids, every organization valid). */
  #lastOrganizations: StoreFile['organizations'] | undefined;

  constructor(readonly mode: 'incremental' | 'full') {}

  /** Remember a state file and audit entries that validated in full (on load). */
  accept(file: StoreFile, audit: readonly AuditEntry[]): void {
    for (const org of file.organizations) this.#mark(organizationSchema, org);
    this.#lastOrganizations = file.organizations;
    for (const entry of audit) this.#remember(entry);
  }

  /**
   * Checks the next organizations plus one new audit entry; `wholeFile` builds the full next state
   * file when a full check is needed. What passes is remembered as valid.
   */
  check(organizations: StoreFile['organizations'], entry: AuditEntry, wholeFile: () => StoreFile): Validation {
    if (this.mode === 'full' || modelHasOwnRules) {
      const full = validateFull(wholeFile());
      if (!full.ok) return full;
      for (const org of organizations) this.#mark(organizationSchema, org);
    } else {
      const problem = this.#checkOrganizations(organizations);
      if (problem !== undefined) return problem;
    }
    const entryProblem = this.#checkEntry(entry);
    if (entryProblem !== undefined) return entryProblem;
    this.#remember(entry);
    return { ok: true };
  }

  /**
   * Every organization valid, ids unique. Compared with the last list that passed, by position: an
   * organization object found there passed already (and is frozen), and when every new one keeps the
   * id of the one it replaces the ids stay unique; so a change costs what it changed, not the size of
   * the store (10,000 organizations).
   */
  #checkOrganizations(organizations: StoreFile['organizations']): Validation | undefined {
    const last = this.#lastOrganizations;
    const sameShape = last !== undefined && last.length === organizations.length;
    let idsKept = sameShape;
    const seenOrgs = this.#seenBy(organizationSchema);
    for (let i = 0; i < organizations.length; i++) {
      const org = organizations[i]!;
      const before = sameShape ? last[i] : undefined;
      if (org === before) continue;
      if (!seenOrgs.has(org) && !this.#passesBeside(organizationSchema, org, before)) {
        const parsed = organizationSchema.safeParse(org);
        if (!parsed.success) return { ok: false, problem: formatFirstIssue(parsed.error, ['organizations', i]) };
        this.#mark(organizationSchema, org);
      }
      if (idsKept && org.id !== last![i]!.id) idsKept = false;
    }
    if (!idsKept) {
      const orgIds = new Set<string>();
      for (let i = 0; i < organizations.length; i++) {
        const id = organizations[i]!.id;
        if (orgIds.has(id)) return { ok: false, problem: `invalid data at organizations[${i}].id: duplicate id "${id}"` };
        orgIds.add(id);
      }
    }
    this.#lastOrganizations = organizations;
    return undefined;
  }

  /** The entry as zod would judge it: proven valid directly (`auditEntryCheck.ts`), else parsed by zod. */
  #checkEntry(entry: AuditEntry): Validation | undefined {
    const parsed = provablyValidEntry(entry) ? undefined : auditEntrySchema.safeParse(entry);
    if (parsed !== undefined && !parsed.success) return { ok: false, problem: formatFirstIssue(parsed.error, ['audit', this.#auditIds.size]) };
    if (this.#auditIds.has(entry.id)) return { ok: false, problem: `invalid data at audit[${this.#auditIds.size}].id: duplicate id "${entry.id}"` };
    return undefined;
  }

  #seenBy(schema: Schema): WeakSet<object> {
    let seen = this.#seen.get(schema);
    if (!seen) this.#seen.set(schema, (seen = new WeakSet()));
    return seen;
  }

  /**
   * True when `value` is valid for `schema`; false may also mean "parse it whole for the message".
   * `before`: the value it replaces, which passed (a list appended to it checks only what was appended).
   */
  #passes(schema: Schema, value: unknown, before?: unknown): boolean {
    const s = present(schema, value);
    if (typeof value === 'string' && isPlainString(s)) return true;
    if (isObject(value) && this.#seenBy(s).has(value)) return true;
    const fields = isObject(value) && !Array.isArray(value) ? fieldsOf(s) : undefined;
    let ok: boolean;
    if (fields) {
      const v = value as Record<string, unknown>;
      ok = onlyKnownKeys(v, fields);
      for (let i = 0; ok && i < fields.list.length; i++) ok = this.#passes(fields.list[i]![1], v[fields.list[i]![0]]);
    } else if (Array.isArray(value) && isPlainStringList(s)) {
      // A list the planner appended to the one that passed before it (frozen both): only what was appended is new.
      const from = appendedOrigin(value);
      const grew = from !== undefined && Array.isArray(before) && isIdentity(before, from.token) && this.#seenBy(s).has(before);
      ok = grew ? allStrings(value, from.length) : allStrings(value);
    } else {
      // An enum (a domain mode, say) or a length rule, proven from the schema; else zod decides.
      ok = proofOf(s)(value) || s.safeParse(value).success;
    }
    if (ok && isObject(value)) this.#seenBy(s).add(value);
    return ok;
  }

  /**
   * `#passes`, for a new version of an object that passed (`before`, the same organization before the
   * change): a field holding the very value it held there passed with it, so only changed fields are
   * checked (a new organization that changed one setting checks that setting, not its 13 siblings).
   */
  #passesBeside(schema: Schema, value: unknown, before: unknown): boolean {
    const s = present(schema, value);
    const fields = isObject(value) && !Array.isArray(value) && isObject(before) && !Array.isArray(before) ? fieldsOf(s) : undefined;
    if (!fields) return this.#passes(schema, value, before);
    const v = value as Record<string, unknown>;
    const b = before as Record<string, unknown>;
    let ok = onlyKnownKeys(v, fields);
    for (let i = 0; ok && i < fields.list.length; i++) {
      const [key, field] = fields.list[i]!;
      ok = (Object.hasOwn(v, key) && Object.hasOwn(b, key) && v[key] === b[key]) || this.#passesBeside(field, v[key], b[key]);
    }
    if (ok) this.#seenBy(s).add(v);
    return ok;
  }

  /** Remembers a value known to be valid for `schema`, with the fields of its strict objects. */
  #mark(schema: Schema, value: unknown): void {
    const s = present(schema, value);
    if (!isObject(value) || this.#seenBy(s).has(value)) return;
    this.#seenBy(s).add(value);
    if (Array.isArray(value)) return;
    for (const [key, field] of fieldsOf(s)?.list ?? []) this.#mark(field, (value as Record<string, unknown>)[key]);
  }

  /** Forget audit ids whose write failed or whose file was rotated out (they are not in the log). */
  forget(entries: readonly AuditEntry[]): void {
    for (const entry of entries) this.#auditIds.delete(entry.id);
  }

  #remember(entry: AuditEntry): void {
    this.#auditIds.add(entry.id);
  }
}
