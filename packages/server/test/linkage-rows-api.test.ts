import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '@trellis/store';
import { openServer } from './fixtures.js';

/** A kit lists its parts; an order's lines are filled from the kit named on the order (数据联动 into a sub-table). */
const f = (key: string, type: string, extra: Record<string, unknown> = {}) => ({ id: `f_${key}`, key, type, label: key, ...extra });
function kitPackage(rows: Record<string, string> = { code: 'sku', count: 'qty' }): any {
  return {
    schemaVersion: 1,
    app: { key: 'kits', name: 'Kits' },
    forms: [
      { key: 'kit', name: 'Kit', fields: [f('name', 'text', { required: true }), f('parts', 'subtable', { options: { fields: [f('sku', 'text'), f('qty', 'number')] } })] },
      {
        key: 'sales_order',
        name: 'Order',
        fields: [
          f('kit', 'text'),
          f('lines', 'subtable', {
            options: { fields: [f('code', 'text'), f('count', 'number'), f('note', 'text')] },
            defaultFrom: { kind: 'linkage', form: 'kit', match: [{ field: 'name', equals: 'kit' }], take: 'parts', rows },
          }),
        ],
      },
    ],
  };
}

describe.each(DIALECTS)('data linkage into a sub-table on %s', (dialect) => {
  let ctx: Awaited<ReturnType<typeof openServer>>;
  const post = (url: string, payload: unknown) => ctx.app.inject({ method: 'POST', url, payload: payload as object });
  beforeAll(async () => {
    ctx = await openServer(dialect);
    const res = await post('/api/apps/import', kitPackage());
    expect(res.statusCode, res.body).toBe(201);
    const kit = await post('/api/apps/kits/forms/kit/records', { data: { name: 'Starter', parts: [{ sku: 'A-1', qty: 2 }, { sku: 'B-7', qty: 1 }] } });
    expect(kit.statusCode, kit.body).toBe(201);
  });
  afterAll(async () => ctx?.close());

  it('the linkage route answers the kit\'s parts as new lines, columns mapped', async () => {
    const res = await post('/api/apps/kits/forms/sales_order/linkage', { data: { kit: ' Starter ' }, changed: ['kit'] });
    expect(res.json()).toEqual({ values: { lines: [{ code: 'A-1', count: 2 }, { code: 'B-7', count: 1 }] } });
    expect((await post('/api/apps/kits/forms/sales_order/linkage', { data: { kit: 'Nothing' } })).json()).toEqual({ values: { lines: null } });
  });

  it('an order created without lines gets them; lines the caller sent are kept', async () => {
    const filled = (await post('/api/apps/kits/forms/sales_order/records', { data: { kit: 'Starter' } })).json();
    expect(filled.data.lines).toEqual([
      { id: expect.any(String), code: 'A-1', count: 2, note: null },
      { id: expect.any(String), code: 'B-7', count: 1, note: null },
    ]);
    const own = (await post('/api/apps/kits/forms/sales_order/records', { data: { kit: 'Starter', lines: [{ code: 'X', count: 9 }] } })).json();
    expect(own.data.lines).toEqual([{ id: expect.any(String), code: 'X', count: 9, note: null }]);
  });

  it('refuses a mapping to columns that do not exist or hold another type, naming the path', async () => {
    const bad = kitPackage({ code: 'qty', ghost: 'sku' });
    bad.app.key = 'kits_bad';
    const res = await post('/api/apps/import', bad);
    expect(res.statusCode).toBe(400);
    const paths = res.json().error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['/forms/1/fields/1/defaultFrom/rows/code', '/forms/1/fields/1/defaultFrom/rows/ghost']));
  });
});
