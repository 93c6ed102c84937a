import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '@trellis/store';
import { openServer } from './fixtures.js';

const OWNER = '7d2c1e90-3b4a-4f5e-8c6d-9e0f1a2b3c4d';
const URL_ = '/api/apps/deals/forms/contract/records';

const dealsPackage = {
  schemaVersion: 1,
  app: { key: 'deals', name: { 'zh-CN': '合同', en: 'Deals' } },
  forms: [
    {
      key: 'contract',
      name: { 'zh-CN': '合同', en: 'Contract' },
      fields: [
        { id: 'f_title', key: 'title', type: 'text', label: 'Title', required: true },
        { id: 'f_no', key: 'no', type: 'serial', label: '合同编号', options: { prefix: 'HT-', digits: 4 } },
        { id: 'f_addr', key: 'address', type: 'address', label: '地址', required: true },
        { id: 'f_sales', key: 'sales', type: 'member', label: '销售', options: { multiple: true } },
        { id: 'f_created', key: 'created', type: 'created_at', label: '创建时间' },
        { id: 'f_owner', key: 'owner', type: 'owner', label: '负责人' },
      ],
    },
  ],
};

describe.each(DIALECTS)('serial, address, member and system fields over HTTP on %s', (dialect) => {
  let ctx: Awaited<ReturnType<typeof openServer>>;
  beforeAll(async () => {
    ctx = await openServer(dialect);
    const res = await ctx.app.inject({ method: 'POST', url: '/api/apps/import', payload: dealsPackage });
    expect(res.statusCode).toBe(201);
  });
  afterAll(async () => ctx?.close());

  it('creates a record: serial assigned, address cleaned from names, created_at and owner filled', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: URL_,
      payload: { data: { title: 'A', no: 'HT-9999', address: '广东省 深圳市 南山区 科技园路 1 号', owner: OWNER, created: '2000-01-01' } },
    });
    expect(res.statusCode).toBe(201);
    const r = res.json();
    expect(r.data).toMatchObject({ no: 'HT-0001', address: { province: '440000', city: '440300', district: '440305', detail: '科技园路 1 号' }, owner: OWNER, created: r.createdAt, sales: null });
    expect(r.ownerId).toBe(OWNER);
  });

  it('refuses a district outside its city and an id that is not a uuid, naming each field', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: URL_,
      headers: { 'accept-language': 'en' },
      payload: { data: { title: 'B', address: { province: '广东省', city: '深圳市', district: '天河区' }, sales: ['zhang.san'] } },
    });
    expect(res.statusCode).toBe(400);
    const details = res.json().error.details as { path: string; message: string }[];
    expect(details.map((d) => d.path).sort()).toEqual(['/data/address', '/data/sales']);
    expect(details.find((d) => d.path === '/data/address')!.message).toContain("district '天河区' is not in 深圳市");
  });

  it('an update keeps the serial number and the creation time, and filters by province', async () => {
    const [r] = (await ctx.app.inject(URL_)).json().items;
    const res = await ctx.app.inject({ method: 'PATCH', url: `${URL_}/${r.id}`, payload: { version: r.version, data: { title: 'A2', no: 'X', created: '2001-01-01T00:00:00Z' } } });
    expect(res.statusCode).toBe(200);
    expect(res.json().data).toMatchObject({ title: 'A2', no: 'HT-0001', created: r.createdAt });
    const filter = encodeURIComponent(JSON.stringify({ '==': [{ var: 'address.province' }, '440000'] }));
    const list = await ctx.app.inject(`${URL_}?filter=${filter}`);
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toHaveLength(1);
    const none = encodeURIComponent(JSON.stringify({ '==': [{ var: 'address.province' }, '110000'] }));
    expect((await ctx.app.inject(`${URL_}?filter=${none}`)).json().items).toHaveLength(0);
  });

  it('a public form submission gets the next serial number but cannot choose the owner', async () => {
    const link = await ctx.app.inject({ method: 'POST', url: '/api/apps/deals/forms/contract/public-links', payload: {} });
    expect(link.statusCode, link.body).toBe(201);
    const res = await ctx.app.inject({
      method: 'POST',
      url: `/api/public/forms/${link.json().token}/submissions`,
      payload: { data: { title: 'Public', address: '北京市 东城区', owner: OWNER } },
    });
    expect(res.statusCode, res.body).toBe(201);
    const filter = encodeURIComponent(JSON.stringify({ '==': [{ var: 'title' }, 'Public'] }));
    const [r] = (await ctx.app.inject(`${URL_}?filter=${filter}`)).json().items;
    expect(r.data).toMatchObject({ no: 'HT-0002', owner: null, address: { province: '110000', city: '110100', district: '110101', detail: null } });
    expect(r.ownerId).toBeNull();
  });
});
