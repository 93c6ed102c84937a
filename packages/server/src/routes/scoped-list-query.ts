import type { ListQuery } from '@trellis/store';
import { checkFilter, parseFilterJson, parseSort, sortableNames } from '../list-query.js';
import { assertReadableQuery } from '../permissions/field-guard.js';
import { clearFields } from '../permissions/record-view.js';
import type { FormGrant } from '../permissions/request-permissions.js';

/** What a list-like request names: the filter as JSON text, the sort, the search text. */
export interface ListRequestQuery {
  readonly filter?: string | undefined;
  readonly sort?: string | undefined;
  readonly q?: string | undefined;
}

/**
 * The store query of a list-like request (the list, the export) under the caller's rights:
 * the filter parsed and checked against the form, the sort, the search; a filter or sort on a
 * field the caller cannot read in clear refused; the search over clear fields only; `scope`
 * and `$user` set. Paging is the caller's.
 *
 * @example store.records.list(app, form, { ...scopedListQuery(g, request.query, storeScope(g.access.scopeFor('view'))), limit: 50 })
 */
export function scopedListQuery(g: FormGrant, query: ListRequestQuery, scope: unknown): ListQuery {
  const varSchema = g.resolved.compiled.varSchema;
  const filter = parseFilterJson(query.filter);
  if (filter !== undefined) checkFilter(filter, varSchema);
  const sort = parseSort(query.sort, sortableNames(varSchema));
  if (!g.perms.unrestricted) assertReadableQuery(filter, sort, g.read);
  const q = query.q?.trim();
  return {
    ...(filter !== undefined ? { filter } : {}),
    ...(sort.length > 0 ? { sort } : {}),
    ...(q !== undefined && q !== '' ? { q } : {}),
    ...(g.perms.unrestricted ? {} : { searchFields: [...clearFields(g.read)] }),
    scope,
    ctx: g.perms.ctx,
  };
}
