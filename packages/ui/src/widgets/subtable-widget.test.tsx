import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import type { FieldDef, FormDef } from '@trellis/schema';
import { compileForm } from '@trellis/forms';
import { fieldWidgets } from '../built-in-widgets.js';
import { groupErrorsByField } from '../field-errors.js';
import { FormRenderer } from '../form-renderer.js';

const items: FieldDef = {
  id: 'f_items',
  key: 'items',
  type: 'subtable',
  label: { 'zh-CN': '明细', en: 'Items' },
  options: {
    fields: [
      { id: 'c1', key: 'product', type: 'text', label: { 'zh-CN': '产品', en: 'Product' }, required: true },
      { id: 'c2', key: 'qty', type: 'number', label: { 'zh-CN': '数量', en: 'Qty' }, options: { min: 1 } },
      { id: 'c3', key: 'paid', type: 'boolean', label: { 'zh-CN': '已付', en: 'Paid' } },
    ],
  },
};
const form: FormDef = { key: 'purchase', name: 'Purchase', fields: [{ id: 'f_t', key: 'title', type: 'text', label: 'Title' }, items] };

function render(values: Record<string, unknown>, locale = 'en', errors = {}) {
  return renderToStaticMarkup(<FormRenderer form={form} values={values} onChange={() => undefined} errors={errors} locale={locale} />);
}

describe('sub-table editor', () => {
  it('renders one column per row column with that type\'s own editor, and a labelled cell per row', () => {
    const html = render({ items: [{ product: '螺丝', qty: 2, paid: true }, { product: '螺母' }] });
    expect(html).toContain('<caption');
    expect(html.match(/<th scope="col"/g)).toHaveLength(5);
    expect(html).toContain('id="field-items-0-product"');
    expect(html).toContain('value="螺丝"');
    expect(html).toContain('id="field-items-1-qty"');
    expect(html).toContain('inputMode="decimal"'); // the number widget
    expect(html).toContain('for="field-items-1-product"');
    expect(html).toContain('Items Row 2 Product');
    expect(html).toContain('aria-label="Remove row 2"');
    expect(html).toContain('aria-label="Move row 1 down"');
    expect(html).toContain('2 rows');
    // the group is a fieldset with the field's label as legend; the add button carries the field id
    expect(html).toMatch(/<fieldset[^>]*data-field="items"/);
    expect(html).toMatch(/<button type="button" id="field-items"[^>]*>\+ Add row/);
  });

  it('shows each row problem under its cell, and not again under the table', () => {
    const r = compileForm(form).process({ items: [{ product: 'a', qty: 1 }, { qty: 0 }] }, { mode: 'create', locale: 'zh-CN' });
    expect(r.ok).toBe(false);
    const errors = groupErrorsByField(r.ok ? [] : r.errors, ['title', 'items']);
    const html = render({ items: [{ product: 'a', qty: 1 }, { qty: 0 }] }, 'zh-CN', errors);
    expect(html).toContain('data-field="items/1/qty"');
    expect(html).toContain('「明细」第 2 行：「数量」不能小于 1');
    expect(html).toContain('data-field="items/1/product"');
    expect(html).toMatch(/id="field-items-1-qty"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*id="field-items-1-qty"/);
    expect(html).toContain('aria-describedby="field-items-1-qty-error"');
    expect(html).not.toMatch(/<p id="field-items-error"/);
    expect(html).toContain('删除第 2 行');
  });

  it('an empty table says how to start; lists show the number of rows', () => {
    expect(render({ items: null }, 'zh-CN')).toContain('还没有数据');
    expect(fieldWidgets.get('subtable')!.formatCell!([{}, {}, {}], items, 'zh-CN')).toEqual({ kind: 'text', text: '3 行' });
    expect(fieldWidgets.get('subtable')!.formatCell!([{}, {}, {}], items, 'en')).toEqual({ kind: 'text', text: '3 rows' });
  });
});
