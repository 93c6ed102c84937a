import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fieldTypes } from '@trellis/forms';
import { DIALECTS, openTestStore, type DialectName, type Store } from '@trellis/store';
import { buildServer, ensureFirstAdmin, type FastifyInstance, type PublicFormsOptions } from '../src/index.js';
import { ADMIN_PASSWORD, login, openServer, withSession } from './fixtures.js';
import { RECORDS, salesPackage } from './fixtures.js';

const LINKS = '/api/apps/sales/forms/customer/public-links';
const pub = (token: string) => `/api/public/forms/${token}`;

/** The sales app with a section layout and a required field with a default (may be left out of a link). */
function packageWithLayout(): any {
  const pkg = salesPackage();
  const form = pkg.forms[0];
  form.fields.push({ id: 'f_source', key: 'source', type: 'text', label: 'Source', required: true, defaultValue: 'web' });
  form.layout = [
    { kind: 'section', title: 'Who', fields: ['name', 'phone'] },
    { kind: 'section', title: 'Internal', fields: ['employees', 'tier', 'since', 'active', 'source'] },
  ];
  return pkg;
}

async function open(dialect: DialectName, publicForms: PublicFormsOptions = {}): Promise<{ store: Store; app: FastifyInstance; close(): Promise<void> }> {
  const ctx = await openServer(dialect, { publicForms });
  const res = await ctx.app.inject({ method: 'POST', url: '/api/apps/import', payload: packageWithLayout() });
  expect(res.statusCode, res.body).toBe(201);
  return ctx;
}

describe.each(DIALECTS)('public forms on %s', (dialect) => {
  let ctx: Awaited<ReturnType<typeof open>>;
  const createLink = async (body: object = {}) => {
    const res = await ctx.app.inject({ method: 'POST', url: LINKS, payload: body });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };
  const submit = (token: string, payload: object, ip = '203.0.113.7', headers: Record<string, string> = {}) =>
    ctx.app.inject({ method: 'POST', url: `${pub(token)}/submissions`, payload, remoteAddress: ip, headers });
  const count = async () => (await ctx.app.inject(`${RECORDS}?limit=1`)).json().total as number;

  beforeAll(async () => {
    ctx = await open(dialect, { rateLimit: { max: 1000, windowMs: 60_000 }, bodyLimit: 4 * 1024 });
  });
  afterAll(async () => ctx?.close());

  it('creates a link with a random 256-bit base64url token, lists it, and lets it be switched off and on', async () => {
    const link = await createLink({ thankYou: { en: 'Thanks!', 'zh-CN': '谢谢！' } });
    expect(link.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(link).toMatchObject({ app: 'sales', form: 'customer', enabled: true, url: `/f/${link.token}`, fields: null, onePerField: null, expiresAt: null });
    const other = await createLink();
    expect(other.token).not.toBe(link.token);
    const list = (await ctx.app.inject(LINKS)).json().items.map((l: { id: string }) => l.id);
    expect(list).toEqual(expect.arrayContaining([link.id, other.id]));

    const off = await ctx.app.inject({ method: 'PATCH', url: `${LINKS}/${link.id}`, payload: { enabled: false } });
    expect(off.statusCode).toBe(200);
    expect(off.json()).toMatchObject({ enabled: false, thankYou: { en: 'Thanks!' } });
    const offForm = await ctx.app.inject(pub(link.token));
    const unknown = await ctx.app.inject(pub('x'.repeat(43)));
    expect(offForm.statusCode).toBe(404);
    expect(unknown.statusCode).toBe(404);
    expect(offForm.body).toBe(unknown.body);
    expect(offForm.json().error.code).toBe('PUBLIC_FORM_NOT_FOUND');
    expect((await submit(link.token, { data: { name: 'x' } })).body).toBe(unknown.body);

    await ctx.app.inject({ method: 'PATCH', url: `${LINKS}/${link.id}`, payload: { enabled: true } });
    expect((await ctx.app.inject(pub(link.token))).statusCode).toBe(200);
  });

  it('deletes a link, after which its address answers 404, and a second delete is a 404 too', async () => {
    const link = await createLink();
    expect((await ctx.app.inject({ method: 'DELETE', url: `${LINKS}/${link.id}` })).statusCode).toBe(204);
    expect((await ctx.app.inject(pub(link.token))).statusCode).toBe(404);
    const again = await ctx.app.inject({ method: 'DELETE', url: `${LINKS}/${link.id}` });
    expect(again.statusCode).toBe(404);
    expect(again.json().error.code).toBe('PUBLIC_LINK_NOT_FOUND');
  });

  it('refuses options that do not fit the form, naming each one, and links of unknown forms', async () => {
    const res = await ctx.app.inject({ method: 'POST', url: LINKS, payload: { fields: ['name', 'ghost'], onePerField: 'employees', expiresAt: '2001-01-01T00:00:00Z' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('PUBLIC_LINK_INVALID');
    expect(res.json().error.details.map((d: { path: string }) => d.path).sort()).toEqual(['/expiresAt', '/fields/1', '/onePerField']);
    const edge = await ctx.app.inject({ method: 'POST', url: LINKS, payload: { enabled: 'maybe', extra: 1 } });
    expect(edge.statusCode).toBe(400);
    expect((await ctx.app.inject({ method: 'POST', url: '/api/apps/sales/forms/nope/public-links', payload: {} })).statusCode).toBe(404);
    const missing = await ctx.app.inject({ method: 'PATCH', url: `${LINKS}/00000000-0000-4000-8000-000000000000`, payload: { enabled: false } });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('PUBLIC_LINK_NOT_FOUND');
  });

  it('an expired link answers like an unknown one', async () => {
    const link = await createLink({ expiresAt: new Date(Date.now() + 60_000).toISOString() });
    expect((await ctx.app.inject(pub(link.token))).statusCode).toBe(200);
    await ctx.store.db.withTables<{ 'trellis.public_links': { id: string; expires_at: string } }>()
      .updateTable('trellis.public_links').set({ expires_at: '2001-01-01T00:00:00.000Z' }).where('id', '=', link.id).execute();
    const res = await ctx.app.inject(pub(link.token));
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('PUBLIC_FORM_NOT_FOUND');
  });

  it('serves only the shown fields (plus required ones without a default), without field ids, and the layout narrowed to them', async () => {
    const link = await createLink({ fields: ['phone', 'tier'], thankYou: 'Merci' });
    const res = await ctx.app.inject(pub(link.token));
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const body = res.json();
    expect(body.form.fields.map((f: { key: string }) => f.key)).toEqual(['name', 'phone', 'tier']);
    expect(body.form.fields.every((f: { id: string; key: string }) => f.id === f.key)).toBe(true);
    expect(JSON.stringify(body)).not.toContain('f_name');
    expect(body.form.layout).toEqual([
      { kind: 'section', title: 'Who', fields: ['name', 'phone'] },
      { kind: 'section', title: 'Internal', fields: ['tier'] },
    ]);
    expect(body).toMatchObject({ thankYou: 'Merci', honeypotField: 'website', onePerField: null });
  });

  it('creates the record through the form engine, with defaults for hidden fields and an audit entry of actor null with the IP', async () => {
    const link = await createLink({ fields: ['name', 'phone', 'employees'] });
    const res = await submit(link.token, { data: { name: '  Anonymous Ltd ', employees: '1,200' } }, '198.51.100.23');
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toEqual({ status: 'received', thankYou: null });
    const found = (await ctx.app.inject(`${RECORDS}?q=${encodeURIComponent('Anonymous Ltd')}`)).json().items;
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ createdBy: null, data: { name: 'Anonymous Ltd', employees: 1200, source: 'web', tier: null } });
    const history = (await ctx.app.inject(`${RECORDS}/${found[0].id}/history`)).json().items;
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ action: 'create', actor: null, ip: '198.51.100.23' });
  });

  it('refuses invalid data with the same errors as the record API, in the requested language, and fields the link does not show', async () => {
    const link = await createLink({ fields: ['name', 'employees'] });
    const before = await count();
    const res = await submit(link.token, { data: { employees: 'many' } }, undefined, { 'accept-language': 'en' });
    expect(res.statusCode).toBe(400);
    const direct = await ctx.app.inject({ method: 'POST', url: RECORDS, payload: { data: { employees: 'many' } }, headers: { 'accept-language': 'en' } });
    expect(res.json()).toEqual(direct.json());
    const hidden = await submit(link.token, { data: { name: 'x', tier: 'gold' } });
    expect(hidden.statusCode).toBe(400);
    expect(hidden.json().error).toMatchObject({ code: 'RECORD_INVALID', details: [{ path: '/data/tier' }] });
    expect(await count()).toBe(before);
  });

  it('answers a filled honeypot like a success but stores nothing', async () => {
    const link = await createLink({ thankYou: 'Thanks' });
    const before = await count();
    const caught = await submit(link.token, { data: { name: 'Spam bot' }, website: 'http://spam.example' });
    expect(caught.statusCode).toBe(201);
    const real = await submit(link.token, { data: { name: 'Real person' }, website: '' });
    expect(real.statusCode).toBe(201);
    expect(caught.body).toBe(real.body);
    expect(await count()).toBe(before + 1);
    expect((await ctx.app.inject(`${RECORDS}?q=${encodeURIComponent('Spam bot')}`)).json().items).toHaveLength(0);
  });

  it('refuses a submission over the public body limit with 413 in the error format', async () => {
    const link = await createLink();
    const res = await submit(link.token, { data: { name: 'x'.repeat(8 * 1024) } });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('SERVER_BODY_TOO_LARGE');
  });

  it('accepts one submission per normalised phone and says so clearly with 409, and requires the phone', async () => {
    const link = await createLink({ fields: ['name'], onePerField: 'phone' });
    const form = (await ctx.app.inject(pub(link.token))).json();
    expect(form.form.fields.map((f: { key: string }) => f.key)).toEqual(['name', 'phone']);
    expect((await submit(link.token, { data: { name: 'A', phone: ' 138 0013 8000 ' } })).statusCode).toBe(201);
    const again = await submit(link.token, { data: { name: 'B', phone: '+86 138-0013-8000' } }, undefined, { 'accept-language': 'en' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'PUBLIC_FORM_ALREADY_SUBMITTED', details: [{ path: '/data/phone', message: 'a submission with this value was already received' }] });
    expect((await submit(link.token, { data: { name: 'C', phone: '13900139000' } })).statusCode).toBe(201);
    const none = await submit(link.token, { data: { name: 'D' } });
    expect(none.statusCode).toBe(400);
    expect(none.json().error.details[0].path).toBe('/data/phone');
    // an invalid record does not use up the phone
    const invalid = await submit(link.token, { data: { phone: '13700137000' } });
    expect(invalid.statusCode).toBe(400);
    expect((await submit(link.token, { data: { name: 'E', phone: '13700137000' } })).statusCode).toBe(201);
  });
});

describe.each(DIALECTS)('one submission per phone under concurrency on %s', (dialect) => {
  let ctx: Awaited<ReturnType<typeof open>>;
  beforeAll(async () => {
    ctx = await open(dialect, { rateLimit: { max: 1000, windowMs: 60_000 } });
  });
  afterAll(async () => ctx?.close());

  it('of 12 simultaneous submissions with one phone written differently, exactly one is stored and the rest get 409', async () => {
    const link = (await ctx.app.inject({ method: 'POST', url: LINKS, payload: { onePerField: 'phone' } })).json();
    const spellings = ['13800138000', '+86 13800138000', '138-0013-8000', ' 138 0013 8000 '];
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        ctx.app.inject({ method: 'POST', url: `${pub(link.token)}/submissions`, payload: { data: { name: `Racer ${i}`, phone: spellings[i % 4] } } }),
      ),
    );
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes).toEqual([201, ...Array(11).fill(409)]);
    expect((await ctx.app.inject(`${RECORDS}?q=Racer`)).json().total).toBe(1);
  });
});

describe.each(DIALECTS)('public form rate limit on %s', (dialect) => {
  let ctx: Awaited<ReturnType<typeof open>>;
  beforeAll(async () => {
    ctx = await open(dialect, { rateLimit: { max: 3, windowMs: 60_000 } });
  });
  afterAll(async () => ctx?.close());

  it('allows max submissions per IP and window, then answers 429 with Retry-After and the error body; other IPs go on', async () => {
    const link = (await ctx.app.inject({ method: 'POST', url: LINKS, payload: {} })).json();
    const post = (ip: string, name: string) => ctx.app.inject({ method: 'POST', url: `${pub(link.token)}/submissions`, payload: { data: { name } }, remoteAddress: ip });
    const codes = [];
    for (let i = 0; i < 3; i++) codes.push((await post('192.0.2.1', `ok ${i}`)).statusCode);
    expect(codes).toEqual([201, 201, 201]);
    const limited = await post('192.0.2.1', 'too many');
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect(limited.json().error.code).toBe('PUBLIC_FORM_RATE_LIMITED');
    expect((await post('192.0.2.2', 'other ip')).statusCode).toBe(201);
    expect((await ctx.app.inject(`${RECORDS}?q=${encodeURIComponent('too many')}`)).json().items).toHaveLength(0);
  });
});

describe('public form rate limit across server processes (PostgreSQL)', () => {
  it('two servers on one database share the allowance of an IP, and the memory store counts per process', async () => {
    const { createTestDatabase, openStore, testPostgresUrl } = await import('@trellis/store');
    const { url, drop } = await createTestDatabase(testPostgresUrl());
    const stores = [await openStore({ databaseUrl: url, catalog: fieldTypes, poolSize: 2 }), await openStore({ databaseUrl: url, catalog: fieldTypes, poolSize: 2 })];
    const apps = [await buildServer({ store: stores[0]!, publicForms: { rateLimit: { max: 2, windowMs: 60_000 } }, permissions: { enforce: false } }), await buildServer({ store: stores[1]!, publicForms: { rateLimit: { max: 2, windowMs: 60_000 } }, permissions: { enforce: false } })];
    try {
      await ensureFirstAdmin(stores[0]!, { password: ADMIN_PASSWORD });
      const admin = withSession(apps[0]!, await login(apps[0]!, 'admin', ADMIN_PASSWORD));
      expect((await admin.inject({ method: 'POST', url: '/api/apps/import', payload: packageWithLayout() })).statusCode).toBe(201);
      const link = (await admin.inject({ method: 'POST', url: LINKS, payload: {} })).json();
      const post = (i: number, name: string) => apps[i]!.inject({ method: 'POST', url: `${pub(link.token)}/submissions`, payload: { data: { name } }, remoteAddress: '198.51.100.9' });
      expect([(await post(0, 'a')).statusCode, (await post(1, 'b')).statusCode, (await post(0, 'c')).statusCode, (await post(1, 'd')).statusCode]).toEqual([201, 201, 429, 429]);
    } finally {
      for (const app of apps) await app.close();
      for (const store of stores) await store.close();
      await drop();
    }
  });
});

describe('the public page in the web app', () => {
  it('is served by the SPA fallback at /f/:token and may be shown in an iframe (no X-Frame-Options)', async () => {
    const { mkdtempSync, writeFileSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const webRoot = mkdtempSync(join(tmpdir(), 'trellis-web-'));
    writeFileSync(join(webRoot, 'index.html'), '<!doctype html><div id="root"></div>');
    const store = await openTestStore('pglite', fieldTypes);
    const app = await buildServer({ store, webRoot, permissions: { enforce: false } });
    try {
      const res = await app.inject('/f/abcdefghijklmnopqrstuvwxyz0123456789_-ABCDE?embed=1');
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('text/html');
      expect(res.body).toContain('id="root"');
      expect(res.headers['x-frame-options']).toBeUndefined();
      expect(String(res.headers['content-security-policy'] ?? '')).not.toContain('frame-ancestors');
    } finally {
      await app.close();
      await store.close();
      rmSync(webRoot, { recursive: true, force: true });
    }
  });
});
