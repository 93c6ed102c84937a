/**
 * Benchmark 6: a row scope on the first page of a 1 000 000-row form on PostgreSQL.
 *
 * In its own database (created, then dropped), an opportunity form gets 1 000 000 rows
 * (one `insert … select generate_series` statement), spread over 210 departments in a
 * tree of depth 4 (1 company → 11 regions → 22 branches → 176 teams) and 2 000 owners
 * (each owner in one department). Then, interleaved in one run, through the store's public
 * API (`store.records.list`, the path the record routes take):
 *  - no scope:        open opportunities, newest first, 50 rows, with the total;
 *  - department tree: the same, with the scope `dept_id in $user.deptTree` of a region
 *                     manager (the region, its 2 branches and 16 teams: 19 departments);
 *  - own records:     the same, with the scope `owner_id == $user.id` (a sales rep), for reference;
 *  - one team:        `dept_id in $user.deptTree` where the tree is one team (a leaf department), for reference;
 *  - manager:         `owner_id == $user.id or dept_id in $user.managedDeptTree` (the CRM's
 *                     sales-manager scope), for reference;
 *  - estimate:        the planner estimate of the total alone (`EXPLAIN`, as the store runs it
 *                     above 100 000 rows, uncached), without and with the department-tree scope;
 *  - exact totals:    the same three lists on a store that counts exactly (`exactCountLimit`
 *                     above the table size), i.e. what the count costs when it is not an estimate.
 * Prints median and p95 latencies and the ratios scoped / unscoped (goal ≤ 1.3×).
 * `BENCH_EXPLAIN=1` prints `EXPLAIN ANALYZE` of the equivalent hand-written page queries.
 *
 * Run alone: `cd bench && node --import tsx permission-scope.ts` (after `pnpm build`).
 * Env: `TRELLIS_BENCH_PG` (default postgres://postgres@127.0.0.1:5432/test), `BENCH_ROWS`,
 * `BENCH_ITERATIONS` (default 60).
 */
import { performance } from 'node:perf_hooks';
import { randomUUID } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { fieldTypes } from '@trellis/forms';
import { createTestDatabase, openStore, type Store } from '@trellis/store';
import type { AppPackage } from '@trellis/schema';

const STATUSES = ['open', 'won', 'lost', 'paused'];
const REGIONS = 11;
const BRANCHES_PER_REGION = 2;
const TEAMS_PER_BRANCH = 8;
const OWNERS = 2_000;
const LIMIT = 50;

const benchPackage: AppPackage = {
  schemaVersion: 1,
  app: { key: 'bench', name: 'Bench' },
  forms: [
    {
      key: 'opportunity',
      name: 'Opportunity',
      fields: [
        { id: 'f1', key: 'name', type: 'text', label: 'Name' },
        { id: 'f2', key: 'status', type: 'single_select', label: 'Status', options: { choices: STATUSES.map((v) => ({ value: v, label: v })) } },
        { id: 'f3', key: 'amount', type: 'number', label: 'Amount' },
        { id: 'f4', key: 'customer_name', type: 'text', label: 'Customer' },
      ],
    },
  ],
};

/** The department tree: ids in breadth-first order, and the subtree (self and below) of each region. */
function departmentTree(): { all: string[]; regionTrees: string[][] } {
  const all = [randomUUID()];
  const regionTrees: string[][] = [];
  for (let r = 0; r < REGIONS; r += 1) {
    const region = randomUUID();
    const tree = [region];
    for (let b = 0; b < BRANCHES_PER_REGION; b += 1) {
      const branch = randomUUID();
      tree.push(branch);
      for (let t = 0; t < TEAMS_PER_BRANCH; t += 1) tree.push(randomUUID());
    }
    regionTrees.push(tree);
    all.push(...tree);
  }
  return { all, regionTrees };
}

/**
 * Fills the table in one statement: each row gets a random owner, and the owner's
 * department (owner k works in department k mod 210), a random status and amount. Then
 * analyses it, as autovacuum would.
 */
async function load(pool: pg.Pool, rows: number, depts: readonly string[], owners: readonly string[]): Promise<void> {
  await pool.query(
    `insert into app_bench.opportunity (created_at, updated_at, owner_id, dept_id, name, status, amount, customer_name)
     select ts, ts, ($2::uuid[])[o], ($3::uuid[])[1 + (o - 1) % $4::int], 'Opportunity ' || g,
            ($5::text[])[1 + floor(random() * 4)::int], round((random() * 1000000)::numeric, 2), 'Customer ' || (g % 5000)
     from generate_series(1, $1::int) g,
          lateral (select timestamptz '2026-01-01' - g * interval '7 seconds' as ts, 1 + floor(random() * $6::int)::int as o) t`,
    [rows, owners, depts, depts.length, STATUSES, owners.length],
  );
  await pool.query('analyze app_bench.opportunity');
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

const FILTER = { '==': [{ var: 'status' }, 'open'] };
const TREE_SCOPE = { in: [{ var: 'dept_id' }, { var: '$user.deptTree' }] };
const OWN_SCOPE = { '==': [{ var: 'owner_id' }, { var: '$user.id' }] };
const MANAGER_SCOPE = { or: [OWN_SCOPE, { in: [{ var: 'dept_id' }, { var: '$user.managedDeptTree' }] }] };

const PAGE_SQL = (extra: string) => `explain (analyze, buffers, costs off) select id, name, status, amount, customer_name, owner_id, dept_id, created_at
  from app_bench.opportunity where deleted_at is null and status = 'open' ${extra}
  order by created_at desc, id desc limit ${LIMIT + 1}`;

const ESTIMATE_SQL = (extra: string) => `explain (format json) select 1 from app_bench.opportunity where deleted_at is null and status = 'open' ${extra}`;

/** Median times (ms) of each list, and the ratios scoped / unscoped. */
export interface PermissionScopeResult {
  readonly unscopedMs: number;
  readonly treeMs: number;
  readonly ownMs: number;
  readonly treeRatio: number;
  readonly ownRatio: number;
  readonly managerRatio: number;
  readonly teamRatio: number;
  readonly exactTreeRatio: number;
}

/** Runs the benchmark and returns the medians and ratios. */
export async function main(): Promise<PermissionScopeResult> {
  const baseUrl = process.env.TRELLIS_BENCH_PG ?? 'postgres://postgres@127.0.0.1:5432/test';
  const rows = Number(process.env.BENCH_ROWS ?? 1_000_000);
  const iterations = Number(process.env.BENCH_ITERATIONS ?? 60);
  const { url, drop } = await createTestDatabase(baseUrl, 'trellis_bench');
  let store: Store | undefined;
  let exactStore: Store | undefined;
  const raw = new pg.Pool({ connectionString: url, max: 4 });
  try {
    store = await openStore({ databaseUrl: url, catalog: fieldTypes });
    await store.apps.publish(benchPackage, { actor: 'bench' });
    exactStore = await openStore({ databaseUrl: url, catalog: fieldTypes, exactCountLimit: rows * 2 });
    const { all: depts, regionTrees } = departmentTree();
    const owners = Array.from({ length: OWNERS }, () => randomUUID());
    const loadStart = performance.now();
    await load(raw, rows, depts, owners);
    console.log(`permission scope: loaded ${rows.toLocaleString('en')} rows over ${depts.length} departments and ${OWNERS} owners in ${((performance.now() - loadStart) / 1000).toFixed(1)} s`);

    // A region manager (19 departments) and a sales rep (one owner).
    const deptTree = regionTrees[3]!;
    const manager = { id: randomUUID(), deptIds: [deptTree[0]!], deptTree, managedDeptTree: deptTree, roles: ['sales_manager'] };
    const rep = { id: owners[17]!, deptIds: [depts[17 % depts.length]!], deptTree: [depts[17 % depts.length]!], managedDeptTree: [], roles: ['sales_rep'] };
    const team = deptTree[deptTree.length - 1]!;
    const teamLead = { ...rep, deptIds: [team], deptTree: [team], managedDeptTree: [team] };
    const list = (s: Store, scope?: unknown, user?: typeof manager) =>
      s.records.list('bench', 'opportunity', { filter: FILTER, ...(scope ? { scope, ctx: { user: user! } } : {}), sort: [{ field: 'created_at', direction: 'desc' }], limit: LIMIT });
    const cases = {
      unscoped: () => list(store!),
      tree: () => list(store!, TREE_SCOPE, manager),
      own: () => list(store!, OWN_SCOPE, rep),
      team: () => list(store!, TREE_SCOPE, teamLead),
      manager: () => list(store!, MANAGER_SCOPE, manager),
      estimateUnscoped: () => raw.query(ESTIMATE_SQL('')),
      estimateTree: () => raw.query(ESTIMATE_SQL('and dept_id = any($1::uuid[])'), [deptTree]),
      exactUnscoped: () => list(exactStore!),
      exactTree: () => list(exactStore!, TREE_SCOPE, manager),
      exactOwn: () => list(exactStore!, OWN_SCOPE, rep),
    };

    // Same answer: every scoped row is in scope and open.
    const [u, t, o, et] = await Promise.all([cases.unscoped(), cases.tree(), cases.own(), cases.exactTree()]);
    const inTree = new Set(deptTree);
    if (t.items.length !== LIMIT || !t.items.every((r) => inTree.has(String(r.deptId)) && r.data['status'] === 'open')) throw new Error('permission scope: the department-tree page holds rows out of scope');
    if (!o.items.every((r) => r.ownerId === rep.id && r.data['status'] === 'open')) throw new Error('permission scope: the own-records page holds rows of other owners');
    console.log(`permission scope: totals — no scope ${u.total} (exact: ${u.totalExact}), department tree ${t.total} (exact: ${t.totalExact}; counted: ${et.total}), own ${o.total}`);

    if (process.env.BENCH_EXPLAIN === '1') {
      for (const [name, extra, params] of [
        ['no scope', '', []],
        ['department tree', 'and dept_id = any($1::uuid[])', [deptTree]],
        ['own records', 'and owner_id = $1::uuid', [rep.id]],
        ['one team', 'and dept_id = $1::uuid', [team]],
        ['manager', 'and (owner_id = $1::uuid or dept_id = any($2::uuid[]))', [manager.id, deptTree]],
      ] as const) {
        const plan = await raw.query(PAGE_SQL(extra), [...params]);
        console.log(`--- EXPLAIN ANALYZE, ${name}:\n${plan.rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n')}`);
      }
    }

    const names = Object.keys(cases) as (keyof typeof cases)[];
    for (let i = 0; i < 10; i += 1) for (const n of names) await cases[n]();
    const samples = Object.fromEntries(names.map((n) => [n, [] as number[]])) as Record<keyof typeof cases, number[]>;
    for (let i = 0; i < iterations; i += 1) {
      // rotate the order so no case always runs first after another
      for (let k = 0; k < names.length; k += 1) {
        const n = names[(i + k) % names.length]!;
        samples[n].push(await time(cases[n]));
      }
    }
    const st = Object.fromEntries(names.map((n) => [n, stats(samples[n])])) as Record<keyof typeof cases, { median: number; p95: number }>;
    const line = (name: string, x: { median: number; p95: number }) => `  ${name.padEnd(44)} median ${x.median.toFixed(2).padStart(7)} ms   p95 ${x.p95.toFixed(2).padStart(7)} ms`;
    const ratio = (a: keyof typeof cases, b: keyof typeof cases) => st[a].median / st[b].median;
    console.log(`first page of ${rows.toLocaleString('en')} rows (50 rows, status = open, newest first, with the total), ${iterations} runs each, interleaved:`);
    console.log(line('no scope (total: estimate)', st.unscoped));
    console.log(line('dept_id in $user.deptTree (19 departments)', st.tree));
    console.log(line('owner_id == $user.id', st.own));
    console.log(line('dept_id in $user.deptTree (1 team)', st.team));
    console.log(line('own or dept_id in $user.managedDeptTree', st.manager));
    console.log(line('estimate of the total (EXPLAIN), no scope', st.estimateUnscoped));
    console.log(line('estimate of the total, department tree', st.estimateTree));
    console.log(line('no scope, exact total', st.exactUnscoped));
    console.log(line('department tree, exact total', st.exactTree));
    console.log(line('own records, exact total', st.exactOwn));
    const treeRatio = ratio('tree', 'unscoped');
    console.log(`  ratio department tree / no scope: ${treeRatio.toFixed(2)}x (goal <= 1.3x: ${treeRatio <= 1.3 ? 'met' : 'NOT met'})`);
    console.log(`  ratio own records / no scope:     ${ratio('own', 'unscoped').toFixed(2)}x`);
    console.log(`  ratio one team / no scope:        ${ratio('team', 'unscoped').toFixed(2)}x`);
    console.log(`  ratio manager / no scope:         ${ratio('manager', 'unscoped').toFixed(2)}x`);
    console.log(`  ratio of the estimate, department tree / no scope: ${ratio('estimateTree', 'estimateUnscoped').toFixed(2)}x`);
    console.log(`  ratio with exact totals, department tree / no scope: ${ratio('exactTree', 'exactUnscoped').toFixed(2)}x, own / no scope: ${ratio('exactOwn', 'exactUnscoped').toFixed(2)}x`);
    return {
      unscopedMs: st.unscoped.median,
      treeMs: st.tree.median,
      ownMs: st.own.median,
      treeRatio,
      ownRatio: ratio('own', 'unscoped'),
      managerRatio: ratio('manager', 'unscoped'),
      teamRatio: ratio('team', 'unscoped'),
      exactTreeRatio: ratio('exactTree', 'exactUnscoped'),
    };
  } finally {
    await raw.end();
    await exactStore?.close();
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
