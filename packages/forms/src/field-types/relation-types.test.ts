import { describe, expect, it } from 'vitest';
import type { AppPackage, FieldDef, FormDef } from '@trellis/schema';
import { compileForm } from '../compile-form.js';
import { fieldTypes } from '../field-types-global.js';
import { validateApp } from '../validate-app.js';
import { lookupValueType } from './lookup.js';

const customer: FormDef = {
  key: 'customer',
  name: '客户',
  titleField: 'name',
  fields: [
    { id: 'c1', key: 'name', type: 'text', label: '名称' },
    { id: 'c2', key: 'city', type: 'text', label: '城市' },
    { id: 'c3', key: 'revenue', type: 'number', label: '营收' },
    { id: 'c4', key: 'since', type: 'date', label: '合作日期' },
  ],
};

function contact(extra: FieldDef[] = [], relationOptions: Record<string, unknown> = { form: 'customer' }): FormDef {
  return {
    key: 'contact',
    name: '联系人',
    fields: [
      { id: 'k1', key: 'name', type: 'text', label: '姓名' },
      { id: 'k2', key: 'customer', type: 'relation', label: '客户', options: relationOptions },
      ...extra,
    ],
  };
}

const pkgOf = (...forms: FormDef[]): AppPackage => ({ schemaVersion: 1, app: { key: 'crm', name: 'CRM' }, forms });
const problems = (pkg: AppPackage) => {
  const r = validateApp(pkg);
  return r.ok ? [] : r.errors.map((e) => `${e.path}: ${e.message}`);
};

describe('relation field', () => {
  it('a single relation holds a uuid in a column, a multiple one an id list in a join table', () => {
    const single = contact().fields[1]!;
    const many: FieldDef = { ...single, options: { form: 'customer', multiple: true } };
    expect([fieldTypes.valueType(single), fieldTypes.storage(single)]).toEqual(['uuid', 'column']);
    expect([fieldTypes.valueType(many), fieldTypes.storage(many)]).toEqual(['json', 'join_table']);
  });

  it('cleans ids (trim, lower case, picker objects), dedupes lists and refuses what is not an id', () => {
    const id = '0B7C5D1E-1111-4222-8333-944445555666';
    const form = contact([{ id: 'k3', key: 'others', type: 'relation', label: '其他', options: { form: 'customer', multiple: true } }]);
    const c = compileForm(form);
    const r = c.process({ customer: ` ${id} `, others: [{ id }, id.toLowerCase(), ''] }, { mode: 'create' });
    expect(r.ok && r.value).toMatchObject({ customer: id.toLowerCase(), others: [id.toLowerCase()] });
    const bad = c.process({ customer: 'ACME', others: ['x'] }, { mode: 'create', locale: 'en' });
    expect(bad.ok ? [] : bad.errors.map((e) => e.path)).toEqual(['/data/customer', '/data/others']);
    const empty = c.process({ customer: '', others: [] }, { mode: 'create' });
    expect(empty.ok && empty.value).toMatchObject({ customer: null, others: null });
  });

  it('accepts a relation to a form of the app with existing display fields', () => {
    expect(problems(pkgOf(customer, contact([], { form: 'customer', displayFields: ['name', 'city'] })))).toEqual([]);
  });

  it('refuses a missing target form and display fields the target does not have', () => {
    expect(problems(pkgOf(customer, contact([], { form: 'supplier' })))).toEqual([expect.stringMatching(/^\/forms\/1\/fields\/1\/options\/form: .*'supplier'/)]);
    expect(problems(pkgOf(customer, contact([], { form: 'customer', displayFields: ['name', 'phone'] })))).toEqual([
      expect.stringMatching(/^\/forms\/1\/fields\/1\/options\/displayFields\/1: form 'customer' has no field 'phone'/),
    ]);
  });
});

describe('lookup field', () => {
  const lookup = (options: Record<string, unknown>): FieldDef => ({ id: 'k9', key: 'customer_city', type: 'lookup', label: '客户城市', options });

  it('takes the value type recorded in its options and is computed (input ignored)', () => {
    const form = contact([lookup({ relation: 'customer', field: 'revenue', valueType: 'number' })]);
    expect(fieldTypes.valueType(form.fields[2]!)).toBe('number');
    expect(fieldTypes.storage(form.fields[2]!)).toBe('computed');
    const r = compileForm(form).process({ name: 'a', customer_city: 'typed' }, { mode: 'create' });
    expect(r.ok && r.value['customer_city']).toBe(null);
    expect(problems(pkgOf(customer, form))).toEqual([]);
  });

  it('resolves the value type from the package: the target field, or json through a multiple relation', () => {
    const form = contact([lookup({ relation: 'customer', field: 'since' })]);
    expect(lookupValueType(form.fields[2]!, form, pkgOf(customer, form), fieldTypes)).toBe('date');
    const many = contact([lookup({ relation: 'customer', field: 'since' })], { form: 'customer', multiple: true });
    expect(lookupValueType(many.fields[2]!, many, pkgOf(customer, many), fieldTypes)).toBe('json');
  });

  it('refuses a recorded type that is not the target field\'s, unknown relations and fields', () => {
    expect(problems(pkgOf(customer, contact([lookup({ relation: 'customer', field: 'revenue', valueType: 'text' })])))).toEqual([
      expect.stringMatching(/^\/forms\/1\/fields\/2\/options\/valueType: .*'number'/),
    ]);
    expect(problems(pkgOf(customer, contact([lookup({ relation: 'name', field: 'city' })])))).toEqual([expect.stringMatching(/^\/forms\/1\/fields\/2\/options\/relation:/)]);
    expect(problems(pkgOf(customer, contact([lookup({ relation: 'customer', field: 'phone' })])))).toEqual([expect.stringMatching(/^\/forms\/1\/fields\/2\/options\/field:/)]);
  });
});

describe('rollup field', () => {
  const rollup = (options: Record<string, unknown>): FieldDef => ({ id: 'c9', key: 'stat', type: 'rollup', label: '汇总', options });
  const withRollup = (options: Record<string, unknown>) => pkgOf({ ...customer, fields: [...customer.fields, rollup(options)] }, contact([{ id: 'k3', key: 'age', type: 'number', label: '年龄' }]));

  it('accepts count/sum over the records of another form pointing here, with a condition', () => {
    expect(problems(withRollup({ aggregate: 'count', form: 'contact', via: 'customer' }))).toEqual([]);
    expect(problems(withRollup({ aggregate: 'sum', form: 'contact', via: 'customer', field: 'age', where: { '>': [{ var: 'age' }, 30] } }))).toEqual([]);
  });

  it('is a number, or the recorded date type for min/max of a date', () => {
    expect(fieldTypes.valueType(rollup({ aggregate: 'avg' }))).toBe('number');
    expect(fieldTypes.valueType(rollup({ aggregate: 'max', valueType: 'date' }))).toBe('date');
  });

  it('refuses a via that does not point here, sum of text, a condition over unknown fields, a missing source', () => {
    expect(problems(withRollup({ aggregate: 'count', form: 'contact', via: 'name' }))).toEqual([expect.stringMatching(/^\/forms\/0\/fields\/4\/options\/via:/)]);
    expect(problems(withRollup({ aggregate: 'sum', form: 'contact', via: 'customer', field: 'name' }))).toEqual([expect.stringMatching(/^\/forms\/0\/fields\/4\/options\/field: sum needs a number field/)]);
    expect(problems(withRollup({ aggregate: 'count', form: 'contact', via: 'customer', where: { '==': [{ var: 'salary' }, 1] } }))).toEqual([expect.stringMatching(/^\/forms\/0\/fields\/4\/options\/where/)]);
    expect(problems(withRollup({ aggregate: 'count' }))).toEqual([expect.stringMatching(/^\/forms\/0\/fields\/4\/options: .*needs a source/)]);
  });

  it('over a multiple relation of this form: min of a date records valueType date', () => {
    const many = contact([rollup({ aggregate: 'min', relation: 'customer', field: 'since', valueType: 'date' })], { form: 'customer', multiple: true });
    expect(problems(pkgOf(customer, many))).toEqual([]);
    const wrong = contact([rollup({ aggregate: 'min', relation: 'customer', field: 'since' })], { form: 'customer', multiple: true });
    expect(problems(pkgOf(customer, wrong))).toEqual([expect.stringMatching(/options\/valueType: .*'date'/)]);
  });
});

describe('data linkage definitions', () => {
  const linked = (defaultFrom: Record<string, unknown>): FormDef =>
    contact([{ id: 'k4', key: 'city', type: 'text', label: '城市', defaultFrom: defaultFrom as never }]);

  it('accepts a linkage whose fields exist with matching types', () => {
    expect(problems(pkgOf(customer, linked({ kind: 'linkage', form: 'customer', match: [{ field: 'name', equals: 'name' }], take: 'city' })))).toEqual([]);
  });

  it('take id fills a single relation to the linkage form with the matched record', () => {
    const form = contact([{ id: 'k4', key: 'company', type: 'text', label: '公司' }]);
    const withLink = { ...form, fields: form.fields.map((f) => (f.key === 'customer' ? { ...f, defaultFrom: { kind: 'linkage' as const, form: 'customer', match: [{ field: 'name', equals: 'company' }], take: 'id' } } : f)) };
    expect(problems(pkgOf(customer, withLink))).toEqual([]);
    expect(problems(pkgOf(customer, linked({ kind: 'linkage', form: 'customer', match: [{ field: 'name', equals: 'name' }], take: 'id' })))).toEqual([expect.stringMatching(/defaultFrom\/take: take 'id'/)]);
  });

  it('names the broken part: unknown form, unknown match field, type mismatch of take', () => {
    expect(problems(pkgOf(customer, linked({ kind: 'linkage', form: 'nope', match: [{ field: 'name', equals: 'name' }], take: 'city' })))).toEqual([expect.stringMatching(/^\/forms\/1\/fields\/2\/defaultFrom\/form:/)]);
    expect(problems(pkgOf(customer, linked({ kind: 'linkage', form: 'customer', match: [{ field: 'phone', equals: 'name' }], take: 'city' })))).toEqual([expect.stringMatching(/defaultFrom\/match\/0\/field:/)]);
    expect(problems(pkgOf(customer, linked({ kind: 'linkage', form: 'customer', match: [{ field: 'name', equals: 'name' }], take: 'revenue' })))).toEqual([expect.stringMatching(/defaultFrom\/take: .*number.*text/)]);
    expect(problems(pkgOf(customer, linked({ kind: 'linkage', form: 'customer', match: [{ field: 'revenue', equals: 'name' }], take: 'city' })))).toEqual([expect.stringMatching(/defaultFrom\/match\/0: /)]);
  });
});
