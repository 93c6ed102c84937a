import { pointer, type ErrorDetail } from '@trellis/schema';
import type { ArrayNode, ExprNode, LiteralNode, VarNode } from './expr-node.js';
import type { OperatorRegistry, TypeChecker } from './operator.js';
import { coerceLiteral } from './type-rules.js';
import type { ExprType, VarSchema } from './types.js';

/** The outcome of checking a rule: the typed tree (when there were no errors) and every problem found. */
export interface ParsedRule {
  readonly node: ExprNode | undefined;
  readonly errors: readonly ErrorDetail[];
}

/**
 * Types of the `$user` properties every context provides (the request actor): its id and
 * its department lists (ids as text) and role keys. Other properties are `any`.
 */
const USER_TYPES: Readonly<Record<string, ExprType>> = {
  id: 'text',
  deptIds: 'text_list',
  deptTree: 'text_list',
  managedDeptTree: 'text_list',
  roles: 'text_list',
};

/**
 * Checks a json-logic rule against the operator catalogue and (when given) the variables,
 * and builds the typed tree both backends compile. Collects every problem, each with a JSON
 * pointer into the rule.
 *
 * @example
 * parseRule({ '==': [{ var: 'x' }] }, operators).errors; // [{ path: '/==', message: "'==' takes 2 arguments…" }]
 */
export function parseRule(rule: unknown, registry: OperatorRegistry, vars?: VarSchema): ParsedRule {
  const errors: ErrorDetail[] = [];
  const checker: Checker = { error: (path, message) => void errors.push({ path, message }), vars, count: () => errors.length };
  const node = parseNode(rule, '', registry, checker);
  return { node: errors.length === 0 ? node : undefined, errors };
}

function anyNode(path: string): LiteralNode {
  return { kind: 'literal', path, type: 'any', nullable: true, value: null };
}

function parseNode(value: unknown, path: string, registry: OperatorRegistry, t: Checker): ExprNode {
  if (value === null) return { kind: 'literal', path, type: 'null', nullable: true, value: null };
  if (typeof value === 'string') return { kind: 'literal', path, type: 'text', nullable: false, value };
  if (typeof value === 'boolean') return { kind: 'literal', path, type: 'boolean', nullable: false, value };
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) t.error(path, `${value} is not a finite number; use a plain number`);
    return { kind: 'literal', path, type: 'number', nullable: false, value };
  }
  if (Array.isArray(value)) return parseArray(value, path, registry, t);
  if (typeof value !== 'object') {
    t.error(path, `a ${typeof value} is not a condition value; use a string, number, boolean, null, list or operation`);
    return anyNode(path);
  }
  const keys = Object.keys(value);
  if (keys.length !== 1) {
    t.error(path, `an operation is an object with exactly one key (the operator), found ${keys.length === 0 ? 'none' : keys.map((k) => `'${k}'`).join(', ')}`);
    return anyNode(path);
  }
  const name = keys[0]!;
  const raw = (value as Record<string, unknown>)[name];
  if (name === 'var') return parseVar(raw, pointer(path, 'var'), path, registry, t);
  const op = registry.get(name);
  if (!op) {
    t.error(path, `unknown operator '${name}'; see docs/conditions.md for the operators you can use`);
    return anyNode(path);
  }
  const rawArgs = Array.isArray(raw) ? raw : [raw];
  const [min, max] = op.arity;
  if (rawArgs.length < min || rawArgs.length > max) {
    const expected = min === max ? `${min}` : max === Infinity ? `at least ${min}` : `${min} to ${max}`;
    t.error(pointer(path, name), `'${name}' takes ${expected} argument${expected === '1' ? '' : 's'}, found ${rawArgs.length}`);
    return anyNode(path);
  }
  const before = countErrors(t);
  const args = rawArgs.map((a, i) => parseNode(a, Array.isArray(raw) ? pointer(path, name, i) : pointer(path, name), registry, t));
  if (countErrors(t) > before) return anyNode(path);
  const checked = op.check({ name, path, args }, t);
  if (countErrors(t) > before) return anyNode(path);
  return { kind: 'op', path, op, args: checked.args ?? args, type: checked.type, nullable: checked.nullable };
}

type Checker = TypeChecker & { count(): number };

function countErrors(t: Checker): number {
  return t.count();
}

function parseArray(value: readonly unknown[], path: string, registry: OperatorRegistry, t: Checker): ArrayNode {
  const items = value.map((v, i) => parseNode(v, pointer(path, i), registry, t));
  const types = new Set(items.map((i) => i.type).filter((x) => x !== 'null'));
  const elem: ExprType = types.size === 1 ? [...types][0]! : types.size === 0 ? 'null' : 'any';
  return { kind: 'array', path, type: 'list', nullable: false, items, elem };
}

function parseVar(raw: unknown, argPath: string, path: string, registry: OperatorRegistry, t: Checker): ExprNode {
  const parts = Array.isArray(raw) ? raw : [raw];
  const namePath = Array.isArray(raw) ? pointer(argPath, 0) : argPath;
  if (parts.length < 1 || parts.length > 2) {
    t.error(argPath, `'var' takes a name and an optional default, found ${parts.length} arguments`);
    return anyNode(path);
  }
  const name = parts[0];
  if (typeof name !== 'string' || name === '') {
    t.error(namePath, `'var' needs a variable name (a non-empty string), found ${JSON.stringify(name)}`);
    return anyNode(path);
  }
  let node: VarNode;
  if (name.startsWith('$')) {
    const found = parseContextVar(name, path, namePath, t);
    if (!found) return anyNode(path);
    node = found;
  } else {
    const [key, ...subPath] = name.split('.') as [string, ...string[]];
    const vars = t.vars;
    let type: ExprType = 'any';
    let column = key;
    if (vars) {
      const def = Object.prototype.hasOwnProperty.call(vars, key) ? vars[key] : undefined;
      if (!def) {
        const known = Object.keys(vars);
        const list = known.slice(0, 30).join(', ') + (known.length > 30 ? ', …' : '');
        t.error(namePath, `unknown variable '${key}'; the variables here are: ${list}`);
        return anyNode(path);
      }
      type = def.type;
      column = def.column ?? key;
      if (subPath.length > 0) {
        if (type !== 'json') {
          t.error(namePath, `'${key}' is a ${type} variable; only json variables have sub-paths like '${name}'`);
          return anyNode(path);
        }
      }
    }
    node = { kind: 'var', path, type, nullable: true, source: 'record', name, key, column, subPath };
  }
  if (parts.length === 2) {
    let fallback: ExprNode | undefined = parseNode(parts[1], pointer(argPath, 1), registry, t);
    if (fallback.type !== node.type && fallback.type !== 'null' && node.type !== 'any' && fallback.type !== 'any') {
      fallback = coerceLiteral(fallback, node.type, t);
      if (!fallback) {
        t.error(pointer(argPath, 1), `the default of '${name}' must be a ${node.type} like the variable`);
        return anyNode(path);
      }
    }
    node = { ...node, fallback, nullable: fallback.nullable };
  }
  return node;
}

function parseContextVar(name: string, path: string, namePath: string, t: Checker): VarNode | undefined {
  if (name === '$now') {
    return { kind: 'var', path, type: 'datetime', nullable: false, source: 'now', name, key: '$now', column: '$now', subPath: [] };
  }
  const m = /^\$user\.([A-Za-z_][A-Za-z0-9_]*)$/.exec(name);
  if (!m) {
    t.error(namePath, `unknown context variable '${name}'; use '$now' or '$user.<property>' such as '$user.id'`);
    return undefined;
  }
  const key = m[1]!;
  return { kind: 'var', path, type: USER_TYPES[key] ?? 'any', nullable: true, source: 'user', name, key, column: key, subPath: [] };
}
