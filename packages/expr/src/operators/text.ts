import { sql } from 'kysely';
import { substr } from '../js-runtime.js';
import { defineOperator, type JsFn, type OperatorDescriptor } from '../operator.js';
import { expectType } from '../type-rules.js';

/** `cat`: concatenation; arguments without a value count as ''. */
export const catOperator = defineOperator({
  name: 'cat',
  arity: [1, Infinity],
  description: 'Concatenates texts (numbers, dates and uuids as their text); no value counts as "".',
  check: (op, t) => {
    for (const a of op.args) expectType(a, ['text', 'number', 'date', 'uuid'], t, 'cat');
    return { type: 'text', nullable: false };
  },
  js: (op, c) => {
    const fs = op.args.map((a) => c.value(a));
    return (r, x) => {
      let s = '';
      for (const f of fs) {
        const v = f(r, x);
        if (v !== null) s += String(v);
      }
      return s;
    };
  },
  sql: (op, c) => {
    const fs = op.args.map((a) => c.value(a));
    return (env) => ({
      expr: sql`concat(${sql.join(fs.map((f, i) => (op.args[i]!.type === 'number' ? sql`(${f(env).expr})::float8` : f(env).expr)))})`,
      nullable: false,
    });
  },
});

function substrOrNull(s: unknown, st: unknown, l: unknown): string | null {
  if (typeof s !== 'string' || typeof st !== 'number') return null;
  return substr(s, st, typeof l === 'number' ? l : null);
}

/** `substr`: `{"substr": [s, start, length?]}` with json-logic's negative indexes, by character. */
export const substrOperator = defineOperator({
  name: 'substr',
  arity: [2, 3],
  description: 'Part of a text from `start` (0-based; negative counts from the end) for `length` characters (negative leaves that many off the end).',
  check: (op, t) => {
    expectType(op.args[0]!, ['text'], t, 'substr');
    for (const a of op.args.slice(1)) expectType(a, ['number'], t, 'substr');
    return { type: 'text', nullable: op.args[0]!.nullable || op.args[1]!.nullable };
  },
  js: (op, c) => {
    const fs = c.value(op.args[0]!);
    const fst = c.value(op.args[1]!);
    const fl: JsFn = op.args[2] ? c.value(op.args[2]) : () => null;
    return (r, x) => {
      const s = fs(r, x);
      const st = fst(r, x);
      if (typeof s !== 'string' || typeof st !== 'number') return null;
      const l = fl(r, x);
      return substr(s, st, typeof l === 'number' ? l : null);
    };
  },
  jsSource: (op, g) => {
    const fn = g.constant(substrOrNull);
    return `${fn}(${g.value(op.args[0]!)}, ${g.value(op.args[1]!)}, ${op.args[2] ? g.value(op.args[2]) : 'null'})`;
  },
  sql: (op, c) => {
    const fs = c.value(op.args[0]!);
    const fst = c.value(op.args[1]!);
    const fl = op.args[2] ? c.value(op.args[2]) : undefined;
    return (env) => {
      const s = fs(env).expr;
      const st = sql`trunc(${fst(env).expr})::int`;
      const n = sql`char_length(${s})`;
      const from = sql`(CASE WHEN ${st} < 0 THEN greatest(${n} + ${st}, 0) ELSE least(${st}, ${n}) END)`;
      const len = fl ? sql`trunc(${fl(env).expr})::int` : sql`NULL::int`;
      const to = sql`(CASE WHEN ${len} IS NULL THEN ${n} WHEN ${len} < 0 THEN greatest(${n} + ${len}, ${from}) ELSE least(${from} + ${len}, ${n}) END)`;
      return { expr: sql`substr(${s}, ${from} + 1, ${to} - ${from})`, nullable: true };
    };
  },
});

function caseOp(name: 'lower' | 'upper'): OperatorDescriptor {
  return defineOperator({
    name,
    arity: [1, 1],
    description: `The text in ${name} case (ASCII and the database's locale for other letters).`,
    check: (op, t) => {
      expectType(op.args[0]!, ['text'], t, name);
      return { type: 'text', nullable: op.args[0]!.nullable };
    },
    js: (op, c) => {
      const f = c.value(op.args[0]!);
      return name === 'lower'
        ? (r, x) => {
            const v = f(r, x);
            return typeof v === 'string' ? v.toLowerCase() : null;
          }
        : (r, x) => {
            const v = f(r, x);
            return typeof v === 'string' ? v.toUpperCase() : null;
          };
    },
    sql: (op, c) => {
      const f = c.value(op.args[0]!);
      return (env) => {
        const p = f(env);
        return { expr: name === 'lower' ? sql`lower(${p.expr})` : sql`upper(${p.expr})`, nullable: p.nullable };
      };
    },
  });
}

/** `lower`. */
export const lowerOperator = caseOp('lower');
/** `upper`. */
export const upperOperator = caseOp('upper');

function textTest(name: 'startsWith' | 'endsWith', description: string): OperatorDescriptor {
  return defineOperator({
    name,
    arity: [2, 2],
    description,
    predicate: true,
    check: (op, t) => {
      for (const a of op.args) expectType(a, ['text'], t, name);
      return { type: 'boolean', nullable: false };
    },
    js: (op, c) => {
      const fa = c.value(op.args[0]!);
      const fb = c.value(op.args[1]!);
      return name === 'startsWith'
        ? (r, x) => {
            const a = fa(r, x);
            const b = fb(r, x);
            return typeof a === 'string' && typeof b === 'string' && a.startsWith(b);
          }
        : (r, x) => {
            const a = fa(r, x);
            const b = fb(r, x);
            return typeof a === 'string' && typeof b === 'string' && a.endsWith(b);
          };
    },
    sql: (op, c) => {
      const fa = c.value(op.args[0]!);
      const fb = c.value(op.args[1]!);
      return (env) => {
        const a = fa(env);
        const b = fb(env);
        const expr = name === 'startsWith' ? sql`starts_with(${a.expr}, ${b.expr})` : sql`(right(${a.expr}, char_length(${b.expr})) = ${b.expr})`;
        return { expr, nullable: a.nullable || b.nullable };
      };
    },
  });
}

/** `startsWith`. */
export const startsWithOperator = textTest('startsWith', 'True when the text starts with the prefix; false when either has no value.');
/** `endsWith`. */
export const endsWithOperator = textTest('endsWith', 'True when the text ends with the suffix; false when either has no value.');
