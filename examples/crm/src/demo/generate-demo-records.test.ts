import { describe, expect, it } from 'vitest';
import { compileForm } from '@trellis/forms';
import { crmPackage } from '../crm-package.js';
import { generateCustomerSet, generateCustomers } from './generate-customers.js';
import { generateDemoRecords } from './generate-demo-records.js';

const formOf = (key: string) => compileForm(crmPackage.forms.find((f) => f.key === key)!);

describe('demo data', () => {
  const demo = generateDemoRecords(7);

  it('is deterministic: the same seed gives the same data, another seed other data', () => {
    expect(generateDemoRecords(7)).toEqual(demo);
    expect(generateCustomers(20, 8)).not.toEqual(generateCustomers(20, 7));
    expect(generateCustomers(20, 7)).toEqual(demo.customer.slice(0, 20));
  });

  for (const key of ['customer', 'contact', 'lead', 'opportunity'] as const) {
    it(`every generated ${key} passes the form unchanged (already clean and valid)`, () => {
      const form = formOf(key);
      expect(demo[key].length).toBeGreaterThan(50);
      for (const record of demo[key]) {
        const r = form.process(record, { mode: 'create' });
        if (!r.ok) throw new Error(`${JSON.stringify(record)} → ${JSON.stringify(r.errors)}`);
        for (const [k, v] of Object.entries(record)) expect(r.value[k], k).toEqual(v);
      }
    });
  }

  it('uses realistic Chinese values: company names, 11-digit mobiles, provinces matching regions', () => {
    for (const c of demo.customer) {
      expect(c['name']).toMatch(/^[\u4e00-\u9fa5（） ]+(有限公司|有限责任公司)$/);
      expect(c['phone']).toMatch(/^(1[3-9]\d{9}|0\d{2,3}-\d{7,8})$/);
    }
    for (const c of demo.contact) expect(c['mobile']).toMatch(/^1[3-9]\d{9}$/);
    const beijing = demo.customer.filter((c) => c['province'] === 'beijing');
    expect(beijing.length).toBeGreaterThan(0);
    for (const c of beijing) expect(c['region']).toBe('north');
  });

  it('plants near-duplicates that share a phone or an e-mail with an earlier customer', () => {
    const { records, duplicates } = generateCustomerSet(1000, 3);
    expect(duplicates.length).toBeGreaterThanOrEqual(15);
    expect(duplicates.length).toBeLessThanOrEqual(50);
    for (const { index, of } of duplicates) {
      expect(of).toBeLessThan(index);
      const [a, b] = [records[of]!, records[index]!];
      expect(a['phone'] === b['phone'] || String(a['email']).toLowerCase() === String(b['email']).toLowerCase()).toBe(true);
      expect(b['name']).not.toBe(a['name']);
      const core = (n: unknown) => String(n).replace(/\s|（.*?）|股份|集团|有限责任公司|有限公司/g, '');
      expect(core(b['name']).includes(core(a['name'])) || core(a['name']).includes(core(b['name']))).toBe(true);
    }
  });

  it('keeps opportunities consistent: probability by stage, a loss reason only when lost', () => {
    for (const o of demo.opportunity) {
      if (o['stage'] === 'won') expect(o['probability']).toBe(100);
      if (o['stage'] === 'lost') expect(o['lost_reason']).toBeDefined();
      else expect(o['lost_reason']).toBeUndefined();
    }
    expect(new Set(demo.opportunity.map((o) => o['stage'])).size).toBe(6);
  });
});
