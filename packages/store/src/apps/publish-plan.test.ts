import { describe, expect, it } from 'vitest';
import { TrellisError } from '@trellis/schema';
import { customerForm, field, form, pkg, testCatalog } from '../../test/fixtures.js';
import { planChanges, type CurrentState, type StoredField } from './publish-plan.js';

const empty: CurrentState = { version: null, forms: new Map(), package: null };

/** The state after publishing `p` as version 1 with every field in a column named by its key. */
function stateOf(p: ReturnType<typeof pkg>, overrides: Partial<Record<string, Partial<StoredField>>> = {}): CurrentState {
  const forms = new Map(
    p.forms.map((f) => [
      f.key,
      {
        form: f.key,
        table: f.key,
        hidden: false,
        fields: new Map(
          f.fields
            .filter((x) => testCatalog.storesValue!(x))
            .map((x) => [x.id, { fieldId: x.id, key: x.key, column: x.key, valueType: testCatalog.valueType(x), hidden: false, ...overrides[x.id] }]),
        ),
      },
    ]),
  );
  return { version: 1, forms, package: p };
}

describe('planChanges', () => {
  it('plans a new app with one table per form and a typed column per value-holding field', () => {
    const plan = planChanges(empty, pkg('crm', [customerForm()]), testCatalog);
    expect(plan).toMatchObject({ app: 'crm', schema: 'app_crm', newApp: true, fromVersion: null, toVersion: 2 - 1, changed: true });
    expect(plan.tablesToCreate).toHaveLength(1);
    const cols = Object.fromEntries(plan.tablesToCreate[0]!.columns.map((c) => [c.column, c.columnType]));
    expect(cols).toEqual({
      name: 'text',
      notes: 'text',
      employees: 'numeric',
      founded: 'date',
      last_contact: 'timestamptz(3)',
      industry: 'text',
      tags: 'text[]',
      active: 'boolean',
      extra: 'jsonb',
      partner: 'uuid',
    });
  });

  it('an identical package changes nothing but still makes the next version', () => {
    const p = pkg('crm', [customerForm()]);
    const plan = planChanges(stateOf(p), p, testCatalog);
    expect(plan).toMatchObject({ newApp: false, fromVersion: 1, toVersion: 2, changed: false, tablesToCreate: [], columnsToAdd: [], fieldsHidden: [] });
  });

  it('adds columns for new fields, hides removed ones and keeps a renamed key on its column', () => {
    const v1 = pkg('crm', [form('customer', [field('name', 'text'), field('city', 'text'), field('old', 'number')])]);
    const v2 = pkg('crm', [
      form('customer', [field('name', 'text', { label: 'Company name' }), field('town', 'text', { id: 'f_city' }), field('size', 'number')]),
      form('contact', [field('email', 'text')]),
    ]);
    const plan = planChanges(stateOf(v1), v2, testCatalog);
    expect(plan.columnsToAdd.map((c) => [c.form, c.column, c.columnType])).toEqual([['customer', 'size', 'numeric']]);
    expect(plan.tablesToCreate.map((t) => t.table)).toEqual(['contact']);
    expect(plan.fieldsHidden).toEqual([{ form: 'customer', fieldId: 'f_old', key: 'old', column: 'old' }]);
    expect(plan.keysRenamed).toEqual([{ form: 'customer', fieldId: 'f_city', from: 'city', to: 'town', column: 'city' }]);
    // The form itself changed (its field list), and two fields' definitions (a label, a key).
    expect(plan.definitionsChanged).toEqual([{ form: 'customer' }, { form: 'customer', field: 'name' }, { form: 'customer', field: 'town' }]);
    expect(plan.changed).toBe(true);
  });

  it('gives a new field a fresh column when its key names the column of a renamed field', () => {
    const v1 = pkg('crm', [form('customer', [field('city', 'text')])]);
    const v2 = pkg('crm', [form('customer', [field('town', 'text', { id: 'f_city' }), field('city', 'text', { id: 'f_city2' })])]);
    const plan = planChanges(stateOf(v1), v2, testCatalog);
    expect(plan.columnsToAdd.map((c) => [c.key, c.column])).toEqual([['city', 'city_2']]);
  });

  it('restores a hidden field with the same id instead of adding a column', () => {
    const v1 = pkg('crm', [form('customer', [field('name', 'text'), field('city', 'text')])]);
    const state = stateOf(v1, { f_city: { hidden: true } });
    const plan = planChanges(state, v1, testCatalog);
    expect(plan.fieldsRestored).toEqual([{ form: 'customer', fieldId: 'f_city', key: 'city', column: 'city' }]);
    expect(plan.columnsToAdd).toEqual([]);
  });

  it('hides a form removed from the package and restores it when it comes back', () => {
    const v1 = pkg('crm', [form('customer', [field('name', 'text')]), form('lead', [field('title', 'text')])]);
    const withoutLead = pkg('crm', [form('customer', [field('name', 'text')])]);
    expect(planChanges(stateOf(v1), withoutLead, testCatalog).formsHidden).toEqual([{ form: 'lead', table: 'lead' }]);
    const state = stateOf(v1);
    const hiddenLead: CurrentState = { ...state, forms: new Map([...state.forms].map(([k, f]) => [k, k === 'lead' ? { ...f, hidden: true } : f])) };
    expect(planChanges(hiddenLead, v1, testCatalog).formsRestored).toEqual([{ form: 'lead', table: 'lead' }]);
  });

  it('refuses to change the value type of an existing field, naming the field', () => {
    const v1 = pkg('crm', [form('customer', [field('size', 'text')])]);
    const v2 = pkg('crm', [form('customer', [field('size', 'number')])]);
    let error: unknown;
    try {
      planChanges(stateOf(v1), v2, testCatalog);
    } catch (e) {
      error = e;
    }
    expect(TrellisError.is(error)).toBe(true);
    expect(error).toMatchObject({ code: 'STORE_COLUMN_TYPE_CHANGE', status: 409, details: [{ path: '/forms/0/fields/0/type' }] });
    expect((error as Error).message).toContain("app 'crm'");
  });

  it('refuses keys that are not valid identifiers, whatever the caller validated', () => {
    expect(() => planChanges(empty, pkg('crm', [form('customer', [field('x"; drop table', 'text')])]), testCatalog)).toThrow(
      expect.objectContaining({ code: 'STORE_IDENTIFIER_INVALID', details: [expect.objectContaining({ path: '/forms/0/fields/0/key' })] }),
    );
    expect(() => planChanges(empty, pkg('Bad-App', []), testCatalog)).toThrow(expect.objectContaining({ code: 'STORE_IDENTIFIER_INVALID' }));
    expect(() => planChanges(empty, pkg('crm', [form('customer', [field('version', 'text')])]), testCatalog)).toThrow(
      expect.objectContaining({ code: 'STORE_IDENTIFIER_INVALID' }),
    );
  });

  it('refuses two fields with one id', () => {
    const p = pkg('crm', [form('customer', [field('a', 'text', { id: 'same' }), field('b', 'text', { id: 'same' })])]);
    expect(() => planChanges(empty, p, testCatalog)).toThrow(expect.objectContaining({ code: 'STORE_IDENTIFIER_INVALID' }));
  });
});
