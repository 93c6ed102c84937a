import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '@trellis/store';
import { openServer } from './fixtures.js';

const f = (key: string, type: string, extra: Record<string, unknown> = {}) => ({ id: `f_${key}`, key, type, label: key, ...extra });

function linkPackage(): any {
  return {
    schemaVersion: 1,
    app: { key: 'link', name: 'Linkage' },
    forms: [
      {
        key: 'customer',
        name: '客户',
        titleField: 'name',
        fields: [f('name', 'text'), f('city', 'text'), f('code', 'text'), f('contacts', 'rollup', { options: { aggregate: 'count', form: 'contact', via: 'customer' } })],
      },
      {
        key: 'contact',
        name: '联系人',
        fields: [
          f('name', 'text', { required: true }),
          f('company', 'text'),
          f('customer', 'relation', { options: { form: 'customer', displayFields: ['name', 'city'] } }),
          f('city', 'text', { defaultFrom: { kind: 'linkage', form: 'customer', match: [{ field: 'name', equals: 'company' }], take: 'city' } }),
          f('customer_city', 'lookup', { options: { relation: 'customer', field: 'city', valueType: 'text' } }),
        ],
      },
    ],
  };
}

describe.each(DIALECTS)('relation and linkage routes on %s', (dialect) => {
  let ctx: Awaited<ReturnType<typeof openServer>>;
  const ids: Record<string, string> = {};
  const post = (url: string, payload: unknown) => ctx.app.inject({ method: 'POST', url, payload: payload as object });

  beforeAll(async () => {
    ctx = await openServer(dialect);
    const res = await post('/api/apps/import', linkPackage());
    expect(res.statusCode, res.body).toBe(201);
    for (let i = 0; i < 25; i++) {
      const name = i === 0 ? '华为技术' : i === 1 ? '华润集团' : `Company ${String(i).padStart(2, '0')}`;
      const r = await post('/api/apps/link/forms/customer/records', { data: { name, city: i === 0 ? '深圳' : '北京', code: `C${i}` } });
      ids[name] = r.json().id;
    }
  });
  afterAll(async () => ctx?.close());

  it('refuses a package whose relation points at a missing form, naming the option', async () => {
    const pkg = linkPackage();
    pkg.app.key = 'broken';
    pkg.forms[1].fields[2].options.form = 'supplier';
    const res = await post('/api/apps/import', pkg);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.map((d: { path: string }) => d.path)).toContain('/forms/1/fields/2/options/form');
  });

  it('a dry-run import lists the join table a multiple relation needs', async () => {
    const pkg = linkPackage();
    pkg.app.key = 'many';
    pkg.forms[1].fields[2].options.multiple = true;
    pkg.forms[1].fields.splice(4, 1); // the lookup through it would record json
    pkg.forms[0].fields.splice(3, 1); // a rollup via a multiple relation is fine, but keep the package small
    const res = await post('/api/apps/import?dryRun=true', pkg);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().plan.joinTablesToCreate).toEqual([expect.objectContaining({ form: 'contact', key: 'customer', target: 'customer', joinTable: expect.stringMatching(/^contact_r[0-9a-f]{8}$/) })]);
  });

  it('the picker searches the target form by text and answers id, title and display fields', async () => {
    const res = await ctx.app.inject(`/api/apps/link/forms/contact/fields/customer/options?search=${encodeURIComponent('华')}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      items: [
        { id: ids['华为技术'], title: '华为技术', fields: { name: '华为技术', city: '深圳' } },
        { id: ids['华润集团'], title: '华润集团', fields: { name: '华润集团', city: '北京' } },
      ].sort((a, b) => (a.title < b.title ? -1 : 1)),
      hasMore: false,
    });
    const all = (await ctx.app.inject('/api/apps/link/forms/contact/fields/customer/options')).json();
    expect(all.items).toHaveLength(20);
    expect(all.hasMore).toBe(true);
    const chosen = (await ctx.app.inject(`/api/apps/link/forms/contact/fields/customer/options?ids=${ids['华润集团']},not-an-id`)).json();
    expect(chosen.items.map((i: { id: string }) => i.id)).toEqual([ids['华润集团']]);
  });

  it('the picker answers 404 for a field that is not a relation', async () => {
    const res = await ctx.app.inject('/api/apps/link/forms/contact/fields/name/options');
    expect(res.statusCode).toBe(404);
    expect(res.json().error).toMatchObject({ code: 'SERVER_FIELD_NOT_RELATION', details: [{ path: '/params/field' }] });
  });

  it('creates a record with a relation; get and list give the lookup and the related display values', async () => {
    const res = await post('/api/apps/link/forms/contact/records', { data: { name: '张三', customer: ids['华为技术'] } });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().data).toMatchObject({ customer: ids['华为技术'], customer_city: '深圳' });
    const read = (await ctx.app.inject(`/api/apps/link/forms/contact/records/${res.json().id}`)).json();
    expect(read.related).toEqual({ customer: { [ids['华为技术']!]: { title: '华为技术', fields: { name: '华为技术', city: '深圳' } } } });
    const list = (await ctx.app.inject(`/api/apps/link/forms/contact/records?filter=${encodeURIComponent(JSON.stringify({ '==': [{ var: 'customer' }, ids['华为技术']] }))}`)).json();
    expect(list.items.map((r: { id: string }) => r.id)).toEqual([res.json().id]);
    expect(list.related.customer[ids['华为技术']!].title).toBe('华为技术');
    const customer = (await ctx.app.inject(`/api/apps/link/forms/customer/records/${ids['华为技术']}`)).json();
    expect(customer.data.contacts).toBe(1);
  });

  it('refuses a related id that does not exist with 400 naming /data/customer', async () => {
    const res = await post('/api/apps/link/forms/contact/records', { data: { name: '李四', customer: '99999999-9999-4999-8999-999999999999' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'RECORD_RELATION_INVALID', details: [{ path: '/data/customer' }] });
  });

  it('the linkage route answers the linked defaults for the current values', async () => {
    const res = await post('/api/apps/link/forms/contact/linkage', { data: { company: ' 华为技术 ' }, changed: ['company'] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ values: { city: '深圳' } });
    expect((await post('/api/apps/link/forms/contact/linkage', { data: { company: 'Nobody' } })).json()).toEqual({ values: { city: null } });
    expect((await post('/api/apps/link/forms/contact/linkage', { data: { company: '华为技术' }, changed: ['name'] })).json()).toEqual({ values: {} });
    expect((await post('/api/apps/link/forms/contact/linkage', { data: {} })).json()).toEqual({ values: {} });
  });

  it('on create, a linked field left empty is filled the same way; a value given is kept', async () => {
    const filled = await post('/api/apps/link/forms/contact/records', { data: { name: '王五', company: '华为技术' } });
    expect(filled.json().data.city).toBe('深圳');
    const kept = await post('/api/apps/link/forms/contact/records', { data: { name: '赵六', company: '华为技术', city: '上海' } });
    expect(kept.json().data.city).toBe('上海');
  });

  it('refuses a linkage definition whose take has another type, naming the path', async () => {
    const pkg = linkPackage();
    pkg.app.key = 'broken2';
    pkg.forms[1].fields[3].defaultFrom.take = 'contacts';
    const res = await post('/api/apps/import', pkg);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.map((d: { path: string }) => d.path)).toContain('/forms/1/fields/3/defaultFrom/take');
  });
});
