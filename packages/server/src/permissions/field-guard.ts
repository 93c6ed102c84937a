import type { FieldAccess } from '@trellis/schema';
import { ServerErrors } from '../errors.js';

/**
 * The field keys (first path segment) a json-logic condition reads through `var`, with the
 * JSON pointer of each reference. `$user.*` and `$now` are not fields and are skipped.
 *
 * @example conditionVars({ '==': [{ var: 'phone' }, '1'] }) // [{ name: 'phone', path: '/==/0/var' }]
 */
export function conditionVars(rule: unknown, path = ''): { name: string; path: string }[] {
  if (Array.isArray(rule)) return rule.flatMap((r, i) => conditionVars(r, `${path}/${i}`));
  if (typeof rule !== 'object' || rule === null) return [];
  const out: { name: string; path: string }[] = [];
  for (const [op, arg] of Object.entries(rule as Record<string, unknown>)) {
    if (op === 'var') {
      const name = Array.isArray(arg) ? arg[0] : arg;
      if (typeof name === 'string' && !name.startsWith('$')) out.push({ name: name.split('.')[0]!, path: `${path}/var` });
      else out.push(...conditionVars(arg, `${path}/var`));
      continue;
    }
    out.push(...conditionVars(arg, `${path}/${op.replace(/~/g, '~0').replace(/\//g, '~1')}`));
  }
  return out;
}

/**
 * Refuses a list query that names a field the caller cannot read in clear (hidden or
 * masked): a filter, sort or search on it would reveal its values one question at a time.
 * `FILTER_FIELD_FORBIDDEN` (400) with the path of every reference.
 *
 * @example assertReadableQuery(filter, sort, access) // throws with /query/filter/==/0/var
 */
export function assertReadableQuery(filter: unknown, sort: readonly { field: string }[], access: ReadonlyMap<string, FieldAccess>): void {
  const forbidden = (name: string) => {
    const a = access.get(name);
    return a === 'hidden' || a === 'masked';
  };
  const details = [
    ...(filter === undefined ? [] : conditionVars(filter).filter((v) => forbidden(v.name)).map((v) => ({ path: `/query/filter${v.path}`, message: `you may not filter on field '${v.name}'` }))),
    ...sort.flatMap((s, i) => (forbidden(s.field) ? [{ path: `/query/sort/${i}`, message: `you may not sort by field '${s.field}'` }] : [])),
  ];
  if (details.length > 0) {
    throw ServerErrors.create('FILTER_FIELD_FORBIDDEN', `[server] the list names ${details.length} field(s) your roles hide or mask (first: ${details[0]!.path}); filter and sort only on fields you can read`, details);
  }
}
