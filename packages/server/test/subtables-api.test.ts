import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '@trellis/store';
import { openServer } from './fixtures.js';

const URL = '/api/apps/shop/forms/purchase/records';

function shopPackage(extraColumn = false): any {
  return {
    schemaVersion: 1,
    app: { key: 'shop', name: 'Shop' },
    forms: [
      {
        key: 'purchase',
        name: { 'zh-CN': '采购单', en: 'Purchase' },
        fields: [
          { id: 'f_title', key: 'title', type: 'text', label: { 'zh-CN': '标题', en: 'Title' }, required: true },
          {
            id: 'f_items',
            key: 'items',
            type: 'subtable',
            label: { 'zh-CN': '明细', en: 'Items' },
            options: {
              fields: [
                { id: 'c_product', key: 'product', type: 'text', label: { 'zh-CN': '产品', en: 'Product' }, required: true },
                { id: 'c_qty', key: 'qty', type: 'number', label: { 'zh-CN': '数量', en: 'Qty' }, options: { min: 1 } },
                ...(extraColumn ? [{ id: 'c_note', key: 'note', type: 'text', label: 'Note' }] : []),
              ],
            },
          },
        ],
      },
    ],
  };
}

describe.each(DIALECTS)('sub-table records over HTTP on %s', (dialect) => {
  let ctx: Awaited<ReturnType<typeof openServer>>;
  beforeAll(async () => {
    ctx = await openServer(dialect);
    const dry = await ctx.app.inject({ method: 'POST', url: '/api/apps/import?dryRun=true', payload: shopPackage() });
    expect(dry.statusCode).toBe(200);
    expect(dry.json().plan.childTables.tablesToCreate).toEqual([expect.objectContaining({ form: 'purchase', key: 'items', table: 'purchase$items' })]);
    expect((await ctx.app.inject({ method: 'POST', url: '/api/apps/import', payload: shopPackage() })).statusCode).toBe(201);
  });
  afterAll(async () => ctx?.close());

  it('creates a record with rows, cleaned per row, and reads them back', async () => {
    const res = await ctx.app.inject({ method: 'POST', url: URL, payload: { data: { title: 'A', items: [{ product: ' 螺丝 ', qty: '2' }, { product: '螺母', qty: 3 }] } } });
    expect(res.statusCode).toBe(201);
    const rec = res.json();
    expect(rec.data.items).toEqual([
      { id: expect.any(String), product: '螺丝', qty: 2 },
      { id: expect.any(String), product: '螺母', qty: 3 },
    ]);
    expect((await ctx.app.inject(`${URL}/${rec.id}`)).json()).toEqual(rec);
    const list = (await ctx.app.inject(URL)).json();
    expect(list.items.find((r: { id: string }) => r.id === rec.id).data.items).toEqual(rec.data.items);
  });

  it('names a bad row cell by its full path, in the request language, and writes nothing', async () => {
    const before = (await ctx.app.inject(URL)).json().total;
    const res = await ctx.app.inject({ method: 'POST', url: URL, headers: { 'accept-language': 'en' }, payload: { data: { title: 'B', items: [{ product: 'x', qty: 1 }, { qty: 0 }] } } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('RECORD_INVALID');
    expect(res.json().error.details).toEqual([
      { path: '/data/items/1/product', code: 'FIELD_REQUIRED', message: "'Items' row 2: 'Product' is required; fill it in" },
      { path: '/data/items/1/qty', code: 'FIELD_TOO_SMALL', message: "'Items' row 2: 'Qty' must be at least 1" },
    ]);
    const zh = await ctx.app.inject({ method: 'POST', url: URL, payload: { data: { title: 'B', items: [{ product: 'x', qty: 0 }] } } });
    expect(zh.json().error.details[0]).toMatchObject({ path: '/data/items/0/qty', message: '「明细」第 1 行：「数量」不能小于 1' });
    expect((await ctx.app.inject(URL)).json().total).toBe(before);
  });

  it('PATCH with rows keeps the ids of rows sent back, adds new ones and removes missing ones; a patch without rows keeps them', async () => {
    const rec = (await ctx.app.inject({ method: 'POST', url: URL, payload: { data: { title: 'C', items: [{ product: 'p1', qty: 1 }, { product: 'p2', qty: 2 }] } } })).json();
    const [r1] = rec.data.items;
    const res = await ctx.app.inject({ method: 'PATCH', url: `${URL}/${rec.id}`, payload: { version: 1, data: { items: [{ id: r1.id, qty: 10 }, { product: 'p3' }] } } });
    expect(res.statusCode).toBe(200);
    expect(res.json().data.items).toEqual([
      { id: r1.id, product: 'p1', qty: 10 },
      { id: expect.any(String), product: 'p3', qty: null },
    ]);
    const title = await ctx.app.inject({ method: 'PATCH', url: `${URL}/${rec.id}`, payload: { version: 2, data: { title: 'C2' } } });
    expect(title.json().data.items).toEqual(res.json().data.items);
    const bad = await ctx.app.inject({ method: 'PATCH', url: `${URL}/${rec.id}`, payload: { version: 3, data: { items: [{ id: r1.id, qty: 'lots' }] } } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((d: { path: string }) => d.path)).toEqual(['/data/items/0/qty']);
  });

  it('exports the package with its sub-table and re-imports it; a new row column appears in the plan summary', async () => {
    const exported = (await ctx.app.inject('/api/apps/shop/package')).json();
    expect(exported).toEqual(shopPackage());
    const dry = await ctx.app.inject({ method: 'POST', url: '/api/apps/import?dryRun=true', payload: shopPackage(true) });
    expect(dry.json().plan.childTables.columnsToAdd).toEqual([expect.objectContaining({ key: 'note', table: 'purchase$items', columnType: 'text' })]);
    const bad = shopPackage();
    bad.forms[0].fields[1].options.fields[1].key = 'position';
    const refused = await ctx.app.inject({ method: 'POST', url: '/api/apps/import', payload: bad });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details.map((d: { path: string }) => d.path)).toContain('/forms/0/fields/1/options/fields/1/key');
  });

  it('publishing a draft that hides a row column or a whole sub-table holding data asks for confirmation, naming it', async () => {
    const cur = (await ctx.app.inject('/api/apps/shop/draft')).json();
    const next = structuredClone(cur.package);
    next.forms[0].fields[1].options.fields = next.forms[0].fields[1].options.fields.filter((f: { key: string }) => f.key !== 'qty');
    expect((await ctx.app.inject({ method: 'PUT', url: '/api/apps/shop/draft', payload: { revision: cur.revision, package: next } })).statusCode).toBe(200);
    const plan = (await ctx.app.inject({ method: 'POST', url: '/api/apps/shop/draft/plan' })).json();
    expect(plan.plan.childTables.columnsHidden).toEqual([expect.objectContaining({ key: 'qty', table: 'purchase$items' })]);
    expect(plan.hidesData.fields).toEqual([{ form: 'purchase', fieldId: 'c_qty', key: 'items.qty', column: 'purchase$items.qty', records: expect.any(Number) }]);
    expect(plan.hidesData.fields[0].records).toBeGreaterThan(0);
    const refused = await ctx.app.inject({ method: 'POST', url: '/api/apps/shop/publish', payload: {} });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.details[0].path).toBe('/forms/purchase/fields/items.qty');

    const withoutTable = structuredClone(cur.package);
    withoutTable.forms[0].fields = withoutTable.forms[0].fields.filter((f: { key: string }) => f.key !== 'items');
    const saved = (await ctx.app.inject('/api/apps/shop/draft')).json();
    expect((await ctx.app.inject({ method: 'PUT', url: '/api/apps/shop/draft', payload: { revision: saved.revision, package: withoutTable } })).statusCode).toBe(200);
    const plan2 = (await ctx.app.inject({ method: 'POST', url: '/api/apps/shop/draft/plan' })).json();
    expect(plan2.hidesData.fields).toEqual([expect.objectContaining({ key: 'items', column: 'purchase$items' })]);
    const ok = await ctx.app.inject({ method: 'POST', url: '/api/apps/shop/publish', payload: { confirm: true } });
    expect(ok.statusCode).toBe(200);
    const list = (await ctx.app.inject(URL)).json();
    expect(list.items[0].data).not.toHaveProperty('items');
  });
});
