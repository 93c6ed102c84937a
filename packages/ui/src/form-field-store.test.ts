import { describe, expect, it } from 'vitest';
import type { FormDef } from '@trellis/schema';
import { FormFieldStore } from './form-field-store.js';

const form: FormDef = {
  key: 'quote',
  name: 'Quote',
  fields: [
    { id: 'f_status', key: 'status', type: 'single_select', label: 'Status', options: { choices: [{ value: 'draft', label: 'Draft' }, { value: 'sent', label: 'Sent' }] } },
    { id: 'f_price', key: 'price', type: 'number', label: 'Price', readOnlyWhen: { '==': [{ var: 'status' }, 'sent'] } },
    { id: 'f_qty', key: 'qty', type: 'number', label: 'Qty' },
    { id: 'f_total', key: 'total', type: 'formula', label: 'Total', options: { formula: 'price * qty', resultType: 'number' } },
    {
      id: 'f_lines',
      key: 'lines',
      type: 'subtable',
      label: 'Lines',
      options: { fields: [{ id: 'c_n', key: 'n', type: 'number', label: 'N' }, { id: 'c_double', key: 'double', type: 'formula', label: 'Double', options: { formula: 'n * 2', resultType: 'number' } }] },
    },
    { id: 'f_note', key: 'note', type: 'text', label: 'Note' },
  ],
};

function watch(store: FormFieldStore): string[] {
  const told: string[] = [];
  for (const f of form.fields) store.subscribe(f.key, () => told.push(f.key));
  return told;
}

describe('FormFieldStore', () => {
  it('shows formula results live and tells the formula row when an input it reads changes, not the others', () => {
    const store = new FormFieldStore(form, { price: 2, qty: 3 });
    expect(store.get('total').value).toBe(6);
    const told = watch(store);
    store.setValue('qty', '5');
    expect(store.get('total').value).toBe(10);
    expect(told.sort()).toEqual(['qty', 'total']);
  });

  it('computes the formula columns of sub-table lines as they are typed', () => {
    const store = new FormFieldStore(form, { lines: [{ n: 1 }] });
    expect(store.get('lines').value).toEqual([{ n: 1, double: 2 }]);
    const told = watch(store);
    store.setValue('note', 'x');
    expect(told).toEqual(['note']); // recomputed lines that read the same are not news
    store.setValue('lines', [{ n: 4 }, { n: '1.5' }]);
    expect(store.get('lines').value).toEqual([{ n: 4, double: 8 }, { n: '1.5', double: 3 }]);
  });

  it('marks a field read-only while its readOnlyWhen holds and tells its row when that flips', () => {
    const store = new FormFieldStore(form, { status: 'draft' });
    expect(store.get('price').readOnly).toBe(false);
    const told = watch(store);
    store.setValue('status', 'sent');
    expect(store.get('price').readOnly).toBe(true);
    expect(told).toContain('price');
  });
});
