import { sql, type RawBuilder } from 'kysely';

import { TRIM_CHARS, charLength, fixed, num, slice, trimText } from '../formula-runtime.js';
import { defineOperator, type JsFn, type OperatorDescriptor, type SqlFn } from '../operator.js';
import { expectType } from '../type-rules.js';

const int = (e: RawBuilder<unknown>) => sql`trunc((${e})::float8)::int`;

function leftRight(name: 'left' | 'right'): OperatorDescriptor {
  return defineOperator({
    name,
    arity: [1, 2],
    description: `The first (LEFT) or last (RIGHT) n characters of a text (default 1; Chinese characters count one each); negative n gives no value.`,
    check: (op, t) => {
      expectType(op.args[0]!, ['text'], t, name);
      if (op.args[1]) expectType(op.args[1], ['number'], t, name);
      return { type: 'text', nullable: true };
    },
    js: (op, c) => {
      const fs = c.value(op.args[0]!);
      const fn: JsFn = op.args[1] ? c.value(op.args[1]) : () => 1;
      return (r, x) => {
        const s = fs(r, x);
        const n = num(fn(r, x));
        if (typeof s !== 'string' || n === null || n < 0) return null;
        const k = Math.trunc(n);
        const len = charLength(s);
        return name === 'left' ? slice(s, 0, k) : slice(s, Math.max(len - k, 0), len);
      };
    },
    sql: (op, c) => {
      const fs = c.value(op.args[0]!);
      const fn: SqlFn | undefined = op.args[1] ? c.value(op.args[1]) : undefined;
      return (env) => {
        const s = fs(env).expr;
        const n = fn ? fn(env).expr : sql`1`;
        const k = int(n);
        const body = name === 'left' ? sql`left(${s}, ${k})` : sql`right(${s}, ${k})`;
        return { expr: sql`(CASE WHEN (${n})::float8 < 0 THEN NULL ELSE ${body} END)`, nullable: true };
      };
    },
  });
}

/** `left`: the first n characters. */
export const leftOperator = leftRight('left');
/** `right`: the last n characters. */
export const rightOperator = leftRight('right');

/** `mid`: `n` characters from position `start` (1-based). */
export const midOperator = defineOperator({
  name: 'mid',
  arity: [3, 3],
  description: 'n characters of a text from position start (1 = the first character); start below 1 or negative n gives no value.',
  check: (op, t) => {
    expectType(op.args[0]!, ['text'], t, 'mid');
    expectType(op.args[1]!, ['number'], t, 'mid');
    expectType(op.args[2]!, ['number'], t, 'mid');
    return { type: 'text', nullable: true };
  },
  js: (op, c) => {
    const [fs, fst, fn] = op.args.map((a) => c.value(a)) as [JsFn, JsFn, JsFn];
    return (r, x) => {
      const s = fs(r, x);
      const st = num(fst(r, x));
      const n = num(fn(r, x));
      if (typeof s !== 'string' || st === null || n === null || st < 1 || n < 0) return null;
      const from = Math.trunc(st) - 1;
      return slice(s, from, from + Math.trunc(n));
    };
  },
  sql: (op, c) => {
    const [fs, fst, fn] = op.args.map((a) => c.value(a)) as [SqlFn, SqlFn, SqlFn];
    return (env) => {
      const s = fs(env).expr;
      const st = fst(env).expr;
      const n = fn(env).expr;
      return { expr: sql`(CASE WHEN (${st})::float8 < 1 OR (${n})::float8 < 0 THEN NULL ELSE substr(${s}, ${int(st)}, ${int(n)}) END)`, nullable: true };
    };
  },
});

/** `len`: the number of characters (a blank counts 0). */
export const lenOperator = defineOperator({
  name: 'len',
  arity: [1, 1],
  description: 'The number of characters of a text (each Chinese character counts 1); a blank has 0.',
  check: (op, t) => {
    expectType(op.args[0]!, ['text'], t, 'len');
    return { type: 'number', nullable: false };
  },
  js: (op, c) => {
    const f = c.value(op.args[0]!);
    return (r, x) => {
      const s = f(r, x);
      return typeof s === 'string' ? charLength(s) : 0;
    };
  },
  sql: (op, c) => {
    const f = c.value(op.args[0]!);
    return (env) => ({ expr: sql`coalesce(char_length(${f(env).expr}), 0)::float8`, nullable: false });
  },
});

/** `trim`: the text without leading and trailing spaces (the ideographic space too). */
export const trimOperator = defineOperator({
  name: 'trim',
  arity: [1, 1],
  description: 'The text without spaces, tabs and line breaks at either end (the full-width space U+3000 too).',
  check: (op, t) => {
    expectType(op.args[0]!, ['text'], t, 'trim');
    return { type: 'text', nullable: op.args[0]!.nullable };
  },
  js: (op, c) => {
    const f = c.value(op.args[0]!);
    return (r, x) => {
      const s = f(r, x);
      return typeof s === 'string' ? trimText(s) : null;
    };
  },
  sql: (op, c) => {
    const f = c.value(op.args[0]!);
    return (env) => {
      const p = f(env);
      return { expr: sql`btrim(${p.expr}, ${TRIM_CHARS}::text)`, nullable: p.nullable };
    };
  },
});

/** `fixed`: a number as text with exactly `decimals` (0–10, default 2) digits after the point. */
export const fixedOperator = defineOperator({
  name: 'fixed',
  arity: [1, 2],
  description: 'A number as text with exactly the given decimals (0–10, default 2), rounded half away from zero, without thousands separators.',
  check: (op, t) => {
    for (const a of op.args) expectType(a, ['number'], t, 'fixed');
    return { type: 'text', nullable: true };
  },
  js: (op, c) => {
    const fa = c.value(op.args[0]!);
    const fd: JsFn = op.args[1] ? c.value(op.args[1]) : () => 2;
    return (r, x) => {
      const a = num(fa(r, x));
      const d = num(fd(r, x));
      return a === null || d === null ? null : fixed(a, d);
    };
  },
  sql: (op, c) => {
    const fa = c.value(op.args[0]!);
    const fd: SqlFn | undefined = op.args[1] ? c.value(op.args[1]) : undefined;
    return (env) => {
      const a = sql`(${fa(env).expr})::float8::text::numeric`;
      const d = fd ? int(fd(env).expr) : sql`2`;
      return {
        expr: sql`(CASE WHEN ${d} < 0 OR ${d} > 10 OR abs(${a}) >= 1e15 THEN NULL ELSE round(${a}, ${d})::text END)`,
        nullable: true,
      };
    };
  },
});

