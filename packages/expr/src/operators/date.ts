import { sql, type RawBuilder } from 'kysely';
import type { ExprNode } from '../expr-node.js';
import {
  DATE_ADD_UNITS,
  DATE_DIFF_UNITS,
  START_OF_UNITS,
  addToMs,
  diffMs,
  formatDate,
  formatDatetime,
  startOfMs,
  toMs,
  type DateAddUnit,
  type DateDiffUnit,
  type StartOfUnit,
} from '../js-runtime.js';
import { defineOperator, type TypeChecker } from '../operator.js';
import { coerceLiteral, expectType, isDateString } from '../type-rules.js';
import { dateToTimestamptz } from '../sql-runtime.js';

function unitOf<U extends string>(node: ExprNode, units: readonly U[], t: TypeChecker, op: string): U | undefined {
  if (node.kind === 'literal' && typeof node.value === 'string' && (units as readonly string[]).includes(node.value)) return node.value as U;
  t.error(node.path, `'${op}' needs a unit written as one of ${units.map((u) => `"${u}"`).join(', ')}`);
  return undefined;
}

/** Coerces a text literal to a date or datetime; checks the type otherwise. */
function dateArg(node: ExprNode, t: TypeChecker, op: string): ExprNode {
  if (node.kind === 'literal' && typeof node.value === 'string') {
    return coerceLiteral(node, isDateString(node.value) ? 'date' : 'datetime', t) ?? node;
  }
  expectType(node, ['date', 'datetime'], t, op);
  return node;
}

const DATE_UNITS: ReadonlySet<string> = new Set(['years', 'months', 'weeks', 'days']);

const INTERVAL: Record<DateAddUnit, (n: RawBuilder<unknown>) => RawBuilder<unknown>> = {
  years: (n) => sql`make_interval(years => ${n})`,
  months: (n) => sql`make_interval(months => ${n})`,
  weeks: (n) => sql`make_interval(weeks => ${n})`,
  days: (n) => sql`make_interval(days => ${n})`,
  hours: (n) => sql`make_interval(hours => ${n})`,
  minutes: (n) => sql`make_interval(mins => ${n})`,
  seconds: (n) => sql`make_interval(secs => ${n})`,
};

/** `dateAdd`: `{"dateAdd": [date, amount, "days"]}`; whole units, in UTC; month ends clamp. */
export const dateAddOperator = defineOperator({
  name: 'dateAdd',
  arity: [3, 3],
  description: 'Adds a whole number of years, months, weeks, days, hours, minutes or seconds (UTC; Jan 31 + 1 month = Feb 28/29).',
  check: (op, t) => {
    const d = dateArg(op.args[0]!, t, 'dateAdd');
    expectType(op.args[1]!, ['number'], t, 'dateAdd');
    const unit = unitOf(op.args[2]!, DATE_ADD_UNITS, t, 'dateAdd');
    const type = d.type === 'date' && unit && DATE_UNITS.has(unit) ? 'date' : 'datetime';
    return { type, nullable: d.nullable || op.args[1]!.nullable, args: [d, op.args[1]!, op.args[2]!] };
  },
  js: (op, c) => {
    const fd = c.value(op.args[0]!);
    const fn = c.value(op.args[1]!);
    const unit = (op.args[2] as { value: DateAddUnit }).value;
    const asDate = op.type === 'date';
    const dynamic = op.args[0]!.type === 'any';
    return (r, x) => {
      const d = fd(r, x);
      const n = fn(r, x);
      if (d === null || typeof n !== 'number') return null;
      const ms = toMs(d);
      if (Number.isNaN(ms)) return null;
      const out = addToMs(ms, n, unit);
      const dateOut = asDate || (dynamic && typeof d === 'string' && d.length === 10 && DATE_UNITS.has(unit));
      return dateOut ? formatDate(out) : formatDatetime(out);
    };
  },
  sql: (op, c) => {
    const fd = c.value(op.args[0]!);
    const fn = c.value(op.args[1]!);
    const interval = INTERVAL[(op.args[2] as { value: DateAddUnit }).value];
    const inputDate = op.args[0]!.type === 'date';
    return (env) => {
      const d = fd(env).expr;
      const iv = interval(sql`trunc(${fn(env).expr})::int`);
      if (inputDate && op.type === 'date') return { expr: sql`((${d} + ${iv})::date)`, nullable: true };
      if (inputDate) return { expr: sql`((${d}::timestamp + ${iv}) AT TIME ZONE 'UTC')`, nullable: true };
      return { expr: sql`(((${d} AT TIME ZONE 'UTC') + ${iv}) AT TIME ZONE 'UTC')`, nullable: true };
    };
  },
});

const UNIT_SECONDS: Record<DateDiffUnit, number> = { weeks: 604_800, days: 86_400, hours: 3_600, minutes: 60, seconds: 1 };

/** `dateDiff`: `{"dateDiff": [a, b, "days"]}` is a − b in whole units, truncated toward zero. */
export const dateDiffOperator = defineOperator({
  name: 'dateDiff',
  arity: [3, 3],
  description: 'Whole weeks, days, hours, minutes or seconds from b to a (a − b), truncated toward zero.',
  check: (op, t) => {
    const a = dateArg(op.args[0]!, t, 'dateDiff');
    const b = dateArg(op.args[1]!, t, 'dateDiff');
    unitOf(op.args[2]!, DATE_DIFF_UNITS, t, 'dateDiff');
    return { type: 'number', nullable: a.nullable || b.nullable, args: [a, b, op.args[2]!] };
  },
  js: (op, c) => {
    const fa = c.value(op.args[0]!);
    const fb = c.value(op.args[1]!);
    const unit = (op.args[2] as { value: DateDiffUnit }).value;
    return (r, x) => {
      const a = toMs(fa(r, x));
      const b = toMs(fb(r, x));
      return Number.isNaN(a) || Number.isNaN(b) ? null : diffMs(a, b, unit);
    };
  },
  sql: (op, c) => {
    const fa = c.valueAs(op.args[0]!, 'datetime');
    const fb = c.valueAs(op.args[1]!, 'datetime');
    const secs = UNIT_SECONDS[(op.args[2] as { value: DateDiffUnit }).value];
    return (env) => ({
      expr: sql`trunc((extract(epoch from ${fa(env).expr}) - extract(epoch from ${fb(env).expr})) / ${sql.lit(secs)})`,
      nullable: true,
    });
  },
});

/** `startOf`: `{"startOf": [date, "week"]}` — start of the UTC year, month, week (Monday), day or hour. */
export const startOfOperator = defineOperator({
  name: 'startOf',
  arity: [2, 2],
  description: 'The first day (or instant) of the year, month, week (Monday), day or hour containing the date, in UTC.',
  check: (op, t) => {
    const d = dateArg(op.args[0]!, t, 'startOf');
    const unit = unitOf(op.args[1]!, START_OF_UNITS, t, 'startOf');
    if (d.type === 'date' && unit === 'hour') t.error(op.args[1]!.path, `'startOf' of a date cannot be "hour"; use day, week, month or year`);
    return { type: d.type === 'date' ? 'date' : 'datetime', nullable: d.nullable, args: [d, op.args[1]!] };
  },
  js: (op, c) => {
    const fd = c.value(op.args[0]!);
    const unit = (op.args[1] as { value: StartOfUnit }).value;
    const asDate = op.type === 'date';
    return (r, x) => {
      const d = fd(r, x);
      const ms = toMs(d);
      if (Number.isNaN(ms)) return null;
      const out = startOfMs(ms, unit);
      return asDate || (op.args[0]!.type === 'any' && typeof d === 'string' && d.length === 10) ? formatDate(out) : formatDatetime(out);
    };
  },
  sql: (op, c) => {
    const fd = c.value(op.args[0]!);
    const unit = (op.args[1] as { value: StartOfUnit }).value;
    return (env) => {
      const d = fd(env).expr;
      if (op.type === 'date') return { expr: sql`(date_trunc(${unit}, ${d}::timestamp)::date)`, nullable: true };
      return { expr: sql`(date_trunc(${unit}, ${d} AT TIME ZONE 'UTC') AT TIME ZONE 'UTC')`, nullable: true };
    };
  },
});

