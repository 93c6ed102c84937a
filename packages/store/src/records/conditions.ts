import { compileSql, type EvalContext, type SqlCondition } from '@trellis/expr';
import type { Expression, SqlBool } from 'kysely';
import type { FormMeta } from './form-catalog.js';

const compiled = new WeakMap<FormMeta, Map<string, SqlCondition>>();
/** Distinct conditions kept compiled per form layout (list filters repeat; scopes are few). */
const MAX_CACHED_PER_FORM = 200;

/**
 * A json-logic condition (a list filter or a row scope) as a kysely condition over the
 * form's table aliased `table`. Compiled by `@trellis/expr` against the form's variables
 * (field keys → columns, system columns) once per form layout and kept; compile errors are
 * `EXPR_INVALID` (400) with the path into the rule.
 *
 * @example
 * query.where(conditionSql(meta, { '==': [{ var: 'status' }, 'open'] }, ctx, 't'))
 */
export function conditionSql(meta: FormMeta, rule: unknown, ctx: EvalContext | undefined, table: string): Expression<SqlBool> {
  let forForm = compiled.get(meta);
  if (!forForm) compiled.set(meta, (forForm = new Map()));
  const key = JSON.stringify(rule);
  let condition = forForm.get(key);
  if (!condition) {
    condition = compileSql(rule, meta.vars);
    if (forForm.size >= MAX_CACHED_PER_FORM) forForm.delete(forForm.keys().next().value!);
    forForm.set(key, condition);
  }
  return condition(ctx, table);
}
