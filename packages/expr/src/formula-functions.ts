/**
 * The functions of the formula language and how each becomes json-logic. Names are
 * case-insensitive (`sum`, `Sum` and `SUM` are one function). Each maps onto an operator of
 * the registry, so a formula compiles with `compileJs` (and `compileSql` where its operators
 * have SQL).
 */

/** An argument already translated to json-logic, with what the translator knows about it. */
export interface FormulaArg {
  readonly rule: unknown;
  /** True for values that may be lists at run time (a sub-table column `items.amount`, an untyped or json field). */
  readonly listy: boolean;
  /** The text of a string literal argument (units such as "D" or "month"). */
  readonly literal?: string;
}

/** A problem a function reports about its arguments: the argument's index and the message parameters. */
export interface FunctionProblem {
  readonly arg: number;
  readonly expected: string;
}

/** One function of the formula language. */
export interface FormulaFunction {
  /** The name users write, upper case. */
  readonly name: string;
  readonly min: number;
  readonly max: number;
  /** Arguments as the designer's help shows them: `SUM(number, …)`. */
  readonly signature: string;
  /** The translation to json-logic, or a problem with one argument. */
  build(args: readonly FormulaArg[]): unknown | FunctionProblem;
  /** The json-logic operator names the translation uses (to name this function in type errors). */
  readonly ops: readonly string[];
}

/** Marks a translation result as a problem. */
export function isProblem(x: unknown): x is FunctionProblem {
  return typeof x === 'object' && x !== null && 'expected' in x && 'arg' in x && Object.keys(x).length === 2;
}

const op = (name: string) => (args: readonly FormulaArg[]) => ({ [name]: args.map((a) => a.rule) });

function simple(name: string, jl: string, min: number, max: number, signature: string): FormulaFunction {
  return { name, min, max, signature, build: op(jl), ops: [jl] };
}

const DATEADD_UNITS: Readonly<Record<string, string>> = {
  year: 'years', years: 'years', y: 'years',
  month: 'months', months: 'months', m: 'months',
  week: 'weeks', weeks: 'weeks', w: 'weeks',
  day: 'days', days: 'days', d: 'days',
  hour: 'hours', hours: 'hours', h: 'hours',
  minute: 'minutes', minutes: 'minutes',
  second: 'seconds', seconds: 'seconds', s: 'seconds',
};

const extremum = (name: 'MIN' | 'MAX'): FormulaFunction => ({
  name,
  min: 1,
  max: Infinity,
  signature: `${name}(number, …)`,
  ops: [name === 'MIN' ? 'min' : 'max', name === 'MIN' ? 'minOf' : 'maxOf'],
  build: (args) => {
    const list = args.some((a) => a.listy);
    const jl = name === 'MIN' ? (list ? 'minOf' : 'min') : list ? 'maxOf' : 'max';
    return { [jl]: args.map((a) => a.rule) };
  },
});

/** Every function, by upper-case name. */
export const FORMULA_FUNCTIONS: ReadonlyMap<string, FormulaFunction> = new Map(
  ([
    // numbers and lists
    simple('SUM', 'sum', 1, Infinity, 'SUM(number, …)'),
    simple('AVERAGE', 'average', 1, Infinity, 'AVERAGE(number, …)'),
    simple('AVG', 'average', 1, Infinity, 'AVG(number, …)'),
    simple('COUNT', 'count', 1, Infinity, 'COUNT(value, …)'),
    simple('COUNTA', 'countA', 1, Infinity, 'COUNTA(value, …)'),
    extremum('MIN'),
    extremum('MAX'),
    simple('ROUND', 'round', 1, 2, 'ROUND(number, decimals)'),
    simple('ROUNDUP', 'roundUp', 1, 2, 'ROUNDUP(number, decimals)'),
    simple('ROUNDDOWN', 'roundDown', 1, 2, 'ROUNDDOWN(number, decimals)'),
    simple('ABS', 'abs', 1, 1, 'ABS(number)'),
    simple('INT', 'int', 1, 1, 'INT(number)'),
    simple('MOD', 'mod', 2, 2, 'MOD(number, divisor)'),
    simple('POWER', 'power', 2, 2, 'POWER(number, exponent)'),
    simple('CEILING', 'ceiling', 1, 2, 'CEILING(number, significance)'),
    simple('FLOOR', 'floor', 1, 2, 'FLOOR(number, significance)'),
    // logic
    {
      name: 'IF', min: 2, max: 3, signature: 'IF(condition, then, else)', ops: ['if'],
      build: (args) => ({ if: args.map((a) => a.rule) }),
    },
    {
      name: 'IFS', min: 2, max: Infinity, signature: 'IFS(condition1, value1, condition2, value2, …)', ops: ['if'],
      build: (args) => (args.length % 2 === 1 ? { arg: args.length - 1, expected: 'a value after the last condition' } : { if: args.map((a) => a.rule) }),
    },
    {
      name: 'SWITCH', min: 3, max: Infinity, signature: 'SWITCH(value, case1, result1, …, default)', ops: ['if', '=='],
      build: (args) => {
        const [subject, ...rest] = args as [FormulaArg, ...FormulaArg[]];
        const out: unknown[] = [];
        for (let i = 0; i + 1 < rest.length; i += 2) out.push({ '==': [subject.rule, rest[i]!.rule] }, rest[i + 1]!.rule);
        if (rest.length % 2 === 1) out.push(rest[rest.length - 1]!.rule);
        return { if: out };
      },
    },
    simple('AND', 'and', 1, Infinity, 'AND(condition, …)'),
    simple('OR', 'or', 1, Infinity, 'OR(condition, …)'),
    simple('NOT', '!', 1, 1, 'NOT(condition)'),
    simple('ISEMPTY', 'isEmpty', 1, 1, 'ISEMPTY(value)'),
    { name: 'TRUE', min: 0, max: 0, signature: 'TRUE()', ops: [], build: () => true },
    { name: 'FALSE', min: 0, max: 0, signature: 'FALSE()', ops: [], build: () => false },
    // text
    simple('CONCAT', 'cat', 1, Infinity, 'CONCAT(text, …)'),
    simple('LEFT', 'left', 1, 2, 'LEFT(text, count)'),
    simple('RIGHT', 'right', 1, 2, 'RIGHT(text, count)'),
    simple('MID', 'mid', 3, 3, 'MID(text, start, count)'),
    simple('LEN', 'len', 1, 1, 'LEN(text)'),
    simple('TRIM', 'trim', 1, 1, 'TRIM(text)'),
    simple('UPPER', 'upper', 1, 1, 'UPPER(text)'),
    simple('LOWER', 'lower', 1, 1, 'LOWER(text)'),
    simple('TEXT', 'fixed', 1, 2, 'TEXT(number, decimals)'),
    simple('FIXED', 'fixed', 1, 2, 'FIXED(number, decimals)'),
    // dates
    simple('TODAY', 'today', 0, 0, 'TODAY()'),
    { name: 'NOW', min: 0, max: 0, signature: 'NOW()', ops: [], build: () => ({ var: '$now' }) },
    simple('YEAR', 'year', 1, 1, 'YEAR(date)'),
    simple('MONTH', 'month', 1, 1, 'MONTH(date)'),
    simple('DAY', 'day', 1, 1, 'DAY(date)'),
    simple('DATE', 'makeDate', 3, 3, 'DATE(year, month, day)'),
    {
      name: 'DATEDIF', min: 3, max: 3, signature: 'DATEDIF(start, end, "Y" | "M" | "D")', ops: ['dateDif'],
      build: (args) => {
        const u = args[2]!.literal?.toUpperCase();
        if (u !== 'Y' && u !== 'M' && u !== 'D') return { arg: 2, expected: '"Y", "M" or "D"' };
        return { dateDif: [args[0]!.rule, args[1]!.rule, u] };
      },
    },
    {
      name: 'DATEADD', min: 3, max: 3, signature: 'DATEADD(date, amount, "day" | "month" | "year")', ops: ['dateAdd'],
      build: (args) => {
        const u = DATEADD_UNITS[args[2]!.literal?.toLowerCase() ?? ''];
        if (u === undefined) return { arg: 2, expected: '"day", "week", "month", "year", "hour", "minute" or "second"' };
        return { dateAdd: [args[0]!.rule, args[1]!.rule, u] };
      },
    },
  ] satisfies FormulaFunction[]).map((f) => [f.name, f as FormulaFunction]),
);

/** The display name of a json-logic operator in formula error messages (`cat` → `CONCAT`). */
export const OPERATOR_DISPLAY: ReadonlyMap<string, string> = (() => {
  const m = new Map<string, string>([['cat', 'CONCAT / &'], ['power', 'POWER / ^']]);
  for (const f of FORMULA_FUNCTIONS.values()) for (const o of f.ops) if (!m.has(o) && !/^[^a-z]/i.test(o)) m.set(o, f.name);
  return m;
})();
