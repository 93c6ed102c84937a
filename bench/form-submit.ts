/**
 * Form-engine benchmark 2: the server-side submission pipeline.
 *
 * A 30-field form (text, numbers with ranges, dates, selects, booleans, email, phone)
 * and the same valid submissions processed by:
 *  - `@trellis/forms` `compileForm(form).process(input, { mode: 'create' })`
 *    (clean → defaults → visibility → validate), compiled once;
 *  - a bare ajv validator compiled from an equivalent JSON Schema (validation only, no cleaning);
 *  - a hand-written validator for exactly this form (trim, required, type, range, choice checks).
 * All three must accept every submission (checked before timing). Prints submissions per
 * second (median of several runs) and the ratios. Goal: ≥ 0.6× the hand-written validator.
 * Formula fields are not in the form yet: the formula engine belongs to a later step.
 *
 * Run alone: `cd bench && node --import tsx form-submit.ts` (after `pnpm build`).
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { Ajv } from 'ajv';
import type { FieldDef, FormDef } from '@trellis/schema';
import { compileForm } from '@trellis/forms';

type Rec = Record<string, unknown>;
const CHOICES = ['a', 'b', 'c', 'd', 'e'];
const choices = CHOICES.map((v) => ({ value: v, label: v.toUpperCase() }));

const fields: FieldDef[] = [];
const add = (key: string, type: string, required: boolean, options?: Record<string, unknown>) =>
  fields.push({ id: `f_${key}`, key, type, label: key, required, ...(options ? { options } : {}) });
for (let i = 0; i < 10; i++) add(`text_${i}`, 'text', i < 4, { maxLength: 100 });
for (let i = 0; i < 5; i++) add(`num_${i}`, 'number', i < 2, { min: 0, max: 1_000_000, precision: 2 });
for (let i = 0; i < 4; i++) add(`date_${i}`, 'date', i < 1);
for (let i = 0; i < 4; i++) add(`sel_${i}`, 'single_select', i < 2, { choices });
for (let i = 0; i < 2; i++) add(`multi_${i}`, 'multi_select', false, { choices });
for (let i = 0; i < 3; i++) add(`flag_${i}`, 'boolean', false);
add('email', 'email', true);
add('phone', 'phone', true);
const form: FormDef = { key: 'bench', name: 'Bench', fields };

function submission(n: number): Rec {
  const r: Rec = {};
  for (let i = 0; i < 10; i++) r[`text_${i}`] = `value ${n} of text ${i}`;
  for (let i = 0; i < 5; i++) r[`num_${i}`] = (n * 7 + i) % 100_000;
  for (let i = 0; i < 4; i++) r[`date_${i}`] = `2026-0${1 + ((n + i) % 9)}-1${(n + i) % 10}`;
  for (let i = 0; i < 4; i++) r[`sel_${i}`] = CHOICES[(n + i) % 5];
  for (let i = 0; i < 2; i++) r[`multi_${i}`] = [CHOICES[n % 5], CHOICES[(n + 2) % 5]];
  for (let i = 0; i < 3; i++) r[`flag_${i}`] = (n + i) % 2 === 0;
  r.email = `user${n}@example.com`;
  r.phone = `1380013${String(n % 10_000).padStart(4, '0')}`;
  return r;
}

/** The JSON Schema a developer would write by hand for this form. */
function bareSchema(): object {
  const properties: Record<string, object> = {};
  for (const f of fields) {
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
  return { type: 'object', properties, required: fields.filter((f) => f.required).map((f) => f.key), additionalProperties: false };
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const EMAIL = /^[^@\s]+@[^@\s]+\.[a-z]{2,}$/;
const MOBILE = /^1[3-9]\d{9}$/;
const CHOICE_SET = new Set(CHOICES);

/** Hand-written: trims text, checks required, types, ranges, dates, choices; returns the clean record or errors. */
function handWritten(input: Rec): { ok: boolean; value: Rec; errors: string[] } {
  const value: Rec = {};
  const errors: string[] = [];
  for (const f of fields) {
    let v = input[f.key];
    if (typeof v === 'string') v = v.trim();
    if (v === undefined || v === '' || v === null) {
      if (f.required) errors.push(`/data/${f.key}`);
      value[f.key] = null;
      continue;
    }
    switch (f.type) {
      case 'text': if (typeof v !== 'string' || v.length > 100) errors.push(`/data/${f.key}`); break;
      case 'number': if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > 1_000_000) errors.push(`/data/${f.key}`); break;
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
  return { ok: errors.length === 0, value, errors };
}

function timeRuns(records: Rec[], fn: (r: Rec) => unknown, runs: number): number {
  const rates: number[] = [];
  for (let run = 0; run < runs; run++) {
    const t0 = performance.now();
    for (const r of records) fn(r);
    rates.push(records.length / ((performance.now() - t0) / 1000));
  }
  rates.sort((a, b) => a - b);
  return rates[Math.floor(rates.length / 2)]!;
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
    if (!handWritten(r).ok) throw new Error('[bench] the hand-written validator refused a valid submission');
  }
  // warm up
  timeRuns(records, trellis, 2);
  timeRuns(records, (r) => bare(r), 2);
  timeRuns(records, handWritten, 2);
  const rate = { trellis: timeRuns(records, trellis, runs), ajv: timeRuns(records, (r) => bare(r), runs), hand: timeRuns(records, handWritten, runs) };
  const fmt = (n: number) => `${(n / 1000).toFixed(1).padStart(8)} k/s`;
  console.log(`form submission pipeline: 30-field form, ${count} valid submissions, median of ${runs} runs`);
  console.log(`  trellis compileForm().process  ${fmt(rate.trellis)}`);
  console.log(`  bare ajv (validation only)     ${fmt(rate.ajv)}`);
  console.log(`  hand-written validator         ${fmt(rate.hand)}`);
  const ratio = rate.trellis / rate.hand;
  console.log(`  trellis / hand-written ${ratio.toFixed(2)}x (goal >= 0.6x: ${ratio >= 0.6 ? 'met' : 'NOT met'}); bare ajv / hand-written ${(rate.ajv / rate.hand).toFixed(2)}x`);
  return { ...rate, ratio };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await main();
}
