import type { ErrorDetail } from '@trellis/schema';
import type { OperatorRegistry } from './operator.js';
import { operators } from './operators/index.js';
import { parseRule } from './parse-rule.js';
import type { VarSchema } from './types.js';

/**
 * Every compile error of a rule, without throwing: unknown operators, wrong arities,
 * unknown variables (when `vars` is given) and type mismatches, each with a JSON pointer
 * into the rule. An empty list means both backends can compile it.
 *
 * @example
 * checkCondition({ and: [true, { '==': [{ var: 'nme' }, 'x'] }] }, { name: { type: 'text' } });
 * // [{ path: '/and/1/==/0/var', message: "unknown variable 'nme'; the variables here are: name" }]
 */
export function checkCondition(rule: unknown, vars?: VarSchema, registry: OperatorRegistry = operators): ErrorDetail[] {
  return [...parseRule(rule, registry, vars).errors];
}
