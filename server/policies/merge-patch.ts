/**
 * JSON Merge Patch (RFC 7396): objects merge key by key, `null` removes a key,
 * anything else (numbers, strings, arrays) replaces. Used by PATCH
 * /api/settings/policies to change a few settings of the version in force.
 */

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Returns a new value; neither argument is changed. Keys are copied as own data
 * properties, so a `__proto__` key in a request is just a key (and then refused
 * by the schema as an unknown setting).
 *
 * @example
 * mergePatch({ a: 1, b: { c: 2, d: 3 } }, { b: { c: null, e: 4 } }); // { a: 1, b: { d: 3, e: 4 } }
 */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isObject(patch)) return patch;
  const merged = new Map<string, unknown>(isObject(target) ? Object.entries(target) : []);
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) merged.delete(key);
    else merged.set(key, mergePatch(merged.get(key), value));
  }
  return Object.fromEntries(merged);
}
