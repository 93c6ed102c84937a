/**
 * Benchmark 1: evaluating conditions on records.
 *
 * The same conditions, each compiled once, evaluated on the same records by:
 *  - `@trellis/expr` `compileJs` closures;
 *  - `json-logic-js` `apply` (the reference interpreter);
 *  - `json-logic-engine` compiled (`new LogicEngine().build(rule)`);
 *  - a hand-written closure (the physical limit).
 * Every engine must give the same truthiness on every record (checked before timing).
 * Prints evaluations per second (median of several runs), the ratios and their geometric
 * means. Goal: ≥ 0.25× the hand-written closure and ≥ 40× `json-logic-js`.
 *
 * Run alone: `cd bench && node --import tsx conditions.ts` (after `pnpm build`).
 * Env: `BENCH_RECORDS` (default 20 000), `BENCH_RUNS` (default 7).
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { compileJs, type VarSchema } from '@trellis/expr';
import jsonLogic from 'json-logic-js';
import { LogicEngine } from 'json-logic-engine';

type Rec = Record<string, unknown>;
type Fn = (r: Rec) => unknown;

const VARS: VarSchema = {
  status: { type: 'text' },
  priority: { type: 'text' },
  industry: { type: 'text' },
  amount: { type: 'number' },
  probability: { type: 'number' },
  name: { type: 'text' },
  code: { type: 'text' },
  due: { type: 'date' },
};

const INDUSTRIES = ['retail', 'finance', 'health', 'energy', 'it', 'logistics', 'education', 'manufacturing'];
const TARGET_INDUSTRIES = ['retail', 'finance', 'health', 'energy'];

/** The conditions: a realistic mix of what list filters, visibility and rules use. */
interface Case {
  readonly name: string;
  readonly rule: unknown;
  readonly hand: Fn;
}

const CASES: readonly Case[] = [
  {
    name: 'and/or of comparisons',
    rule: { and: [{ '==': [{ var: 'status' }, 'open'] }, { or: [{ '>': [{ var: 'amount' }, 10000] }, { '==': [{ var: 'priority' }, 'high'] }] }] },
    hand: (r) => r.status === 'open' && (((r.amount as number | null) ?? -Infinity) > 10000 || r.priority === 'high'),
  },
  {
    name: 'in a list',
    rule: { in: [{ var: 'industry' }, TARGET_INDUSTRIES] },
    hand: (r) => TARGET_INDUSTRIES.includes(r.industry as string),
  },
  {
    name: 'date window',
    rule: { and: [{ '>=': [{ var: 'due' }, '2026-01-01'] }, { '<': [{ var: 'due' }, '2026-04-01'] }] },
    hand: (r) => {
      const d = r.due as string | null;
      return d !== null && d >= '2026-01-01' && d < '2026-04-01';
    },
  },
  {
    name: 'string ops (substring, prefix)',
    // defaults: json-logic-engine's substr throws on null
    rule: { or: [{ in: ['科技', { var: ['name', ''] }] }, { '==': [{ substr: [{ var: ['code', ''] }, 0, 2] }, 'CN'] }] },
    hand: (r) => {
      const n = r.name as string | null;
      const c = r.code as string | null;
      return (n !== null && n.includes('科技')) || (c !== null && c.slice(0, 2) === 'CN');
    },
  },
  {
    name: 'arithmetic (weighted amount)',
    rule: { '>': [{ '*': [{ var: 'amount' }, { var: 'probability' }] }, 5000] },
    hand: (r) => {
      const a = r.amount as number | null;
      const p = r.probability as number | null;
      return a !== null && p !== null && a * p > 5000;
    },
  },
  {
    name: 'compound (scope + filter)',
    rule: {
      and: [
        { or: [{ '==': [{ var: 'priority' }, 'high'] }, { in: [{ var: 'industry' }, TARGET_INDUSTRIES] }] },
        { '!=': [{ var: 'status' }, 'lost'] },
        { '>=': [{ var: 'amount' }, 1000] },
        { '<': [{ var: 'due' }, '2026-06-01'] },
        { '>': [{ var: 'probability' }, 0.2] },
      ],
    },
    hand: (r) => {
      const a = r.amount as number | null;
      const d = r.due as string | null;
      const p = r.probability as number | null;
      return (
        (r.priority === 'high' || TARGET_INDUSTRIES.includes(r.industry as string)) &&
        r.status !== 'lost' &&
        a !== null && a >= 1000 &&
        d !== null && d < '2026-06-01' &&
        p !== null && p > 0.2
      );
    },
  },
];

/** A small deterministic PRNG (mulberry32), so every run sees the same records. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function makeRecords(n: number): Rec[] {
  const rnd = prng(42);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const maybe = <T>(v: T) => (rnd() < 0.08 ? null : v);
  const out: Rec[] = [];
  for (let i = 0; i < n; i++) {
    const day = new Date(Date.UTC(2025, 6, 1) + Math.floor(rnd() * 400) * 86_400_000).toISOString().slice(0, 10);
    out.push({
      status: maybe(pick(['open', 'won', 'lost', 'open'])),
      priority: maybe(pick(['low', 'normal', 'high'])),
      industry: maybe(pick(INDUSTRIES)),
      amount: maybe(Math.round(rnd() * 40000)),
      probability: maybe(Math.round(rnd() * 100) / 100),
      name: maybe(pick(['深圳', '华为', '腾讯', '阿里', 'Acme']) + pick(['科技有限公司', '贸易公司', 'Ltd', '集团'])),
      code: maybe(pick(['CN', 'US', 'DE', 'JP']) + String(1000 + i)),
      due: maybe(day),
    });
  }
  return out;
}

/** Evaluations per second of `fn` over all records (one timed pass of `passes` loops). */
function measure(fn: Fn, records: readonly Rec[], passes: number): number {
  let hits = 0;
  const t0 = performance.now();
  for (let p = 0; p < passes; p++) {
    for (let i = 0; i < records.length; i++) if (fn(records[i]!)) hits++;
  }
  const ms = performance.now() - t0;
  if (hits < 0) console.log(hits); // keeps the loop observable
  return (records.length * passes) / (ms / 1000);
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};
const geomean = (xs: readonly number[]) => Math.exp(xs.reduce((a, x) => a + Math.log(x), 0) / xs.length);

/** The result of one condition: evaluations per second per engine. */
export interface ConditionResult {
  readonly name: string;
  readonly expr: number;
  readonly jsonLogicJs: number;
  readonly jsonLogicEngine: number;
  readonly hand: number;
}

/** Runs the benchmark, prints a table and returns the figures. */
export async function main(): Promise<{ results: ConditionResult[]; vsHand: number; vsJsonLogicJs: number; vsEngine: number }> {
  const records = makeRecords(Number(process.env.BENCH_RECORDS ?? 20_000));
  const runs = Number(process.env.BENCH_RUNS ?? 7);
  const engine = new LogicEngine();
  const results: ConditionResult[] = [];

  for (const c of CASES) {
    const engines: Record<'expr' | 'jsonLogicJs' | 'jsonLogicEngine' | 'hand', Fn> = {
      expr: compileJs(c.rule, VARS) as Fn,
      jsonLogicJs: (r) => jsonLogic.apply(c.rule as jsonLogic.RulesLogic, r),
      jsonLogicEngine: engine.build(c.rule) as Fn,
      hand: c.hand,
    };
    // identical results on every record, before any timing
    for (const [name, fn] of Object.entries(engines)) {
      records.forEach((r, i) => {
        if (Boolean(fn(r)) !== Boolean(c.hand(r))) {
          throw new Error(`[bench] '${c.name}': ${name} disagrees with the hand-written closure on record ${i}: ${JSON.stringify(r)}`);
        }
      });
    }
    const samples: Record<keyof typeof engines, number[]> = { expr: [], jsonLogicJs: [], jsonLogicEngine: [], hand: [] };
    // warm up, then interleave the engines so drift hits all alike
    for (const fn of Object.values(engines)) measure(fn, records, 2);
    for (let run = 0; run < runs; run++) {
      samples.expr.push(measure(engines.expr, records, 10));
      samples.jsonLogicJs.push(measure(engines.jsonLogicJs, records, 1));
      samples.jsonLogicEngine.push(measure(engines.jsonLogicEngine, records, 10));
      samples.hand.push(measure(engines.hand, records, 10));
    }
    results.push({
      name: c.name,
      expr: median(samples.expr),
      jsonLogicJs: median(samples.jsonLogicJs),
      jsonLogicEngine: median(samples.jsonLogicEngine),
      hand: median(samples.hand),
    });
  }

  const fmt = (n: number) => `${(n / 1e6).toFixed(2)} M/s`.padStart(11);
  const ratio = (n: number) => `${n.toFixed(2)}x`.padStart(8);
  console.log(`conditions: evaluations per second, median of ${runs} runs over ${records.length.toLocaleString('en')} records (identical results checked on every record)`);
  console.log(`  ${'condition'.padEnd(32)} ${'expr'.padStart(11)} ${'jl-js'.padStart(11)} ${'jl-engine'.padStart(11)} ${'hand'.padStart(11)}   expr/hand  expr/jl-js  expr/jl-engine`);
  for (const r of results) {
    console.log(
      `  ${r.name.padEnd(32)} ${fmt(r.expr)} ${fmt(r.jsonLogicJs)} ${fmt(r.jsonLogicEngine)} ${fmt(r.hand)}   ${ratio(r.expr / r.hand)}    ${ratio(r.expr / r.jsonLogicJs)}      ${ratio(r.expr / r.jsonLogicEngine)}`,
    );
  }
  const vsHand = geomean(results.map((r) => r.expr / r.hand));
  const vsJsonLogicJs = geomean(results.map((r) => r.expr / r.jsonLogicJs));
  const vsEngine = geomean(results.map((r) => r.expr / r.jsonLogicEngine));
  const engineVsHand = geomean(results.map((r) => r.jsonLogicEngine / r.hand));
  console.log(`  geometric mean: expr/hand ${vsHand.toFixed(2)}x (goal >= 0.25x: ${vsHand >= 0.25 ? 'met' : 'NOT met'}), expr/json-logic-js ${vsJsonLogicJs.toFixed(1)}x (goal >= 40x: ${vsJsonLogicJs >= 40 ? 'met' : 'NOT met'}), expr/json-logic-engine ${vsEngine.toFixed(2)}x; json-logic-engine/hand ${engineVsHand.toFixed(2)}x`);
  return { results, vsHand, vsJsonLogicJs, vsEngine };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
}
