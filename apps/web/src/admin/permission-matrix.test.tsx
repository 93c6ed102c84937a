import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import type { FormDef } from '@trellis/schema';
import { FieldAccessGrid } from './field-access-grid.js';
import { PermissionMatrix, permissionFields } from './permission-matrix.js';
import { scopeOfPreset } from './role-matrix.js';

const customer = {
  key: 'customer',
  name: { 'zh-CN': '客户', en: 'Customer' },
  fields: [
    { id: 'f0', key: 'intro', type: 'description', label: 'Intro', options: { text: 'hello' } },
    { id: 'f1', key: 'name', type: 'text', label: { 'zh-CN': '名称', en: 'Name' } },
    { id: 'f2', key: 'phone', type: 'phone', label: { 'zh-CN': '电话', en: 'Phone' } },
  ],
} as unknown as FormDef;
const contact = { key: 'contact', name: { 'zh-CN': '联系人' }, fields: [] } as unknown as FormDef;

const render = (value: Parameters<typeof PermissionMatrix>[0]['value']) => renderToStaticMarkup(<PermissionMatrix forms={[customer, contact]} value={value} onChange={() => undefined} />);

describe('permission matrix', () => {
  it('has a row per form and a checkbox per action, checked as the role grants', () => {
    const html = render({ customer: { actions: ['view', 'edit'] } });
    expect(html.match(/<tr>/g)?.length).toBe(3); // header + 2 forms
    expect(html).toMatch(/aria-label="客户: 查看"[^>]*checked|checked=""[^>]*aria-label="客户: 查看"/);
    expect(html).not.toMatch(/checked=""[^>]*aria-label="联系人: 查看"/);
  });

  it('shows the row scope preset of each form', () => {
    const html = render({ customer: { actions: ['view'], scope: scopeOfPreset('deptTree') } });
    expect(html).toMatch(/<option value="deptTree" selected="">本部门及下级部门<\/option>/);
  });

  it('opens the condition builder for a custom scope', () => {
    const html = render({ customer: { actions: ['view'], scope: { '==': [{ var: 'name' }, 'Acme'] } } });
    expect(html).toMatch(/<option value="custom" selected="">/);
    expect(html).toContain('tr-condition');
  });

  it('offers only value-holding fields in the field grid', () => {
    expect(permissionFields(customer).map((f) => f.key)).toEqual(['name', 'phone']);
    const html = renderToStaticMarkup(
      <FieldAccessGrid formKey="customer" formName="客户" fields={permissionFields(customer)} forms={{ customer: { actions: ['view'], fields: { phone: 'masked' } } }} onChange={() => undefined} />,
    );
    expect(html).toMatch(/checked=""[^>]*aria-label="电话: 脱敏"|aria-label="电话: 脱敏"[^>]*checked=""/);
    expect(html).toMatch(/checked=""[^>]*aria-label="名称: 可编辑"|aria-label="名称: 可编辑"[^>]*checked=""/);
  });
});
