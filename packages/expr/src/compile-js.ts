import type { ExprNode, VarNode } from './expr-node.js';
import { ExprErrors } from './errors.js';
import { truthy } from './js-runtime.js';
import { generateJs } from './js-codegen.js';
import type { JsCompiler, JsFn, JsTest, OperatorRegistry } from './operator.js';
import { operators } from './operators/index.js';
import { parseRule } from './parse-rule.js';
import type { JsPredicate, VarSchema } from './types.js';
import type { ErrorDetail } from '@trellis/schema';

/** Throws `EXPR_INVALID` listing every problem. */
export function throwInvalid(errors: readonly ErrorDetail[]): never {
  const n = errors.length;
  throw ExprErrors.create(
    'EXPR_INVALID',
    `[expr] the condition has ${n} problem${n === 1 ? '' : 's'} (first at '${errors[0]?.path ?? ''}': ${errors[0]?.message ?? ''}); fix ${n === 1 ? 'it' : 'them'} and try again`,
    errors,
  );
}

/**
 * Compiles a json-logic rule once into a JS closure evaluated per record. With `vars`, the
 * rule is type-checked against them (unknown variables are errors) and comparisons use the
 * variables' types; without, variables are untyped.
 *
 * @throws TrellisError `EXPR_INVALID` (400) with every problem.
 * @example
 * const isBig = compileJs({ '>': [{ var: 'amount' }, 1000] }, { amount: { type: 'number' } });
 * isBig({ amount: 1500 }); // true
 */
export function compileJs(rule: unknown, vars?: VarSchema, registry: OperatorRegistry = operators): JsPredicate {
  const parsed = parseRule(rule, registry, vars);
  if (!parsed.node) throwInvalid(parsed.errors);
  return generateJs(parsed.node, jsCompiler) as JsPredicate;
}

/**
 * The closure backend alone (no generated function). Internal: tests run the suites on both
 * paths so that the closures, which generated code falls back to, stay correct.
 */
export function compileJsClosures(rule: unknown, vars?: VarSchema, registry: OperatorRegistry = operators): JsPredicate {
  const parsed = parseRule(rule, registry, vars);
  if (!parsed.node) throwInvalid(parsed.errors);
  return jsCompiler.value(parsed.node) as JsPredicate;
}

function compileVar(node: VarNode): JsFn {
  const key = node.key;
  let fn: JsFn;
  if (node.source === 'now') {
    fn = (_r, c) => (c?.now ?? new Date()).toISOString();
  } else if (node.source === 'user') {
    fn = (_r, c) => {
      const v = c?.user?.[key];
      return v === undefined ? null : v;
    };
  } else if (node.subPath.length === 0) {
    fn =
      key in Object.prototype
        ? (r) => (Object.hasOwn(r, key) ? (r[key] ?? null) : null)
        : (r) => {
            const v = r[key];
            return v === undefined ? null : v;
          };
  } else {
    const segments = [key, ...node.subPath];
    fn = (r) => {
      let v: unknown = r;
      for (const s of segments) {
        if (v === null || typeof v !== 'object') return null;
        v = (v as Record<string, unknown>)[s];
      }
      return v === undefined ? null : v;
    };
  }
  if (!node.fallback) return fn;
  const inner = fn;
  const fb = jsCompiler.value(node.fallback);
  return (r, c) => {
    const v = inner(r, c);
    return v === null ? fb(r, c) : v;
  };
}

/** The JS backend: turns checked nodes into nested closures. */
export const jsCompiler: JsCompiler = {
  value(node: ExprNode): JsFn {
    switch (node.kind) {
      case 'literal': {
        const v = node.value;
        return () => v;
      }
      case 'array': {
        const items = node.items.map((i) => jsCompiler.value(i));
        if (node.items.every((i) => i.kind === 'literal')) {
          const arr = Object.freeze(items.map((f) => f({}, undefined)));
          return () => arr;
        }
        return (r, c) => items.map((f) => f(r, c));
      }
      case 'var':
        return compileVar(node);
      case 'op':
        return node.op.js(node, jsCompiler);
    }
  },
  test(node: ExprNode): JsTest {
    if (node.kind === 'op' && node.op.predicate) return node.op.js(node, jsCompiler) as JsTest;
    if (node.kind === 'literal') {
      const v = truthy(node.value);
      return () => v;
    }
    const f = jsCompiler.value(node);
    if (node.type === 'boolean') return (r, c) => f(r, c) === true;
    return (r, c) => truthy(f(r, c));
  },
};
