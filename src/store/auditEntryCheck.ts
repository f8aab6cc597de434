import { changeSchema } from '../policy/change';
import type { z } from 'zod';
import { auditEntrySchema } from './fileSchema';
import { isPlainRecord, proofOf } from './zodProof';

/**
 * A quick proof that an audit entry is valid for `auditEntrySchema`, for the entry every commit
 * checks before it is written: zod's parse of a whole entry (copying it as it goes) cost more than
 * the rest of a commit, 50 commits at once paying it 50 times. The change, an inverse and the time
 * are proven from their schemas (`zodProof.ts`; zod parses them only where that proof does not
 * reach, a restore's records say); the rest of an entry is strings, string lists, plain objects and
 * list deltas, checked directly.
 *
 * One-sided on purpose: `true` only where zod surely agrees; `false` means "not proven", and the
 * caller then parses with zod, which decides (and words the message). The tests compare both.
 */
export function provablyValidEntry(entry: unknown): boolean {
  if (!isPlainRecord(entry)) return false;
  for (const key of Object.keys(entry)) if (!ENTRY_KEYS.has(key)) return false;
  const e = entry as Record<string, unknown>;
  return (
    typeof e['id'] === 'string' &&
    e['id'].length > 0 &&
    typeof e['time'] === 'string' &&
    valid(TIME, e['time']) &&
    actorOk(e['actor']) &&
    typeof e['orgId'] === 'string' &&
    typeof e['request'] === 'string' &&
    typeof e['summary'] === 'string' &&
    stringList(e['touched']) &&
    isPlainRecord(e['before']) &&
    isPlainRecord(e['after']) &&
    (e['lists'] === undefined || listsOk(e['lists'])) &&
    (e['elided'] === undefined || stringList(e['elided'])) &&
    (e['undoes'] === undefined || typeof e['undoes'] === 'string') &&
    valid(changeSchema, e['change']) &&
    (e['inverse'] === undefined || valid(changeSchema, e['inverse']))
  );
}

const ENTRY_KEYS = new Set(Object.keys(auditEntrySchema.shape));
const ACTOR_KEYS = new Set(['address', 'displayName', 'objectId']);
const DELTA_KEYS = new Set(['size', 'removed', 'added']);
const TIME = auditEntrySchema.shape.time;

/** Proven without zod where its schema allows, else parsed by zod. */
const valid = (schema: z.ZodType, value: unknown): boolean => proofOf(schema)(value) || schema.safeParse(value).success;

/** An array of strings, without holes (a counted loop: `every` is slow on the frozen lists here). */
function stringList(v: unknown): boolean {
  if (!Array.isArray(v)) return false;
  for (let i = 0; i < v.length; i++) if (typeof v[i] !== 'string') return false;
  return true;
}

function actorOk(v: unknown): boolean {
  if (!isPlainRecord(v)) return false;
  for (const key of Object.keys(v)) if (!ACTOR_KEYS.has(key)) return false;
  return typeof v['address'] === 'string' && optionalString(v['displayName']) && optionalString(v['objectId']);
}

const optionalString = (v: unknown): boolean => v === undefined || typeof v === 'string';
const count = (v: unknown): boolean => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

/** `lists`: list deltas by path (`listDeltaSchema`: sizes, and [index, domain] pairs removed and added). */
function listsOk(v: unknown): boolean {
  if (!isPlainRecord(v)) return false;
  for (const key of Object.keys(v)) {
    const delta = v[key];
    if (!isPlainRecord(delta)) return false;
    for (const field of Object.keys(delta)) if (!DELTA_KEYS.has(field)) return false;
    const size = delta['size'];
    if (!Array.isArray(size) || size.length !== 2 || !count(size[0]) || !count(size[1])) return false;
    if (!pairs(delta['removed']) || !pairs(delta['added'])) return false;
  }
  return true;
}

function pairs(v: unknown): boolean {
  if (!Array.isArray(v)) return false;
  for (let i = 0; i < v.length; i++) {
    const pair: unknown = v[i];
    if (!Array.isArray(pair) || pair.length !== 2 || !count(pair[0]) || typeof pair[1] !== 'string') return false;
  }
  return true;
}
