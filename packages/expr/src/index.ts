export type { VarSchema, EvalContext, EvalUser, JsPredicate, SqlCondition, ExprType } from './types.js';
export { ExprErrors, type ExprErrorCode } from './errors.js';
export { compileJs } from './compile-js.js';
export { compileSql, compileSqlValue } from './compile-sql.js';
export { checkCondition } from './check-condition.js';
export { conditionVars, type ConditionVars } from './condition-vars.js';
export {
  defineOperator,
  OperatorRegistry,
  type OperatorDescriptor,
  type OpInput,
  type CheckResult,
  type TypeChecker,
  type JsCompiler,
  type SqlCompiler,
  type JsFn,
  type JsTest,
  type JsRecord,
  type SqlFn,
  type SqlPiece,
  type SqlEnv,
} from './operator.js';
export type { ExprNode, LiteralNode, ArrayNode, VarNode, OpNode } from './expr-node.js';
export { operators, createOperatorRegistry, BUILT_IN_OPERATORS } from './operators/index.js';
export { truthy } from './js-runtime.js';
export { parseFormula, type FormulaVars, type FormulaError, type ParsedFormula } from './parse-formula.js';
export { formulaMessage, type FormulaErrorCode } from './formula-messages.js';
export { FORMULA_FUNCTIONS, type FormulaFunction } from './formula-functions.js';
export { MAX_FORMULA_LENGTH, MAX_FORMULA_DEPTH } from './formula-syntax.js';
export { roundTo } from './formula-runtime.js';
