import { pointer } from '@trellis/schema';
import { sql, type RawBuilder } from 'kysely';
import type { ExprNode, OpNode } from '../expr-node.js';
import { anyCompare, deepEqual, toMs } from '../js-runtime.js';
import { defineOperator, type CheckResult, type JsFn, type JsSourceGen, type JsTest, type OpInput, type OperatorDescriptor, type SqlFn, type TypeChecker } from '../operator.js';
import { ORDERED_TYPES, describeType, unifyOperands } from '../type-rules.js';
import type { ExprType } from '../types.js';

/** The type two checked operands are compared in. */
export function domainOf(a: ExprType, b: ExprType): ExprType {
  if (a === 'null' || a === 'any') return b === 'null' ? a : b;
  if (b === 'null' || b === 'any') return a;
  if (a !== b && (a === 'datetime' || b === 'datetime')) return 'datetime';
  return a;
}

/** Unifies a chain of operands pairwise (`a < b < c`), coercing literals; undefined after an error. */
export function unifyChain(op: OpInput, t: TypeChecker, ordered: boolean): CheckResult | undefined {
  const args = [...op.args];
  for (let i = 0; i + 1 < args.length; i++) {
    const u = unifyOperands(args[i]!, args[i + 1]!, t, op.path, op.name);
    if (!u) return undefined;
    args[i] = u.a;
    args[i + 1] = u.b;
    if (ordered && !ORDERED_TYPES.has(u.domain) && u.domain !== 'null') {
      t.error(pointer(op.path, op.name), `'${op.name}' cannot order ${describeType(u.a)}; order numbers, texts, dates or datetimes`);
      return undefined;
    }
  }
  // a second pass so the first pair sees coercions made by the second
  for (let i = 0; i + 1 < args.length; i++) {
    const u = unifyOperands(args[i]!, args[i + 1]!, t, op.path, op.name);
    if (!u) return undefined;
    args[i] = u.a;
    args[i + 1] = u.b;
  }
  return { type: 'boolean', nullable: false, args };
}

function chainDomain(args: readonly ExprNode[]): ExprType {
  return args.reduce<ExprType>((d, a) => domainOf(d, a.type), 'null');
}

// ---- equality -------------------------------------------------------------

function jsEquals(a: ExprNode, b: ExprNode, fa: JsFn, fb: JsFn): JsTest {
  const domain = domainOf(a.type, b.type);
  if (domain === 'datetime') {
    return (r, c) => {
      const x = fa(r, c);
      const y = fb(r, c);
      return x === null || y === null ? x === y : toMs(x) === toMs(y);
    };
  }
  if (domain === 'json' || domain === 'text_list' || domain === 'list' || domain === 'any') {
    return (r, c) => deepEqual(fa(r, c), fb(r, c));
  }
  if (b.kind === 'literal') {
    const k = b.value;
    return (r, c) => fa(r, c) === k;
  }
  if (a.kind === 'literal') {
    const k = a.value;
    return (r, c) => fb(r, c) === k;
  }
  return (r, c) => fa(r, c) === fb(r, c);
}

function sqlEquals(op: { readonly args: readonly ExprNode[] }, negate: boolean, c: Parameters<OperatorDescriptor['sql']>[1]): SqlFn {
  const [a, b] = op.args as [ExprNode, ExprNode];
  if (a.type === 'null' || b.type === 'null') {
    const other = c.value(a.type === 'null' ? b : a);
    const isNull = a.type === 'null' && b.type === 'null';
    return (env) => ({
      expr: isNull ? sql`${sql.lit(!negate)}` : negate ? sql`(${other(env).expr} IS NOT NULL)` : sql`(${other(env).expr} IS NULL)`,
      nullable: false,
    });
  }
  const domain = domainOf(a.type, b.type);
  const fa = c.valueAs(a, domain);
  const fb = c.valueAs(b, domain);
  return (env) => {
    const x = fa(env);
    const y = fb(env);
    if (x.nullable && y.nullable) {
      return { expr: negate ? sql`(${x.expr} IS DISTINCT FROM ${y.expr})` : sql`(${x.expr} IS NOT DISTINCT FROM ${y.expr})`, nullable: false };
    }
    if (negate) {
      // one side is known non-null: NULL <> 'x' must be true, as in JS
      const n = x.nullable ? x.expr : y.expr;
      return x.nullable || y.nullable
        ? { expr: sql`(${x.expr} <> ${y.expr} OR ${n} IS NULL)`, nullable: false }
        : { expr: sql`(${x.expr} <> ${y.expr})`, nullable: false };
    }
    return { expr: sql`(${x.expr} = ${y.expr})`, nullable: x.nullable || y.nullable };
  };
}

/** Domains where `===` and `<` on the raw values are the semantics (no parsing, no deep compare). */
const PLAIN_DOMAINS: ReadonlySet<ExprType> = new Set<ExprType>(['number', 'text', 'date', 'boolean', 'uuid', 'null']);

function equalsSource(op: OpNode, g: JsSourceGen, negate: boolean): string | undefined {
  const [a, b] = op.args as [ExprNode, ExprNode];
  if (!PLAIN_DOMAINS.has(domainOf(a.type, b.type))) return undefined;
  return `${g.value(a)} ${negate ? '!==' : '==='} ${g.value(b)}`;
}

function compareSource(op: OpNode, g: JsSourceGen, cmp: Cmp): string | undefined {
  if (op.args.length !== 2 || op.args.some((a) => a.type === 'any') || !PLAIN_DOMAINS.has(chainDomain(op.args))) return undefined;
  const [a, b] = op.args as [ExprNode, ExprNode];
  const ta = g.temp();
  if (b.kind === 'literal' && b.value !== null) return `(${ta} = ${g.value(a)}) !== null && ${ta} ${cmp} ${g.value(b)}`;
  const tb = g.temp();
  return `(${ta} = ${g.value(a)}) !== null && (${tb} = ${g.value(b)}) !== null && ${ta} ${cmp} ${tb}`;
}

const checkEquality = (op: OpInput, t: TypeChecker): CheckResult =>
  unifyChain(op, t, false) ?? { type: 'boolean', nullable: false };

/** `==`: equal values of the same type; `null == null`; no type coercion. */
export const equalsOperator = defineOperator({
  name: '==',
  arity: [2, 2],
  description: 'Equal: same type and value. `{"==": [x, null]}` tests for no value.',
  predicate: true,
  check: checkEquality,
  js: (op, c) => jsEquals(op.args[0]!, op.args[1]!, c.value(op.args[0]!), c.value(op.args[1]!)),
  jsSource: (op, g) => equalsSource(op, g, false),
  sql: (op, c) => sqlEquals(op, false, c),
});

/** `!=`: the negation of `==`. */
export const notEqualsOperator = defineOperator({
  name: '!=',
  arity: [2, 2],
  description: 'Not equal: the exact negation of `==` (a field with no value is not equal to "x").',
  predicate: true,
  check: checkEquality,
  js: (op, c) => {
    const eq = jsEquals(op.args[0]!, op.args[1]!, c.value(op.args[0]!), c.value(op.args[1]!));
    return (r, x) => !eq(r, x);
  },
  jsSource: (op, g) => equalsSource(op, g, true),
  sql: (op, c) => sqlEquals(op, true, c),
});

// ---- ordering -------------------------------------------------------------

type Cmp = '<' | '<=' | '>' | '>=';

function jsCompare(domain: ExprType, cmp: Cmp, fa: JsFn, fb: JsFn): JsTest {
  if (domain === 'datetime') {
    const f = (x: number, y: number) => (cmp === '<' ? x < y : cmp === '<=' ? x <= y : cmp === '>' ? x > y : x >= y);
    return (r, c) => f(toMs(fa(r, c)), toMs(fb(r, c)));
  }
  if (domain === 'any') {
    const f = (d: number) => (cmp === '<' ? d < 0 : cmp === '<=' ? d <= 0 : cmp === '>' ? d > 0 : d >= 0);
    return (r, c) => f(anyCompare(fa(r, c), fb(r, c)));
  }
  switch (cmp) {
    case '<':
      return (r, c) => {
        const x = fa(r, c) as number;
        const y = fb(r, c) as number;
        return x !== null && y !== null && x < y;
      };
    case '<=':
      return (r, c) => {
        const x = fa(r, c) as number;
        const y = fb(r, c) as number;
        return x !== null && y !== null && x <= y;
      };
    case '>':
      return (r, c) => {
        const x = fa(r, c) as number;
        const y = fb(r, c) as number;
        return x !== null && y !== null && x > y;
      };
    case '>=':
      return (r, c) => {
        const x = fa(r, c) as number;
        const y = fb(r, c) as number;
        return x !== null && y !== null && x >= y;
      };
  }
}

function sqlCompare(domain: ExprType, cmp: Cmp, x: RawBuilder<unknown>, y: RawBuilder<unknown>): RawBuilder<unknown> {
  // text orders by code point in both backends, whatever the database collation
  const l = domain === 'text' ? sql`(${x} COLLATE "C")` : x;
  switch (cmp) {
    case '<':
      return sql`(${l} < ${y})`;
    case '<=':
      return sql`(${l} <= ${y})`;
    case '>':
      return sql`(${l} > ${y})`;
    case '>=':
      return sql`(${l} >= ${y})`;
  }
}

function chainJs(args: readonly ExprNode[], cmp: Cmp, c: Parameters<OperatorDescriptor['js']>[1]): JsTest {
  // an untyped operand is compared by its runtime type (never with JS coercion)
  const domain = args.some((a) => a.type === 'any') ? 'any' : chainDomain(args);
  const fns = args.map((a) => c.value(a));
  if (fns.length === 2) return jsCompare(domain, cmp, fns[0]!, fns[1]!);
  // between form: evaluate the middle once
  const [f0, f1, f2] = fns as [JsFn, JsFn, JsFn];
  let mid: unknown = null;
  const m: JsFn = () => mid;
  const left = jsCompare(domain, cmp, f0, m);
  const right = jsCompare(domain, cmp, m, f2);
  return (r, c2) => {
    mid = f1(r, c2);
    return left(r, c2) && right(r, c2);
  };
}

function chainSql(args: readonly ExprNode[], cmp: Cmp, c: Parameters<OperatorDescriptor['sql']>[1]): SqlFn {
  const domain = chainDomain(args);
  const fns = args.map((a) => c.valueAs(a, domain));
  return (env) => {
    const parts = fns.map((f) => f(env));
    const nullable = parts.some((p) => p.nullable);
    if (parts.length === 2) return { expr: sqlCompare(domain, cmp, parts[0]!.expr, parts[1]!.expr), nullable };
    return {
      expr: sql`(${sqlCompare(domain, cmp, parts[0]!.expr, parts[1]!.expr)} AND ${sqlCompare(domain, cmp, parts[1]!.expr, parts[2]!.expr)})`,
      nullable,
    };
  };
}

function ordering(name: Cmp, between: boolean, description: string): OperatorDescriptor {
  return defineOperator({
    name,
    arity: [2, between ? 3 : 2],
    description,
    predicate: true,
    check: (op, t) => unifyChain(op, t, true) ?? { type: 'boolean', nullable: false },
    js: (op, c) => chainJs(op.args, name, c),
    jsSource: (op, g) => compareSource(op, g, name),
    sql: (op, c) => chainSql(op.args, name, c),
  });
}

/** `<` (also `{"<": [a, x, b]}`: a < x < b). */
export const lessOperator = ordering('<', true, 'Less than; with three arguments `a < x < b`. False when either side has no value.');
/** `<=` (also `{"<=": [a, x, b]}`: a ≤ x ≤ b). */
export const lessOrEqualOperator = ordering('<=', true, 'Less than or equal; with three arguments `a <= x <= b`.');
/** `>`. */
export const greaterOperator = ordering('>', false, 'Greater than. False when either side has no value.');
/** `>=`. */
export const greaterOrEqualOperator = ordering('>=', false, 'Greater than or equal.');

/** `between`: `{"between": [x, low, high]}` is low ≤ x ≤ high. */
export const betweenOperator = defineOperator({
  name: 'between',
  arity: [3, 3],
  description: 'Inclusive range: `{"between": [x, low, high]}` is `low <= x <= high`.',
  predicate: true,
  check: (op, t) => {
    const [x, lo, hi] = op.args as [ExprNode, ExprNode, ExprNode];
    const r = unifyChain({ ...op, args: [lo, x, hi] }, t, true);
    if (!r?.args) return { type: 'boolean', nullable: false };
    const [lo2, x2, hi2] = r.args as [ExprNode, ExprNode, ExprNode];
    return { type: 'boolean', nullable: false, args: [x2, lo2, hi2] };
  },
  js: (op, c) => chainJs([op.args[1]!, op.args[0]!, op.args[2]!], '<=', c),
  sql: (op, c) => chainSql([op.args[1]!, op.args[0]!, op.args[2]!], '<=', c),
});
