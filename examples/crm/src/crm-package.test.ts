import { describe, expect, it } from 'vitest';
import { compileJs } from '@trellis/expr';
import { compileForm, fieldTypes, validateApp, varSchemaOf } from '@trellis/forms';
import { localize } from '@trellis/schema';
import { crmPackage } from './index.js';

describe('the CRM app package', () => {
  it('is valid for the form engine: field types, options and visibility conditions', () => {
    const r = validateApp(crmPackage);
    expect(r.ok ? [] : r.errors).toEqual([]);
  });

  it('has the customer, contact, lead and opportunity forms, labelled in zh-CN and en', () => {
    expect(crmPackage.app.key).toBe('crm');
    expect(crmPackage.app.name).toEqual({ 'zh-CN': '客户管理', en: 'CRM' });
    expect(crmPackage.forms.map((f) => [f.key, localize(f.name, 'zh-CN'), localize(f.name, 'en')])).toEqual([
      ['customer', '客户', 'Customer'],
      ['contact', '联系人', 'Contact'],
      ['lead', '线索', 'Lead'],
      ['opportunity', '商机', 'Opportunity'],
    ]);
    for (const form of crmPackage.forms) {
      for (const field of form.fields) {
        expect(typeof field.label === 'object' && field.label['zh-CN'] && field.label['en'], `${form.key}.${field.key}`).toBeTruthy();
      }
    }
  });

  it('places every field in its form layout exactly once', () => {
    for (const form of crmPackage.forms) {
      const placed = (form.layout ?? []).flatMap((s) => s.fields);
      expect([...placed].sort(), form.key).toEqual(form.fields.map((f) => f.key).sort());
    }
  });

  it('requires customer name, phone and industry, as the domain asks', () => {
    const customer = compileForm(crmPackage.forms[0]!);
    const r = customer.process({}, { mode: 'create', locale: 'en' });
    expect(r.ok === false && r.errors.map((e) => e.path)).toEqual(['/data/name', '/data/industry', '/data/phone']);
  });

  it('refuses a malformed phone number with the phone message', () => {
    const r = compileForm(crmPackage.forms[0]!).process({ name: '测试公司', industry: 'it', phone: '12345' }, { mode: 'create' });
    expect(r.ok === false && r.errors).toEqual([{ path: '/data/phone', code: 'FIELD_PATTERN', message: '「联系电话」应为 11 位手机号或带区号的固定电话（如 13812341234 或 010-12345678）' }]);
  });

  it('asks for a loss reason only when an opportunity is lost', () => {
    const opp = compileForm(crmPackage.forms.find((f) => f.key === 'opportunity')!);
    const base = { name: '华为 CRM 采购', customer_name: '华为技术有限公司', amount: '1,200,000', expected_close_date: '2025/9/30' };
    expect(opp.process({ ...base, stage: 'negotiation', lost_reason: 'price' }, { mode: 'create' })).toMatchObject({ ok: true, value: { lost_reason: null, amount: 1200000, expected_close_date: '2025-09-30' } });
    expect(opp.process({ ...base, stage: '输单' }, { mode: 'create', locale: 'en' })).toMatchObject({ ok: false, errors: [{ path: '/data/lost_reason', code: 'FIELD_REQUIRED' }] });
  });

  describe('roles', () => {
    const role = (key: string) => crmPackage.roles!.find((r) => r.key === key)!;
    const customerVars = varSchemaOf(crmPackage.forms[0]!, fieldTypes);
    const me = '11111111-1111-4111-8111-111111111111';
    const other = '22222222-2222-4222-8222-222222222222';
    const east = '33333333-3333-4333-8333-333333333333';
    const north = '44444444-4444-4444-8444-444444444444';
    const sees = (key: string, record: Record<string, unknown>, user: Record<string, unknown>) =>
      Boolean(compileJs(role(key).forms['customer']!.scope ?? true, customerVars)(record, { user: { id: me, deptIds: [], deptTree: [], managedDeptTree: [], roles: [key], ...user } }));

    it('are sales rep, sales manager, sales director, marketing and customer service, named in zh-CN and en', () => {
      expect(crmPackage.roles!.map((r) => [r.key, localize(r.name, 'zh-CN'), localize(r.name, 'en')])).toEqual([
        ['sales_rep', '销售代表', 'Sales rep'],
        ['sales_manager', '销售经理', 'Sales manager'],
        ['sales_director', '销售总监', 'Sales director'],
        ['marketing', '市场专员', 'Marketing'],
        ['customer_service', '客服专员', 'Customer service'],
      ]);
      for (const r of crmPackage.roles!) expect(typeof r.description === 'object' && r.description['zh-CN'] && r.description['en'], r.key).toBeTruthy();
    });

    it('a rep sees own customers and the public pool; a manager also the departments they manage; the director all', () => {
      expect(sees('sales_rep', { owner_id: me, in_public_pool: false }, {})).toBe(true);
      expect(sees('sales_rep', { owner_id: other, in_public_pool: false }, {})).toBe(false);
      expect(sees('sales_rep', { owner_id: null, in_public_pool: true }, {})).toBe(true);
      expect(sees('sales_manager', { owner_id: other, dept_id: east, in_public_pool: false }, { managedDeptTree: [east] })).toBe(true);
      expect(sees('sales_manager', { owner_id: other, dept_id: north, in_public_pool: false }, { managedDeptTree: [east] })).toBe(false);
      expect(role('sales_director').forms['customer']!.scope).toBeUndefined();
    });

    it('export is a right of its own: only the director and marketing (leads) may export; nobody but the director deletes all', () => {
      const exporters = crmPackage.roles!.flatMap((r) => Object.entries(r.forms).filter(([, p]) => p.actions.includes('export')).map(([f]) => `${r.key}.${f}`));
      expect(exporters).toEqual(['sales_director.customer', 'sales_director.contact', 'sales_director.lead', 'sales_director.opportunity', 'marketing.lead']);
      expect(role('sales_rep').forms['customer']!.actions).toEqual(['view', 'create', 'edit']);
    });

    it('masks customer phone and e-mail for marketing and hides revenue from customer service, which only edits interactions', () => {
      expect(role('marketing').forms['customer']!.fields).toMatchObject({ phone: 'masked', email: 'masked', annual_revenue: 'hidden' });
      expect(role('marketing').forms['contact']).toBeUndefined();
      const service = role('customer_service').forms['customer']!.fields!;
      expect(service).toMatchObject({ annual_revenue: 'hidden', won_amount: 'hidden', phone: 'readonly', name: 'readonly' });
      const editable = crmPackage.forms[0]!.fields.map((f) => f.key).filter((k) => service[k] === undefined);
      expect(editable).toEqual(['last_interaction_date', 'notes']);
    });
  });
});
