import { describe, expect, it } from 'vitest';
import type { FormDef } from '@trellis/schema';
import { TrellisError } from '@trellis/schema';
import { compileForm } from './compile-form.js';

function customerForm(): FormDef {
  return {
    key: 'customer',
    name: { 'zh-CN': '客户', en: 'Customer' },
    fields: [
      { id: 'f1', key: 'name', type: 'text', label: { 'zh-CN': '客户名称', en: 'Customer name' }, required: true },
      { id: 'f2', key: 'employees', type: 'number', label: { 'zh-CN': '员工数', en: 'Employees' }, options: { min: 0, precision: 0 } },
      { id: 'f3', key: 'tier', type: 'single_select', label: { 'zh-CN': '客户等级', en: 'Tier' }, defaultValue: 'normal', options: { choices: [{ value: 'key', label: '重点' }, { value: 'normal', label: '普通' }] } },
      { id: 'f4', key: 'in_pool', type: 'boolean', label: { 'zh-CN': '在公海', en: 'In public pool' }, defaultValue: 'false' },
      { id: 'f5', key: 'since', type: 'date', label: { 'zh-CN': '首次购买', en: 'First purchase' } },
    ],
  };
}

describe('compileForm', () => {
  it('compiles once per form object and returns the cached result', () => {
    const form = customerForm();
    expect(compileForm(form)).toBe(compileForm(form));
    expect(compileForm(customerForm())).not.toBe(compileForm(form));
  });

  it('exposes the variables for conditions: fields with their value types and the system columns', () => {
    const { varSchema } = compileForm(customerForm());
    expect(varSchema['employees']).toEqual({ type: 'number' });
    expect(varSchema['since']).toEqual({ type: 'date' });
    expect(varSchema['created_at']).toEqual({ type: 'datetime' });
    expect(varSchema['id']).toEqual({ type: 'uuid' });
  });

  it('refuses a form that uses an unregistered field type', () => {
    const form: FormDef = { key: 'x', name: 'x', fields: [{ id: 'a', key: 'a', type: 'no_such_type', label: 'a' }] };
    expect(() => compileForm(form)).toThrowError(expect.objectContaining({ code: 'FIELD_TYPE_UNKNOWN' }));
  });
});

describe('process in create mode', () => {
  it('cleans every value and returns the complete record, null for empty fields', () => {
    const r = compileForm(customerForm()).process({ name: '  华为技术有限公司 ', employees: '1,200', since: '2020/3/5' }, { mode: 'create' });
    expect(r).toEqual({ ok: true, value: { name: '华为技术有限公司', employees: 1200, tier: 'normal', in_pool: false, since: '2020-03-05' } });
  });

  it('applies cleaned defaults only to fields the input leaves out', () => {
    const r = compileForm(customerForm()).process({ name: 'A', tier: null, in_pool: true }, { mode: 'create' });
    expect(r.ok && r.value).toMatchObject({ tier: null, in_pool: true });
  });

  it('names each unknown field with its path', () => {
    const r = compileForm(customerForm()).process({ name: 'A', foo: 1, 'a/b': 2 }, { mode: 'create', locale: 'en' });
    expect(r).toEqual({
      ok: false,
      errors: [
        { path: '/data/foo', code: 'FIELD_UNKNOWN', message: "unknown field 'foo': form 'Customer' has no such field; remove it" },
        { path: '/data/a~1b', code: 'FIELD_UNKNOWN', message: "unknown field 'a/b': form 'Customer' has no such field; remove it" },
      ],
    });
  });

  it('reports every problem at once, in zh-CN by default', () => {
    const r = compileForm(customerForm()).process({ name: ' ', employees: -5, tier: 'gold', since: '2023-02-30' }, { mode: 'create' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual([
      { path: '/data/name', code: 'FIELD_REQUIRED', message: '「客户名称」为必填项，请填写' },
      { path: '/data/employees', code: 'FIELD_TOO_SMALL', message: '「员工数」不能小于 0' },
      { path: '/data/tier', code: 'FIELD_NOT_A_CHOICE', message: '「客户等级」的值「gold」不是可选项，请从以下选项中选择：重点、普通' },
      { path: '/data/since', code: 'FIELD_DATE_INVALID', message: '「首次购买」不是有效的日期：2023-02-30' },
    ]);
  });

  it('refuses data that is not an object', () => {
    for (const input of [null, 'x', [1], 3]) {
      const r = compileForm(customerForm()).process(input, { mode: 'create', locale: 'en' });
      expect(r).toEqual({ ok: false, errors: [{ path: '/data', code: 'FIELD_INVALID', message: 'record data must be an object of field values' }] });
    }
  });

  it('reports a required field that is missing entirely', () => {
    const r = compileForm(customerForm()).process({}, { mode: 'create', locale: 'en' });
    expect(r).toEqual({ ok: false, errors: [{ path: '/data/name', code: 'FIELD_REQUIRED', message: "'Customer name' is required; fill it in" }] });
  });
});

describe('process in update mode', () => {
  const existing = { name: '华为', employees: '1200', tier: 'key', in_pool: false, since: '2020-03-05' };

  it('merges the patch over the existing data and returns the whole record', () => {
    const r = compileForm(customerForm()).process({ employees: '1,500' }, { mode: 'update', existing });
    expect(r).toEqual({ ok: true, value: { name: '华为', employees: 1500, tier: 'key', in_pool: false, since: '2020-03-05' } });
  });

  it('does not apply defaults to fields left out of the patch', () => {
    const r = compileForm(customerForm()).process({ name: 'X' }, { mode: 'update', existing: { name: 'Y' } });
    expect(r.ok && r.value).toEqual({ name: 'X', employees: null, tier: null, in_pool: null, since: null });
  });

  it('refuses clearing a required field', () => {
    const r = compileForm(customerForm()).process({ name: '' }, { mode: 'update', existing, locale: 'en' });
    expect(r.ok === false && r.errors.map((e) => e.code)).toEqual(['FIELD_REQUIRED']);
  });
});

describe('assert', () => {
  it('throws RECORD_INVALID (400) with the field problems in details', () => {
    try {
      compileForm(customerForm()).assert({ employees: 'many' }, { mode: 'create', locale: 'en' });
      expect.unreachable();
    } catch (e) {
      expect(TrellisError.is(e)).toBe(true);
      const err = e as TrellisError;
      expect([err.code, err.status]).toEqual(['RECORD_INVALID', 400]);
      expect(err.message).toMatch(/^\[forms\] the record for form 'customer' has 2 problems/);
      expect(err.details.map((d) => d.path)).toEqual(['/data/name', '/data/employees']);
    }
  });
});
