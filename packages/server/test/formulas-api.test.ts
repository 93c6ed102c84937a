import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '@trellis/store';
import { openServer } from './fixtures.js';

const DEALS = '/api/apps/crm/forms/deal/records';
const enc = (v: unknown) => encodeURIComponent(JSON.stringify(v));

function crm(total = 'ROUND(price * qty, 2)'): unknown {
  return {
    schemaVersion: 1,
    app: { key: 'crm', name: 'CRM' },
    forms: [{
      key: 'deal',
      name: '商机',
      fields: [
        { id: 'f_name', key: 'name', type: 'text', label: '名称' },
        { id: 'f_code', key: 'code', type: 'text', label: '编号', defaultFrom: { kind: 'formula', formula: 'CONCAT("D-", name)' } },
        { id: 'f_price', key: 'price', type: 'number', label: '单价' },
        { id: 'f_qty', key: 'qty', type: 'number', label: '数量' },
        { id: 'f_total', key: 'total', type: 'formula', label: '金额', options: { formula: total, resultType: 'number', precision: 2 } },
        { id: 'f_grade', key: 'grade', type: 'formula', label: '等级', options: { formula: 'IF(total > 500000, "A", "B")', resultType: 'text' } },
        { id: 'f_day', key: 'opened_on', type: 'date', label: '日期', defaultFrom: { kind: 'today' } },
      ],
    }],
  };
}

describe.each(DIALECTS)('formula fields through the API on %s', (dialect) => {
  let ctx: Awaited<ReturnType<typeof openServer>>;
  beforeAll(async () => {
    ctx = await openServer(dialect);
    const res = await ctx.app.inject({ method: 'POST', url: '/api/apps/import', payload: crm() });
    expect(res.statusCode).toBe(201);
  });
  afterAll(async () => ctx?.close());

  it('a created record stores the computed values and the defaults; what was sent for a formula is ignored', async () => {
    const res = await ctx.app.inject({ method: 'POST', url: DEALS, payload: { data: { name: '华为', price: '1,000.5', qty: 600, total: 1 } } });
    expect(res.statusCode).toBe(201);
    const today = new Date().toISOString().slice(0, 10);
    expect(res.json().data).toEqual({ name: '华为', code: 'D-华为', price: 1000.5, qty: 600, total: 600300, grade: 'A', opened_on: today });
  });

  it('an update recomputes from the merged record, and lists filter on the formula column', async () => {
    const created = (await ctx.app.inject({ method: 'POST', url: DEALS, payload: { data: { name: 'x', price: 10, qty: 3 } } })).json();
    expect(created.data.total).toBe(30);
    const updated = await ctx.app.inject({ method: 'PATCH', url: `${DEALS}/${created.id}`, payload: { version: 1, data: { qty: 5 } } });
    expect(updated.statusCode).toBe(200);
    expect(updated.json().data).toMatchObject({ qty: 5, total: 50, grade: 'B' });
    const list = await ctx.app.inject(`${DEALS}?filter=${enc({ '==': [{ var: 'total' }, 50] })}`);
    expect(list.json().items.map((r: { id: string }) => r.id)).toEqual([created.id]);
  });

  it('a package whose formula names an unknown field is refused at import, naming the formula and the position', async () => {
    const res = await ctx.app.inject({ method: 'POST', url: '/api/apps/import', payload: { ...(crm('grade_n + 1') as object), app: { key: 'crm2', name: 'CRM 2' } } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('SCHEMA_INVALID');
    expect(res.json().error.details).toEqual([expect.objectContaining({ path: '/forms/0/fields/4/options/formula', message: expect.stringMatching(/^character 1: there is no field 'grade_n'/) })]);
  });
});
