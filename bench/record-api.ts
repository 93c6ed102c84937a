/**
 * Benchmark 2: the record API under load (autocannon, 50 connections, 10 s per run).
 *
 * In one run, against the same table on PostgreSQL (a fresh database, dropped afterwards):
 *  - trellis:      `buildServer` of @trellis/server (edge validation, form engine, store, audit);
 *  - hand-written: a bare fastify app whose routes query the same table with raw `pg` — the
 *                  physical limit of this stack (same response shape and serialiser; its
 *                  create writes the record *and* its audit row in one statement; a second
 *                  create route does the same as a two-statement transaction, for context);
 *  - trellis on PGlite: the same server on the embedded database, reads only.
 * Scenarios: get by id, list with a filter (50 rows, newest first, with the total), create.
 * Prints req/s, p99 and the ratios. Goals: reads ≥ 0.7× hand-written with p99 ≤ 1.5×,
 * creates ≥ 0.5×, PGlite reads ≥ 0.33× the server on PostgreSQL.
 *
 * Run alone: `cd bench && node --import tsx record-api.ts [--duration 10] [--connections 50]`
 * (after `pnpm build`). Env: `TRELLIS_BENCH_PG` (default postgres://postgres@127.0.0.1:5432/test),
 * `BENCH_ROWS` (default 10 000).
 */
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { sql } from 'kysely';
import autocannon from 'autocannon';
import Fastify, { type FastifyInstance } from 'fastify';
import { fieldTypes } from '@trellis/forms';
import { buildServer, importAppPackage, recordSchema } from '@trellis/server';
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
        { id: 'f1', key: 'name', type: 'text', label: 'Name', required: true },
        { id: 'f2', key: 'industry', type: 'single_select', label: 'Industry', options: { choices: INDUSTRIES.map((v) => ({ value: v, label: v })) } },
        { id: 'f3', key: 'city', type: 'text', label: 'City' },
        { id: 'f4', key: 'employees', type: 'number', label: 'Employees' },
        { id: 'f5', key: 'founded', type: 'date', label: 'Founded' },
        { id: 'f6', key: 'active', type: 'boolean', label: 'Active' },
      ],
    },
  ],
};

const FIELDS = ['name', 'industry', 'city', 'employees', 'founded', 'active'] as const;
const SYSTEM = 'id, version, created_at, updated_at, created_by, updated_by, owner_id, dept_id, deleted_at';
const COLUMNS = `${SYSTEM}, ${FIELDS.join(', ')}`;
const FILTER = { '==': [{ var: 'industry' }, 'retail'] };
const TRELLIS_BASE = '/api/apps/bench/forms/customer/records';

/** Fills the form's table with `rows` rows in one statement (same data on both databases). */
const LOAD_SQL = (rows: number) => sql`
  insert into app_bench.customer (created_at, updated_at, name, industry, city, employees, founded, active)
  select ts, ts, 'Customer ' || g, (${sql.val(INDUSTRIES)}::text[])[1 + g % 8], 'City ' || (g % 300), g % 5000,
         date '1990-01-01' + (g % 12000), g % 3 <> 0
  from generate_series(1, ${sql.lit(rows)}) g, lateral (select timestamptz '2026-01-01' - g * interval '7 seconds' as ts) t`;

/** A table row in the wire shape of a record (docs/architecture.md). */
function wire(row: Record<string, any>): Record<string, unknown> {
  const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : (v as string | null));
  const data: Record<string, unknown> = {};
  for (const f of FIELDS) data[f] = row[f] ?? null;
  if (data['employees'] !== null) data['employees'] = Number(data['employees']);
  if (data['founded'] instanceof Date) {
    const d = data['founded'] as Date;
    data['founded'] = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  }
  return {
    id: row.id, version: row.version, createdAt: iso(row.created_at), updatedAt: iso(row.updated_at),
    createdBy: row.created_by, updatedBy: row.updated_by, ownerId: row.owner_id, deptId: row.dept_id, deletedAt: iso(row.deleted_at), data,
  };
}

/** The hand-written server: the same three operations as direct `pg` queries. */
async function handWritten(pool: pg.Pool): Promise<FastifyInstance> {
  const app = Fastify({ logger: false });
  const listSchema = { type: 'object', properties: { items: { type: 'array', items: recordSchema }, total: { type: 'integer' }, totalExact: { type: 'boolean' }, nextCursor: { type: ['string', 'null'] } } };
  app.get<{ Params: { id: string } }>('/raw/customer/:id', { schema: { response: { 200: recordSchema } } }, async (req, reply) => {
    const { rows } = await pool.query(`select ${COLUMNS} from app_bench.customer where id = $1 and deleted_at is null`, [req.params.id]);
    if (rows.length === 0) return reply.status(404).send({ error: 'not found' });
    return wire(rows[0]);
  });
  app.get<{ Querystring: { industry: string } }>('/raw/customer', { schema: { response: { 200: listSchema } } }, async (req) => {
    const [page, count] = await Promise.all([
      pool.query(`select ${COLUMNS} from app_bench.customer where deleted_at is null and industry = $1 order by created_at desc, id desc limit 51`, [req.query.industry]),
      pool.query(`select count(*)::int as n from app_bench.customer where deleted_at is null and industry = $1`, [req.query.industry]),
    ]);
    return { items: page.rows.slice(0, 50).map(wire), total: count.rows[0].n, totalExact: true, nextCursor: page.rows.length > 50 ? 'more' : null };
  });
  app.post<{ Body: { data: Record<string, unknown> } }>('/raw/customer', { schema: { response: { 201: recordSchema } } }, async (req, reply) => {
    const d = req.body.data;
    // The record and its audit row, in one statement (one round trip, atomic).
    const { rows } = await pool.query(
      `with r as (insert into app_bench.customer (name, industry, city, employees, founded, active) values ($1, $2, $3, $4, $5, $6) returning ${COLUMNS}),
            a as (insert into trellis.audit_log (actor, action, app, form, record_id, after, ip) select null, 'create', 'bench', 'customer', r.id, to_jsonb(r), $7 from r)
       select * from r`,
      [d['name'], d['industry'] ?? null, d['city'] ?? null, d['employees'] ?? null, d['founded'] ?? null, d['active'] ?? null, req.ip],
    );
    return reply.status(201).send(wire(rows[0]));
  });
  // The same writes as a transaction of two statements (what a typical hand-written handler does).
  app.post<{ Body: { data: Record<string, unknown> } }>('/raw/customer-tx', { schema: { response: { 201: recordSchema } } }, async (req, reply) => {
    const d = req.body.data;
    const client = await pool.connect();
    try {
      await client.query('begin');
      const { rows } = await client.query(
        `insert into app_bench.customer (name, industry, city, employees, founded, active) values ($1, $2, $3, $4, $5, $6) returning ${COLUMNS}`,
        [d['name'], d['industry'] ?? null, d['city'] ?? null, d['employees'] ?? null, d['founded'] ?? null, d['active'] ?? null],
      );
      const record = wire(rows[0]);
      await client.query(
        `insert into trellis.audit_log (actor, action, app, form, record_id, after, ip) values (null, 'create', 'bench', 'customer', $1, $2, $3)`,
        [record.id, JSON.stringify(record), req.ip],
      );
      await client.query('commit');
      return reply.status(201).send(record);
    } catch (e) {
      await client.query('rollback');
      throw e;
    } finally {
      client.release();
    }
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  return app;
}

/** JSON with object keys sorted, to compare answers whatever their key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => x.localeCompare(y))) : v,
  );
}

function baseUrl(app: FastifyInstance): string {
  const a = app.server.address();
  if (typeof a !== 'object' || a === null) throw new Error('server is not listening');
  return `http://127.0.0.1:${a.port}`;
}

interface RunResult { rps: number; p99: number; errors: number; non2xx: number }

/** One autocannon run; `path` is called per request (random ids). */
async function load(url: string, opts: { duration: number; connections: number; method?: 'GET' | 'POST'; path: () => string; body?: () => string; headers?: Record<string, string> }): Promise<RunResult> {
  const result = await autocannon({
    url,
    connections: opts.connections,
    duration: opts.duration,
    requests: [
      {
        method: opts.method ?? 'GET',
        headers: { ...(opts.headers ?? {}), ...(opts.body ? { 'content-type': 'application/json' } : {}) },
        setupRequest: (req: Record<string, unknown>) => ({ ...req, path: opts.path(), ...(opts.body ? { body: opts.body() } : {}) }),
      },
    ],
  });
  return { rps: result.requests.average, p99: result.latency.p99, errors: result.errors + result.timeouts, non2xx: result.non2xx };
}

let counter = 0;
const newCustomer = () => JSON.stringify({ data: { name: `New customer ${++counter}`, industry: INDUSTRIES[counter % 8], city: 'Hangzhou', employees: counter % 900, founded: '2001-02-03', active: true } });

/** Runs the benchmark; returns every figure. */
export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<Record<string, RunResult>> {
  const { values } = parseArgs({ args: [...argv], options: { duration: { type: 'string', default: '10' }, connections: { type: 'string', default: '50' } } });
  const duration = Number(values.duration);
  const connections = Number(values.connections);
  const rows = Number(process.env.BENCH_ROWS ?? 10_000);
  const { url, drop } = await createTestDatabase(process.env.TRELLIS_BENCH_PG ?? 'postgres://postgres@127.0.0.1:5432/test', 'trellis_bench');
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  let store: Store | undefined;
  let lite: Store | undefined;
  const servers: FastifyInstance[] = [];
  try {
    store = await openStore({ databaseUrl: url, catalog: fieldTypes, poolSize: 10 });
    lite = await openStore({ dataDir: 'memory://', catalog: fieldTypes });
    for (const s of [store, lite]) {
      await importAppPackage(s, benchPackage, { actor: 'bench' });
      await LOAD_SQL(rows).execute(s.db);
      await sql`analyze app_bench.customer`.execute(s.db);
    }
    const idsOf = async (s: Store) => (await sql<{ id: string }>`select id from app_bench.customer order by random() limit 2000`.execute(s.db)).rows.map((r) => r.id);
    const pgIds = await idsOf(store);
    const liteIds = await idsOf(lite);
    const pick = (ids: string[]) => ids[Math.floor(Math.random() * ids.length)]!;

    // Trellis needs a caller: an administrator's API key (bearer, as an integrator would call it).
    const bearer = async (s: Store) => {
      const user = await s.users.create({ username: 'bench', displayName: 'Bench', passwordHash: null, isAdmin: true }, { actor: 'bench' });
      return { authorization: `Bearer ${(await s.apiKeys.create(user.id, { name: 'bench' }, { actor: 'bench' })).secret}` };
    };
    const pgAuth = await bearer(store);
    const liteAuth = await bearer(lite);
    const trellis = await buildServer({ store });
    const trellisLite = await buildServer({ store: lite });
    await trellis.listen({ port: 0, host: '127.0.0.1' });
    await trellisLite.listen({ port: 0, host: '127.0.0.1' });
    const raw = await handWritten(pool);
    servers.push(trellis, trellisLite, raw);

    // Same answers before measuring.
    const id = pgIds[0]!;
    const a = await (await fetch(`${baseUrl(trellis)}${TRELLIS_BASE}/${id}`, { headers: pgAuth })).json();
    const b = await (await fetch(`${baseUrl(raw)}/raw/customer/${id}`)).json();
    if (canonical(a) !== canonical(b)) throw new Error(`record API: trellis and hand-written disagree on a record:\n${JSON.stringify(a)}\n${JSON.stringify(b)}`);
    const filterQs = `filter=${encodeURIComponent(JSON.stringify(FILTER))}&sort=-created_at&limit=50`;
    const la = await (await fetch(`${baseUrl(trellis)}${TRELLIS_BASE}?${filterQs}`, { headers: pgAuth })).json();
    const lb = await (await fetch(`${baseUrl(raw)}/raw/customer?industry=retail`)).json();
    if (JSON.stringify(la.items.map((r: { id: string }) => r.id)) !== JSON.stringify(lb.items.map((r: { id: string }) => r.id)) || la.total !== lb.total) {
      throw new Error('record API: trellis and hand-written disagree on the filtered list');
    }

    const run = (name: string, u: string, o: Omit<Parameters<typeof load>[1], 'duration' | 'connections'>) =>
      load(u, { duration, connections, ...o }).then((r) => {
        console.log(`  ${name.padEnd(32)} ${r.rps.toFixed(0).padStart(7)} req/s   p99 ${String(r.p99).padStart(4)} ms${r.errors + r.non2xx > 0 ? `   (${r.errors} errors, ${r.non2xx} non-2xx!)` : ''}`);
        return r;
      });
    console.log(`record API, ${rows.toLocaleString('en')} rows, ${connections} connections, ${duration} s per run`);
    // Warm-up (JIT, pools, caches).
    await load(baseUrl(trellis), { duration: 1, connections, headers: pgAuth, path: () => `${TRELLIS_BASE}/${pick(pgIds)}` });
    await load(baseUrl(raw), { duration: 1, connections, path: () => `/raw/customer/${pick(pgIds)}` });

    const r: Record<string, RunResult> = {};
    r.getRaw = await run('get by id — hand-written pg', baseUrl(raw), { path: () => `/raw/customer/${pick(pgIds)}` });
    r.getTrellis = await run('get by id — trellis (PostgreSQL)', baseUrl(trellis), { headers: pgAuth, path: () => `${TRELLIS_BASE}/${pick(pgIds)}` });
    r.getLite = await run('get by id — trellis (PGlite)', baseUrl(trellisLite), { headers: liteAuth, path: () => `${TRELLIS_BASE}/${pick(liteIds)}` });
    r.listRaw = await run('list+filter — hand-written pg', baseUrl(raw), { path: () => '/raw/customer?industry=retail' });
    r.listTrellis = await run('list+filter — trellis (PostgreSQL)', baseUrl(trellis), { headers: pgAuth, path: () => `${TRELLIS_BASE}?${filterQs}` });
    r.listLite = await run('list+filter — trellis (PGlite)', baseUrl(trellisLite), { headers: liteAuth, path: () => `${TRELLIS_BASE}?${filterQs}` });
    r.createRaw = await run('create — hand-written pg', baseUrl(raw), { method: 'POST', path: () => '/raw/customer', body: newCustomer });
    r.createRawTx = await run('create — hand-written pg, 2-statement tx', baseUrl(raw), { method: 'POST', path: () => '/raw/customer-tx', body: newCustomer });
    r.createTrellis = await run('create — trellis (PostgreSQL)', baseUrl(trellis), { headers: pgAuth, method: 'POST', path: () => TRELLIS_BASE, body: newCustomer });

    const ratio = (x: RunResult, y: RunResult) => x.rps / y.rps;
    const p99Ratio = (x: RunResult, y: RunResult) => x.p99 / Math.max(1, y.p99);
    const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');
    console.log('ratios (trellis / hand-written):');
    for (const [name, t, h, goal] of [['get by id', r.getTrellis, r.getRaw, 0.7], ['list+filter', r.listTrellis, r.listRaw, 0.7]] as const) {
      const ok = ratio(t, h) >= goal && p99Ratio(t, h) <= 1.5;
      console.log(`  ${name.padEnd(12)} throughput ${ratio(t, h).toFixed(2)}x  p99 ${p99Ratio(t, h).toFixed(2)}x   (goal >= ${goal}x, p99 <= 1.5x: ${verdict(ok)})`);
    }
    console.log(`  create       throughput ${ratio(r.createTrellis, r.createRaw).toFixed(2)}x  p99 ${p99Ratio(r.createTrellis, r.createRaw).toFixed(2)}x   (goal >= 0.5x: ${verdict(ratio(r.createTrellis, r.createRaw) >= 0.5)})`);
    console.log(`  create vs the hand-written 2-statement transaction: ${ratio(r.createTrellis, r.createRawTx).toFixed(2)}x`);
    console.log('ratios (trellis on PGlite / trellis on PostgreSQL):');
    console.log(`  get by id    ${ratio(r.getLite, r.getTrellis).toFixed(2)}x   (goal >= 0.33x: ${verdict(ratio(r.getLite, r.getTrellis) >= 0.33)})`);
    console.log(`  list+filter  ${ratio(r.listLite, r.listTrellis).toFixed(2)}x   (goal >= 0.33x: ${verdict(ratio(r.listLite, r.listTrellis) >= 0.33)})`);
    return r;
  } finally {
    for (const s of servers) await s.close();
    await pool.end();
    await lite?.close();
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
