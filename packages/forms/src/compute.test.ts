import { describe, expect, it } from 'vitest';
import type { FieldDef, FormDef } from '@trellis/schema';
import { compileForm } from './compile-form.js';
import { defineFieldType } from './field-type.js';
import { FieldTypeRegistry } from './field-type-registry.js';
import { builtInFieldTypes } from './field-types/index.js';
import { validateApp } from './validate-app.js';

let n = 0;
const field = (key: string, type: string, extra: Partial<FieldDef> = {}): FieldDef => ({ id: `f_${key}`, key, type, label: { 'zh-CN': key, en: key }, ...extra });
const formula = (key: string, text: string, resultType = 'number', extra: Record<string, unknown> = {}): FieldDef =>
  field(key, 'formula', { options: { formula: text, resultType, ...extra } });
const form = (...fields: FieldDef[]): FormDef => ({ key: `f${++n}`, name: 'T', fields });
const ctx = { user: { id: '0b7e5c1a-2f3d-4e5f-8a9b-0c1d2e3f4a5b', deptIds: ['d-sales', 'd-east'] }, now: new Date('2026-03-01T10:30:00.000Z') };

function ok(r: ReturnType<ReturnType<typeof compileForm>['process']>): Record<string, unknown> {
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
}

describe('formula fields: the compute step', () => {
  const order = form(
    field('price', 'number'),
    field('qty', 'number'),
    // reads a formula defined after it: computed in dependency order, not form order
    formula('grade', 'IF(total > 500000, "A", "B")', 'text'),
    formula('total', 'price * qty', 'number', { precision: 2 }),
    field('name', 'text'),
    field('code', 'text'),
    formula('title', 'CONCAT(name, "-", code)', 'text'),
    field('signed_on', 'date'),
    formula('age_days', 'DATEDIF(signed_on, TODAY(), "D")'),
    formula('big', 'total >= 1000', 'boolean'),
  );

  it('computes every formula field in dependency order, ignoring what was sent for it', () => {
    const v = ok(compileForm(order).process({ price: '1,000.005', qty: 600, name: ' 华为 ', code: 'HW', signed_on: '2026-02-01', total: 1, grade: 'Z' }, { mode: 'create', ctx }));
    expect(v).toMatchObject({ total: 600003, grade: 'A', title: '华为-HW', age_days: 28, big: true });
  });

  it('rounds number results to the precision', () => {
    const v = ok(compileForm(order).process({ price: 0.1, qty: 3 }, { mode: 'create', ctx }));
    expect(v['total']).toBe(0.3);
    expect(v['grade']).toBe('B');
  });

  it('a formula that fails at run time has no value and the record still saves', () => {
    const f = form(field('a', 'number'), field('b', 'number'), formula('ratio', 'a / b'), formula('d', 'DATE(a, 1, 1)', 'date'), formula('m', 'MOD(a, b)'));
    const v = ok(compileForm(f).process({ a: 0, b: 0 }, { mode: 'create', ctx }));
    expect(v).toMatchObject({ ratio: null, d: null, m: null });
  });

  it('blank inputs give blank results', () => {
    const v = ok(compileForm(order).process({}, { mode: 'create', ctx }));
    expect(v).toMatchObject({ total: null, grade: 'B', title: '-', age_days: null, big: false });
  });

  it('update mode recomputes from the merged record', () => {
    const c = compileForm(order);
    const stored = ok(c.process({ price: 10, qty: 2, name: 'a', code: 'b' }, { mode: 'create', ctx }));
    expect(stored['total']).toBe(20);
    const v = ok(c.process({ qty: 5, total: 999 }, { mode: 'update', existing: { ...stored, id: 'x', total: 20 }, ctx }));
    expect(v).toMatchObject({ price: 10, qty: 5, total: 50, title: 'a-b' });
  });

  it('formulas may read system columns of the stored record on update', () => {
    const f = form(field('x', 'number'), formula('stamp', 'CONCAT(YEAR(created_at), "/", x)', 'text'));
    const v = ok(compileForm(f).process({ x: 3 }, { mode: 'update', existing: { x: 1, created_at: '2025-12-31T20:00:00.000Z' }, ctx }));
    expect(v['stamp']).toBe('2025/3');
  });

  it('compute() fills formula fields for live results as the user types', () => {
    const c = compileForm(order);
    const typed = { price: '12.5', qty: '4', name: 'x', code: '', total: 'stale' };
    const live = c.compute(typed, ctx);
    expect(live).toMatchObject({ price: '12.5', qty: '4', total: 50, grade: 'B', title: 'x-' });
    expect(typed.total).toBe('stale'); // the input is not changed
  });

  it('a formula field is stored as its result type (lists, filters and reports can use it)', () => {
    const c = compileForm(order);
    expect(c.varSchema['total']).toEqual({ type: 'number' });
    expect(c.varSchema['grade']).toEqual({ type: 'text' });
    expect(c.varSchema['big']).toEqual({ type: 'boolean' });
  });
});

describe('formula definitions are refused at definition time', () => {
  const pkgOf = (...fields: FieldDef[]) => ({ schemaVersion: 1, app: { key: 'crm', name: 'CRM' }, forms: [{ key: 'deal', name: '商机', fields }] });

  it.each([
    ['a cycle', [formula('a', 'b + 1'), formula('b', 'a * 2')], 0, /circle: a → b → a/],
    ['a self reference', [field('x', 'number'), formula('s', 's + x')], 1, /circle: s → s/],
    ['an unknown field, with its position', [field('qty', 'number'), formula('t', 'qyt * 2')], 1, /^character 1: there is no field 'qyt'/],
    ['a syntax error, with its position', [field('qty', 'number'), formula('t', 'SUM(qty')], 1, /^character 8: expected ',' or '\)'/],
    ['an unknown function', [formula('t', '1 + SUMM(2)')], 0, /^character 5: there is no function SUMM/],
    ['a result that does not fit the result type', [field('name', 'text'), formula('t', 'CONCAT(name, "!")', 'number')], 1, /gives text.*result type 'number'/],
  ])('%s: validateApp and compileForm name /options/formula', (_what, fields, index, message) => {
    const r = validateApp(pkgOf(...fields));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.some((e) => e.path === `/forms/0/fields/${index}/options/formula` && message.test(e.message))).toBe(true);
    expect(() => compileForm(form(...fields))).toThrow(expect.objectContaining({ code: 'FORM_DEFINITION_INVALID', details: expect.arrayContaining([expect.objectContaining({ path: `/fields/${index}/options/formula` })]) }));
  });

  it('a formula reading a field on a cycle is not computed, and only the cycle is reported', () => {
    const r = validateApp(pkgOf(formula('a', 'b'), formula('b', 'a'), formula('c', 'a + 1')));
    expect(!r.ok && r.errors.map((e) => e.path)).toEqual(['/forms/0/fields/0/options/formula', '/forms/0/fields/1/options/formula']);
  });

  it('checks default formulas too', () => {
    const r = validateApp(pkgOf(field('code', 'text'), field('title', 'text', { defaultFrom: { kind: 'formula', formula: 'CONCAT(cod, "-")' } })));
    expect(!r.ok && r.errors[0]).toMatchObject({ path: '/forms/0/fields/1/defaultFrom/formula', message: expect.stringMatching(/^character 8: there is no field 'cod'/) });
    expect(validateApp(pkgOf(field('code', 'text'), field('title', 'text', { defaultFrom: { kind: 'formula', formula: 'CONCAT(code, "-")' } }))).ok).toBe(true);
  });

  it('a context default must fit the field', () => {
    const r = validateApp(pkgOf(field('n', 'number', { defaultFrom: { kind: 'today' } }), field('d', 'date', { defaultFrom: { kind: 'today' } })));
    expect(!r.ok && r.errors).toEqual([{ path: '/forms/0/fields/0/defaultFrom/kind', message: expect.stringMatching(/'today' default does not fit a number field/) }]);
  });

  it('the formula options are validated by the type', () => {
    const r = validateApp(pkgOf(field('t', 'formula', { options: { formula: '1', resultType: 'money' } })));
    expect(r.ok).toBe(false);
  });
});

describe('defaults from the context and from formulas (create only)', () => {
  const f = form(
    field('owner', 'text', { defaultFrom: { kind: 'currentUser' } }),
    field('dept', 'text', { defaultFrom: { kind: 'currentDept' } }),
    field('day', 'date', { defaultFrom: { kind: 'today' } }),
    field('at', 'datetime', { defaultFrom: { kind: 'now' } }),
    field('code', 'text'),
    field('title', 'text', { defaultFrom: { kind: 'formula', formula: 'CONCAT(code, "-", YEAR(TODAY()))' } }),
    field('due', 'date', { defaultFrom: { kind: 'formula', formula: 'DATEADD(TODAY(), 1, "month")' } }),
    field('fallback', 'text', { defaultValue: 'static', defaultFrom: { kind: 'formula', formula: 'code' } }),
  );

  it('fills absent fields from ctx and formulas', () => {
    const v = ok(compileForm(f).process({ code: 'HW' }, { mode: 'create', ctx }));
    expect(v).toEqual({
      owner: ctx.user.id, dept: 'd-sales', day: '2026-03-01', at: '2026-03-01T10:30:00.000Z',
      code: 'HW', title: 'HW-2026', due: '2026-04-01', fallback: 'HW',
    });
  });

  it('a default formula without a value keeps the static default', () => {
    expect(ok(compileForm(f).process({}, { mode: 'create', ctx }))['fallback']).toBe('static');
  });

  it('what the user sent wins over every default', () => {
    const v = ok(compileForm(f).process({ owner: 'me', title: 'mine', code: 'X' }, { mode: 'create', ctx }));
    expect(v).toMatchObject({ owner: 'me', title: 'mine' });
  });

  it('without a user there is no current user or department', () => {
    expect(ok(compileForm(f).process({}, { mode: 'create' }))).toMatchObject({ owner: null, dept: null });
  });

  it('updates apply no defaults', () => {
    const v = ok(compileForm(f).process({ code: 'Z' }, { mode: 'update', existing: { owner: 'o', title: 't' }, ctx }));
    expect(v).toMatchObject({ owner: 'o', title: 't', dept: null, day: null });
  });
});

describe('formulas over a sub-table-shaped value', () => {
  // a json field whose rows follow options.fields, as a sub-table value does (array of row objects)
  const rowsType = defineFieldType({
    type: 'test_rows', label: { 'zh-CN': '行', en: 'Rows' }, group: 'advanced', valueType: 'json',
    optionsSchema: { type: 'object', properties: { fields: { type: 'array' } }, additionalProperties: false },
    valueSchema: () => ({ type: 'array', items: { type: 'object' } }),
    clean: (v) => v, filterOperators: [],
  });
  const registry = new FieldTypeRegistry([...builtInFieldTypes, rowsType]);
  const columns = [field('product', 'text'), field('amount', 'number')];
  const f = form(
    field('items', 'test_rows', { options: { fields: columns } }),
    formula('total', 'SUM(items.amount)', 'number', { precision: 2 }),
    formula('lines', 'COUNTA(items)'),
    formula('biggest', 'MAX(items.amount)'),
    formula('avg', 'AVERAGE(items.amount)'),
    formula('level', 'IF(total > 100, "大单", "小单")', 'text'),
  );
  const items = [{ product: '服务器', amount: 100.004 }, { product: '交换机', amount: 20.5 }, { product: '线缆', amount: null }];

  it('SUM(items.amount) adds the column over the rows', () => {
    const v = ok(compileForm(f, registry).process({ items }, { mode: 'create', ctx }));
    expect(v).toMatchObject({ total: 120.5, lines: 3, biggest: 100.004, avg: 60.252, level: '大单' });
  });

  it('an empty sub-table sums to 0', () => {
    expect(ok(compileForm(f, registry).process({ items: [] }, { mode: 'create', ctx }))).toMatchObject({ total: 0, lines: 0, biggest: null, avg: null, level: '小单' });
  });

  it('an unknown column is refused at definition time', () => {
    const bad = form(field('items', 'test_rows', { options: { fields: columns } }), formula('t', 'SUM(items.price)'));
    expect(() => compileForm(bad, registry)).toThrow(/sub-table 'items' has no column 'price'/);
  });
});
