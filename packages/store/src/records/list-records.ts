import { sql, type Kysely, type SqlBool, type Expression } from 'kysely';
import type { EvalContext } from '@trellis/expr';
import { StoreErrors } from '../errors.js';
import { conditionSql } from './conditions.js';
import { LIST_ALIAS as T, type FormMeta } from './form-catalog.js';
import { decodeCursor, encodeCursor, keysetCondition, resolveSort, type SortSpec } from './keyset.js';
import { toRecord, type StoredRecord } from './record-shape.js';
import { textSearchCondition } from './text-search.js';
import type { RelatedRecords } from '../relations/related-display.js';
import { countRows, DEFAULT_EXACT_COUNT_LIMIT, type CountCache, type TotalCount } from './total-count.js';

/** What `records.list` accepts. */
export interface ListQuery {
  /** A json-logic condition over field keys and system columns (see docs/conditions.md). */
  readonly filter?: unknown;
  /** A row-level permission scope, also json-logic; ANDed with the filter (`false`: no rows, `true`/null: all). */
  readonly scope?: unknown;
  /** `$user` and `$now` for the filter and the scope. */
  readonly ctx?: EvalContext;
  /** Sort keys, most significant first; default newest first (`created_at desc`). */
  readonly sort?: readonly SortSpec[];
  /** Page size, 1 to {@link MAX_PAGE_SIZE}; default 50. */
  readonly limit?: number;
  /** The `nextCursor` of the previous page. */
  readonly cursor?: string | null;
  /** Text to look for (case-insensitive substring) in the form's text fields. */
  readonly q?: string;
  /** Only these field keys take part in the text search `q` (default: every text field); the caller's readable fields. */
  readonly searchFields?: readonly string[];
  /** true: list the recycle bin (deleted records) instead of the live ones. */
  readonly deleted?: boolean;
}

/** One page of a list. */
export interface ListResult {
  readonly items: StoredRecord[];
  /** Rows matching the query, over all pages. */
  readonly total: number;
  /** false when `total` is the planner's estimate (very large tables). */
  readonly totalExact: boolean;
  /** Pass as `cursor` for the next page; null on the last page. */
  readonly nextCursor: string | null;
  /** Display values of the records the page's relation fields point at (forms with relations only). */
  readonly related?: RelatedRecords;
}

/** The largest page a list returns. */
export const MAX_PAGE_SIZE = 1000;
const DEFAULT_PAGE_SIZE = 50;

/** How a list runs: whether its page and count may go to two connections at once. */
export interface ListSettings {
  readonly concurrent: boolean;
  readonly exactCountLimit?: number;
  /** The store's cache of table sizes and estimates (one per store). */
  readonly counts?: CountCache;
}

/**
 * Lists records of a form: filter and scope (compiled by `@trellis/expr`), text search,
 * sort on any stored field or system column, keyset pagination over (sort values, id) and
 * a total that is exact for small tables and a flagged estimate for large ones.
 *
 * @example
 * const page = await listRecords(db, meta, { filter, sort: [{ field: 'name', direction: 'asc' }], limit: 50 }, settings);
 */
export async function listRecords(db: Kysely<any>, meta: FormMeta, query: ListQuery, settings: ListSettings): Promise<ListResult> {
  const limit = query.limit ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
    throw StoreErrors.create('STORE_LIMIT_INVALID', `[store] a list page holds 1 to ${MAX_PAGE_SIZE} records; got ${String(query.limit)}`, [
      { path: '/limit', message: `must be an integer from 1 to ${MAX_PAGE_SIZE}` },
    ]);
  }
  const sort = resolveSort(meta, query.sort);
  const after = query.cursor ? decodeCursor(sort, query.cursor) : null;

  const conditions: Expression<SqlBool>[] = [query.deleted ? sql<SqlBool>`${sql.ref(`${T}.deleted_at`)} is not null` : sql<SqlBool>`${sql.ref(`${T}.deleted_at`)} is null`];
  if (query.filter !== undefined && query.filter !== null) conditions.push(conditionSql(meta, query.filter, query.ctx, T));
  if (query.scope === false) conditions.push(sql<SqlBool>`false`);
  else if (query.scope !== undefined && query.scope !== null && query.scope !== true) conditions.push(conditionSql(meta, query.scope, query.ctx, T));
  if (query.q !== undefined && query.q.trim() !== '') {
    const columns = query.searchFields === undefined ? meta.textColumns : meta.textColumns.filter((c) => query.searchFields!.some((k) => meta.byKey.get(k)?.column === c));
    conditions.push(textSearchCondition(columns, query.q.trim(), T));
  }

  // The table as a quoted "schema"."table" reference, not `withSchema`: the plugin rewrites
  // the whole query tree and costs more than the rest of the query building together.
  const base = db.selectFrom(meta.tableRef.as(T)).where(sql<SqlBool>`${sql.join(conditions.map((c) => sql`(${c})`), sql` and `)}`);

  let pageQuery = base.select(meta.listColumns as never);
  if (after) pageQuery = pageQuery.where(keysetCondition(sort, after, T));
  for (const s of sort) {
    pageQuery = pageQuery.orderBy(sql.ref(`${T}.${s.column}`), s.direction);
  }
  pageQuery = pageQuery.limit(limit + 1);

  const countLimit = settings.exactCountLimit ?? DEFAULT_EXACT_COUNT_LIMIT;
  const count = (): Promise<TotalCount> => countRows(db, base, meta.schema, meta.table, countLimit, settings.counts);
  let rows: Record<string, unknown>[];
  let total: TotalCount | undefined;
  if (settings.concurrent) {
    [rows, total] = await Promise.all([pageQuery.execute(), count()]);
  } else {
    rows = await pageQuery.execute();
  }
  const more = rows.length > limit;
  const pageRows = more ? rows.slice(0, limit) : rows;
  if (!after && !more) total = { total: pageRows.length, exact: true };
  total ??= await count();

  return {
    items: pageRows.map((r) => toRecord(meta, r)),
    total: total.total,
    totalExact: total.exact,
    nextCursor: more ? encodeCursor(sort, pageRows[pageRows.length - 1]!) : null,
  };
}
