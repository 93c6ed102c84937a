/**
 * JSON with object keys sorted, so two equal definitions give the same string whatever the
 * order their properties were written in.
 *
 * @example
 * canonicalJson({ b: 1, a: 2 }) === canonicalJson({ a: 2, b: 1 }); // true
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = sortKeys(v);
    }
    return out;
  }
  return value;
}
