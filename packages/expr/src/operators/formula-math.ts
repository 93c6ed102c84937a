import { sql, type RawBuilder } from 'kysely';
import type { ExprNode } from '../expr-node.js';
import { num, roundTo } from '../formula-runtime.js';
import { defineOperator, type JsFn, type OperatorDescriptor, type OpInput, type SqlFn, type TypeChecker } from '../operator.js';
import { expectType } from '../type-rules.js';

const f8 = (e: RawBuilder<unknown>) => sql`(${e})::float8`;
/** A number as the exact decimal of its shortest text (what JS prints), so rounding agrees with `roundTo`. */
const nm = (e: RawBuilder<unknown>) => sql`(${e})::float8::text::numeric`;

function checkNumeric(op: OpInput, t: TypeChecker, alwaysNullable = false) {
  for (const a of op.args) expectType(a, ['number'], t, op.name);
  return { type: 'number' as const, nullable: alwaysNullable || op.args.some((a) => a.nullable) };
}

/** Compiles every argument as a number (null when it is not one). */
function numbers(op: { args: readonly ExprNode[] }, c: { value(n: ExprNode): JsFn }): JsFn[] {
  return op.args.map((a) => {
    const f = c.value(a);
    return (r, x) => num(f(r, x));
  });
}

function sqlArgs(op: { args: readonly ExprNode[] }, c: { value(n: ExprNode): SqlFn }): SqlFn[] {
  return op.args.map((a) => c.value(a));
}

/** One-number function with the same float8 semantics in JS and SQL. */
function unary(name: string, description: string, js: (x: number) => number, sqlOf: (x: RawBuilder<unknown>) => RawBuilder<unknown>): OperatorDescriptor {
  return defineOperator({
    name,
    arity: [1, 1],
    description,
    check: (op, t) => checkNumeric(op, t),
    js: (op, c) => {
      const [fa] = numbers(op, c) as [JsFn];
      return (r, x) => {
        const a = fa(r, x) as number | null;
        if (a === null) return null;
        const v = js(a);
        return v === 0 ? 0 : v;
      };
    },
    sql: (op, c) => {
      const [fa] = sqlArgs(op, c) as [SqlFn];
      return (env) => {
        const p = fa(env);
        return { expr: sqlOf(f8(p.expr)), nullable: p.nullable };
      };
    },
  });
}

/** `abs`: the absolute value. */
export const absOperator = unary('abs', 'Absolute value.', Math.abs, (x) => sql`abs(${x})`);
/** `int`: the largest integer not above the number (INT(-1.5) = -2). */
export const intOperator = unary('int', 'The integer part, rounding down (INT(-1.5) = -2).', Math.floor, (x) => sql`floor(${x})`);

function rounding(name: 'round' | 'roundUp' | 'roundDown', mode: 'round' | 'up' | 'down', description: string): OperatorDescriptor {
  return defineOperator({
    name,
    arity: [1, 2],
    description,
    check: (op, t) => checkNumeric(op, t),
    js: (op, c) => {
      const [fa, fd] = numbers(op, c) as [JsFn, JsFn | undefined];
      return (r, x) => {
        const a = fa(r, x) as number | null;
        const d = fd ? (fd(r, x) as number | null) : 0;
        return a === null || d === null ? null : roundTo(a, d, mode);
      };
    },
    sql: (op, c) => {
      const [fa, fd] = sqlArgs(op, c) as [SqlFn, SqlFn | undefined];
      return (env) => {
        const a = fa(env);
        const d = fd ? sql`trunc(${fd(env).expr})::int` : sql`0`;
        const x = nm(a.expr);
        // scale 10^d as numeric, so the rounding happens on the decimal value like roundTo
        const p = sql`power(10::numeric, ${d})`;
        const expr =
          mode === 'round'
            ? sql`round(${x}, ${d})`
            : mode === 'up'
              ? sql`(sign(${x}) * ceil(abs(${x}) * ${p}) / ${p})`
              : sql`(sign(${x}) * floor(abs(${x}) * ${p}) / ${p})`;
        return { expr: f8(expr), nullable: a.nullable || (fd !== undefined && op.args[1]!.nullable) };
      };
    },
  });
}

/** `round`: half away from zero at `decimals` (default 0). */
export const roundOperator = rounding('round', 'round', 'Rounds half away from zero to the given decimals (default 0; negative rounds to tens, hundreds…).');
/** `roundUp`: away from zero. */
export const roundUpOperator = rounding('roundUp', 'up', 'Rounds away from zero to the given decimals.');
/** `roundDown`: toward zero. */
export const roundDownOperator = rounding('roundDown', 'down', 'Rounds toward zero to the given decimals.');

function toMultiple(name: 'ceiling' | 'floor', description: string): OperatorDescriptor {
  const jsRound = name === 'ceiling' ? Math.ceil : Math.floor;
  return defineOperator({
    name,
    arity: [1, 2],
    description,
    check: (op, t) => checkNumeric(op, t, op.args.length === 2),
    js: (op, c) => {
      const [fa, fs] = numbers(op, c) as [JsFn, JsFn | undefined];
      return (r, x) => {
        const a = fa(r, x) as number | null;
        const s = fs ? (fs(r, x) as number | null) : 1;
        if (a === null || s === null || s === 0) return null;
        const v = jsRound(a / s) * s;
        return v === 0 ? 0 : v;
      };
    },
    sql: (op, c) => {
      const [fa, fs] = sqlArgs(op, c) as [SqlFn, SqlFn | undefined];
      return (env) => {
        const a = fa(env);
        const s = fs ? f8(fs(env).expr) : sql`1::float8`;
        const q = sql`(${f8(a.expr)} / NULLIF(${s}, 0))`;
        const expr = name === 'ceiling' ? sql`(ceil(${q}) * ${s})` : sql`(floor(${q}) * ${s})`;
        return { expr, nullable: a.nullable || fs !== undefined };
      };
    },
  });
}

/** `ceiling`: up to the next multiple of `significance` (default 1). */
export const ceilingOperator = toMultiple('ceiling', 'Rounds up to the next multiple of the significance (default 1); significance 0 gives no value.');
/** `floor`: down to a multiple of `significance` (default 1). */
export const floorOperator = toMultiple('floor', 'Rounds down to a multiple of the significance (default 1); significance 0 gives no value.');

/** `mod`: spreadsheet remainder, with the sign of the divisor (MOD(-7, 3) = 2). */
export const modOperator = defineOperator({
  name: 'mod',
  arity: [2, 2],
  description: 'Remainder with the sign of the divisor (MOD(-7, 3) = 2); divisor 0 gives no value.',
  check: (op, t) => checkNumeric(op, t, true),
  js: (op, c) => {
    const [fa, fb] = numbers(op, c) as [JsFn, JsFn];
    return (r, x) => {
      const a = fa(r, x) as number | null;
      const b = fb(r, x) as number | null;
      if (a === null || b === null || b === 0) return null;
      const v = a - b * Math.floor(a / b);
      return v === 0 ? 0 : v;
    };
  },
  sql: (op, c) => {
    const [fa, fb] = sqlArgs(op, c) as [SqlFn, SqlFn];
    return (env) => {
      const a = f8(fa(env).expr);
      const b = f8(fb(env).expr);
      return { expr: sql`(${a} - ${b} * floor(${a} / NULLIF(${b}, 0)))`, nullable: true };
    };
  },
});

/** `power`: `base` raised to `exponent`; no value when the result is not a real number. */
export const powerOperator = defineOperator({
  name: 'power',
  arity: [2, 2],
  description: 'The base raised to the exponent; no value when that is not a real number (POWER(-8, 0.5)).',
  check: (op, t) => checkNumeric(op, t, true),
  js: (op, c) => {
    const [fa, fb] = numbers(op, c) as [JsFn, JsFn];
    return (r, x) => {
      const a = fa(r, x) as number | null;
      const b = fb(r, x) as number | null;
      if (a === null || b === null) return null;
      const v = a ** b;
      return Number.isFinite(v) ? v : null;
    };
  },
  sql: (op, c) => {
    const [fa, fb] = sqlArgs(op, c) as [SqlFn, SqlFn];
    return (env) => {
      const a = f8(fa(env).expr);
      const b = f8(fb(env).expr);
      // PostgreSQL raises an error where JS gives NaN/Infinity: answer NULL in those cases first
      return {
        expr: sql`(CASE WHEN (${a} < 0 AND ${b} <> trunc(${b})) OR (${a} = 0 AND ${b} < 0) THEN NULL ELSE power(${a}, ${b}) END)`,
        nullable: true,
      };
    };
  },
});
