/**
 * Form-engine benchmark 2: the server-side submission pipeline.
 *
 * A 30-field form — text, numbers with ranges, dates, selects, booleans, email, phone, two
 * visible-when conditions and five formula fields (`price * qty`, a nested IF on it, CONCAT,
 * DATEDIF, ROUND of arithmetic) — and the same valid submissions processed by:
 *  - `@trellis/forms` `compileForm(form).process(input, { mode: 'create' })`
 *    (clean → compute → visibility → validate), compiled once;
 *  - a hand-written validator for exactly this form doing the same work by hand: trim,
 *    required, type, range, date, choice checks, the two conditions and the five formulas;
 *  - a bare ajv validator compiled from an equivalent JSON Schema (validation only: no
 *    cleaning, no formulas, no conditions).
 * All three must accept every submission, and Trellis and the hand-written validator must
 * produce the same record (checked before timing). Prints submissions per second (median of
 * several runs) and the ratios. Goal: ≥ 0.6× the hand-written validator.
 *
 * Run alone: `cd bench && node --import tsx form-submit.ts` (after `pnpm build`).
 */
import { pathToFileURL } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { Ajv } from 'ajv';
import type { FieldDef, FormDef } from '@trellis/schema';
import { compileForm } from '@trellis/forms';

type Rec = Record<string, unknown>;
const CHOICES = ['a', 'b', 'c', 'd', 'e'];
const choices = CHOICES.map((v) => ({ value: v, label: v.toUpperCase() }));

const fields: FieldDef[] = [];
const add = (key: string, type: string, required: boolean, options?: Record<string, unknown>, extra?: Partial<FieldDef>) =>
  fields.push({ id: `f_${key}`, key, type, label: key, required, ...(options ? { options } : {}), ...extra });
for (let i = 0; i < 7; i++) add(`text_${i}`, 'text', i < 4, { maxLength: 100 }, i === 6 ? { visibleWhen: { '==': [{ var: 'flag_0' }, true] } } : {});
for (let i = 0; i < 5; i++) add(`num_${i}`, 'number', i < 2, { min: 0, max: 1_000_000, precision: 2 });
for (let i = 0; i < 3; i++) add(`date_${i}`, 'date', i < 2);
for (let i = 0; i < 4; i++) add(`sel_${i}`, 'single_select', i < 2, { choices });
for (let i = 0; i < 2; i++) add(`multi_${i}`, 'multi_select', false, { choices }, i === 1 ? { visibleWhen: { '!=': [{ var: 'sel_1' }, 'e'] } } : {});
for (let i = 0; i < 2; i++) add(`flag_${i}`, 'boolean', false);
add('email', 'email', true);
add('phone', 'phone', true);
const formula = (key: string, text: string, resultType: string, precision?: number) =>
  add(key, 'formula', false, { formula: text, resultType, ...(precision === undefined ? {} : { precision }) });
formula('total', 'num_0 * num_1', 'number', 2);
formula('grade', 'IF(total > 500000, "A", IF(total > 10000, "B", "C"))', 'text');
formula('title', 'CONCAT(text_0, "-", sel_0)', 'text');
formula('days', 'DATEDIF(date_0, date_1, "D")', 'number');
formula('score', 'ROUND(num_2 / 100 + num_3 * 0.5, 1)', 'number');
const form: FormDef = { key: 'bench', name: 'Bench', fields };
const inputFields = fields.filter((f) => f.type !== 'formula');

function submission(n: number): Rec {
  const r: Rec = {};
  for (let i = 0; i < 7; i++) r[`text_${i}`] = `value ${n} of text ${i}`;
  for (let i = 0; i < 5; i++) r[`num_${i}`] = (n * 7 + i) % 100_000;
  for (let i = 0; i < 3; i++) r[`date_${i}`] = `2026-0${1 + ((n + i) % 9)}-1${(n + i) % 10}`;
  for (let i = 0; i < 4; i++) r[`sel_${i}`] = CHOICES[(n + i) % 5];
  for (let i = 0; i < 2; i++) r[`multi_${i}`] = [CHOICES[n % 5], CHOICES[(n + 2) % 5]];
  for (let i = 0; i < 2; i++) r[`flag_${i}`] = (n + i) % 2 === 0;
  r.email = `user${n}@example.com`;
  r.phone = `1380013${String(n % 10_000).padStart(4, '0')}`;
  return r;
}

/** The JSON Schema a developer would write by hand for this form's inputs. */
function bareSchema(): object {
  const properties: Record<string, object> = {};
  for (const f of inputFields) {
    const nullable = (s: object) => ({ anyOf: [s, { type: 'null' }] });
    if (f.type === 'text') properties[f.key] = nullable({ type: 'string', maxLength: 100 });
    else if (f.type === 'number') properties[f.key] = nullable({ type: 'number', minimum: 0, maximum: 1_000_000 });
    else if (f.type === 'date') properties[f.key] = nullable({ type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
    else if (f.type === 'single_select') properties[f.key] = nullable({ enum: CHOICES });
    else if (f.type === 'multi_select') properties[f.key] = nullable({ type: 'array', items: { enum: CHOICES }, uniqueItems: true });
    else if (f.type === 'boolean') properties[f.key] = nullable({ type: 'boolean' });
    else if (f.type === 'email') properties[f.key] = { type: 'string', pattern: '^[^@\\s]+@[^@\\s]+\\.[a-z]{2,}$' };
    else if (f.type === 'phone') properties[f.key] = { type: 'string', pattern: '^1[3-9]\\d{9}$' };
  }
  return { type: 'object', properties, required: inputFields.filter((f) => f.required).map((f) => f.key), additionalProperties: false };
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const EMAIL = /^[^@\s]+@[^@\s]+\.[a-z]{2,}$/;
const MOBILE = /^1[3-9]\d{9}$/;
const CHOICE_SET = new Set(CHOICES);
const dayMs = (s: unknown) => (typeof s === 'string' ? Date.parse(s + 'T00:00:00Z') : NaN);
const round = (x: number, d: number) => {
  const f = 10 ** d;
  return Math.round(x * f) / f;
};

/** Hand-written: trims text, checks required, types, ranges, dates, choices, applies the two conditions and computes the five formulas. */
function handWritten(input: Rec): { ok: boolean; value: Rec; errors: string[] } {
  const value: Rec = {};
  const errors: string[] = [];
  for (const f of inputFields) {
    let v = input[f.key];
    if (typeof v === 'string') v = v.trim();
    if (v === undefined || v === '' || v === null) {
      value[f.key] = null;
      continue;
    }
    switch (f.type) {
      case 'text': if (typeof v !== 'string' || v.length > 100) errors.push(`/data/${f.key}`); break;
      case 'number': if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > 1_000_000 || round(v, 2) !== v) errors.push(`/data/${f.key}`); break;
      case 'date': {
        const m = typeof v === 'string' ? DATE.exec(v) : null;
        const d = m ? new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!)) : null;
        if (!d || d.getUTCMonth() !== +m![2]! - 1) errors.push(`/data/${f.key}`);
        break;
      }
      case 'single_select': if (!CHOICE_SET.has(v as string)) errors.push(`/data/${f.key}`); break;
      case 'multi_select': if (!Array.isArray(v) || !v.every((x) => CHOICE_SET.has(x as string))) errors.push(`/data/${f.key}`); else v = [...new Set(v)]; break;
      case 'boolean': if (typeof v !== 'boolean') errors.push(`/data/${f.key}`); break;
      case 'email': if (typeof v !== 'string' || !EMAIL.test(v)) errors.push(`/data/${f.key}`); break;
      case 'phone': if (typeof v !== 'string' || !MOBILE.test(v)) errors.push(`/data/${f.key}`); break;
    }
    value[f.key] = v;
  }
  for (const k of Object.keys(input)) if (!(k in value)) errors.push(`/data/${k}`);
  // formulas
  const n0 = value.num_0 as number | null;
  const n1 = value.num_1 as number | null;
  const total = n0 === null || n1 === null ? null : round(n0 * n1, 2);
  value.total = total;
  value.grade = total !== null && total > 500000 ? 'A' : total !== null && total > 10000 ? 'B' : 'C';
  value.title = `${(value.text_0 as string | null) ?? ''}-${(value.sel_0 as string | null) ?? ''}`;
  const d0 = dayMs(value.date_0);
  const d1 = dayMs(value.date_1);
  value.days = Number.isNaN(d0) || Number.isNaN(d1) ? null : Math.round((d1 - d0) / 86_400_000);
  const n2 = value.num_2 as number | null;
  const n3 = value.num_3 as number | null;
  value.score = n2 === null || n3 === null ? null : round(n2 / 100 + n3 * 0.5, 1);
  // conditions: hidden fields are not required and are emptied
  if (value.flag_0 !== true) value.text_6 = null;
  if (value.sel_1 === 'e') value.multi_1 = null;
  for (const f of inputFields) if (f.required && value[f.key] === null) errors.push(`/data/${f.key}`);
  return { ok: errors.length === 0, value, errors };
}

/**
 * Rates (records per CPU second of this process) of each function, median of `runs` rounds;
 * each round runs every function once, in turn. CPU time rather than wall time, and rounds in
 * turn, because the machine is shared: other processes' load then hits all three alike.
 */
function timeRounds(records: Rec[], fns: readonly ((r: Rec) => unknown)[], runs: number): number[] {
  const rates = fns.map(() => [] as number[]);
  for (let run = 0; run < runs; run++) {
    fns.forEach((fn, i) => {
      const t0 = process.cpuUsage();
      for (const r of records) fn(r);
      const used = process.cpuUsage(t0);
      rates[i]!.push(records.length / ((used.user + used.system) / 1e6));
    });
  }
  return rates.map((r) => r.sort((a, b) => a - b)[Math.floor(r.length / 2)]!);
}

/** Runs the benchmark and prints the figures. */
export async function main(): Promise<{ trellis: number; ajv: number; hand: number; ratio: number }> {
  const count = Number(process.env.BENCH_RECORDS ?? 20_000);
  const runs = Number(process.env.BENCH_RUNS ?? 7);
  const records = Array.from({ length: count }, (_, i) => submission(i));
  const compiled = compileForm(form);
  const ajv = new Ajv({ allErrors: true });
  const bare = ajv.compile(bareSchema());
  const trellis = (r: Rec) => compiled.process(r, { mode: 'create' });

  for (const r of records) {
    const t = trellis(r);
    if (!t.ok) throw new Error(`[bench] trellis refused a valid submission: ${JSON.stringify(t.errors)}`);
    if (!bare(r)) throw new Error(`[bench] bare ajv refused a valid submission: ${ajv.errorsText(bare.errors)}`);
    const h = handWritten(r);
    if (!h.ok) throw new Error('[bench] the hand-written validator refused a valid submission');
    if (!isDeepStrictEqual(t.value, h.value)) throw new Error(`[bench] trellis and the hand-written validator disagree: ${JSON.stringify(t.value)} vs ${JSON.stringify(h.value)}`);
  }
  const fns = [trellis, (r: Rec) => bare(r), handWritten];
  timeRounds(records, fns, 2); // warm up
  const [t, a, h] = timeRounds(records, fns, runs) as [number, number, number];
  const rate = { trellis: t, ajv: a, hand: h };
  const fmt = (n: number) => `${(n / 1000).toFixed(1).padStart(8)} k/s`;
  console.log(`form submission pipeline: 30-field form with 5 formulas and 2 conditions, ${count} valid submissions, median of ${runs} rounds, per CPU second`);
  console.log(`  trellis compileForm().process  ${fmt(rate.trellis)}`);
  console.log(`  bare ajv (validation only)     ${fmt(rate.ajv)}`);
  // the hand-written validator does the whole pipeline by hand: cleaning, conditions, formulas
  console.log(`  hand-written validator         ${fmt(rate.hand)}`);
  const ratio = rate.trellis / rate.hand;
  console.log(`  trellis / hand-written ${ratio.toFixed(2)}x (goal >= 0.6x: ${ratio >= 0.6 ? 'met' : 'NOT met'}); bare ajv / hand-written ${(rate.ajv / rate.hand).toFixed(2)}x`);
  return { ...rate, ratio };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await main();
}
