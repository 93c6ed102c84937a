import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import type { FieldDef, FormDef } from '@trellis/schema';
import { FormRenderer } from '../form-renderer.js';
import { fieldWidgets } from '../built-in-widgets.js';
import { liveValues } from '../form-compute.js';
import { formatFormulaValue } from './formula-widget.js';

const f = (key: string, type: string, options?: FieldDef['options']): FieldDef => ({ id: `f_${key}`, key, type, label: { 'zh-CN': key, en: key }, ...(options ? { options } : {}) });
let n = 0;
const order = (): FormDef => ({
  key: `order${++n}`,
  name: 'Order',
  fields: [
    f('price', 'number'),
    f('qty', 'number'),
    f('total', 'formula', { formula: 'price * qty', resultType: 'number', precision: 2 }),
    f('big', 'formula', { formula: 'total > 100', resultType: 'boolean' }),
    { ...f('note', 'text'), visibleWhen: { '==': [{ var: 'big' }, true] } },
  ],
});

describe('formula fields in the form', () => {
  it('show the computed value read-only, formatted by result type and precision', () => {
    expect(formatFormulaValue(1200.5, f('t', 'formula', { formula: 'x', resultType: 'number', precision: 2 }), 'en')).toBe('1,200.50');
    expect(formatFormulaValue(true, f('t', 'formula', { formula: 'x', resultType: 'boolean' }), 'zh-CN')).toBe('是');
    expect(formatFormulaValue('2026-03-01', f('t', 'formula', { formula: 'x', resultType: 'date' }), 'en')).toBe('Mar 1, 2026');
    const html = renderToStaticMarkup(
      <FormRenderer form={order()} values={{ price: '12.5', qty: 10 }} onChange={() => undefined} locale="en" />,
    );
    expect(html).toMatch(/<input id="field-total"[^>]*readOnly[^>]*value="125.00"/);
    expect(html).toContain('value="Yes"');
  });

  it('the renderer computes live from what is typed, and visibility sees the computed values', () => {
    const small = renderToStaticMarkup(<FormRenderer form={order()} values={{ price: 1, qty: 2 }} onChange={() => undefined} locale="en" />);
    expect(small).toContain('value="2.00"');
    expect(small).not.toContain('field-note');
    const big = renderToStaticMarkup(<FormRenderer form={order()} values={{ price: 100, qty: 2 }} onChange={() => undefined} locale="en" />);
    expect(big).toContain('field-note');
  });

  it('a form the engine cannot compile shows the values as they are', () => {
    const broken: FormDef = { key: 'b', name: 'B', fields: [f('t', 'formula', { formula: 'nope +', resultType: 'number' })] };
    const values = { t: 3 };
    expect(liveValues(broken, values)).toBe(values);
  });

  it('list cells format by result type', () => {
    const cell = fieldWidgets.get('formula')!.formatCell!;
    expect(cell(2.5, f('t', 'formula', { formula: 'x', resultType: 'number', precision: 1 }), 'en')).toEqual({ kind: 'text', text: '2.5', align: 'end' });
    expect(cell(null, f('t', 'formula', { formula: 'x', resultType: 'text' }), 'en')).toEqual({ kind: 'empty' });
  });
});
