import { sql, type RawBuilder } from 'kysely';
import { truthy } from '../js-runtime.js';
import { defineOperator, type JsFn, type JsTest, type SqlCompiler, type SqlFn } from '../operator.js';
import { coerceLiteral, describeType } from '../type-rules.js';
import type { OpNode } from '../expr-node.js';
import type { ExprType } from '../types.js';

/** `and`: true when every argument is truthy (always a boolean, unlike json-logic's value-returning `and`). */
export const andOperator = defineOperator({
  name: 'and',
  arity: [1, Infinity],
  description: 'True when every argument is truthy.',
  predicate: true,
  check: () => ({ type: 'boolean', nullable: false }),
  js: (op, c) => {
    const tests = op.args.map((a) => c.test(a));
    if (tests.length === 1) return tests[0]!;
    if (tests.length === 2) {
      const [a, b] = tests as [JsTest, JsTest];
      return (r, x) => a(r, x) && b(r, x);
    }
    if (tests.length === 3) {
      const [a, b, d] = tests as [JsTest, JsTest, JsTest];
      return (r, x) => a(r, x) && b(r, x) && d(r, x);
    }
    return (r, x) => {
      for (const t of tests) if (!t(r, x)) return false;
      return true;
    };
  },
  jsSource: (op, g) => op.args.map((a) => `(${g.test(a)})`).join(' && '),
  sql: (op, c) => junction(op, c, sql` AND `),
});

/** `or`: true when any argument is truthy. */
export const orOperator = defineOperator({
  name: 'or',
  arity: [1, Infinity],
  description: 'True when at least one argument is truthy.',
  predicate: true,
  check: () => ({ type: 'boolean', nullable: false }),
  js: (op, c) => {
    const tests = op.args.map((a) => c.test(a));
    if (tests.length === 1) return tests[0]!;
    if (tests.length === 2) {
      const [a, b] = tests as [JsTest, JsTest];
      return (r, x) => a(r, x) || b(r, x);
    }
    if (tests.length === 3) {
      const [a, b, d] = tests as [JsTest, JsTest, JsTest];
      return (r, x) => a(r, x) || b(r, x) || d(r, x);
    }
    return (r, x) => {
      for (const t of tests) if (t(r, x)) return true;
      return false;
    };
  },
  jsSource: (op, g) => op.args.map((a) => `(${g.test(a)})`).join(' || '),
  sql: (op, c) => junction(op, c, sql` OR `),
});

/** `!`: true when the argument is falsy (no value counts as falsy). */
export const notOperator = defineOperator({
  name: '!',
  arity: [1, 1],
  description: 'Negation of truthiness: true for false, null, 0, "" and [].',
  predicate: true,
  check: () => ({ type: 'boolean', nullable: false }),
  js: (op, c) => {
    const t = c.test(op.args[0]!);
    return (r, x) => !t(r, x);
  },
  jsSource: (op, g) => `!(${g.test(op.args[0]!)})`,
  sql: (op, c) => {
    const f = c.cond(op.args[0]!);
    return (env) => {
      const p = f(env);
      return { expr: p.nullable ? sql`(${p.expr} IS NOT TRUE)` : sql`(NOT ${p.expr})`, nullable: false };
    };
  },
});

/** `!!`: the truthiness of the argument as a boolean. */
export const truthyOperator = defineOperator({
  name: '!!',
  arity: [1, 1],
  description: 'Truthiness as a boolean: false for false, null, 0, "" and [].',
  predicate: true,
  check: () => ({ type: 'boolean', nullable: false }),
  js: (op, c) => c.test(op.args[0]!),
  jsSource: (op, g) => g.test(op.args[0]!),
  sql: (op, c) => c.bool(op.args[0]!),
});

/** `if`: `{"if": [cond1, then1, cond2, then2, …, else]}`; no else means null. */
export const ifOperator = defineOperator({
  name: 'if',
  arity: [1, Infinity],
  description: 'The value of the first branch whose condition is truthy, else the last argument (or null).',
  check: (op, t) => {
    const args = [...op.args];
    const valueIdx = args.map((_, i) => i).filter((i) => i === args.length - 1 || i % 2 === 1);
    let type: ExprType = 'null';
    for (const i of valueIdx) {
      const a = args[i]!;
      if (a.type === 'null' || a.type === 'any' || (a.kind === 'literal' && typeof a.value === 'string')) continue;
      type = a.type;
      break;
    }
    if (type === 'null') type = valueIdx.map((i) => args[i]!.type).find((x) => x !== 'null') ?? 'null';
    for (const i of valueIdx) {
      const a = args[i]!;
      if (a.type === type || a.type === 'null' || a.type === 'any' || type === 'any') continue;
      if (['date', 'datetime', 'uuid'].includes(type) && a.kind === 'literal' && typeof a.value === 'string') {
        args[i] = coerceLiteral(a, type, t) ?? a;
      } else {
        t.error(a.path, `every branch of 'if' must have the same type: this is ${describeType(a)}, another is a ${type}`);
      }
    }
    const hasElse = args.length % 2 === 1;
    const nullable = !hasElse || valueIdx.some((i) => args[i]!.nullable);
    return { type, nullable, args };
  },
  js: (op, c) => {
    const args = op.args;
    if (args.length === 1) return c.value(args[0]!);
    const conds: JsTest[] = [];
    const values: JsFn[] = [];
    for (let i = 0; i + 1 < args.length; i += 2) {
      conds.push(c.test(args[i]!));
      values.push(c.value(args[i + 1]!));
    }
    const otherwise: JsFn = args.length % 2 === 1 ? c.value(args[args.length - 1]!) : () => null;
    if (conds.length === 1) {
      const [t0, v0] = [conds[0]!, values[0]!];
      return (r, x) => (t0(r, x) ? v0(r, x) : otherwise(r, x));
    }
    return (r, x) => {
      for (let i = 0; i < conds.length; i++) if (conds[i]!(r, x)) return values[i]!(r, x);
      return otherwise(r, x);
    };
  },
  sql: (op, c) => {
    const args = op.args;
    const nodeType = op.type;
    if (args.length === 1) return c.value(args[0]!);
    const branches: { cond: ReturnType<typeof c.cond>; value: ReturnType<typeof c.value> }[] = [];
    for (let i = 0; i + 1 < args.length; i += 2) branches.push({ cond: c.cond(args[i]!), value: c.valueAs(args[i + 1]!, nodeType) });
    const otherwise = args.length % 2 === 1 ? c.valueAs(args[args.length - 1]!, nodeType) : undefined;
    return (env) => {
      const whens = branches.map((b) => sql`WHEN ${b.cond(env).expr} THEN ${b.value(env).expr}`);
      const els = otherwise ? sql` ELSE ${otherwise(env).expr}` : sql``;
      return { expr: sql`(CASE ${sql.join(whens, sql` `)}${els} END)`, nullable: true };
    };
  },
});

/** Truthiness helper re-exported for operators that need it on raw values. */
export { truthy };

/** The SQL of `and`/`or`: the conditions joined by one keyword, nullable when any part is. */
function junction(op: OpNode, c: SqlCompiler, keyword: RawBuilder<unknown>): SqlFn {
  const conds = op.args.map((a) => c.cond(a));
  return (env) => {
    const parts = conds.map((f) => f(env));
    return { expr: sql`(${sql.join(parts.map((p) => p.expr), keyword)})`, nullable: parts.some((p) => p.nullable) };
  };
}
