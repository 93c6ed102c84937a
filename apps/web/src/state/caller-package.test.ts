import { describe, expect, it } from 'vitest';
import type { AppPackage } from '@trellis/schema';
import { forCaller, inCallerMenu } from './caller-package.js';
import { appNavigation } from './app-navigation.js';
import { listColumns } from '../list/list-columns.js';

const pkg: AppPackage = {
  schemaVersion: 1,
  app: { key: 'crm', name: 'CRM', navigation: [{ kind: 'form', form: 'customer' }, { kind: 'group', label: 'Sales', items: [{ kind: 'form', form: 'lead' }] }] },
  forms: [
    {
      key: 'customer',
      name: 'Customer',
      fields: [
        { id: 'f1', key: 'name', type: 'text', label: 'Name' },
        { id: 'f2', key: 'phone', type: 'phone', label: 'Phone' },
        { id: 'f3', key: 'revenue', type: 'number', label: 'Revenue' },
        { id: 'f4', key: 'code', type: 'text', label: 'Code' },
      ],
    },
    { key: 'lead', name: 'Lead', fields: [{ id: 'l1', key: 'company', type: 'text', label: 'Company' }] },
  ],
};

const service = {
  isAdmin: false,
  forms: { customer: { actions: ['view', 'edit'] as const, fields: { phone: 'masked', revenue: 'hidden', code: 'readonly' } as const } },
} as const;

describe('forCaller', () => {
  it('hides what the roles hide, makes read-only and masked fields read-only, and leaves other fields alone', () => {
    const shaped = forCaller(pkg, { isAdmin: false, forms: { customer: { actions: [...service.forms.customer.actions], fields: { ...service.forms.customer.fields } } } });
    const fields = Object.fromEntries(shaped.forms[0]!.fields.map((f) => [f.key, f]));
    expect(fields['name']).toEqual(pkg.forms[0]!.fields[0]);
    expect(fields['phone']).toMatchObject({ readOnlyWhen: true });
    expect(fields['code']).toMatchObject({ readOnlyWhen: true });
    expect(fields['revenue']).toMatchObject({ visibleWhen: false });
    expect(listColumns(shaped.forms[0]!).map((f) => f.key)).toEqual(['name', 'phone', 'code']);
  });

  it('leaves the forms the caller may not view out of the menu, groups included', () => {
    const shaped = forCaller(pkg, { isAdmin: false, forms: { customer: { actions: ['view'], fields: {} } } });
    expect(inCallerMenu(shaped, 'lead')).toBe(false);
    expect(inCallerMenu(shaped, 'customer')).toBe(true);
    expect(appNavigation(shaped, 'en').map((e) => e.label)).toEqual(['Customer']);
    // the forms stay in the package: relations and lookups may name them
    expect(shaped.forms.map((f) => f.key)).toEqual(['customer', 'lead']);
  });

  it('gives an administrator the package as it is', () => {
    expect(forCaller(pkg, { isAdmin: true, forms: {} })).toBe(pkg);
    expect(appNavigation(pkg, 'en').map((e) => e.label)).toEqual(['Customer', 'Sales']);
  });
});
