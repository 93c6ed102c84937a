import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '@trellis/store';
import { openServer } from './fixtures.js';

const URL = '/api/apps/orders/forms/purchase/records';

/** An order: the amount is locked once approved; the city cascades from the province; a description sits in the layout. */
function ordersPackage() {
  return {
    schemaVersion: 1,
    app: { key: 'orders', name: 'Orders' },
    forms: [
      {
        key: 'purchase',
        name: 'Order',
        fields: [
          { id: 'f0', key: 'intro', type: 'description', label: 'Intro', options: { text: 'Read me' } },
          { id: 'f1', key: 'status', type: 'single_select', label: 'Status', defaultValue: 'draft', options: { choices: [{ value: 'draft', label: 'Draft' }, { value: 'approved', label: 'Approved' }] } },
          { id: 'f2', key: 'amount', type: 'number', label: 'Amount', defaultValue: 0, readOnlyWhen: { '==': [{ var: 'status' }, 'approved'] } },
          { id: 'f3', key: 'province', type: 'single_select', label: 'Province', options: { choices: [{ value: 'zj', label: '浙江' }, { value: 'js', label: '江苏' }] } },
          { id: 'f4', key: 'city', type: 'single_select', label: 'City', options: { choices: [{ value: 'hz', label: '杭州' }, { value: 'nj', label: '南京' }], cascade: { field: 'province', choices: { zj: ['hz'], js: ['nj'] } } } },
        ],
        layout: [{ kind: 'tabs', tabs: [{ title: 'A', sections: [{ kind: 'section', fields: ['intro', 'status', 'amount'] }] }, { title: 'B', sections: [{ kind: 'section', fields: ['province', 'city'] }] }] }],
        printTemplates: [{ key: 'sheet', name: 'Sheet', blocks: [{ kind: 'fields', fields: ['status', 'amount'] }, { kind: 'approvals' }] }],
      },
    ],
  };
}

describe.each(DIALECTS)('layout rules through the API on %s', (dialect) => {
  let ctx: Awaited<ReturnType<typeof openServer>>;
  const create = (data: Record<string, unknown>) => ctx.app.inject({ method: 'POST', url: URL, payload: { data }, headers: { 'accept-language': 'en' } });

  beforeAll(async () => {
    ctx = await openServer(dialect);
    const res = await ctx.app.inject({ method: 'POST', url: '/api/apps/import', payload: ordersPackage() });
    expect(res.statusCode, res.body).toBe(201);
  });
  afterAll(async () => ctx?.close());

  it('imports tabs, a description and print templates; the package reads back unchanged', async () => {
    const pkg = (await ctx.app.inject('/api/apps/orders/package')).json();
    expect(pkg.forms[0].layout).toEqual(ordersPackage().forms[0]!.layout);
    expect(pkg.forms[0].printTemplates).toEqual(ordersPackage().forms[0]!.printTemplates);
  });

  it('a read-only field keeps its default on create and its stored value on update', async () => {
    const created = await create({ status: 'approved', amount: 500 });
    expect(created.statusCode).toBe(201);
    expect(created.json().data).toEqual({ status: 'approved', amount: 0, province: null, city: null });
    const draft = (await create({ status: 'draft', amount: 80 })).json();
    expect(draft.data.amount).toBe(80);
    const approve = await ctx.app.inject({ method: 'PATCH', url: `${URL}/${draft.id}`, payload: { version: 1, data: { status: 'approved' } } });
    expect(approve.json().data.amount).toBe(80);
    const tamper = await ctx.app.inject({ method: 'PATCH', url: `${URL}/${draft.id}`, payload: { version: 2, data: { amount: 1 } } });
    expect(tamper.statusCode).toBe(200);
    const after = (await ctx.app.inject(`${URL}/${draft.id}`)).json();
    expect(after.data.amount).toBe(80);
  });

  it('refuses a cascading choice the parent does not allow with 400 naming the field; nothing is written', async () => {
    const before = (await ctx.app.inject(URL)).json().total;
    const res = await create({ province: 'zj', city: 'nj' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([{ path: '/data/city', code: 'FIELD_NOT_A_CHOICE', message: "'City': 'nj' is not one of the choices; choose one of: 杭州" }]);
    expect((await ctx.app.inject(URL)).json().total).toBe(before);
    expect((await create({ province: 'js', city: 'nj' })).statusCode).toBe(201);
  });

  it('refuses a package whose cascade or print template points nowhere, with the paths', async () => {
    const importPaths = async (edit: (pkg: any) => void) => {
      const bad = ordersPackage() as any;
      bad.app.key = 'orders_bad';
      edit(bad);
      const res = await ctx.app.inject({ method: 'POST', url: '/api/apps/import', payload: bad });
      expect(res.statusCode).toBe(400);
      return res.json().error.details.map((d: { path: string }) => d.path).sort();
    };
    expect(await importPaths((p) => (p.forms[0].fields[4].options.cascade.field = 'nothing'))).toEqual(['/forms/0/fields/4/options/cascade/field']);
    expect(await importPaths((p) => p.forms[0].printTemplates.push({ key: 'sheet', name: 'Again', blocks: [{ kind: 'fields', fields: ['ghost'] }] }))).toEqual([
      '/forms/0/printTemplates/1/blocks/0/fields/0',
      '/forms/0/printTemplates/1/key',
    ]);
    expect((await ctx.app.inject('/api/apps/orders_bad/package')).statusCode).toBe(404);
  });
});
