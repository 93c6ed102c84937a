import { describe, expect, it } from 'vitest';
import { compileForm, validateApp } from '@trellis/forms';
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
});
