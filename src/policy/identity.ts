/**
 * "Is this the very object I saw before?" without holding the object: a small token per object, made
 * on first ask. A cache entry that must recognise an earlier version of a list, an organization or a
 * model keeps that version's token, not the version.
 *
 * Not a `WeakRef`: V8's scavenger (the collection of young objects, several times a second under
 * load) treats a WeakRef's target as a strong reference; only a full collection clears it. A cache
 * whose entries point back through WeakRefs to the version before, whose entry points to the one
 * before that, keeps every version made since the last full collection alive through every scavenge
 * (see PerVersion for what that cost). A token holds nothing.
 */
const tokens = new WeakMap<object, object>();

/** The object's token (made now if it has none yet). */
export function identityOf(value: object): object {
  let token = tokens.get(value);
  if (token === undefined) tokens.set(value, (token = {}));
  return token;
}

/** Whether `value` is the object `token` was made for. */
export const isIdentity = (value: object, token: object): boolean => tokens.get(value) === token;
