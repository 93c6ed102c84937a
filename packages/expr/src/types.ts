import type { ValueType } from '@trellis/schema';
import type { Expression, SqlBool } from 'kysely';

/**
 * The variables a condition may name, with their value types and (optionally) the column
 * that stores them when it differs from the name.
 *
 * @example
 * const vars: VarSchema = { amount: { type: 'number' }, owner: { type: 'uuid', column: 'owner_id' } };
 */
export type VarSchema = Readonly<Record<string, { readonly type: ValueType; readonly column?: string }>>;

/**
 * The current user as conditions see it (`$user.id`, `$user.deptIds`, `$user.<any>`). The
 * server fills the typed lists from the request actor: `deptTree` (the user's departments
 * and those below), `managedDeptTree` (the departments the user manages and those below),
 * `roles` (role keys in the app).
 */
export interface EvalUser {
  readonly id: string;
  readonly deptIds?: readonly string[];
  readonly deptTree?: readonly string[];
  readonly managedDeptTree?: readonly string[];
  readonly roles?: readonly string[];
  readonly [key: string]: unknown;
}

/**
 * What a condition may read besides the record: the user (`$user.*`) and the clock (`$now`,
 * the real time when absent).
 *
 * @example
 * const ctx: EvalContext = { user: { id: 'u1', deptIds: ['d1'] }, now: new Date('2026-01-01T00:00:00Z') };
 */
export interface EvalContext {
  readonly user?: EvalUser;
  readonly now?: Date;
}

/**
 * A condition compiled for one record: returns the value of the rule (a boolean for
 * conditions; use it as truthy/falsy like json-logic does).
 *
 * @example
 * const visible = compileJs({ '>': [{ var: 'amount' }, 100] })({ amount: 150 }); // true
 */
export type JsPredicate = (record: Readonly<Record<string, unknown>>, ctx?: EvalContext) => unknown;

/**
 * A condition compiled for many records: builds, at call time, a kysely boolean expression
 * over the form's table. `table` qualifies the column references (`"t"."amount"`); pass a
 * schema-qualified name as `'schema.table'`.
 *
 * The expression may evaluate to SQL `NULL` where the JS backend yields `false`; as a
 * `WHERE` condition the two mean the same. In a select list use `compileSqlValue`.
 *
 * @example
 * db.selectFrom('customer').selectAll().where(compileSql(rule, vars)(ctx));
 */
export type SqlCondition = (ctx?: EvalContext, table?: string) => Expression<SqlBool>;

/**
 * The static type of an expression: a value type, `null` (the literal null), `any` (not
 * known at compile time: variables without a schema, custom `$user` properties) or `list`
 * (an array literal whose items have type `elem`).
 */
export type ExprType = ValueType | 'null' | 'any' | 'list';
