import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '@trellis/store';
import { openServer, RECORDS, salesPackage } from './fixtures.js';

const paths = (res: { json(): any }) => res.json().error.details.map((d: { path: string }) => d.path).sort();
const enc = (v: unknown) => encodeURIComponent(JSON.stringify(v));

describe.each(DIALECTS)('record routes on %s', (dialect) => {
  let ctx: Awaited<ReturnType<typeof openServer>>;
  const create = (data: Record<string, unknown>) => ctx.app.inject({ method: 'POST', url: RECORDS, payload: { data } });

  beforeAll(async () => {
    ctx = await openServer(dialect, { bodyLimit: 16 * 1024 });
    const res = await ctx.app.inject({ method: 'POST', url: '/api/apps/import', payload: salesPackage() });
    expect(res.statusCode).toBe(201);
  });
  afterAll(async () => ctx?.close());

  it('creates a record with cleaned data and reads it back', async () => {
    const res = await create({ name: '  华为  ', employees: '1,200', tier: 'gold', since: '2020-05-01', active: true });
    expect(res.statusCode).toBe(201);
    const record = res.json();
    expect(record).toMatchObject({ version: 1, deletedAt: null, createdBy: ctx.admin.userId });
    expect(record.data).toEqual({ name: '华为', phone: null, employees: 1200, tier: 'gold', since: '2020-05-01', active: true });
    const read = await ctx.app.inject(`${RECORDS}/${record.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toEqual(record);
  });

  it('refuses wrong types, unknown fields and missing required values with 400 naming each field', async () => {
    const res = await create({ employees: 'many', tier: 'platinum', since: '2020-13-45', nope: 1, 'x"; drop': 2 });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('RECORD_INVALID');
    expect(paths(res)).toEqual(['/data/employees', '/data/name', '/data/nope', '/data/since', '/data/tier', '/data/x"; drop'].sort());
    const list = (await ctx.app.inject(`${RECORDS}?filter=${enc({ '==': [{ var: 'employees' }, 'many'] })}`));
    expect(list.statusCode).toBe(400); // a number field compared to text
  });

  it('refuses a body without data, or with extra properties, at the edge', async () => {
    const res = await ctx.app.inject({ method: 'POST', url: RECORDS, payload: { name: 'x' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('SERVER_REQUEST_INVALID');
    expect(paths(res)).toEqual(['/data', '/name']);
  });

  it('refuses a record body over the limit with 413', async () => {
    const res = await create({ name: 'x'.repeat(20 * 1024) });
    expect(res.statusCode).toBe(413);
  });

  it('updates with the current version and refuses a stale one with 409, leaving the record unchanged', async () => {
    const { id } = (await create({ name: 'Old name', employees: 5 })).json();
    const ok = await ctx.app.inject({ method: 'PATCH', url: `${RECORDS}/${id}`, payload: { version: 1, data: { name: 'New name' } } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ version: 2, data: { name: 'New name', employees: 5 } });

    const stale = await ctx.app.inject({ method: 'PATCH', url: `${RECORDS}/${id}`, payload: { version: 1, data: { name: 'Lost update' } } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('RECORD_VERSION_CONFLICT');
    const after = (await ctx.app.inject(`${RECORDS}/${id}`)).json();
    expect(after).toMatchObject({ version: 2, data: { name: 'New name', employees: 5 } });
  });

  it('validates a patch with the form engine, naming each bad field', async () => {
    const { id } = (await create({ name: 'Patchable' })).json();
    const res = await ctx.app.inject({ method: 'PATCH', url: `${RECORDS}/${id}`, payload: { version: 1, data: { name: null, employees: [1], ghost: 'boo' } } });
    expect(res.statusCode).toBe(400);
    expect(paths(res)).toEqual(['/data/employees', '/data/ghost', '/data/name']);
    expect((await ctx.app.inject(`${RECORDS}/${id}`)).json()).toMatchObject({ version: 1, data: { name: 'Patchable' } });
  });

  it('refuses a patch without version at the edge', async () => {
    const { id } = (await create({ name: 'No version' })).json();
    const res = await ctx.app.inject({ method: 'PATCH', url: `${RECORDS}/${id}`, payload: { data: { name: 'x' } } });
    expect(res.statusCode).toBe(400);
    expect(paths(res)).toEqual(['/version']);
  });

  it('deletes to the recycle bin, lists it there, restores it, and keeps the history', async () => {
    const { id } = (await create({ name: 'Recyclable' })).json();
    const del = await ctx.app.inject({ method: 'DELETE', url: `${RECORDS}/${id}` });
    expect(del.statusCode).toBe(200);
    expect(del.json().deletedAt).not.toBeNull();
    expect((await ctx.app.inject(`${RECORDS}/${id}`)).statusCode).toBe(404);
    expect((await ctx.app.inject(`${RECORDS}/${id}?deleted=true`)).statusCode).toBe(200);

    const live = (await ctx.app.inject(`${RECORDS}?limit=500`)).json();
    expect(live.items.map((r: { id: string }) => r.id)).not.toContain(id);
    const bin = (await ctx.app.inject(`${RECORDS}?deleted=true`)).json();
    expect(bin.items.map((r: { id: string }) => r.id)).toContain(id);

    const restored = await ctx.app.inject({ method: 'POST', url: `${RECORDS}/${id}/restore` });
    expect(restored.statusCode).toBe(200);
    expect(restored.json().deletedAt).toBeNull();
    expect((await ctx.app.inject(`${RECORDS}/${id}`)).statusCode).toBe(200);

    const history = (await ctx.app.inject(`${RECORDS}/${id}/history`)).json();
    expect(history.items.map((e: { action: string }) => e.action)).toEqual(['restore', 'delete', 'create']);
    expect(history.items[2]).toMatchObject({ actor: ctx.admin.userId, before: null, after: { id, data: { name: 'Recyclable' } } });
  });

  it('answers 404 for an unknown record, form or restore of a live record', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    expect((await ctx.app.inject(`${RECORDS}/${missing}`)).json().error.code).toBe('RECORD_NOT_FOUND');
    expect((await ctx.app.inject({ method: 'DELETE', url: `${RECORDS}/${missing}` })).statusCode).toBe(404);
    expect((await ctx.app.inject(`${RECORDS}/${missing}/history`)).statusCode).toBe(404);
    const res = await ctx.app.inject('/api/apps/sales/forms/nope/records');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('STORE_FORM_NOT_FOUND');
  });

  it('refuses a malformed record id with 400 at /params/id', async () => {
    const res = await ctx.app.inject(`${RECORDS}/not-a-uuid`);
    expect(res.statusCode).toBe(400);
    expect(paths(res)).toEqual(['/params/id']);
  });
});

describe.each(DIALECTS)('listing records on %s', (dialect) => {
  let ctx: Awaited<ReturnType<typeof openServer>>;
  beforeAll(async () => {
    ctx = await openServer(dialect);
    await ctx.app.inject({ method: 'POST', url: '/api/apps/import', payload: salesPackage() });
    for (let i = 1; i <= 12; i++) {
      const res = await ctx.app.inject({
        method: 'POST',
        url: RECORDS,
        payload: { data: { name: `Company ${String(i).padStart(2, '0')}`, employees: i * 10, tier: i % 3 === 0 ? 'gold' : 'silver', active: i % 2 === 0 } },
      });
      expect(res.statusCode).toBe(201);
    }
  });
  afterAll(async () => ctx?.close());

  it('filters with a URL-encoded condition and counts the matches', async () => {
    const res = await ctx.app.inject(`${RECORDS}?filter=${enc({ and: [{ '==': [{ var: 'tier' }, 'gold'] }, { '>': [{ var: 'employees' }, 30] }] })}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ total: 3, totalExact: true, nextCursor: null });
    expect(body.items.map((r: { data: { employees: number } }) => r.data.employees).sort((a: number, b: number) => a - b)).toEqual([60, 90, 120]);
  });

  it('sorts by fields (- for descending) and pages with the cursor until the end', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const url: string = `${RECORDS}?sort=-active,name&limit=5${cursor !== null ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const body = (await ctx.app.inject(url)).json();
      expect(body.total).toBe(12);
      seen.push(...body.items.map((r: { data: { name: string } }) => r.data.name));
      cursor = body.nextCursor;
      pages++;
    } while (cursor !== null && pages < 10);
    expect(pages).toBe(3);
    const evens = [2, 4, 6, 8, 10, 12].map((i) => `Company ${String(i).padStart(2, '0')}`);
    const odds = [1, 3, 5, 7, 9, 11].map((i) => `Company ${String(i).padStart(2, '0')}`);
    expect(seen).toEqual([...evens, ...odds]);
  });

  it('searches text fields with q', async () => {
    const body = (await ctx.app.inject(`${RECORDS}?q=${encodeURIComponent('pany 1')}`)).json();
    expect(body.items.map((r: { data: { name: string } }) => r.data.name).sort()).toEqual(['Company 10', 'Company 11', 'Company 12']);
  });

  it('refuses a filter that is not JSON with 400 SERVER_FILTER_INVALID', async () => {
    const res = await ctx.app.inject(`${RECORDS}?filter=${encodeURIComponent('{"==": [')}`);
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'SERVER_FILTER_INVALID', details: [{ path: '/query/filter' }] });
  });

  it('refuses a filter with an unknown operator or field, pointing into the condition', async () => {
    for (const filter of [{ '~=': [{ var: 'name' }, 'x'] }, { '==': [{ var: 'no_such_field' }, 1] }]) {
      const res = await ctx.app.inject(`${RECORDS}?filter=${enc(filter)}`);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('SERVER_FILTER_INVALID');
      expect(res.json().error.details[0].path).toMatch(/^\/query\/filter/);
    }
  });

  it('refuses a filter comparing a uuid column with text that is no uuid with 400, never a 500', async () => {
    const res = await ctx.app.inject(`${RECORDS}?filter=${enc({ '==': [{ var: 'owner_id' }, 'not-a-uuid'] })}`);
    expect(res.statusCode).toBe(400);
  });

  it('refuses sorting on an unknown field with 400 naming it', async () => {
    const res = await ctx.app.inject(`${RECORDS}?sort=-nope`);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('STORE_SORT_INVALID');
    expect(res.json().error.details[0]).toMatchObject({ path: '/query/sort/0' });
  });

  it('refuses a limit out of range and unknown query parameters', async () => {
    expect(paths(await ctx.app.inject(`${RECORDS}?limit=0`))).toEqual(['/query/limit']);
    expect(paths(await ctx.app.inject(`${RECORDS}?limit=100000`))).toEqual(['/query/limit']);
    expect(paths(await ctx.app.inject(`${RECORDS}?colour=red`))).toEqual(['/query/colour']);
  });

  it('refuses a cursor the server did not issue', async () => {
    const res = await ctx.app.inject(`${RECORDS}?cursor=garbage`);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('STORE_CURSOR_INVALID');
  });
});
