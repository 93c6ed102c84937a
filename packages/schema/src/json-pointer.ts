/**
 * Appends segments to a JSON pointer, escaping `~` and `/` as RFC 6901 requires.
 *
 * @example
 * pointer('/forms/0', 'fields', 2, 'key'); // '/forms/0/fields/2/key'
 */
export function pointer(base: string, ...segments: readonly (string | number)[]): string {
  let out = base;
  for (const s of segments) out += '/' + String(s).replace(/~/g, '~0').replace(/\//g, '~1');
  return out;
}
