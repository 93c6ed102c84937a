import { OperatorRegistry } from '../operator.js';
import { divideOperator, maxOperator, minOperator, minusOperator, moduloOperator, plusOperator, timesOperator } from './arithmetic.js';
import { containsOperator, inOperator, isEmptyOperator, missingOperator } from './collection.js';
import {
  betweenOperator,
  equalsOperator,
  greaterOperator,
  greaterOrEqualOperator,
  lessOperator,
  lessOrEqualOperator,
  notEqualsOperator,
} from './comparison.js';
import { dateAddOperator, dateDiffOperator, startOfOperator } from './date.js';
import { andOperator, ifOperator, notOperator, orOperator, truthyOperator } from './logic.js';
import { averageOperator, countAOperator, countOperator, maxOfOperator, minOfOperator, pluckOperator, sumOperator } from './formula-aggregate.js';
import { dateDifOperator, dayOperator, makeDateOperator, monthOperator, todayOperator, yearOperator } from './formula-date.js';
import {
  absOperator,
  ceilingOperator,
  floorOperator,
  intOperator,
  modOperator,
  powerOperator,
  roundDownOperator,
  roundOperator,
  roundUpOperator,
} from './formula-math.js';
import { fixedOperator, leftOperator, lenOperator, midOperator, rightOperator, trimOperator } from './formula-text.js';
import { catOperator, endsWithOperator, lowerOperator, startsWithOperator, substrOperator, upperOperator } from './text.js';

/** The built-in operators, in the order docs/conditions.md lists them. */
export const BUILT_IN_OPERATORS = [
  equalsOperator,
  notEqualsOperator,
  lessOperator,
  lessOrEqualOperator,
  greaterOperator,
  greaterOrEqualOperator,
  betweenOperator,
  andOperator,
  orOperator,
  notOperator,
  truthyOperator,
  ifOperator,
  inOperator,
  containsOperator,
  missingOperator,
  isEmptyOperator,
  plusOperator,
  minusOperator,
  timesOperator,
  divideOperator,
  moduloOperator,
  minOperator,
  maxOperator,
  catOperator,
  substrOperator,
  lowerOperator,
  upperOperator,
  startsWithOperator,
  endsWithOperator,
  dateAddOperator,
  dateDiffOperator,
  startOfOperator,
  // formula functions (docs/formulas.md)
  sumOperator,
  averageOperator,
  countOperator,
  countAOperator,
  minOfOperator,
  maxOfOperator,
  pluckOperator,
  roundOperator,
  roundUpOperator,
  roundDownOperator,
  absOperator,
  intOperator,
  modOperator,
  powerOperator,
  ceilingOperator,
  floorOperator,
  leftOperator,
  rightOperator,
  midOperator,
  lenOperator,
  trimOperator,
  fixedOperator,
  todayOperator,
  yearOperator,
  monthOperator,
  dayOperator,
  makeDateOperator,
  dateDifOperator,
] as const;

/** Creates a registry holding the built-in operators (`var` is part of the language itself). */
export function createOperatorRegistry(): OperatorRegistry {
  const registry = new OperatorRegistry();
  for (const op of BUILT_IN_OPERATORS) registry.register(op);
  return registry;
}

/**
 * The shared operator catalogue used by `compileJs`, `compileSql` and `checkCondition` by
 * default. Plugins add operators with `operators.register(defineOperator({...}))`.
 */
export const operators: OperatorRegistry = createOperatorRegistry();
