import type { z } from 'zod';

/** True only where the schema surely accepts the value; false means "not proven" (ask zod). */
export type Proof = (value: unknown) => boolean;

const proofs = new WeakMap<z.ZodType, Proof>();
const never: Proof = () => false;

/**
 * A check of `value` against `schema` without zod's parse (which copies the value, builds a result
 * and, across 50 changes in one batch, gives the garbage collector work): read from the schema's
 * definition once, cached per schema. It knows strict objects, discriminated unions, arrays, plain
 * strings and booleans, ISO date-times, literals, string enums, optional and nullable, and the
 * length rules on strings and arrays; anything else (records, numbers, other formats, refinements,
 * transforms, defaults) is never proven (an optional one only when absent), so the caller falls back to zod, which decides. One-sided on purpose, as
 * `provablyValidEntry`: a rule whose effect is not certain here counts as failed.
 */
export function proofOf(schema: z.ZodType): Proof {
  let proof = proofs.get(schema);
  if (proof === undefined) {
    // Set first: a schema that refers to itself (z.lazy) is not followed, so cycles cannot recurse.
    proofs.set(schema, never);
    proof = compile(schema);
    proofs.set(schema, proof);
  }
  return proof;
}

interface Def {
  type: string;
  checks?: Array<{ _zod: { def: Record<string, unknown> } }>;
  [key: string]: unknown;
}

function compile(schema: z.ZodType): Proof {
  const def = schema._zod.def as unknown as Def;
  switch (def.type) {
    case 'string':
      if (onlyKeys(def, ['type', 'checks'])) return withLengths(def, (v) => typeof v === 'string', true);
      return isoDateTime(def);
    case 'boolean':
      return onlyKeys(def, ['type', 'checks']) && noChecks(def) ? (v) => typeof v === 'boolean' : never;
    case 'literal': {
      const values = def['values'] as unknown[];
      return onlyKeys(def, ['type', 'values', 'checks']) && noChecks(def) ? (v) => values.includes(v) : never;
    }
    case 'enum': {
      const values = Object.values(def['entries'] as Record<string, unknown>);
      // String values only: zod drops the reverse mappings of numeric (TypeScript) enums.
      if (!onlyKeys(def, ['type', 'entries', 'checks']) || !noChecks(def) || !values.every((v) => typeof v === 'string')) return never;
      const set = new Set<unknown>(values);
      return (v) => set.has(v);
    }
    case 'optional': {
      // Absent is valid whatever the inner schema, unless that substitutes a default (then zod parses it).
      if (!wrapperOnly(def)) return never;
      const innerType = def['innerType'] as z.ZodType;
      const absent = innerType._zod.optin !== 'defaulted';
      const inner = proofOf(innerType);
      return (v) => (v === undefined ? absent : inner(v));
    }
    case 'nullable': {
      if (!wrapperOnly(def)) return never;
      const inner = proofOf(def['innerType'] as z.ZodType);
      return (v) => v === null || inner(v);
    }
    case 'array': {
      const element = def['element'] as z.ZodType;
      if (!onlyKeys(def, ['type', 'element', 'checks'])) return never;
      const each = proofOf(element);
      return withLengths(def, (v) => {
        if (!Array.isArray(v)) return false;
        for (let i = 0; i < v.length; i++) if (!each(v[i])) return false;
        return true;
      }, false);
    }
    case 'object':
      return strictObject(def);
    case 'union':
      return discriminatedUnion(def);
    default:
      return never;
  }
}

/**
 * `z.iso.datetime()`: zod's only rule for it is its pattern (other formats, such as URLs, check more
 * than a pattern, and are not proven).
 */
function isoDateTime(def: Def): Proof {
  const pattern = def['pattern'];
  if (def['format'] !== 'datetime' || def['check'] !== 'string_format' || !(pattern instanceof RegExp)) return never;
  if (!onlyKeys(def, ['type', 'format', 'check', 'offset', 'local', 'precision', 'pattern', 'checks'])) return never;
  return withLengths(def, (v) => {
    if (typeof v !== 'string') return false;
    pattern.lastIndex = 0;
    return pattern.test(v);
  }, true);
}

/** optional/nullable as zod makes them: the inner schema and nothing else. */
const wrapperOnly = (def: Def): boolean => onlyKeys(def, ['type', 'innerType', 'checks']) && noChecks(def);

/** `z.strictObject` without rules: no key outside the shape, every field proven (a missing one as undefined). */
function strictObject(def: Def): Proof {
  const catchall = def['catchall'] as z.ZodType | undefined;
  if (!onlyKeys(def, ['type', 'shape', 'catchall', 'checks']) || !noChecks(def) || catchall?._zod.def.type !== 'never') return never;
  const fields = Object.entries(def['shape'] as Record<string, z.ZodType>).map(([key, field]) => [key, proofOf(field)] as const);
  const keys = new Set(fields.map(([key]) => key));
  return (v) => {
    if (!isPlainRecord(v)) return false;
    for (const key in v) if (!keys.has(key)) return false;
    for (const [key, proof] of fields) if (!proof(v[key])) return false;
    return true;
  };
}

/**
 * `z.discriminatedUnion`: zod parses with the one option whose literal the discriminator names (and
 * fails when none does), so that option's proof decides.
 */
function discriminatedUnion(def: Def): Proof {
  const key = def['discriminator'];
  if (typeof key !== 'string' || !onlyKeys(def, ['type', 'options', 'discriminator', 'inclusive', 'unionFallback', 'checks']) || !noChecks(def)) return never;
  const byValue = new Map<unknown, Proof>();
  for (const option of def['options'] as z.ZodType[]) {
    const tag = (option._zod.def as unknown as Def)['shape'] as Record<string, z.ZodType> | undefined;
    const literal = tag?.[key]?._zod.def as unknown as Def | undefined;
    if (literal?.type !== 'literal') return never;
    for (const value of literal['values'] as unknown[]) byValue.set(value, proofOf(option));
  }
  return (v) => {
    if (!isPlainRecord(v)) return false;
    const proof = byValue.get(v[key]);
    return proof !== undefined && proof(v);
  };
}

/**
 * Adds the length rules zod puts on strings and arrays (`min`, `max`, `length`), each only where its
 * outcome is certain: zod counts a string's code points, of which a string has between half its
 * UTF-16 length and its length, so a string is proven against the UTF-16 length where both counts
 * agree on the outcome. Any other rule is not proven.
 */
function withLengths(def: Def, base: Proof, isString: boolean): Proof {
  const rules: Array<(length: number) => boolean> = [];
  for (const check of def.checks ?? []) {
    const c = check._zod.def;
    if (!Object.keys(c).every((k) => ['check', 'maximum', 'minimum', 'length', 'when', 'abort', 'error'].includes(k))) return never;
    if (c['check'] === 'max_length' && typeof c['maximum'] === 'number') {
      const max = c['maximum'];
      rules.push((n) => n <= max);
    } else if (c['check'] === 'min_length' && typeof c['minimum'] === 'number') {
      const min = c['minimum'];
      rules.push(isString ? (n) => n >= 2 * min || (min <= 1 && n >= min) : (n) => n >= min);
    } else if (c['check'] === 'length_equals' && typeof c['length'] === 'number' && !isString) {
      const exact = c['length'];
      rules.push((n) => n === exact);
    } else {
      return never;
    }
  }
  if (rules.length === 0) return base;
  return (v) => {
    if (!base(v)) return false;
    const n = (v as string | unknown[]).length;
    for (const rule of rules) if (!rule(n)) return false;
    return true;
  };
}

function onlyKeys(def: Def, allowed: string[]): boolean {
  for (const key of Object.keys(def)) if (!allowed.includes(key)) return false;
  return true;
}

const noChecks = (def: Def): boolean => (def.checks?.length ?? 0) === 0;

/**
 * An object zod takes as an object: made by `{}` (prototype Object.prototype, no own `constructor`),
 * no symbol keys. Stricter than zod, which is fine one-sided.
 */
export function isPlainRecord(v: unknown): v is Record<string, unknown> {
  return (
    typeof v === 'object' &&
    v !== null &&
    Object.getPrototypeOf(v) === Object.prototype &&
    !Object.hasOwn(v, 'constructor') &&
    Object.getOwnPropertySymbols(v).length === 0
  );
}
