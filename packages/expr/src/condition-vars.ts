import type { ExprNode } from './expr-node.js';
import type { OperatorRegistry } from './operator.js';
import { operators } from './operators/index.js';
import { parseRule } from './parse-rule.js';
import { throwInvalid } from './compile-js.js';
import type { VarSchema } from './types.js';

/** What a condition reads: the record fields, and whether it reads `$user` or `$now`. */
export interface ConditionVars {
  /** Keys of the record fields the condition reads (the part before any `.` sub-path), in first-use order. */
  readonly fields: readonly string[];
  /** True when the condition reads `$user.<key>`. */
  readonly user: boolean;
  /** True when the condition reads `$now`. */
  readonly now: boolean;
}

/**
 * The variables a condition reads, taken from the same checked tree the backends compile,
 * so operators that name fields without `var` (`missing`) count too. Lets a caller
 * re-evaluate only the conditions that read a changed field (the form renderer's
 * incremental visibility).
 *
 * @throws TrellisError `EXPR_INVALID` (400), as `compileJs` does, for a rule that does not compile.
 * @example
 * conditionVars({ and: [{ '==': [{ var: 'kind' }, 'b2b'] }, { missing: ['vat'] }] });
 * // { fields: ['kind', 'vat'], user: false, now: false }
 */
export function conditionVars(rule: unknown, vars?: VarSchema, registry: OperatorRegistry = operators): ConditionVars {
  const parsed = parseRule(rule, registry, vars);
  if (!parsed.node) throwInvalid(parsed.errors);
  const fields = new Set<string>();
  let user = false;
  let now = false;
  const walk = (node: ExprNode): void => {
    switch (node.kind) {
      case 'literal':
        return;
      case 'array':
        node.items.forEach(walk);
        return;
      case 'var':
        if (node.source === 'user') user = true;
        else if (node.source === 'now') now = true;
        else fields.add(node.key);
        if (node.fallback) walk(node.fallback);
        return;
      case 'op':
        node.args.forEach(walk);
        return;
    }
  };
  walk(parsed.node);
  return { fields: [...fields], user, now };
}
