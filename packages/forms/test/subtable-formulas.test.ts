import { describe, expect, it } from 'vitest';
import type { FormDef } from '@trellis/schema';
import { compileForm, validateApp } from '../src/index.js';

/**
 * Formulas inside sub-table rows (`price * qty` per line) and over a sub-table's columns
 * (`SUM(items.amount)`), through the real `subtable` and `formula` types: the row pipeline
 * computes each line in the clean step, so the parent's formulas see computed lines.
 */
const quote: FormDef = {
  key: 'quote',
  name: { 'zh-CN': '报价', en: 'Quote' },
  fields: [
    { id: 'f_customer', key: 'customer', type: 'text', label: '客户' },
    {
      id: 'f_items',
      key: 'items',
      type: 'subtable',
      label: { 'zh-CN': '明细', en: 'Lines' },
      options: {
        fields: [
          { id: 'c_product', key: 'product', type: 'text', label: '产品', required: true },
          { id: 'c_qty', key: 'qty', type: 'number', label: '数量', options: { min: 1, precision: 0 } },
          { id: 'c_price', key: 'price', type: 'money', label: '单价' },
          { id: 'c_amount', key: 'amount', type: 'formula', label: '金额', options: { formula: 'ROUND(price * qty, 2)', resultType: 'number', precision: 2 } },
        ],
      },
    },
    { id: 'f_discount', key: 'discount', type: 'percent', label: '折扣' },
    { id: 'f_total', key: 'total', type: 'formula', label: '合计', options: { formula: 'ROUND(SUM(items.amount) * (100 - IF(ISEMPTY(discount), 0, discount)) / 100, 2)', resultType: 'number', precision: 2 } },
    { id: 'f_lines', key: 'line_count', type: 'formula', label: '行数', options: { formula: 'COUNTA(items.product)', resultType: 'number' } },
    { id: 'f_big', key: 'big_deal', type: 'formula', label: '大单', options: { formula: 'total >= 10000', resultType: 'boolean' } },
  ],
};

describe('formulas with sub-tables', () => {
  it('computes each line (price * qty) and the total over the lines on the server pipeline', () => {
    const r = compileForm(quote).process(
      { customer: '华为', discount: '10', items: [{ product: '服务器', qty: '2', price: '4,999.50', amount: 1 }, { product: '交换机', qty: 3, price: 800 }] },
      { mode: 'create', locale: 'en' },
    );
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    const items = r.value['items'] as Record<string, unknown>[];
    expect(items.map((i) => i['amount'])).toEqual([9999, 2400]);
    expect(r.value['total']).toBe(11159.1);
    expect(r.value['line_count']).toBe(2);
    expect(r.value['big_deal']).toBe(true);
  });

  it('recomputes lines and total on update from the merged record', () => {
    const existing = { customer: '华为', discount: null, items: [{ id: '0d9c6c2e-6b0b-4a52-9d59-0f1a5f2e8b11', product: '服务器', qty: 1, price: 100, amount: 100 }], total: 100, line_count: 1, big_deal: false };
    const r = compileForm(quote).process({ items: [{ id: '0d9c6c2e-6b0b-4a52-9d59-0f1a5f2e8b11', qty: 5 }] }, { mode: 'update', existing, locale: 'en' });
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect((r.value['items'] as Record<string, unknown>[])[0]).toMatchObject({ qty: 5, price: 100, amount: 500 });
    expect(r.value['total']).toBe(500);
  });

  it('shows the same results live in the browser (compute) as the user types, before validation', () => {
    const live = compileForm(quote).compute({ discount: 0, items: [{ product: 'A', qty: '4', price: '2.5' }] });
    expect((live['items'] as Record<string, unknown>[])[0]!['amount']).toBe(10);
    expect(live['total']).toBe(10);
  });

  it('a bad line is reported at its cell, and the total of an empty table is 0 lines', () => {
    const r = compileForm(quote).process({ items: [{ product: 'A', qty: 0, price: 1 }] }, { mode: 'create', locale: 'en' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => e.path)).toEqual(['/data/items/0/qty']);
    const empty = compileForm(quote).process({ customer: 'x' }, { mode: 'create' });
    expect(empty.ok && empty.value['line_count']).toBe(0);
  });

  it('the package validates, and a formula naming a column the sub-table does not have is refused with its path', () => {
    const pkg = { schemaVersion: 1, app: { key: 'sales', name: 'Sales' }, forms: [quote] };
    expect(validateApp(pkg).ok).toBe(true);
    const bad = structuredClone(pkg) as any;
    bad.forms[0].fields[3].options.formula = 'SUM(items.cost)';
    const r = validateApp(bad);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors).toEqual([expect.objectContaining({ path: '/forms/0/fields/3/options/formula', message: expect.stringContaining('cost') })]);
  });
});
