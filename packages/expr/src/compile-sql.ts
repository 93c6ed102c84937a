import { sql, type Expression, type SqlBool } from 'kysely';
import type { ExprNode, VarNode } from './expr-node.js';
import type { OperatorRegistry, SqlCompiler, SqlFn } from './operator.js';
import { operators } from './operators/index.js';
import { parseRule } from './parse-rule.js';
import { bindParam, columnRef, dateToTimestamptz, sqlNull, truthySql } from './sql-runtime.js';
import { isUuidString } from './type-rules.js';
import { throwInvalid } from './compile-js.js';
import type { EvalContext, ExprType, SqlCondition, VarSchema } from './types.js';

function compileVar(node: VarNode): SqlFn {
  let fn: SqlFn;
  const type = node.type;
  if (node.source === 'now') {
    fn = (env) => ({ expr: bindParam((env.ctx?.now ?? new Date()).toISOString(), 'datetime'), nullable: false });
  } else if (node.source === 'user') {
    const key = node.key;
    fn = (env) => {
      const v = env.ctx?.user?.[key];
      return v === undefined || v === null ? { expr: sqlNull(type), nullable: true } : { expr: bindParam(v, type), nullable: false };
    };
  } else if (node.subPath.length === 0) {
    const column = node.column;
    fn = (env) => ({ expr: columnRef(column, env.table), nullable: true });
  } else {
    const column = node.column;
    const segments = node.subPath;
    fn = (env) => ({
      expr: sql`(${columnRef(column, env.table)} #> ARRAY[${sql.join(segments.map((s) => sql`${s}`))}]::text[])`,
      nullable: true,
    });
  }
  if (!node.fallback) return fn;
  const inner = fn;
  const fb = sqlCompiler.value(node.fallback);
  return (env) => {
    const f = fb(env);
    return { expr: sql`coalesce(${inner(env).expr}, ${f.expr})`, nullable: f.nullable };
  };
}

/** The SQL backend: turns checked nodes into call-time builders of kysely expressions. */
export const sqlCompiler: SqlCompiler = {
  value(node: ExprNode): SqlFn {
    switch (node.kind) {
      case 'literal': {
        const v = node.value;
        const t: ExprType = node.type;
        return () => (v === null ? { expr: sqlNull(t === 'null' ? 'null' : t), nullable: true } : { expr: bindParam(v, t), nullable: false });
      }
      case 'array': {
        const items = node.items.map((i) => sqlCompiler.value(i));
        return (env) => ({ expr: sql`ARRAY[${sql.join(items.map((f) => f(env).expr))}]`, nullable: false });
      }
      case 'var':
        return compileVar(node);
      case 'op': {
        const fn = node.op.sql(node, sqlCompiler);
        if (!node.op.predicate) return fn;
        return (env) => {
          const p = fn(env);
          return p.nullable ? { expr: sql`coalesce(${p.expr}, false)`, nullable: false } : p;
        };
      }
    }
  },
  valueAs(node: ExprNode, domain: ExprType): SqlFn {
    if (domain === node.type || domain === 'any' || domain === 'list' || domain === 'null') return sqlCompiler.value(node);
    if (node.kind === 'literal') {
      const v = node.value;
      return () => (v === null ? { expr: sqlNull(domain), nullable: true } : { expr: bindParam(v, domain), nullable: false });
    }
    if (node.kind === 'array') {
      const items = node.items.map((i) => sqlCompiler.valueAs(i, domain === 'text_list' ? 'text' : domain));
      return (env) => ({ expr: sql`ARRAY[${sql.join(items.map((f) => f(env).expr))}]`, nullable: false });
    }
    if (node.kind === 'var' && node.source === 'user' && !node.fallback) {
      const key = node.key;
      return (env) => {
        const v = env.ctx?.user?.[key];
        // a context value that is no UUID can equal no uuid column: bind NULL instead of failing the query
        if (v === undefined || v === null || (domain === 'uuid' && !(typeof v === 'string' && isUuidString(v)))) {
          return { expr: sqlNull(domain), nullable: true };
        }
        return { expr: bindParam(v, domain), nullable: false };
      };
    }
    const f = sqlCompiler.value(node);
    if (domain === 'datetime' && node.type === 'date') {
      return (env) => {
        const p = f(env);
        return { expr: dateToTimestamptz(p.expr), nullable: p.nullable };
      };
    }
    return f;
  },
  cond(node: ExprNode): SqlFn {
    if (node.kind === 'op' && node.op.predicate) return node.op.sql(node, sqlCompiler);
    const f = sqlCompiler.value(node);
    return (env) => {
      const p = f(env);
      const t = truthySql(p.expr, node.type);
      return { expr: t.expr, nullable: t.nullable && p.nullable };
    };
  },
  bool(node: ExprNode): SqlFn {
    const f = sqlCompiler.cond(node);
    return (env) => {
      const p = f(env);
      return p.nullable ? { expr: sql`(${p.expr} IS TRUE)`, nullable: false } : p;
    };
  },
  param: bindParam,
};

function parseForSql(rule: unknown, vars: VarSchema, registry: OperatorRegistry): ExprNode {
  const parsed = parseRule(rule, registry, vars);
  if (!parsed.node) throwInvalid(parsed.errors);
  const untyped = findUntyped(parsed.node);
  if (untyped) {
    throwInvalid([{ path: untyped.path, message: `the type of this value cannot be known before the query runs; compare it with a field or write a literal` }]);
  }
  return parsed.node;
}

function findUntyped(node: ExprNode): ExprNode | undefined {
  if (node.kind === 'op') {
    for (const a of node.args) {
      const u = findUntyped(a);
      if (u) return u;
    }
  }
  return node.type === 'any' && node.kind === 'op' ? node : undefined;
}

/**
 * Compiles a json-logic rule once into a builder of a kysely boolean expression over a
 * form's table (PostgreSQL). Column references come from `vars`, values are bound as
 * parameters, and `$user.*` / `$now` are read from the context at call time.
 *
 * @throws TrellisError `EXPR_INVALID` (400) with every problem.
 * @example
 * const where = compileSql({ '==': [{ var: 'owner_id' }, { var: '$user.id' }] }, vars);
 * db.selectFrom('app.customer as t').selectAll().where(where({ user: { id } }, 't'));
 */
export function compileSql(rule: unknown, vars: VarSchema, registry: OperatorRegistry = operators): SqlCondition {
  const fn = sqlCompiler.cond(parseForSql(rule, vars, registry));
  return (ctx?: EvalContext, table?: string) => fn({ ctx, table }).expr as Expression<SqlBool>;
}

/**
 * Compiles a rule to a SQL *value* (for select lists and reports) in the record
 * representation the JS backend returns: numbers as float8, dates as `'YYYY-MM-DD'` text,
 * datetimes as ISO 8601 UTC text, uuids as text; predicates never NULL.
 *
 * @example
 * db.selectFrom('deal').select(compileSqlValue({ '*': [{ var: 'amount' }, 0.1] }, vars)().as('fee'));
 */
export function compileSqlValue(
  rule: unknown,
  vars: VarSchema,
  registry: OperatorRegistry = operators,
): (ctx?: EvalContext, table?: string) => Expression<unknown> {
  const node = parseForSql(rule, vars, registry);
  const fn = sqlCompiler.value(node);
  return (ctx?: EvalContext, table?: string) => {
    const e = fn({ ctx, table }).expr;
    switch (node.type) {
      case 'number':
        return sql`(${e})::float8`;
      case 'date':
        return sql`to_char(${e}, 'YYYY-MM-DD')`;
      case 'datetime':
        return sql`to_char((${e}) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
      case 'uuid':
        return sql`(${e})::text`;
      default:
        return e;
    }
  };
}
