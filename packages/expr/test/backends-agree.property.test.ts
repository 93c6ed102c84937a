import fc from 'fast-check';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileJs, truthy, type EvalContext, type VarSchema } from '../src/index.js';
import { openTestDb } from './pglite-kysely.js';
import { createRecordTable, insertRecords, selectedIds, sqlValues } from './sql-harness.js';

/**
 * Property tests: random conditions over a typed schema and random records; the JS closure
 * and the SQL expression (run on real PGlite) must select the same records and compute the
 * same values.
 */
const VARS: VarSchema = {
  n: { type: 'number' },
  m: { type: 'number' },
  i: { type: 'number', column: 'i_col' },
  s: { type: 'text' },
  t: { type: 'text' },
  b: { type: 'boolean' },
  d: { type: 'date' },
  e: { type: 'date' },
  dt: { type: 'datetime' },
  tags: { type: 'text_list' },
};

const v = (name: string) => ({ var: name });
const orNull = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null, freq: 4 });

const TEXTS = ['', 'a', 'b', 'ab', 'B', 'Ab', 'abc', 'ba', '华', '华为', 'a b', 'Z'];
const textValue = fc.oneof(fc.constantFrom(...TEXTS), fc.string({ unit: fc.constantFrom('a', 'b', 'A', '华', ' '), maxLength: 5 }));
const numberValue = fc.oneof(fc.integer({ min: -20, max: 20 }), fc.integer({ min: -4000, max: 4000 }).map((x) => x / 8));
const dayMs = fc.integer({ min: Date.UTC(2023, 0, 1) / 86_400_000, max: Date.UTC(2027, 11, 31) / 86_400_000 }).map((d) => d * 86_400_000);
const dateValue = dayMs.map((ms) => new Date(ms).toISOString().slice(0, 10));
const datetimeValue = fc
  .tuple(dayMs, fc.integer({ min: 0, max: 86_399_999 }))
  .map(([d, ms]) => new Date(d + ms).toISOString());

const record = fc.record({
  n: orNull(numberValue),
  m: orNull(numberValue),
  i: orNull(fc.integer({ min: -50, max: 50 })),
  s: orNull(textValue),
  t: orNull(textValue),
  b: orNull(fc.boolean()),
  d: orNull(dateValue),
  e: orNull(dateValue),
  dt: orNull(datetimeValue),
  tags: orNull(fc.array(fc.constantFrom('a', 'b', 'vip', '华'), { maxLength: 3 })),
});

const CMP = ['==', '!=', '<', '<=', '>', '>='] as const;

const { cond, num, text, date, datetime } = fc.letrec<{ cond: unknown; num: unknown; text: unknown; date: unknown; datetime: unknown }>((tie) => ({
  num: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(v('n'), v('m'), v('i')),
    numberValue,
    fc.tuple(fc.constantFrom('+', '-', '*', '/', 'min', 'max'), tie('num'), tie('num')).map(([op, a, b]) => ({ [op]: [a, b] })),
    fc.integer({ min: -7, max: 7 }).map((b) => ({ '%': [v('i'), b] })),
    fc.constantFrom('days', 'hours', 'weeks').map((u) => ({ dateDiff: [v('d'), v('e'), u] })),
    fc.constantFrom('days', 'hours', 'minutes').map((u) => ({ dateDiff: [v('dt'), v('d'), u] })),
    fc.tuple(tie('cond'), tie('num'), tie('num')).map(([c, a, b]) => ({ if: [c, a, b] })),
    fc.tuple(fc.constantFrom(v('n'), v('m')), numberValue).map(([a, d]) => ({ var: [a.var, d] })),
    // formula functions
    fc.tuple(fc.constantFrom('round', 'roundUp', 'roundDown'), tie('num'), fc.integer({ min: -2, max: 3 })).map(([op, a, d]) => ({ [op]: [a, d] })),
    fc.tuple(fc.constantFrom('abs', 'int', 'ceiling', 'floor'), tie('num')).map(([op, a]) => ({ [op]: [a] })),
    fc.tuple(fc.constantFrom('ceiling', 'floor', 'mod'), tie('num'), fc.constantFrom(0, 1, 2, 5, -3, 0.5)).map(([op, a, b]) => ({ [op]: [a, b] })),
    fc.tuple(fc.constantFrom('sum', 'average', 'count'), fc.array(tie('num'), { minLength: 1, maxLength: 3 })).map(([op, xs]) => ({ [op]: xs })),
    fc.tuple(tie('text'), tie('text')).map(([a, b]) => ({ countA: [a, b] })),
    tie('text').map((a) => ({ len: [a] })),
    fc.tuple(fc.constantFrom('year', 'month', 'day'), fc.oneof(tie('date'), tie('datetime'))).map(([op, a]) => ({ [op]: [a] })),
    fc.tuple(tie('date'), fc.oneof(tie('date'), tie('datetime')), fc.constantFrom('Y', 'M', 'D')).map(([a, b, u]) => ({ dateDif: [a, b, u] })),
  ),
  text: fc.oneof(
    { depthSize: 'small' },
    fc.constantFrom(v('s'), v('t')),
    textValue,
    tie('text').map((a) => ({ lower: [a] })),
    tie('text').map((a) => ({ upper: [a] })),
    fc.tuple(tie('text'), fc.integer({ min: -4, max: 4 }), fc.option(fc.integer({ min: -4, max: 4 }), { nil: undefined })).map(([s, a, b]) => ({ substr: b === undefined ? [s, a] : [s, a, b] })),
    fc.tuple(tie('text'), tie('text')).map(([a, b]) => ({ cat: [a, b] })),
    fc.tuple(fc.constantFrom('left', 'right'), tie('text'), fc.integer({ min: -1, max: 4 })).map(([op, s, n]) => ({ [op]: [s, n] })),
    fc.tuple(tie('text'), fc.integer({ min: 0, max: 4 }), fc.integer({ min: -1, max: 4 })).map(([s, a, b]) => ({ mid: [s, a, b] })),
    tie('text').map((a) => ({ trim: [a] })),
    fc.tuple(tie('num'), fc.integer({ min: 0, max: 3 })).map(([a, d]) => ({ fixed: [a, d] })),
  ),
  date: fc.oneof(
    { depthSize: 'small' },
    fc.constantFrom(v('d'), v('e')),
    fc.tuple(tie('date'), fc.integer({ min: -40, max: 40 }), fc.constantFrom('days', 'weeks', 'months', 'years')).map(([d, n, u]) => ({ dateAdd: [d, n, u] })),
    fc.tuple(tie('date'), fc.constantFrom('week', 'month', 'year', 'day')).map(([d, u]) => ({ startOf: [d, u] })),
    fc.constant({ today: [] }),
    fc.tuple(fc.integer({ min: 2020, max: 2030 }), fc.integer({ min: -13, max: 26 }), fc.integer({ min: -31, max: 62 })).map(([y, m, d]) => ({ makeDate: [y, m, d] })),
  ),
  datetime: fc.oneof(
    { depthSize: 'small' },
    fc.constant(v('dt')),
    fc.constant(v('$now')),
    fc.tuple(tie('datetime'), fc.integer({ min: -100, max: 100 }), fc.constantFrom('hours', 'days', 'months', 'minutes')).map(([d, n, u]) => ({ dateAdd: [d, n, u] })),
    fc.tuple(tie('datetime'), fc.constantFrom('hour', 'day', 'week', 'month', 'year')).map(([d, u]) => ({ startOf: [d, u] })),
  ),
  cond: fc.oneof(
    { depthSize: 'small', maxDepth: 4 },
    fc.tuple(fc.constantFrom(...CMP), tie('num'), tie('num')).map(([op, a, b]) => ({ [op]: [a, b] })),
    fc.tuple(fc.constantFrom(...CMP), tie('text'), tie('text')).map(([op, a, b]) => ({ [op]: [a, b] })),
    fc.tuple(fc.constantFrom(...CMP), tie('date'), fc.oneof(tie('date'), dateValue)).map(([op, a, b]) => ({ [op]: [a, b] })),
    fc.tuple(fc.constantFrom(...CMP), tie('datetime'), fc.oneof(tie('datetime'), tie('date'), datetimeValue)).map(([op, a, b]) => ({ [op]: [a, b] })),
    fc.tuple(fc.constantFrom('==', '!='), fc.constantFrom(v('s'), v('n'), v('d'), v('b'), v('tags'))).map(([op, a]) => ({ [op]: [a, null] })),
    fc.tuple(fc.constantFrom('==', '!='), fc.constantFrom(true, false)).map(([op, x]) => ({ [op]: [v('b'), x] })),
    fc.tuple(tie('num'), numberValue, numberValue).map(([x, a, b]) => ({ between: [x, Math.min(a, b), Math.max(a, b)] })),
    fc.tuple(tie('text'), fc.array(fc.oneof(textValue, fc.constant(null)), { maxLength: 4 })).map(([x, l]) => ({ in: [x, l] })),
    fc.array(numberValue, { maxLength: 4 }).map((l) => ({ in: [v('n'), l] })),
    fc.tuple(tie('text'), tie('text')).map(([a, b]) => ({ in: [a, b] })),
    fc.constantFrom('a', 'vip', '华').map((x) => ({ in: [x, v('tags')] })),
    fc.tuple(fc.constantFrom('startsWith', 'endsWith', 'contains'), tie('text'), tie('text')).map(([op, a, b]) => ({ [op]: [a, b] })),
    fc.constantFrom(v('s'), v('n'), v('tags'), v('d'), v('b')).map((a) => ({ isEmpty: [a] })),
    fc.constantFrom(v('b'), v('s'), v('n'), v('tags')).map((a) => ({ '!!': [a] })),
    fc.subarray(['n', 's', 'tags', 'd'], { minLength: 1 }).map((names) => ({ '!': { missing: names } })),
    fc.array(tie('cond'), { minLength: 1, maxLength: 3 }).map((c) => ({ and: c })),
    fc.array(tie('cond'), { minLength: 1, maxLength: 3 }).map((c) => ({ or: c })),
    tie('cond').map((c) => ({ '!': c })),
    fc.tuple(tie('cond'), tie('cond'), tie('cond')).map(([a, b, c]) => ({ if: [a, b, c] })),
  ),
}));

const ctx: EvalContext = { now: new Date('2026-05-17T08:30:00.000Z'), user: { id: 'u1' } };
const norm = (x: unknown) => (x === 0 ? 0 : x);

let db: Kysely<any>;
beforeAll(async () => {
  db = (await openTestDb()).db;
  await createRecordTable(db, VARS);
});
afterAll(async () => db?.destroy());

describe('JS and SQL backends agree on random conditions and records', () => {
  it('select the same records for random conditions', async () => {
    await fc.assert(
      fc.asyncProperty(cond, fc.array(record, { minLength: 1, maxLength: 6 }), async (rule, records) => {
        const js = compileJs(rule, VARS);
        const expected = records.flatMap((r, i) => (truthy(js(r, ctx)) ? [i] : []));
        await insertRecords(db, VARS, records);
        expect(await selectedIds(db, rule, VARS, ctx)).toEqual(expected);
        expect(await sqlValues(db, rule, VARS, ctx)).toEqual(records.map((r) => js(r, ctx)));
      }),
      { numRuns: 400 },
    );
  });

  it('compute the same values for random number, text and date expressions', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(num, text, date, datetime), fc.array(record, { minLength: 1, maxLength: 6 }), async (rule, records) => {
        const js = compileJs(rule, VARS);
        await insertRecords(db, VARS, records);
        expect((await sqlValues(db, rule, VARS, ctx)).map(norm)).toEqual(records.map((r) => norm(js(r, ctx))));
      }),
      { numRuns: 300 },
    );
  });
});
