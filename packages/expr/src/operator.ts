import type { RawBuilder } from 'kysely';
import type { ExprNode, OpNode } from './expr-node.js';
import type { EvalContext, ExprType, VarSchema } from './types.js';

/** A record as the JS backend reads it. */
export type JsRecord = Readonly<Record<string, unknown>>;

/** A compiled JS sub-expression. Absent values are `null`, never `undefined`. */
export type JsFn = (record: JsRecord, ctx: EvalContext | undefined) => unknown;

/** A compiled JS sub-expression that always returns `true` or `false`. */
export type JsTest = (record: JsRecord, ctx: EvalContext | undefined) => boolean;

/**
 * Handed to an operator's optional `jsSource` hook: the JS backend can generate one function
 * per rule (`new Function`) from source fragments. User values never enter the source: they
 * are bound constants (`constant(v)` returns the name of one); record keys enter only when
 * they are plain identifiers.
 */
export interface JsSourceGen {
  /** Source of an expression yielding the node's value (null when absent). Variables in scope: `r` (record), `c` (context). */
  value(node: ExprNode): string;
  /** Source of an expression yielding the node's truthiness as `true`/`false`. */
  test(node: ExprNode): string;
  /** The name of a bound constant holding `value`. */
  constant(value: unknown): string;
  /** The name of a fresh local variable (to evaluate a sub-expression once). */
  temp(): string;
}

/** What SQL pieces are built from at call time. */
export interface SqlEnv {
  readonly ctx: EvalContext | undefined;
  readonly table: string | undefined;
}

/** A built SQL fragment; `nullable` says whether it may evaluate to NULL. */
export interface SqlPiece {
  readonly expr: RawBuilder<unknown>;
  readonly nullable: boolean;
}

/** A compiled SQL sub-expression, built at call time (so `$user` and `$now` are bound then). */
export type SqlFn = (env: SqlEnv) => SqlPiece;

/** Handed to an operator's `js` hook to compile its arguments. */
export interface JsCompiler {
  /** The argument's value. */
  value(node: ExprNode): JsFn;
  /** The argument's truthiness (see docs/conditions.md). */
  test(node: ExprNode): JsTest;
}

/** Handed to an operator's `sql` hook to compile its arguments. */
export interface SqlCompiler {
  /** The argument's value in its SQL type (booleans of predicates are never NULL). */
  value(node: ExprNode): SqlFn;
  /**
   * The argument's value in the SQL type of `domain`: literals and context values are bound
   * with that type's cast, a date column becomes a timestamptz at midnight UTC in the
   * datetime domain.
   */
  valueAs(node: ExprNode, domain: ExprType): SqlFn;
  /** The argument's truthiness as a predicate; NULL means false. */
  cond(node: ExprNode): SqlFn;
  /** The argument's truthiness, never NULL. */
  bool(node: ExprNode): SqlFn;
  /** Binds `value` as a parameter of the given type (with a cast). */
  param(value: unknown, type: ExprType): RawBuilder<unknown>;
}

/** Handed to an operator's `check` hook. */
export interface TypeChecker {
  /** Records a compile error at `path`. */
  error(path: string, message: string): void;
  /** The variable schema, when the caller gave one. */
  readonly vars: VarSchema | undefined;
}

/** The result of checking an operation: its type, nullability and (optionally) coerced arguments. */
export interface CheckResult {
  readonly type: ExprType;
  readonly nullable: boolean;
  readonly args?: readonly ExprNode[];
}

/** The parts of an operation an operator's hooks see. */
export interface OpInput {
  readonly name: string;
  readonly path: string;
  readonly args: readonly ExprNode[];
}

/**
 * A condition operator: its name, arity, static typing and both backends. Built-ins and
 * plugins alike are registered with `defineOperator`.
 */
export interface OperatorDescriptor {
  readonly name: string;
  /** Minimum and maximum number of arguments (`Infinity` for variadic). */
  readonly arity: readonly [number, number];
  /** One line for docs and error messages. */
  readonly description: string;
  /**
   * True when the JS backend returns strictly `true`/`false` and the SQL backend a boolean
   * predicate where NULL means false (comparisons, `and`, `in`, …).
   */
  readonly predicate?: boolean;
  /** Types the arguments, reports problems and returns the result type. */
  check(op: OpInput, checker: TypeChecker): CheckResult;
  /** Compiles to a JS closure. */
  js(op: OpNode, c: JsCompiler): JsFn;
  /**
   * Optional fast path: JS source for the operation, or undefined to use `js` (the closure).
   * Must behave exactly like `js`.
   */
  jsSource?(op: OpNode, g: JsSourceGen): string | undefined;
  /** Compiles to a SQL builder. */
  sql(op: OpNode, c: SqlCompiler): SqlFn;
}

/**
 * Declares an operator (identity function that checks the shape at compile time).
 *
 * @example
 * operators.register(defineOperator({ name: 'isTrue', arity: [1, 1], description: '…', predicate: true,
 *   check: () => ({ type: 'boolean', nullable: false }),
 *   js: (op, c) => { const a = c.value(op.args[0]!); return (r, x) => a(r, x) === true; },
 *   sql: (op, c) => { const a = c.value(op.args[0]!); return (env) => ({ expr: sql`${a(env).expr} IS TRUE`, nullable: false }); } }));
 */
export function defineOperator(descriptor: OperatorDescriptor): OperatorDescriptor {
  return descriptor;
}

/**
 * The operator catalogue: name → descriptor. `operators` is the shared instance that holds
 * the built-ins; compile functions accept another registry for isolated setups.
 */
export class OperatorRegistry {
  readonly #ops = new Map<string, OperatorDescriptor>();

  /** Adds an operator; a name may be registered once. */
  register(descriptor: OperatorDescriptor): this {
    if (this.#ops.has(descriptor.name)) {
      throw new Error(`[expr] operator '${descriptor.name}' is already registered; pick another name`);
    }
    this.#ops.set(descriptor.name, descriptor);
    return this;
  }

  /** The descriptor of `name`, if registered. */
  get(name: string): OperatorDescriptor | undefined {
    return this.#ops.get(name);
  }

  /** Whether `name` is registered. */
  has(name: string): boolean {
    return this.#ops.has(name);
  }

  /** All operators, in registration order. */
  list(): readonly OperatorDescriptor[] {
    return [...this.#ops.values()];
  }
}
