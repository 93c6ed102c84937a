import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';

/** A list's total: exact, or the planner's estimate for large tables. */
export interface TotalCount {
  readonly total: number;
  readonly exact: boolean;
}

/** Below this many rows the store counts exactly; above it, it asks the planner. */
export const DEFAULT_EXACT_COUNT_LIMIT = 100_000;

/**
 * Counts the rows `query` selects without making a large table wait for `count(*)`:
 *
 * 1. the table's size from the statistics (`pg_class.reltuples`, no scan);
 * 2. a small table (or one never analysed) is counted exactly, but at most `limit + 1` rows
 *    (`count(*)` over a `LIMIT` subquery), so stale statistics cannot cause a full count;
 * 3. otherwise the planner's row estimate of the filtered query (`EXPLAIN`), flagged inexact.
 *
 * @example
 * const { total, exact } = await countRows(db, base, 'app_crm', 'customer', 100_000);
 */
export async function countRows(
  db: Kysely<any>,
  query: SelectQueryBuilder<any, any, any>,
  schema: string,
  table: string,
  limit: number = DEFAULT_EXACT_COUNT_LIMIT,
): Promise<TotalCount> {
  const stats = await db
    .selectFrom('pg_catalog.pg_class as c')
    .innerJoin('pg_catalog.pg_namespace as n', 'n.oid', 'c.relnamespace')
    .select(sql<number>`c.reltuples::float8`.as('rows'))
    .where('n.nspname', '=', schema)
    .where('c.relname', '=', table)
    .executeTakeFirst();
  const tableRows = Number(stats?.rows ?? -1);
  let atLeast = 0;
  if (tableRows < limit) {
    const bounded = await db
      .selectFrom(query.clearSelect().select(sql`1`.as('one')).limit(limit + 1).as('bounded'))
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow();
    const n = Number(bounded.n);
    if (n <= limit) return { total: n, exact: true };
    atLeast = n;
  }
  return { total: Math.max(await estimateRows(db, query), atLeast), exact: false };
}

/** The planner's estimate of how many rows `query` returns (planning only; nothing is scanned). */
export async function estimateRows(db: Kysely<any>, query: SelectQueryBuilder<any, any, any>): Promise<number> {
  const result = await sql<{ 'QUERY PLAN': unknown }>`explain (format json) ${query.clearSelect().select(sql`1`.as('one'))}`.execute(db);
  const raw = result.rows[0]?.['QUERY PLAN'];
  const plan = (typeof raw === 'string' ? JSON.parse(raw) : raw) as { Plan?: { 'Plan Rows'?: number } }[];
  return Math.round(Number(plan[0]?.Plan?.['Plan Rows'] ?? 0));
}
