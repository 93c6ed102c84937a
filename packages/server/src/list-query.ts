import { checkCondition, type VarSchema } from '@trellis/expr';
import { TrellisError, type ErrorDetail } from '@trellis/schema';
import { ServerErrors } from './errors.js';

/** One sort key of a list request: `-created_at` is `{ field: 'created_at', direction: 'desc' }`. */
export interface SortKey {
  readonly field: string;
  readonly direction: 'asc' | 'desc';
}

/**
 * Parses the `sort` query parameter (`-field,field`, a leading `-` for descending) against
 * the names the form can be sorted by. Every unknown or repeated name is reported at once
 * (`STORE_SORT_INVALID`, 400, the store's code for the same problem).
 *
 * @example
 * parseSort('-amount,name', ['name', 'amount']) // [{ field: 'amount', direction: 'desc' }, { field: 'name', direction: 'asc' }]
 */
export function parseSort(sort: string | undefined, sortable: Iterable<string>): SortKey[] {
  if (sort === undefined || sort.trim() === '') return [];
  const allowed = new Set(sortable);
  const keys: SortKey[] = [];
  const details: ErrorDetail[] = [];
  const seen = new Set<string>();
  sort.split(',').forEach((raw, i) => {
    const part = raw.trim();
    const desc = part.startsWith('-');
    const field = desc || part.startsWith('+') ? part.slice(1) : part;
    if (field === '') {
      details.push({ path: `/query/sort/${i}`, message: 'empty sort key; write field names separated by commas, e.g. -created_at,name' });
    } else if (!allowed.has(field)) {
      details.push({ path: `/query/sort/${i}`, message: `'${field}' is not a field of this form; sort by one of: ${[...allowed].join(', ')}` });
    } else if (seen.has(field)) {
      details.push({ path: `/query/sort/${i}`, message: `'${field}' is listed twice; keep one` });
    } else {
      seen.add(field);
      keys.push({ field, direction: desc ? 'desc' : 'asc' });
    }
  });
  if (details.length > 0) {
    throw new TrellisError('STORE_SORT_INVALID', 400, `[server] the sort '${sort}' names fields this form cannot be sorted by; fix the sort parameter`, details);
  }
  return keys;
}

/**
 * Parses the `filter` query parameter: a json-logic condition as JSON (URL-encoded on the
 * wire; fastify has already decoded it). Bad JSON is `SERVER_FILTER_INVALID` (400).
 *
 * @example
 * parseFilterJson('{"==":[{"var":"status"},"open"]}') // { '==': [{ var: 'status' }, 'open'] }
 */
export function parseFilterJson(filter: string | undefined): unknown {
  if (filter === undefined || filter.trim() === '') return undefined;
  try {
    return JSON.parse(filter) as unknown;
  } catch (e) {
    throw ServerErrors.create(
      'SERVER_FILTER_INVALID',
      '[server] the filter is not valid JSON; send a json-logic condition such as {"==":[{"var":"status"},"open"]}, URL-encoded',
      [{ path: '/query/filter', message: (e as Error).message }],
    );
  }
}

/**
 * The names a list can be sorted by: every variable of the form (fields and system
 * columns) except json and list values, which have no useful order.
 *
 * @example
 * sortableNames(compiled.varSchema) // ['id', 'version', 'created_at', …, 'name', 'amount']
 */
export function sortableNames(vars: VarSchema): string[] {
  return Object.entries(vars)
    .filter(([, v]) => v.type !== 'json' && v.type !== 'text_list')
    .map(([name]) => name);
}

/**
 * Compiles a list filter against the form's variables without running it, and refuses it
 * with `SERVER_FILTER_INVALID` (400) naming every problem (unknown operator, unknown field,
 * wrong arity) at `/query/filter/<path into the rule>`.
 *
 * @example
 * checkFilter({ '==': [{ var: 'nope' }, 1] }, compiled.varSchema) // throws, path /query/filter/==/0/var
 */
export function checkFilter(filter: unknown, vars: VarSchema): void {
  const problems = checkCondition(filter, vars);
  if (problems.length === 0) return;
  const details = problems.map((p) => ({
    path: '/query/filter' + (p.path === '' || p.path.startsWith('/') ? p.path : '/' + p.path),
    message: p.message,
  }));
  throw ServerErrors.create(
    'SERVER_FILTER_INVALID',
    `[server] the filter has ${details.length} problem${details.length === 1 ? '' : 's'} (first: ${details[0]!.path} ${details[0]!.message}); fix the condition (see docs/conditions.md)`,
    details,
  );
}
