import { sql } from 'kysely';
import type { ExprNode } from '../expr-node.js';
import { ExprErrors } from '../errors.js';
import { flatValues, isFilled, num, pluck } from '../formula-runtime.js';
import { defineOperator, type JsFn, type OperatorDescriptor, type OpInput, type TypeChecker } from '../operator.js';
import { expectType } from '../type-rules.js';
import type { ExprType } from '../types.js';

/** Types whose values may hold lists at run time (sub-table columns, json, untyped). */
const LIST_TYPES: readonly ExprType[] = ['list', 'json', 'any', 'text_list'];
const isListy = (n: ExprNode) => n.type === 'list' || n.type === 'json' || n.type === 'any' || n.type === 'text_list';

/** Refuses a SQL translation for operators that work on in-memory lists only. */
function noSql(name: string): never {
  throw ExprErrors.create('EXPR_INVALID', `[expr] '${name}' over a list has no SQL form; use it in formulas the form engine computes`, [
    { path: '', message: `'${name}' over a list has no SQL form` },
  ]);
}

function checkAggregate(op: OpInput, t: TypeChecker, elem: readonly ExprType[], nullable: boolean) {
  for (const a of op.args) expectType(a, [...elem, ...LIST_TYPES], t, op.name);
  return { type: 'number' as const, nullable };
}

/** Every argument's value, lists flattened. */
function collect(op: { args: readonly ExprNode[] }, c: { value(n: ExprNode): JsFn }): (r: Parameters<JsFn>[0], x: Parameters<JsFn>[1]) => unknown[] {
  const fs = op.args.map((a) => c.value(a));
  return (r, x) => flatValues(fs.map((f) => f(r, x)));
}

/** `sum`: total of the numbers among the arguments and their lists; other values are skipped; 0 when none. */
export const sumOperator = defineOperator({
  name: 'sum',
  arity: [1, Infinity],
  description: 'Total of the numbers among the arguments (lists such as a sub-table column included); blanks are skipped; 0 when there are none.',
  check: (op, t) => checkAggregate(op, t, ['number'], false),
  js: (op, c) => {
    const all = collect(op, c);
    return (r, x) => {
      let s = 0;
      for (const v of all(r, x)) if (typeof v === 'number' && Number.isFinite(v)) s += v;
      return s;
    };
  },
  sql: (op, c) => {
    if (op.args.some(isListy)) noSql('sum');
    const fs = op.args.map((a) => c.value(a));
    return (env) => ({ expr: sql`(${sql.join(fs.map((f) => sql`coalesce((${f(env).expr})::float8, 0)`), sql` + `)})`, nullable: false });
  },
});

/** `average`: mean of the numbers; no value when there are none. */
export const averageOperator = defineOperator({
  name: 'average',
  arity: [1, Infinity],
  description: 'Mean of the numbers among the arguments and their lists; no value when there are none.',
  check: (op, t) => checkAggregate(op, t, ['number'], true),
  js: (op, c) => {
    const all = collect(op, c);
    return (r, x) => {
      let s = 0;
      let n = 0;
      for (const v of all(r, x)) {
        if (typeof v === 'number' && Number.isFinite(v)) {
          s += v;
          n++;
        }
      }
      return n === 0 ? null : s / n;
    };
  },
  sql: (op, c) => {
    if (op.args.some(isListy)) noSql('average');
    const fs = op.args.map((a) => c.value(a));
    return (env) => {
      const parts = fs.map((f) => f(env).expr);
      const total = sql.join(parts.map((p) => sql`coalesce((${p})::float8, 0)`), sql` + `);
      const count = sql.join(parts.map((p) => sql`(${p} IS NOT NULL)::int`), sql` + `);
      return { expr: sql`((${total}) / NULLIF(${count}, 0))`, nullable: true };
    };
  },
});

function counter(name: 'count' | 'countA', description: string, counts: (v: unknown) => boolean): OperatorDescriptor {
  return defineOperator({
    name,
    arity: [1, Infinity],
    description,
    check: (op, t) => {
      if (name === 'count') return checkAggregate(op, t, ['number'], false);
      return { type: 'number', nullable: false };
    },
    js: (op, c) => {
      const all = collect(op, c);
      return (r, x) => {
        let n = 0;
        for (const v of all(r, x)) if (counts(v)) n++;
        return n;
      };
    },
    sql: (op, c) => {
      if (op.args.some(isListy)) noSql(name);
      const fs = op.args.map((a) => c.value(a));
      return (env) => ({
        expr: sql`(${sql.join(
          fs.map((f, i) => {
            const e = f(env).expr;
            return op.args[i]!.type === 'text' && name === 'countA' ? sql`(${e} IS NOT NULL AND ${e} <> '')::int` : sql`(${e} IS NOT NULL)::int`;
          }),
          sql` + `,
        )})::float8`,
        nullable: false,
      });
    },
  });
}

/** `count`: how many numbers the arguments and their lists hold. */
export const countOperator = counter('count', 'How many numbers the arguments (and lists) hold.', (v) => typeof v === 'number' && Number.isFinite(v));
/** `countA`: how many values are filled in (not blank, not ""); COUNTA(items) counts a sub-table's rows. */
export const countAOperator = counter('countA', 'How many values are filled in (not blank or ""); COUNTA(items) counts the rows of a sub-table.', isFilled);

function listExtremum(name: 'minOf' | 'maxOf'): OperatorDescriptor {
  return defineOperator({
    name,
    arity: [1, Infinity],
    description: `The ${name === 'minOf' ? 'smallest' : 'largest'} number among the arguments and their lists; no value when there is none.`,
    check: (op, t) => checkAggregate(op, t, ['number'], true),
    js: (op, c) => {
      const all = collect(op, c);
      return (r, x) => {
        let best: number | null = null;
        for (const v of all(r, x)) {
          const n = num(v);
          if (n !== null && (best === null || (name === 'minOf' ? n < best : n > best))) best = n;
        }
        return best;
      };
    },
    sql: () => noSql(name === 'minOf' ? 'MIN' : 'MAX'),
  });
}

/** `minOf`: MIN over lists. */
export const minOfOperator = listExtremum('minOf');
/** `maxOf`: MAX over lists. */
export const maxOfOperator = listExtremum('maxOf');

/** `pluck`: `{"pluck": [{"var": "items"}, "amount"]}` — the column of every row of a sub-table value. */
export const pluckOperator = defineOperator({
  name: 'pluck',
  arity: [2, 2],
  description: 'The list of one column over the rows of a sub-table value (an array of row objects); on an object, its property.',
  check: (op, t) => {
    const [list, key] = op.args as [ExprNode, ExprNode];
    expectType(list, LIST_TYPES, t, 'pluck');
    if (key.kind !== 'literal' || typeof key.value !== 'string') t.error(key.path, `'pluck' needs the column key as a text literal`);
    return { type: 'any', nullable: true };
  },
  js: (op, c) => {
    const f = c.value(op.args[0]!);
    const key = (op.args[1] as { value: string }).value;
    return (r, x) => pluck(f(r, x), key);
  },
  sql: () => noSql('pluck'),
});
