import { sql, type RawBuilder } from 'kysely';
import type { ExprNode } from '../expr-node.js';
import { formatDate } from '../js-runtime.js';
import { DATEDIF_UNITS, dateDif, dateParts, makeDate, num, type DateDifUnit } from '../formula-runtime.js';
import { defineOperator, type JsFn, type OperatorDescriptor, type SqlFn, type TypeChecker } from '../operator.js';
import { coerceLiteral, expectType, isDateString } from '../type-rules.js';

/** A text literal becomes a date or datetime; anything else must be one. */
function dateArg(node: ExprNode, t: TypeChecker, op: string): ExprNode {
  if (node.kind === 'literal' && typeof node.value === 'string') {
    return coerceLiteral(node, isDateString(node.value) ? 'date' : 'datetime', t) ?? node;
  }
  expectType(node, ['date', 'datetime'], t, op);
  return node;
}

/** The UTC calendar date of a date or datetime SQL value. */
function sqlDate(node: ExprNode, e: RawBuilder<unknown>): RawBuilder<unknown> {
  return node.type === 'datetime' ? sql`((${e}) AT TIME ZONE 'UTC')::date` : sql`(${e})::date`;
}

/** `today`: the context's date (`ctx.now`, else the clock) in UTC. */
export const todayOperator = defineOperator({
  name: 'today',
  arity: [0, 0],
  description: "Today's date (UTC) of the evaluation: the context's `now`, else the clock.",
  check: () => ({ type: 'date', nullable: false }),
  js: () => (_r, c) => formatDate((c?.now ?? new Date()).getTime()),
  sql: (_op, c) => (env) => ({ expr: c.param(formatDate((env.ctx?.now ?? new Date()).getTime()), 'date'), nullable: false }),
});

function part(name: 'year' | 'month' | 'day', description: string): OperatorDescriptor {
  const field = name === 'year' ? 'y' : name === 'month' ? 'm' : 'd';
  return defineOperator({
    name,
    arity: [1, 1],
    description,
    check: (op, t) => {
      const d = dateArg(op.args[0]!, t, name);
      return { type: 'number', nullable: d.nullable, args: [d] };
    },
    js: (op, c) => {
      const f = c.value(op.args[0]!);
      return (r, x) => {
        const p = dateParts(f(r, x));
        return p === undefined ? null : p[field];
      };
    },
    sql: (op, c) => {
      const f = c.value(op.args[0]!);
      return (env) => {
        const d = sqlDate(op.args[0]!, f(env).expr);
        const expr = name === 'year' ? sql`extract(year from ${d})` : name === 'month' ? sql`extract(month from ${d})` : sql`extract(day from ${d})`;
        return { expr: sql`(${expr})::float8`, nullable: true };
      };
    },
  });
}

/** `year`: the (UTC) year of a date. */
export const yearOperator = part('year', 'The year of a date or datetime (UTC).');
/** `month`: 1–12. */
export const monthOperator = part('month', 'The month (1–12) of a date or datetime (UTC).');
/** `day`: 1–31. */
export const dayOperator = part('day', 'The day of the month (1–31) of a date or datetime (UTC).');

/** `makeDate`: DATE(year, month, day), months and days rolling over like a spreadsheet. */
export const makeDateOperator = defineOperator({
  name: 'makeDate',
  arity: [3, 3],
  description: 'The date of year, month and day; months and days beyond their range roll over (month 13 = January of the next year, day 0 = the last day of the month before). Years 1–9999.',
  check: (op, t) => {
    for (const a of op.args) expectType(a, ['number'], t, 'makeDate');
    return { type: 'date', nullable: true };
  },
  js: (op, c) => {
    const [fy, fm, fd] = op.args.map((a) => c.value(a)) as [JsFn, JsFn, JsFn];
    return (r, x) => {
      const y = num(fy(r, x));
      const m = num(fm(r, x));
      const d = num(fd(r, x));
      return y === null || m === null || d === null ? null : makeDate(y, m, d);
    };
  },
  sql: (op, c) => {
    const [fy, fm, fd] = op.args.map((a) => c.value(a)) as [SqlFn, SqlFn, SqlFn];
    return (env) => {
      const y = sql`trunc((${fy(env).expr})::float8)::int`;
      const m = sql`trunc((${fm(env).expr})::float8)::int`;
      const d = sql`trunc((${fd(env).expr})::float8)::int`;
      const date = sql`(make_date(${y}, 1, 1) + make_interval(months => ${m} - 1, days => ${d} - 1))::date`;
      return { expr: sql`(CASE WHEN ${y} BETWEEN 1 AND 9999 THEN ${date} END)`, nullable: true };
    };
  },
});

/** `dateDif`: `{"dateDif": [start, end, "Y"|"M"|"D"]}` — whole years, months or days from start to end. */
export const dateDifOperator = defineOperator({
  name: 'dateDif',
  arity: [3, 3],
  description: 'Whole years ("Y"), months ("M") or days ("D") from start to end, on calendar dates (UTC); negative when end is before start.',
  check: (op, t) => {
    const a = dateArg(op.args[0]!, t, 'dateDif');
    const b = dateArg(op.args[1]!, t, 'dateDif');
    const u = op.args[2]!;
    if (u.kind !== 'literal' || typeof u.value !== 'string' || !(DATEDIF_UNITS as readonly string[]).includes(u.value)) {
      t.error(u.path, `'dateDif' needs a unit written as one of ${DATEDIF_UNITS.map((x) => `"${x}"`).join(', ')}`);
    }
    return { type: 'number', nullable: a.nullable || b.nullable, args: [a, b, u] };
  },
  js: (op, c) => {
    const fa = c.value(op.args[0]!);
    const fb = c.value(op.args[1]!);
    const unit = (op.args[2] as { value: DateDifUnit }).value;
    return (r, x) => dateDif(fa(r, x), fb(r, x), unit);
  },
  sql: (op, c) => {
    const fa = c.value(op.args[0]!);
    const fb = c.value(op.args[1]!);
    const unit = (op.args[2] as { value: DateDifUnit }).value;
    return (env) => {
      const a = sqlDate(op.args[0]!, fa(env).expr);
      const b = sqlDate(op.args[1]!, fb(env).expr);
      if (unit === 'D') return { expr: sql`((${b} - ${a}))::float8`, nullable: true };
      const age = sql`age(${b}, ${a})`;
      const months = sql`(extract(year from ${age}) * 12 + extract(month from ${age}))`;
      return { expr: unit === 'M' ? sql`(${months})::float8` : sql`trunc(${months} / 12)::float8`, nullable: true };
    };
  },
});

