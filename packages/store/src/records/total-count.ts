import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';

/** A list's total: exact, or the planner's estimate for large tables. */
export interface TotalCount {
  readonly total: number;
  readonly exact: boolean;
}

/** Below this many rows the store counts exactly; above it, it asks the planner. */
export const DEFAULT_EXACT_COUNT_LIMIT = 100_000;

/** How long a table's size from the statistics is reused before it is read again. */
const TABLE_SIZE_TTL_MS = 10_000;
/** How long a planner estimate of one query is reused (it is an estimate already). */
const ESTIMATE_TTL_MS = 5_000;
const MAX_ESTIMATES = 500;

/**
 * What a store remembers to answer totals without a round trip: table sizes from the
 * statistics (`pg_class.reltuples`, 10 s) and planner estimates per query and parameters
 * (5 s). Both are estimates already; sizes only choose between counting and estimating,
 * and a stale one costs at most a bounded count. Exact counts are never cached.
 */
export class CountCache {
  readonly #sizes = new Map<string, { rows: number; at: number }>();
  readonly #estimates = new Map<string, { rows: number; at: number }>();

  /** The table's estimated row count (-1 when never analysed or unknown). */
  async tableSize(db: Kysely<any>, schema: string, table: string): Promise<number> {
    const key = `${schema}.${table}`;
    const hit = this.#sizes.get(key);
    if (hit && Date.now() - hit.at < TABLE_SIZE_TTL_MS) return hit.rows;
    const stats = await db
      .selectFrom('pg_catalog.pg_class as c')
      .innerJoin('pg_catalog.pg_namespace as n', 'n.oid', 'c.relnamespace')
      .select(sql<number>`c.reltuples::float8`.as('rows'))
      .where('n.nspname', '=', schema)
      .where('c.relname', '=', table)
      .executeTakeFirst();
    const rows = Number(stats?.rows ?? -1);
    this.#sizes.set(key, { rows, at: Date.now() });
    return rows;
  }

  /** The planner's estimate of how many rows `query` returns, reused for a few seconds. */
  async estimate(db: Kysely<any>, query: SelectQueryBuilder<any, any, any>): Promise<number> {
    const explain = sql<{ 'QUERY PLAN': unknown }>`explain (format json) ${query.clearSelect().select(sql`1`.as('one'))}`.compile(db);
    const key = `${explain.sql}\u0000${JSON.stringify(explain.parameters)}`;
    const hit = this.#estimates.get(key);
    if (hit && Date.now() - hit.at < ESTIMATE_TTL_MS) return hit.rows;
    const result = await db.executeQuery(explain);
    const raw = result.rows[0]?.['QUERY PLAN'];
    const plan = (typeof raw === 'string' ? JSON.parse(raw) : raw) as { Plan?: { 'Plan Rows'?: number } }[];
    const rows = Math.round(Number(plan[0]?.Plan?.['Plan Rows'] ?? 0));
    if (this.#estimates.size >= MAX_ESTIMATES) this.#estimates.delete(this.#estimates.keys().next().value!);
    this.#estimates.set(key, { rows, at: Date.now() });
    return rows;
  }
}

/**
 * Counts the rows `query` selects without making a large table wait for `count(*)`:
 *
 * 1. the table's size from the statistics (`pg_class.reltuples`, no scan);
 * 2. a small table (or one never analysed) is counted exactly, but at most `limit + 1` rows
 *    (`count(*)` over a `LIMIT` subquery), so stale statistics cannot cause a full count;
 * 3. otherwise the planner's row estimate of the filtered query (`EXPLAIN`), flagged inexact.
 *
 * @example
 * const { total, exact } = await countRows(db, base, 'app_crm', 'customer', 100_000, cache);
 */
export async function countRows(
  db: Kysely<any>,
  query: SelectQueryBuilder<any, any, any>,
  schema: string,
  table: string,
  limit: number = DEFAULT_EXACT_COUNT_LIMIT,
  cache: CountCache = new CountCache(),
): Promise<TotalCount> {
  const tableRows = await cache.tableSize(db, schema, table);
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
  return { total: Math.max(await cache.estimate(db, query), atLeast), exact: false };
}
