import { describe, expect, it } from 'vitest';
import { compileJs, compileSql, formulaMessage, parseFormula, MAX_FORMULA_DEPTH, MAX_FORMULA_LENGTH, FORMULA_FUNCTIONS, type FormulaVars } from './index.js';

const vars: FormulaVars = {
  amount: { type: 'number' },
  price: { type: 'number' },
  qty: { type: 'number' },
  name: { type: 'text' },
  code: { type: 'text' },
  signed_on: { type: 'date' },
  due_at: { type: 'datetime' },
  vip: { type: 'boolean' },
  items: { type: 'json', columns: { amount: { type: 'number' }, product: { type: 'text' } } },
  address: { type: 'json' },
};
const ctx = { now: new Date('2026-03-01T10:00:00.000Z'), user: { id: 'u1' } };
const record = {
  amount: 600000, price: 2.5, qty: 4, name: '华为', code: 'HW', signed_on: '2026-01-31', due_at: '2026-02-28T23:30:00.000Z', vip: true,
  items: [{ amount: 100, product: '服务器' }, { amount: 20.5, product: '交换机' }, { amount: null, product: '' }], address: { city: '深圳' },
};

function run(text: string, data: Record<string, unknown> = record): unknown {
  const r = parseFormula(text, vars);
  if (!r.ok) throw new Error(`${text}: ${JSON.stringify(r.errors)}`);
  return compileJs(r.rule, vars)(data, ctx);
}

function errorsOf(text: string) {
  const r = parseFormula(text, vars);
  if (r.ok) throw new Error(`${text} parsed`);
  return r.errors.map((e) => ({ code: e.code, position: e.position }));
}

describe('parseFormula: syntax and precedence', () => {
  it.each([
    ['1 + 2 * 3', 7],
    ['(1 + 2) * 3', 9],
    ['10 - 4 - 3', 3],
    ['2 * 3 % 4', 2],
    ['-2^2', -4],
    ['2^3^2', 512],
    ['2^-1', 0.5],
    ['-(1 + 2)', -3],
    ['1 + 2 > 2', true],
    ['1 + 2 = 3', true],
    ['1 <> 2', true],
    ['1 != 1', false],
    ['"a" & 1 + 2 & "b"', 'a3b'],
    ['1.5e2', 150],
    ['.5 * 4', 2],
    ['TRUE', true],
    ['"say ""hi"""', 'say "hi"'],
    ["'single \\' quoted'", "single ' quoted"],
    ['“全角引号”', '全角引号'],
    ['SUM（1，2）', 3],
    ['sum(1, 2)', 3],
    ['Sum(1, 2)', 3],
  ])('%s = %j', (text, expected) => {
    expect(run(text)).toEqual(expected);
  });

  it('translates to json-logic of the registry operators', () => {
    expect(parseFormula('IF(amount > 500000, "A", "B")', vars)).toMatchObject({ ok: true, type: 'text', rule: { if: [{ '>': [{ var: 'amount' }, 500000] }, 'A', 'B'] }, refs: ['amount'] });
    expect(parseFormula('SUM(items.amount)', vars)).toMatchObject({ ok: true, type: 'number', rule: { sum: [{ pluck: [{ var: 'items' }, 'amount'] }] }, refs: ['items'] });
    expect(parseFormula('a.b * 2')).toMatchObject({ ok: true, rule: { '*': [{ pluck: [{ var: 'a' }, 'b'] }, 2] } });
  });

  it('compiles to SQL where the operators have SQL', () => {
    const r = parseFormula('ROUND(price * qty, 2) + LEN(name)', vars);
    expect(r.ok).toBe(true);
    if (r.ok) expect(() => compileSql(r.rule, vars)).not.toThrow();
    const list = parseFormula('SUM(items.amount)', vars);
    if (list.ok) expect(() => compileSql(list.rule, vars)).toThrow(/no SQL form|cannot be known before the query runs/);
  });
});

describe('parseFormula: errors with positions', () => {
  it.each([
    ['SUM(price', 'FORMULA_SYNTAX', 9],
    ['price * ', 'FORMULA_SYNTAX', 8],
    ['price qty', 'FORMULA_SYNTAX', 6],
    ['(1 + 2', 'FORMULA_SYNTAX', 6],
    ['"open', 'FORMULA_SYNTAX', 0],
    ['1 # 2', 'FORMULA_SYNTAX', 2],
    ['SUMM(price)', 'FORMULA_UNKNOWN_FUNCTION', 0],
    ['1 + nope', 'FORMULA_UNKNOWN_FIELD', 4],
    ['items.nope', 'FORMULA_UNKNOWN_COLUMN', 0],
    ['price.x', 'FORMULA_NOT_A_TABLE', 0],
    ['1 + LEFT()', 'FORMULA_ARGUMENTS', 4],
    ['MID("abc", 1)', 'FORMULA_ARGUMENTS', 0],
    ['DATEDIF(signed_on, TODAY(), "W")', 'FORMULA_ARGUMENT_VALUE', 28],
    ['DATEADD(signed_on, 1, "fortnight")', 'FORMULA_ARGUMENT_VALUE', 22],
    ['IFS(vip, 1, amount)', 'FORMULA_ARGUMENT_VALUE', 12],
    ['price + name', 'FORMULA_TYPE', 8],
    ['LEFT(price, 1)', 'FORMULA_TYPE', 5],
    ['IF(vip, 1, "x")', 'FORMULA_TYPE', 11],
    ['', 'FORMULA_EMPTY', 0],
  ])('%j → %s at %i', (text, code, position) => {
    expect(errorsOf(text)).toEqual([{ code, position }]);
  });

  it('caps the length and the nesting', () => {
    expect(errorsOf('1+'.repeat(MAX_FORMULA_LENGTH) + '1')[0]!.code).toBe('FORMULA_TOO_LONG');
    const deep = '('.repeat(MAX_FORMULA_DEPTH + 1) + '1' + ')'.repeat(MAX_FORMULA_DEPTH + 1);
    expect(errorsOf(deep)).toEqual([{ code: 'FORMULA_TOO_DEEP', position: MAX_FORMULA_DEPTH }]);
    const ok = '('.repeat(MAX_FORMULA_DEPTH - 1) + '1' + ')'.repeat(MAX_FORMULA_DEPTH - 1);
    expect(run(ok)).toBe(1);
  });

  it('reports every unknown name, each at its position', () => {
    expect(errorsOf('FOO(a1) + b2')).toEqual([
      { code: 'FORMULA_UNKNOWN_FUNCTION', position: 0 },
      { code: 'FORMULA_UNKNOWN_FIELD', position: 10 },
    ]);
  });

  it('messages in Chinese and English, naming the formula functions', () => {
    const r = parseFormula('SUMM(price)', vars);
    expect(!r.ok && r.errors[0]!.message).toBe('there is no function SUMM; pick one from the function list');
    expect(!r.ok && formulaMessage(r.errors[0]!, 'zh-CN')).toBe('没有函数 SUMM，请从函数列表中选择');
    const t = parseFormula('CONCAT(vip)', vars);
    expect(!t.ok && t.errors[0]!.message).toMatch(/CONCAT/);
    expect(!t.ok && formulaMessage(t.errors[0]!, 'zh-CN')).toMatch(/^类型不匹配/);
    const s = parseFormula('SUM(price', vars);
    expect(!s.ok && formulaMessage(s.errors[0]!, 'zh-CN')).toBe('此处应为「,」或「)」，却是「公式结尾」');
    const a = parseFormula('MID("a")', vars);
    expect(!a.ok && formulaMessage(a.errors[0]!, 'en')).toBe('MID takes 3 arguments, found 1: MID(text, start, count)');
  });

  it('never throws, whatever the text', () => {
    for (const text of ['(((', ')))', ',', '"', '1..2', 'a.', '$x', 'IF(,)', '1 = = 2', '\u0000', '华为']) {
      expect(() => parseFormula(text, vars)).not.toThrow();
      expect(parseFormula(text, vars).ok).toBe(false);
    }
  });
});

describe('formula functions', () => {
  it.each([
    ['SUM(items.amount)', 120.5],
    ['SUM(price, qty, 1)', 7.5],
    ['AVERAGE(items.amount)', 60.25],
    ['AVG(price, qty)', 3.25],
    ['COUNT(items.amount)', 2],
    ['COUNTA(items)', 3],
    ['COUNTA(items.product)', 2],
    ['MIN(items.amount)', 20.5],
    ['MAX(items.amount, 500)', 500],
    ['MIN(price, qty)', 2.5],
    ['MAX(signed_on, DATE(2026, 2, 1))', '2026-02-01'],
    ['IF(amount > 500000, "A", "B")', 'A'],
    ['IF(amount > 900000, "A")', null],
    ['IFS(amount > 900000, "A", amount > 500000, "B")', 'B'],
    ['SWITCH(code, "HW", "华为", "ZTE", "中兴", "其他")', '华为'],
    ['SWITCH(code, "X", 1, 0)', 0],
    ['AND(vip, amount > 0)', true],
    ['OR(NOT(vip), amount < 0)', false],
    ['ISEMPTY(code)', false],
    ['ISEMPTY(items)', false],
    ['CONCAT(name, "-", code)', '华为-HW'],
    ['name & "-" & code', '华为-HW'],
    ['LEFT(name, 1)', '华'],
    ['RIGHT("深圳市南山区", 3)', '南山区'],
    ['MID("深圳市南山区", 4, 2)', '南山'],
    ['LEN("华为 Huawei")', 9],
    ['LEN(name)', 2],
    ['TRIM("\u3000 华为 ")', '华为'],
    ['UPPER("huawei")', 'HUAWEI'],
    ['LOWER(code)', 'hw'],
    ['TEXT(price, 2)', '2.50'],
    ['FIXED(1234.565, 2)', '1234.57'],
    ['ROUND(1.005, 2)', 1.01],
    ['ROUND(-2.5)', -3],
    ['ROUNDUP(1.21, 1)', 1.3],
    ['ROUNDDOWN(-1.29, 1)', -1.2],
    ['ABS(-3)', 3],
    ['INT(-1.5)', -2],
    ['MOD(-7, 3)', 2],
    ['POWER(2, 10)', 1024],
    ['CEILING(12, 5)', 15],
    ['FLOOR(12, 5)', 10],
    ['price * qty', 10],
    ['amount / 0', null],
    ['TODAY()', '2026-03-01'],
    ['NOW()', '2026-03-01T10:00:00.000Z'],
    ['YEAR(signed_on)', 2026],
    ['MONTH(signed_on)', 1],
    ['DAY(due_at)', 28],
    ['DATE(2024, 2, 30)', '2024-03-01'],
    ['DATE(2024, 3, 0)', '2024-02-29'],
    ['DATEDIF(signed_on, TODAY(), "D")', 29],
    ['DATEDIF(signed_on, TODAY(), "M")', 1],
    ['DATEDIF(signed_on, "2026-02-28", "M")', 0],
    ['DATEDIF("1990-06-15", TODAY(), "Y")', 35],
    ['DATEDIF(signed_on, due_at, "d")', 28],
    ['DATEADD(signed_on, 1, "month")', '2026-02-28'],
    ['DATEADD(signed_on, -1, "year")', '2025-01-31'],
    ['DATEADD(signed_on, 30, "day")', '2026-03-02'],
    ['DATEADD(due_at, 2, "hour")', '2026-03-01T01:30:00.000Z'],
    ['address.city', '深圳'],
  ])('%s = %j', (text, expected) => {
    expect(run(text)).toEqual(expected);
  });

  it('every function of the table is documented with a signature and compiles with arguments of its kind', () => {
    for (const fn of FORMULA_FUNCTIONS.values()) expect(fn.signature).toMatch(new RegExp(`^${fn.name}\\(`));
  });

  it('blank inputs give blank results instead of failing', () => {
    expect(run('price * qty', {})).toBe(null);
    expect(run('SUM(items.amount)', {})).toBe(0);
    expect(run('LEFT(name, 2)', {})).toBe(null);
    expect(run('DATEDIF(signed_on, TODAY(), "D")', {})).toBe(null);
    expect(run('CONCAT(name, "-", code)', {})).toBe('-');
  });
});

describe('sub-table columns without declared columns', () => {
  it('items.amount over a json field reads the column of its rows (and an object property alike)', () => {
    const v: FormulaVars = { items: { type: 'json' }, address: { type: 'json' } };
    const sum = parseFormula('SUM(items.amount)', v);
    expect(sum.ok && compileJs(sum.rule, v)({ items: [{ amount: 2 }, { amount: 3 }] })).toBe(5);
    const city = parseFormula('address.city', v);
    expect(city.ok && compileJs(city.rule, v)({ address: { city: '深圳' } })).toBe('深圳');
    const deep = parseFormula('address.geo.lat', v);
    expect(deep.ok && compileJs(deep.rule, v)({ address: { geo: { lat: 22.5 } } })).toBe(22.5);
  });
});
