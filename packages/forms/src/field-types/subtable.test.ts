import { describe, expect, it } from 'vitest';
import type { FieldDef, FormDef } from '@trellis/schema';
import { compileForm } from '../compile-form.js';
import { fieldTypes } from '../field-types-global.js';
import { validateApp } from '../validate-app.js';
import { subtableType } from './subtable.js';

const items: FieldDef = {
  id: 'f_items',
  key: 'items',
  type: 'subtable',
  label: { 'zh-CN': '明细', en: 'Items' },
  options: {
    maxRows: 3,
    fields: [
      { id: 'c_name', key: 'product', type: 'text', label: { 'zh-CN': '产品', en: 'Product' }, required: true },
      { id: 'c_qty', key: 'qty', type: 'number', label: { 'zh-CN': '数量', en: 'Qty' }, options: { min: 1, precision: 0 }, defaultValue: 1 },
      { id: 'c_price', key: 'price', type: 'money', label: { 'zh-CN': '单价', en: 'Price' } },
    ],
  },
};

const order: FormDef = {
  key: 'order',
  name: { 'zh-CN': '订单', en: 'Order' },
  fields: [{ id: 'f_title', key: 'title', type: 'text', label: { 'zh-CN': '标题', en: 'Title' } }, items],
};

const pkg = (fields: readonly unknown[]) => ({ schemaVersion: 1, app: { key: 'shop', name: 'Shop' }, forms: [{ key: 'purchase', name: 'Purchase', fields }] });
const withColumns = (columns: readonly unknown[], extra: Record<string, unknown> = {}) => ({ id: 'f_items', key: 'items', type: 'subtable', label: 'Items', options: { fields: columns, ...extra } });

describe('subtable: the value', () => {
  it('cleans every row with its columns and applies row defaults; ids are kept', () => {
    const id = '0d9c6c2e-6b0b-4a52-9d59-0f1a5f2e8b11';
    const r = compileForm(order).process({ title: ' A ', items: [{ product: ' 螺丝 ', qty: '2', price: '1,200.5' }, { id: id.toUpperCase(), product: '螺母' }] }, { mode: 'create' });
    expect(r).toEqual({
      ok: true,
      value: { title: 'A', items: [{ product: '螺丝', qty: 2, price: 1200.5 }, { id, product: '螺母', qty: 1, price: null }] },
    });
  });

  it('names each row problem by its full path and its row number, in both languages', () => {
    const r = compileForm(order).process({ items: [{ product: 'a', qty: 1 }, { qty: 0 }] }, { mode: 'create', locale: 'en' });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors).toEqual([
      { path: '/data/items/1/product', code: 'FIELD_REQUIRED', message: "'Items' row 2: 'Product' is required; fill it in" },
      { path: '/data/items/1/qty', code: 'FIELD_TOO_SMALL', message: "'Items' row 2: 'Qty' must be at least 1" },
    ]);
    const zh = compileForm(order).process({ items: [{ qty: 2.5, product: 'x' }] }, { mode: 'create' });
    expect(!zh.ok && zh.errors).toEqual([{ path: '/data/items/0/qty', code: 'FIELD_PRECISION', message: '「明细」第 1 行：「数量」必须是整数' }]);
  });

  it('refuses unknown row columns, rows that are not objects, bad ids and too many rows', () => {
    const r = compileForm(order).process({ items: [{ product: 'a', colour: 'red' }, 5, { id: 'x', product: 'b' }] }, { mode: 'create', locale: 'en' });
    expect(!r.ok && r.errors.map((e) => [e.path, e.code])).toEqual([
      ['/data/items/0/colour', 'FIELD_UNKNOWN'],
      ['/data/items/1', 'FIELD_INVALID'],
      ['/data/items/2/id', 'FIELD_TYPE'],
    ]);
    const many = compileForm(order).process({ items: [{ product: 'a' }, { product: 'b' }, { product: 'c' }, { product: 'd' }] }, { mode: 'create', locale: 'en' });
    expect(!many.ok && many.errors).toEqual([{ path: '/data/items', code: 'FIELD_TOO_MANY', message: "'Items' may have at most 3 rows, not 4" }]);
    const notArray = compileForm(order).process({ items: 'abc' }, { mode: 'create', locale: 'en' });
    expect(!notArray.ok && notArray.errors.map((e) => [e.path, e.code])).toEqual([['/data/items', 'FIELD_TYPE']]);
  });

  it('an empty table is no value: required refuses it, otherwise it becomes null', () => {
    expect(compileForm(order).process({ items: [] }, { mode: 'create' })).toEqual({ ok: true, value: { title: null, items: null } });
    const required: FormDef = { ...order, fields: [{ ...items, required: true }] };
    const r = compileForm(required).process({ items: [] }, { mode: 'create', locale: 'en' });
    expect(!r.ok && r.errors.map((e) => [e.path, e.code])).toEqual([['/data/items', 'FIELD_REQUIRED']]);
  });

  it('minRows applies to a non-empty table', () => {
    const form: FormDef = { ...order, fields: [{ ...items, options: { ...items.options, minRows: 2 } }] };
    const r = compileForm(form).process({ items: [{ product: 'a' }] }, { mode: 'create', locale: 'en' });
    expect(!r.ok && r.errors).toEqual([{ path: '/data/items', code: 'FIELD_TOO_FEW', message: "'Items' needs at least 2 rows, not 1" }]);
  });

  it('in update mode a row with a stored id is a patch of that row; a row without id is new', () => {
    const id = '0d9c6c2e-6b0b-4a52-9d59-0f1a5f2e8b11';
    const existing = { title: 'T', items: [{ id, product: 'old', qty: 5, price: 2 }] };
    const r = compileForm(order).process({ items: [{ id, qty: '6' }, { product: 'new' }] }, { mode: 'update', existing });
    expect(r).toEqual({ ok: true, value: { title: 'T', items: [{ id, product: 'old', qty: 6, price: 2 }, { product: 'new', qty: 1, price: null }] } });
    // Absent from the patch: the stored rows are processed again and kept.
    expect(compileForm(order).process({ title: 'U' }, { mode: 'update', existing })).toEqual({ ok: true, value: { title: 'U', items: existing.items } });
  });

  it('a hidden sub-table reports no row problems and its value is dropped', () => {
    const form: FormDef = { ...order, fields: [order.fields[0]!, { ...items, visibleWhen: { '==': [{ var: 'title' }, 'show'] } }] };
    expect(compileForm(form).process({ title: 'no', items: [{ qty: 0 }] }, { mode: 'create' })).toEqual({ ok: true, value: { title: 'no', items: null } });
    expect(compileForm(form).process({ title: 'show', items: [{ qty: 0 }] }, { mode: 'create' }).ok).toBe(false);
  });

  it('row columns may have their own visibility conditions over the row', () => {
    const form: FormDef = {
      key: 'o',
      name: 'o',
      fields: [withColumns([
        { id: 'a', key: 'kind', type: 'text', label: 'Kind' },
        { id: 'b', key: 'note', type: 'text', label: 'Note', required: true, visibleWhen: { '==': [{ var: 'kind' }, 'other'] } },
      ]) as FieldDef],
    };
    expect(compileForm(form).process({ items: [{ kind: 'std', note: 'x' }] }, { mode: 'create' })).toEqual({ ok: true, value: { items: [{ kind: 'std', note: null }] } });
    expect(compileForm(form).process({ items: [{ kind: 'other' }] }, { mode: 'create' }).ok).toBe(false);
  });

  it('lists show the number of rows', () => {
    expect(subtableType.format([{}, {}, {}], items, 'zh-CN')).toBe('3 行');
    expect(subtableType.format([{}], items, 'en')).toBe('1 row');
    expect(subtableType.format(null, items, 'en')).toBe('0 rows');
    expect(fieldTypes.storage(items)).toBe('child_table');
    expect(fieldTypes.valueType(items)).toBe('json');
  });
});

describe('subtable: the definition', () => {
  const paths = (fields: readonly unknown[]) => {
    const r = validateApp(pkg(fields));
    return r.ok ? [] : r.errors.map((e) => e.path);
  };

  it('accepts a valid sub-table', () => {
    expect(validateApp(pkg([{ id: 't', key: 'title', type: 'text', label: 'T' }, items])).ok).toBe(true);
  });

  it('checks the structure of each column (missing label, bad key)', () => {
    expect(paths([withColumns([{ id: 'a', key: 'Bad Key', type: 'text', label: 'A' }, { id: 'b', key: 'b', type: 'text' }])])).toEqual([
      '/forms/0/fields/0/options/fields/0/key',
      '/forms/0/fields/0/options/fields/1/label',
    ]);
    expect(paths([withColumns([])])).toEqual(['/forms/0/fields/0/options/fields']);
  });

  it('refuses duplicate, reserved and system column keys', () => {
    const r = validateApp(pkg([withColumns([
      { id: 'a', key: 'qty', type: 'number', label: 'A' },
      { id: 'b', key: 'qty', type: 'number', label: 'B' },
      { id: 'c', key: 'select', type: 'text', label: 'C' },
      { id: 'd', key: 'created_at', type: 'text', label: 'D' },
      { id: 'e', key: 'position', type: 'number', label: 'E' },
      { id: 'e', key: 'parent_id', type: 'text', label: 'F' },
    ])]));
    expect(!r.ok && r.errors.map((e) => e.path).sort()).toEqual([
      '/forms/0/fields/0/options/fields/1/key',
      '/forms/0/fields/0/options/fields/2/key',
      '/forms/0/fields/0/options/fields/3/key',
      '/forms/0/fields/0/options/fields/4/key',
      '/forms/0/fields/0/options/fields/5/id',
      '/forms/0/fields/0/options/fields/5/key',
    ]);
  });

  it('refuses unknown column types, bad column options and the column type\'s own problems', () => {
    expect(paths([withColumns([{ id: 'a', key: 'a', type: 'nope', label: 'A' }])])).toEqual(['/forms/0/fields/0/options/fields/0/type']);
    expect(paths([withColumns([{ id: 'a', key: 'a', type: 'number', label: 'A', options: { colour: 1 } }])])).toEqual(['/forms/0/fields/0/options/fields/0/options/colour']);
    expect(paths([withColumns([{ id: 'a', key: 'a', type: 'number', label: 'A', options: { min: 5, max: 1 } }])])).toEqual(['/forms/0/fields/0/options/fields/0/options/min']);
    expect(paths([withColumns([{ id: 'a', key: 'a', type: 'single_select', label: 'A', options: { choices: [] } }])])).not.toEqual([]);
  });

  it('refuses a sub-table inside a sub-table, and minRows above maxRows', () => {
    expect(paths([withColumns([withColumns([{ id: 'x', key: 'x', type: 'text', label: 'X' }])])])).toEqual(['/forms/0/fields/0/options/fields/0/type']);
    expect(paths([withColumns([{ id: 'a', key: 'a', type: 'text', label: 'A' }], { minRows: 5, maxRows: 2 })])).toEqual(['/forms/0/fields/0/options/minRows']);
    expect(paths([withColumns([{ id: 'a', key: 'a', type: 'text', label: 'A' }], { maxRows: 501 })])).toEqual(['/forms/0/fields/0/options/maxRows']);
  });

  it('compileForm refuses a form whose sub-table is invalid', () => {
    const bad: FormDef = { key: 'o', name: 'o', fields: [withColumns([{ id: 'a', key: 'a', type: 'number', label: 'A', options: { min: 5, max: 1 } }]) as FieldDef] };
    expect(() => compileForm(bad)).toThrowError(expect.objectContaining({ code: 'FORM_DEFINITION_INVALID' }));
  });
});
