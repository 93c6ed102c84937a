/**
 * Benchmark 3: the first page of a 1 000 000-row form on PostgreSQL.
 *
 * In its own database (created, then dropped), a customer form gets 1 000 000 rows
 * (inserted by one `generate_series` statement). Then, alternating in one run:
 *  - store:        `store.records.list` — first 50 rows, filtered, sorted, with the total;
 *  - hand-written: the same page and the same total (planner estimate) as raw SQL through `pg`;
 *  - page only:    the hand-written page query alone (no total), for reference.
 * Prints median and p95 latencies and the ratio store / hand-written (goal ≤ 1.3× and < 50 ms).
 * Note: the store reuses a planner estimate of one query for 5 s (it is an estimate anyway), so
 * in the loop its total usually costs no round trip; compare with "page query alone" too.
 *
 * Run alone: `cd bench && node --import tsx first-page.ts` (after `pnpm build`).
 * Env: `TRELLIS_BENCH_PG` (default postgres://postgres@127.0.0.1:5432/test), `BENCH_ROWS`, `BENCH_ITERATIONS`.
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { sql } from 'kysely';
import { fieldTypes } from '@trellis/forms';
import { createTestDatabase, openStore, type Store } from '@trellis/store';
import type { AppPackage } from '@trellis/schema';

const INDUSTRIES = ['it', 'retail', 'manufacturing', 'finance', 'health', 'energy', 'logistics', 'education'];

const benchPackage: AppPackage = {
  schemaVersion: 1,
  app: { key: 'bench', name: 'Bench' },
  forms: [
    {
      key: 'customer',
      name: 'Customer',
      fields: [
        { id: 'f1', key: 'name', type: 'text', label: 'Name' },
        { id: 'f2', key: 'industry', type: 'single_select', label: 'Industry', options: { choices: INDUSTRIES.map((v) => ({ value: v, label: v })) } },
        { id: 'f3', key: 'city', type: 'text', label: 'City' },
        { id: 'f4', key: 'employees', type: 'number', label: 'Employees' },
        { id: 'f5', key: 'founded', type: 'date', label: 'Founded' },
        { id: 'f6', key: 'active', type: 'boolean', label: 'Active' },
      ],
    },
  ],
};

/** The scenario: retail customers, newest first, 50 per page, with the total. */
const FILTER = { '==': [{ var: 'industry' }, 'retail'] };
const LIMIT = 50;

const HAND_PAGE = `select id, version, created_at, updated_at, created_by, updated_by, owner_id, dept_id, deleted_at,
  name, industry, city, employees, founded, active
  from app_bench.customer where deleted_at is null and industry = $1
  order by created_at desc, id desc limit ${LIMIT + 1}`;
const HAND_ESTIMATE = `explain (format json) select 1 from app_bench.customer where deleted_at is null and industry = $1`;

/** Fills the table with `rows` rows in one statement, then analyses it (as autovacuum would). */
async function load(pool: pg.Pool, rows: number): Promise<void> {
  await pool.query(
    `insert into app_bench.customer (created_at, updated_at, name, industry, city, employees, founded, active)
     select ts, ts, 'Customer ' || g, ($2::text[])[1 + g % 8], 'City ' || (g % 300), g % 5000,
            date '1990-01-01' + (g % 12000), g % 3 <> 0
     from generate_series(1, $1::int) g, lateral (select timestamptz '2026-01-01' - g * interval '7 seconds' as ts) t`,
    [rows, INDUSTRIES],
  );
  await pool.query('analyze app_bench.customer');
}

function stats(samples: number[]): { median: number; p95: number } {
  const s = [...samples].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)]!, p95: s[Math.min(s.length - 1, Math.floor(s.length * 0.95))]! };
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

/** Runs the benchmark and returns the medians (ms) and the ratio. */
export async function main(): Promise<{ storeMs: number; handMs: number; pageOnlyMs: number; ratio: number }> {
  const baseUrl = process.env.TRELLIS_BENCH_PG ?? 'postgres://postgres@127.0.0.1:5432/test';
  const rows = Number(process.env.BENCH_ROWS ?? 1_000_000);
  const iterations = Number(process.env.BENCH_ITERATIONS ?? 200);
  const { url, drop } = await createTestDatabase(baseUrl, 'trellis_bench');
  let store: Store | undefined;
  const raw = new pg.Pool({ connectionString: url, max: 10 });
  try {
    store = await openStore({ databaseUrl: url, catalog: fieldTypes });
    await store.apps.publish(benchPackage, { actor: 'bench' });
    const loadStart = performance.now();
    await load(raw, rows);
    console.log(`first page: loaded ${rows.toLocaleString('en')} rows in ${((performance.now() - loadStart) / 1000).toFixed(1)} s`);

    const viaStore = () => store!.records.list('bench', 'customer', { filter: FILTER, sort: [{ field: 'created_at', direction: 'desc' }], limit: LIMIT });
    const viaHand = () => Promise.all([raw.query(HAND_PAGE, ['retail']), raw.query(HAND_ESTIMATE, ['retail'])]);
    const pageOnly = () => raw.query(HAND_PAGE, ['retail']);

    // Same answer: the store's page is the hand-written page.
    const [s, [h, e]] = await Promise.all([viaStore(), viaHand()]);
    const handIds = h.rows.slice(0, LIMIT).map((r: { id: string }) => r.id);
    if (JSON.stringify(s.items.map((i) => i.id)) !== JSON.stringify(handIds)) throw new Error('first page: the store and the hand-written query disagree');
    const estimate = Math.round((e.rows[0]['QUERY PLAN'] as { Plan: { 'Plan Rows': number } }[])[0]!.Plan['Plan Rows']);
    const { rows: exact } = await sql<{ n: number }>`select count(*)::int as n from app_bench.customer where industry = 'retail'`.execute(store.db);
    console.log(`first page: total ${s.total} (exact: ${s.totalExact}; hand-written estimate ${estimate}; true count ${exact[0]!.n})`);

    for (let i = 0; i < 20; i += 1) {
      await viaStore();
      await viaHand();
      await pageOnly();
    }
    const samples = { store: [] as number[], hand: [] as number[], page: [] as number[] };
    for (let i = 0; i < iterations; i += 1) {
      samples.store.push(await time(viaStore));
      samples.hand.push(await time(viaHand));
      samples.page.push(await time(pageOnly));
    }
    const st = stats(samples.store);
    const ha = stats(samples.hand);
    const po = stats(samples.page);
    const ratio = st.median / ha.median;
    const line = (name: string, x: { median: number; p95: number }) => `  ${name.padEnd(34)} median ${x.median.toFixed(2).padStart(7)} ms   p95 ${x.p95.toFixed(2).padStart(7)} ms`;
    console.log(`first page of ${rows.toLocaleString('en')} rows (50 rows, filter industry = retail, newest first, with total), ${iterations} runs:`);
    console.log(line('store.records.list', st));
    console.log(line('hand-written SQL (page + estimate)', ha));
    console.log(line('hand-written page query alone', po));
    console.log(`  ratio store / hand-written: ${ratio.toFixed(2)}x (goal <= 1.3x and < 50 ms: ${ratio <= 1.3 && st.median < 50 ? 'met' : 'NOT met'})`);
    return { storeMs: st.median, handMs: ha.median, pageOnlyMs: po.median, ratio };
  } finally {
    await raw.end();
    await store?.close();
    await drop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
}
