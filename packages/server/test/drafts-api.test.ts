import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '@trellis/store';
import { openServer, salesPackage } from './fixtures.js';

function emptyApp(key: string): any {
  return { schemaVersion: 1, app: { key, name: { 'zh-CN': '新应用', en: 'New app' } }, forms: [{ key: 'ticket', name: { 'zh-CN': '工单', en: 'Ticket' }, fields: [] }] };
}

describe.each(DIALECTS)('draft routes on %s', (dialect) => {
  let ctx: Awaited<ReturnType<typeof openServer>>;
  beforeAll(async () => {
    ctx = await openServer(dialect);
  });
  afterAll(async () => ctx?.close());

  it('answers 404 for the draft of an app that is neither published nor drafted', async () => {
    const res = await ctx.app.inject('/api/apps/nothing/draft');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('STORE_APP_NOT_FOUND');
  });

  it('starts a new app from a first draft (revision 0 → 1), publishes it, and removes the draft', async () => {
    const draft = emptyApp('desk');
    draft.forms[0].fields.push({ id: 'f_title', key: 'title', type: 'text', label: { 'zh-CN': '标题', en: 'Title' }, required: true });
    const saved = await ctx.app.inject({ method: 'PUT', url: '/api/apps/desk/draft', payload: { revision: 0, package: draft } });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ app: 'desk', revision: 1, saved: true, liveVersion: null, package: draft });
    expect((await ctx.app.inject('/api/apps/desk/draft')).json()).toMatchObject({ revision: 1, saved: true });

    const plan = await ctx.app.inject({ method: 'POST', url: '/api/apps/desk/draft/plan' });
    expect(plan.statusCode).toBe(200);
    expect(plan.json()).toMatchObject({ app: 'desk', revision: 1, version: 1, plan: { newApp: true, changed: true }, hidesData: { fields: [], forms: [] } });
    expect(plan.json().plan.tablesToCreate.map((t: { form: string }) => t.form)).toEqual(['ticket']);
    expect((await ctx.app.inject('/api/apps')).json().items.map((a: { key: string }) => a.key)).not.toContain('desk');

    const pub = await ctx.app.inject({ method: 'POST', url: '/api/apps/desk/publish', payload: { revision: 1 } });
    expect(pub.statusCode).toBe(201);
    expect(pub.json()).toMatchObject({ app: 'desk', applied: true, version: 1 });
    const rec = await ctx.app.inject({ method: 'POST', url: '/api/apps/desk/forms/ticket/records', payload: { data: { title: 'Printer jam' } } });
    expect(rec.statusCode).toBe(201);
    const after = (await ctx.app.inject('/api/apps/desk/draft')).json();
    expect(after).toMatchObject({ revision: 0, saved: false, liveVersion: 1 });
    expect(after.package.forms[0].fields[0].key).toBe('title');
  });

  it('refuses a stale revision with 409 and keeps the newer draft', async () => {
    const base = (await ctx.app.inject('/api/apps/desk/draft')).json();
    const a = structuredClone(base.package);
    a.app.name = 'A';
    const b = structuredClone(base.package);
    b.app.name = 'B';
    expect((await ctx.app.inject({ method: 'PUT', url: '/api/apps/desk/draft', payload: { revision: 0, package: a } })).statusCode).toBe(200);
    const stale = await ctx.app.inject({ method: 'PUT', url: '/api/apps/desk/draft', payload: { revision: 0, package: b } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'DRAFT_REVISION_CONFLICT', details: [{ path: '/revision', message: 'current revision is 1' }] });
    expect((await ctx.app.inject('/api/apps/desk/draft')).json().package.app.name).toBe('A');
    const stalePublish = await ctx.app.inject({ method: 'POST', url: '/api/apps/desk/publish', payload: { revision: 7 } });
    expect(stalePublish.statusCode).toBe(409);
    expect(stalePublish.json().error.code).toBe('DRAFT_REVISION_CONFLICT');
  });

  it('refuses a draft whose app key differs from the path with 400', async () => {
    const res = await ctx.app.inject({ method: 'PUT', url: '/api/apps/desk/draft', payload: { revision: 1, package: emptyApp('other') } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([{ path: '/body/package/app/key', message: "must be 'desk'" }]);
  });

  it('plans an invalid draft as 400 SCHEMA_INVALID with every problem, and publishes nothing', async () => {
    const cur = (await ctx.app.inject('/api/apps/desk/draft')).json();
    const bad = structuredClone(cur.package);
    bad.forms[0].fields.push({ id: 'f_x', key: 'Bad Key', type: 'text', label: 'X' });
    await ctx.app.inject({ method: 'PUT', url: '/api/apps/desk/draft', payload: { revision: cur.revision, package: bad } });
    const plan = await ctx.app.inject({ method: 'POST', url: '/api/apps/desk/draft/plan' });
    expect(plan.statusCode).toBe(400);
    expect(plan.json().error.code).toBe('SCHEMA_INVALID');
    expect(plan.json().error.details.map((d: { path: string }) => d.path)).toContain('/forms/0/fields/1/key');
    expect((await ctx.app.inject({ method: 'POST', url: '/api/apps/desk/publish', payload: {} })).statusCode).toBe(400);
    expect((await ctx.app.inject('/api/apps/desk')).json().app.version).toBe(1);
  });

  it('asks for confirmation (409 listing the fields and counts) before hiding fields that hold data, then publishes with confirm', async () => {
    await ctx.app.inject({ method: 'POST', url: '/api/apps/import', payload: salesPackage() });
    await ctx.app.inject({ method: 'POST', url: '/api/apps/sales/forms/customer/records', payload: { data: { name: 'ACME', phone: '010-1234' } } });
    const cur = (await ctx.app.inject('/api/apps/sales/draft')).json();
    const next = structuredClone(cur.package);
    next.forms[0].fields = next.forms[0].fields.filter((f: { key: string }) => f.key !== 'phone' && f.key !== 'since');
    next.forms[0].fields.push({ id: 'f_email', key: 'email', type: 'text', label: 'Email' });
    expect((await ctx.app.inject({ method: 'PUT', url: '/api/apps/sales/draft', payload: { revision: 0, package: next } })).statusCode).toBe(200);

    const plan = (await ctx.app.inject({ method: 'POST', url: '/api/apps/sales/draft/plan' })).json();
    expect(plan.plan.fieldsHidden.map((f: { key: string }) => f.key).sort()).toEqual(['phone', 'since']);
    expect(plan.plan.columnsToAdd.map((c: { key: string }) => c.key)).toEqual(['email']);
    expect(plan.hidesData).toEqual({ fields: [{ form: 'customer', fieldId: 'f_phone', key: 'phone', column: 'phone', records: 1 }], forms: [] });

    const refused = await ctx.app.inject({ method: 'POST', url: '/api/apps/sales/publish', payload: {} });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: 'DRAFT_PUBLISH_HIDES_DATA', details: [{ path: '/forms/customer/fields/phone' }] });
    expect((await ctx.app.inject('/api/apps/sales')).json().app.version).toBe(1);

    const ok = await ctx.app.inject({ method: 'POST', url: '/api/apps/sales/publish', payload: { confirm: true } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ applied: true, version: 2 });
    const list = (await ctx.app.inject('/api/apps/sales/forms/customer/records')).json();
    expect(list.items[0].data).not.toHaveProperty('phone');
  });

  it('asks for confirmation before hiding a whole form that holds records, and not for an empty one', async () => {
    const cur = (await ctx.app.inject('/api/apps/desk/draft')).json();
    const withEmpty = structuredClone(cur.package);
    withEmpty.forms[0].fields = withEmpty.forms[0].fields.filter((f: { key: string }) => f.key === 'title');
    withEmpty.forms.push({ key: 'note', name: 'Note', fields: [{ id: 'f_n', key: 'body', type: 'text', label: 'Body' }] });
    await ctx.app.inject({ method: 'PUT', url: '/api/apps/desk/draft', payload: { revision: cur.revision, package: withEmpty } });
    expect((await ctx.app.inject({ method: 'POST', url: '/api/apps/desk/publish', payload: {} })).statusCode).toBe(200);

    const next = (await ctx.app.inject('/api/apps/desk/draft')).json();
    const dropBoth = structuredClone(next.package);
    dropBoth.forms = [{ key: 'spare', name: 'Spare', fields: [] }];
    await ctx.app.inject({ method: 'PUT', url: '/api/apps/desk/draft', payload: { revision: next.revision, package: dropBoth } });
    const plan = (await ctx.app.inject({ method: 'POST', url: '/api/apps/desk/draft/plan' })).json();
    expect(plan.plan.formsHidden.map((f: { form: string }) => f.form).sort()).toEqual(['note', 'ticket']);
    expect(plan.hidesData.forms).toEqual([{ form: 'ticket', table: 'ticket', records: 1 }]);
    const refused = await ctx.app.inject({ method: 'POST', url: '/api/apps/desk/publish', payload: {} });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.details).toContainEqual({ path: '/forms/ticket', message: '1 record(s); the form will be hidden, not deleted' });
    expect(refused.json().error.details.map((d: { path: string }) => d.path)).not.toContain('/forms/note');
  });

  it('answers 404 DRAFT_NOT_FOUND when planning or publishing without a draft', async () => {
    for (const url of ['/api/apps/sales/draft/plan', '/api/apps/sales/publish']) {
      const res = await ctx.app.inject({ method: 'POST', url, payload: {} });
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('DRAFT_NOT_FOUND');
    }
  });
});
