import { describe, expect, it } from 'vitest';
import type { FormDef } from '@trellis/schema';
import { compileForm } from './compile-form.js';
import { validateApp } from './validate-app.js';

/** An order: the amount is locked once the status is approved; the code is always read-only. */
function orderForm(): FormDef {
  return {
    key: 'sales_order',
    name: 'Order',
    fields: [
      { id: 'f1', key: 'status', type: 'single_select', label: 'Status', defaultValue: 'draft', options: { choices: [{ value: 'draft', label: 'Draft' }, { value: 'approved', label: 'Approved' }] } },
      { id: 'f2', key: 'amount', type: 'number', label: 'Amount', defaultValue: 10, readOnlyWhen: { '==': [{ var: 'status' }, 'approved'] } },
      { id: 'f3', key: 'code', type: 'text', label: 'Code', defaultValue: 'A-1', readOnlyWhen: true },
      { id: 'f4', key: 'note', type: 'text', label: 'Note', readOnlyWhen: { '==': [{ var: 'code' }, 'LOCKED'] } },
    ],
  };
}

describe('readOnlyWhen in the pipeline', () => {
  it('create: the input of a read-only field is ignored and its default is kept', () => {
    const r = compileForm(orderForm()).process({ status: 'approved', amount: 999, code: 'HACK' }, { mode: 'create' });
    expect(r).toEqual({ ok: true, value: { status: 'approved', amount: 10, code: 'A-1', note: null } });
  });

  it('create: while the condition does not hold the input is taken', () => {
    const r = compileForm(orderForm()).process({ status: 'draft', amount: 999 }, { mode: 'create' });
    expect(r.ok && r.value['amount']).toBe(999);
  });

  it('update: the stored value of a read-only field is kept, whatever the patch says', () => {
    const existing = { status: 'approved', amount: 120, code: 'B-7', note: 'x' };
    const r = compileForm(orderForm()).process({ amount: 1, code: 'C', note: 'y' }, { mode: 'update', existing });
    expect(r).toEqual({ ok: true, value: { status: 'approved', amount: 120, code: 'B-7', note: 'y' } });
  });

  it('update: the condition is read on the merged record (the patch can unlock by changing the status)', () => {
    const existing = { status: 'approved', amount: 120, code: 'B-7', note: null };
    const r = compileForm(orderForm()).process({ status: 'draft', amount: 5 }, { mode: 'update', existing });
    expect(r.ok && r.value['amount']).toBe(5);
  });

  it('changing a read-only field cannot unlock a field whose condition reads it', () => {
    const existing = { status: 'draft', amount: 1, code: 'LOCKED', note: 'kept' };
    // code is read-only, so the attempt to change it to something else is ignored, and note stays locked
    const r = compileForm(orderForm()).process({ code: 'OPEN', note: 'changed' }, { mode: 'update', existing });
    expect(r.ok && r.value).toEqual({ status: 'draft', amount: 1, code: 'LOCKED', note: 'kept' });
  });

  it('readOnlyFields tells the renderer which inputs to disable', () => {
    const form = compileForm(orderForm());
    expect([...form.readOnlyFields({ status: 'approved', code: 'A' })].sort()).toEqual(['amount', 'code']);
    expect([...form.readOnlyFields({ status: 'draft', code: 'LOCKED' })].sort()).toEqual(['code', 'note']);
  });

  it('validateApp checks readOnlyWhen conditions like visibleWhen, with the path of the bad variable', () => {
    const form = orderForm();
    const bad = { ...form, fields: form.fields.map((f) => (f.key === 'amount' ? { ...f, readOnlyWhen: { '==': [{ var: 'nope' }, 1] } } : f)) };
    const r = validateApp({ schemaVersion: 1, app: { key: 'shop', name: 'Shop' }, forms: [bad] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]!.path).toMatch(/^\/forms\/0\/fields\/1\/readOnlyWhen/);
  });
});
