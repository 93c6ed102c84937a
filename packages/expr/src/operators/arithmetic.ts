import { sql, type RawBuilder } from 'kysely';
import type { ExprNode, OpNode } from '../expr-node.js';
import { defineOperator, type CheckResult, type JsFn, type JsSourceGen, type OperatorDescriptor, type OpInput, type SqlPiece, type TypeChecker } from '../operator.js';
import { expectType } from '../type-rules.js';

/** A number, or null for no value (strings of untyped variables are parsed; anything else is null). */
function toNum(v: unknown): number | null {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v.trim() !== '') {
    const n = Number(v);
    return Number.isNaN(n) ? null : n;
  }
  return null;
}

function numeric(c: { value(n: ExprNode): JsFn }, node: ExprNode): JsFn {
  const f = c.value(node);
  return node.type === 'number' ? f : (r, x) => toNum(f(r, x));
}

function checkNumbers(op: OpInput, t: TypeChecker, alwaysNullable: boolean): CheckResult {
  for (const a of op.args) expectType(a, ['number'], t, op.name);
  return { type: 'number', nullable: alwaysNullable || op.args.some((a) => a.nullable) };
}

const float = (e: RawBuilder<unknown>) => sql`(${e})::float8`;

function nullable(parts: readonly SqlPiece[]): boolean {
  return parts.some((p) => p.nullable);
}

function variadic(name: '+' | '*', description: string): OperatorDescriptor {
  return defineOperator({
    name,
    arity: [1, Infinity],
    description,
    check: (op, t) => checkNumbers(op, t, false),
    js: (op, c) => {
      const fs = op.args.map((a) => numeric(c, a));
      if (fs.length === 1) return fs[0]!;
      if (fs.length === 2) {
        const [fa, fb] = fs as [JsFn, JsFn];
        return name === '+'
          ? (r, x) => {
              const a = fa(r, x) as number | null;
              const b = fb(r, x) as number | null;
              return a === null || b === null ? null : a + b;
            }
          : (r, x) => {
              const a = fa(r, x) as number | null;
              const b = fb(r, x) as number | null;
              return a === null || b === null ? null : a * b;
            };
      }
      return (r, x) => {
        let acc = name === '+' ? 0 : 1;
        for (const f of fs) {
          const v = f(r, x) as number | null;
          if (v === null) return null;
          acc = name === '+' ? acc + v : acc * v;
        }
        return acc;
      };
    },
    jsSource: (op, g) => binarySource(op, g, name),
    sql: (op, c) => {
      const fs = op.args.map((a) => c.value(a));
      const glue = name === '+' ? sql` + ` : sql` * `;
      return (env) => {
        const parts = fs.map((f) => f(env));
        return { expr: sql`(${sql.join(parts.map((p) => float(p.expr)), glue)})`, nullable: nullable(parts) };
      };
    },
  });
}

/** `+`: sum of numbers; null when any argument has no value. */
export const plusOperator = variadic('+', 'Sum of the numbers; null when any has no value.');
/** `*`: product of numbers. */
export const timesOperator = variadic('*', 'Product of the numbers; null when any has no value.');

/** Source for a two-number operation with null propagation (typed numbers only). */
function binarySource(op: OpNode, g: JsSourceGen, sym: '+' | '-' | '*'): string | undefined {
  if (op.args.length !== 2 || op.args.some((a) => a.type !== 'number')) return undefined;
  const a = g.temp();
  const b = g.temp();
  return `(${a} = ${g.value(op.args[0]!)}) === null || (${b} = ${g.value(op.args[1]!)}) === null ? null : ${a} ${sym} ${b}`;
}

/** `-`: difference, or negation with one argument. */
export const minusOperator = defineOperator({
  name: '-',
  arity: [1, 2],
  description: 'Difference `a - b`, or `-a` with one argument; null when any has no value.',
  check: (op, t) => checkNumbers(op, t, false),
  js: (op, c) => {
    const fa = numeric(c, op.args[0]!);
    if (op.args.length === 1) {
      return (r, x) => {
        const a = fa(r, x) as number | null;
        return a === null ? null : -a;
      };
    }
    const fb = numeric(c, op.args[1]!);
    return (r, x) => {
      const a = fa(r, x) as number | null;
      const b = fb(r, x) as number | null;
      return a === null || b === null ? null : a - b;
    };
  },
  jsSource: (op, g) => binarySource(op, g, '-'),
  sql: (op, c) => {
    const fs = op.args.map((a) => c.value(a));
    return (env) => {
      const parts = fs.map((f) => f(env));
      const expr = parts.length === 1 ? sql`(- ${float(parts[0]!.expr)})` : sql`(${float(parts[0]!.expr)} - ${float(parts[1]!.expr)})`;
      return { expr, nullable: nullable(parts) };
    };
  },
});

/** `/`: quotient; division by zero gives null. */
export const divideOperator = defineOperator({
  name: '/',
  arity: [2, 2],
  description: 'Quotient `a / b`; null when b is 0 or either has no value.',
  check: (op, t) => checkNumbers(op, t, true),
  js: (op, c) => {
    const fa = numeric(c, op.args[0]!);
    const fb = numeric(c, op.args[1]!);
    return (r, x) => {
      const a = fa(r, x) as number | null;
      const b = fb(r, x) as number | null;
      return a === null || b === null || b === 0 ? null : a / b;
    };
  },
  sql: (op, c) => {
    const fa = c.value(op.args[0]!);
    const fb = c.value(op.args[1]!);
    return (env) => ({ expr: sql`(${float(fa(env).expr)} / NULLIF(${float(fb(env).expr)}, 0))`, nullable: true });
  },
});

/** `%`: remainder with the sign of the dividend; by zero gives null. */
export const moduloOperator = defineOperator({
  name: '%',
  arity: [2, 2],
  description: 'Remainder of `a / b` (sign of a); null when b is 0. Exact for integers.',
  check: (op, t) => checkNumbers(op, t, true),
  js: (op, c) => {
    const fa = numeric(c, op.args[0]!);
    const fb = numeric(c, op.args[1]!);
    return (r, x) => {
      const a = fa(r, x) as number | null;
      const b = fb(r, x) as number | null;
      return a === null || b === null || b === 0 ? null : a % b;
    };
  },
  sql: (op, c) => {
    const fa = c.value(op.args[0]!);
    const fb = c.value(op.args[1]!);
    return (env) => ({ expr: sql`mod((${fa(env).expr})::numeric, NULLIF((${fb(env).expr})::numeric, 0))::float8`, nullable: true });
  },
});

function extremum(name: 'min' | 'max'): OperatorDescriptor {
  return defineOperator({
    name,
    arity: [1, Infinity],
    description: `The ${name === 'min' ? 'smallest' : 'largest'} of the numbers or dates, ignoring those without a value; null when none has one.`,
    check: (op, t) => {
      const types = new Set(op.args.map((a) => a.type).filter((x) => x !== 'null' && x !== 'any'));
      for (const a of op.args) expectType(a, ['number', 'date'], t, name);
      if (types.size > 1) t.error(op.path, `'${name}' needs arguments of one type, found ${[...types].join(' and ')}`);
      return { type: types.size === 1 ? [...types][0]! : 'number', nullable: op.args.every((a) => a.nullable) };
    },
    js: (op, c) => {
      const fs = op.args.map((a) => (op.type === 'number' ? numeric(c, a) : c.value(a)));
      return (r, x) => {
        let best: unknown = null;
        for (const f of fs) {
          const v = f(r, x);
          if (v === null) continue;
          if (best === null || (name === 'min' ? (v as number) < (best as number) : (v as number) > (best as number))) best = v;
        }
        return best;
      };
    },
    sql: (op, c) => {
      const fs = op.args.map((a) => c.valueAs(a, op.type));
      const fn = name === 'min' ? 'least' : 'greatest';
      return (env) => {
        const parts = fs.map((f) => f(env));
        const args = sql.join(parts.map((p) => (op.type === 'number' ? float(p.expr) : p.expr)));
        return { expr: fn === 'least' ? sql`least(${args})` : sql`greatest(${args})`, nullable: parts.every((p) => p.nullable) };
      };
    },
  });
}

/** `min`. */
export const minOperator = extremum('min');
/** `max`. */
export const maxOperator = extremum('max');
