/**
 * Freezes a JSON value in place and returns it. Subtrees already frozen are skipped, so freezing a
 * new model that shares most organizations with the previous one costs only what changed.
 */
export function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  Object.freeze(value);
  for (const child of Object.values(value as object)) deepFreeze(child);
  return value;
}
