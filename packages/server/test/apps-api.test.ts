import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '@trellis/store';
import { openServer, RECORDS, salesPackage } from './fixtures.js';

describe.each(DIALECTS)('app routes on %s', (dialect) => {
  let ctx: Awaited<ReturnType<typeof openServer>>;
  beforeAll(async () => {
    ctx = await openServer(dialect, { bodyLimit: 64 * 1024 });
  });
  afterAll(async () => ctx?.close());

  it('refuses an invalid package with 400 listing every problem, and imports nothing', async () => {
    const pkg = salesPackage();
    pkg.app.name = '';
    pkg.forms[0].fields[1].key = 'Phone Number';
    pkg.forms[0].fields[2].type = 'no_such_type';
    pkg.forms[0].fields.push({ id: 'f_x', key: 'name', type: 'text', label: 'Dup' });
    const res = await ctx.app.inject({ method: 'POST', url: '/api/apps/import', payload: pkg });
    expect(res.statusCode).toBe(400);
    const { error } = res.json();
    expect(error.code).toBe('SCHEMA_INVALID');
    const paths = error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['/app/name', '/forms/0/fields/1/key', '/forms/0/fields/2/type']));
    expect(paths.some((p: string) => p.startsWith('/forms/0/fields/6'))).toBe(true);
    expect((await ctx.app.inject('/api/apps')).json().items).toEqual([]);
  });

  it('refuses a field key that tries SQL injection, and imports nothing', async () => {
    const pkg = salesPackage();
    pkg.forms[0].fields[0].key = 'x"; drop table';
    const res = await ctx.app.inject({ method: 'POST', url: '/api/apps/import', payload: pkg });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.map((d: { path: string }) => d.path)).toContain('/forms/0/fields/0/key');
    expect((await ctx.app.inject('/api/apps')).json().items).toEqual([]);
  });

  it('refuses a package body over the limit with 413', async () => {
    const pkg = salesPackage();
    pkg.app.description = 'x'.repeat(70 * 1024);
    const res = await ctx.app.inject({ method: 'POST', url: '/api/apps/import', payload: pkg });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('SERVER_BODY_TOO_LARGE');
  });

  it('installs a new app with 201 and lists it', async () => {
    const res = await ctx.app.inject({ method: 'POST', url: '/api/apps/import', payload: salesPackage() });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ app: 'sales', dryRun: false, applied: true, version: 1, plan: { newApp: true } });
    expect(res.json().plan.tablesToCreate.map((t: { form: string }) => t.form)).toEqual(['customer']);
    const list = (await ctx.app.inject('/api/apps')).json();
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ key: 'sales', name: { 'zh-CN': '销售', en: 'Sales' }, version: 1, forms: [{ key: 'customer' }] });
    const one = (await ctx.app.inject('/api/apps/sales')).json();
    expect(one.app.key).toBe('sales');
    expect(one.package.forms[0].fields).toHaveLength(6);
  });

  it('exports the package exactly as imported', async () => {
    const res = await ctx.app.inject('/api/apps/sales/package');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual(salesPackage());
  });

  it('re-importing an identical package publishes nothing', async () => {
    const res = await ctx.app.inject({ method: 'POST', url: '/api/apps/import', payload: salesPackage() });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ applied: false, version: 1, plan: { changed: false } });
  });

  it('upgrades: a dry run shows the diff and changes nothing, the real import applies it and keeps the data', async () => {
    const created = await ctx.app.inject({ method: 'POST', url: RECORDS, payload: { data: { name: 'ACME', phone: '010-1234', employees: 12 } } });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;

    const next = salesPackage();
    next.forms[0].fields = next.forms[0].fields.filter((f: { key: string }) => f.key !== 'phone');
    next.forms[0].fields.push({ id: 'f_email', key: 'email', type: 'text', label: 'Email' });
    next.forms[0].fields[0].label = 'Company name';

    const dry = await ctx.app.inject({ method: 'POST', url: '/api/apps/import?dryRun=true', payload: next });
    expect(dry.statusCode).toBe(200);
    const plan = dry.json().plan;
    expect(dry.json()).toMatchObject({ dryRun: true, applied: false, version: 2 });
    expect(plan.columnsToAdd.map((c: { key: string }) => c.key)).toEqual(['email']);
    expect(plan.fieldsHidden.map((c: { key: string }) => c.key)).toEqual(['phone']);
    expect(plan.definitionsChanged).toEqual(expect.arrayContaining([expect.objectContaining({ form: 'customer' })]));
    expect((await ctx.app.inject('/api/apps/sales/package')).json()).toEqual(salesPackage());

    const real = await ctx.app.inject({ method: 'POST', url: '/api/apps/import', payload: next });
    expect(real.statusCode).toBe(200);
    expect(real.json()).toMatchObject({ applied: true, version: 2 });
    expect((await ctx.app.inject('/api/apps/sales/package')).json()).toEqual(next);

    const record = (await ctx.app.inject(`${RECORDS}/${id}`)).json();
    expect(record.data).toMatchObject({ name: 'ACME', employees: 12, email: null });
    expect(record.data).not.toHaveProperty('phone');
    const withEmail = await ctx.app.inject({ method: 'PATCH', url: `${RECORDS}/${id}`, payload: { version: record.version, data: { email: 'a@acme.cn' } } });
    expect(withEmail.statusCode).toBe(200);
    expect(withEmail.json().data).toMatchObject({ name: 'ACME', email: 'a@acme.cn' });
  });

  it('answers 404 in the error format for an unknown app', async () => {
    for (const url of ['/api/apps/nope', '/api/apps/nope/package', '/api/apps/nope/forms/customer/records']) {
      const res = await ctx.app.inject(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.json().error.code).toBe('STORE_APP_NOT_FOUND');
    }
  });

  it('documents every route in the OpenAPI document', async () => {
    const doc = (await ctx.app.inject('/api/openapi.json')).json();
    expect(Object.keys(doc.paths).sort()).toEqual([
      '/api/apps',
      '/api/apps/import',
      '/api/apps/{app}',
      '/api/apps/{app}/draft',
      '/api/apps/{app}/draft/plan',
      '/api/apps/{app}/forms/{form}/fields/{field}/files',
      '/api/apps/{app}/forms/{form}/fields/{field}/options',
      '/api/apps/{app}/forms/{form}/linkage',
      '/api/apps/{app}/forms/{form}/public-links',
      '/api/apps/{app}/forms/{form}/public-links/{id}',
      '/api/apps/{app}/forms/{form}/records',
      '/api/apps/{app}/forms/{form}/records/export',
      '/api/apps/{app}/forms/{form}/records/{id}',
      '/api/apps/{app}/forms/{form}/records/{id}/history',
      '/api/apps/{app}/forms/{form}/records/{id}/restore',
      '/api/apps/{app}/package',
      '/api/apps/{app}/permissions',
      '/api/apps/{app}/publish',
      '/api/apps/{app}/roles',
      '/api/apps/{app}/roles/{id}',
      '/api/apps/{app}/roles/{id}/members',
      '/api/audit',
      '/api/audit/export',
      '/api/auth/api-keys',
      '/api/auth/api-keys/{id}',
      '/api/auth/login',
      '/api/auth/logout',
      '/api/auth/logout-all',
      '/api/auth/me',
      '/api/auth/password',
      '/api/departments',
      '/api/departments/{id}',
      '/api/files/{id}',
      '/api/health',
      '/api/public/forms/{token}',
      '/api/public/forms/{token}/fields/{field}/files',
      '/api/public/forms/{token}/submissions',
      '/api/users',
      '/api/users/directory',
      '/api/users/{id}',
      '/api/users/{id}/departments',
    ]);
    const rec = doc.paths['/api/apps/{app}/forms/{form}/records/{id}'];
    expect(Object.keys(rec).sort()).toEqual(['delete', 'get', 'patch']);
    expect(rec.patch.responses).toHaveProperty('409');
  });
});
