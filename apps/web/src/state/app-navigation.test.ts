import { describe, expect, it } from 'vitest';
import type { AppPackage } from '@trellis/schema';
import { appNavigation, navForms } from './app-navigation.js';

const pkg = (navigation?: AppPackage['app']['navigation']): AppPackage => ({
  schemaVersion: 1,
  app: { key: 'crm', name: 'CRM', ...(navigation ? { navigation } : {}) },
  forms: [
    { key: 'customer', name: { 'zh-CN': '客户', en: 'Customers' }, fields: [] },
    { key: 'lead', name: 'Leads', fields: [] },
  ],
});

describe('appNavigation', () => {
  it('lists every form in package order when the app has no menu', () => {
    expect(appNavigation(pkg(), 'en').map((e) => e.label)).toEqual(['Customers', 'Leads']);
  });

  it('follows the menu, with its labels and groups, and drops entries for unknown forms', () => {
    const nav = appNavigation(
      pkg([
        { kind: 'form', form: 'lead', label: { 'zh-CN': '线索池', en: 'Lead pool' } },
        { kind: 'group', label: 'Sales', items: [{ kind: 'form', form: 'customer' }, { kind: 'form', form: 'ghost' }] },
        { kind: 'group', label: 'Empty', items: [{ kind: 'form', form: 'ghost' }] },
      ]),
      'zh-CN',
    );
    expect(nav.map((e) => [e.kind, e.label])).toEqual([
      ['form', '线索池'],
      ['group', 'Sales'],
    ]);
    expect(navForms(nav).map((e) => e.form.key)).toEqual(['lead', 'customer']);
  });

  it('appends forms the menu does not name (a form just added in the designer), after the menu', () => {
    const nav = appNavigation(pkg([{ kind: 'group', label: 'Sales', items: [{ kind: 'form', form: 'lead' }] }]), 'en');
    expect(nav.map((e) => [e.kind, e.label])).toEqual([['group', 'Sales'], ['form', 'Customers']]);
  });
});
