import type { ErrorDetail } from '@trellis/schema';

/** Error messages grouped by field key; problems not tied to one field are under `''`. */
export type FieldErrors = Readonly<Record<string, readonly string[]>>;

/**
 * Groups error details by the field they concern. Paths may be relative to the record data
 * (`/name`, as the form engine reports them) or to the request body (`/data/name`, as the
 * server reports them); deeper paths (`/data/tags/2`) belong to their field, and are also
 * listed under their full path below the data (`tags/2`), so editors of nested values (a
 * sub-table's cells, `items/0/qty`) can show them in place.
 *
 * @example
 * groupErrorsByField([{ path: '/data/name', message: 'is required' }], ['name'])
 * // { name: ['is required'] }
 */
export function groupErrorsByField(details: readonly ErrorDetail[], fieldKeys: readonly string[]): FieldErrors {
  const keys = new Set(fieldKeys);
  const out: Record<string, string[]> = {};
  for (const detail of details) {
    const segments = detail.path.split('/').slice(1).map(unescapePointer);
    const rest = segments[0] === 'data' && !keys.has('data') ? segments.slice(1) : segments;
    const key = rest[0] !== undefined && keys.has(rest[0]) ? rest[0] : '';
    (out[key] ??= []).push(detail.message);
    if (key !== '' && rest.length > 1) (out[rest.join('/')] ??= []).push(detail.message);
  }
  return out;
}

function unescapePointer(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}
