import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fieldTypes } from '@trellis/forms';
import { DIALECTS, openTestStore, type Store } from '@trellis/store';
import { buildServer, type FastifyInstance } from '../src/index.js';
import { insertUser, TestCredentials } from './test-actor.js';

const own = { '==': [{ var: 'owner_id' }, { var: '$user.id' }] };
const managed = { in: [{ var: 'dept_id' }, { var: '$user.managedDeptTree' }] };

/** A sales app whose package brings its roles: rep (own rows), manager (managed departments), director (all), designer. */
function permissionsPackage(): any {
  return {
    schemaVersion: 1,
    app: { key: 'sales', name: { 'zh-CN': '销售', en: 'Sales' } },
    forms: [
      {
        key: 'customer',
        name: { 'zh-CN': '客户', en: 'Customer' },
        fields: [
          { id: 'f_name', key: 'name', type: 'text', label: 'Name', required: true },
          { id: 'f_phone', key: 'phone', type: 'phone', label: 'Phone' },
          { id: 'f_email', key: 'email', type: 'email', label: 'Email', options: { unique: true } },
          { id: 'f_revenue', key: 'revenue', type: 'number', label: 'Revenue' },
          { id: 'f_secret', key: 'secret', type: 'text', label: 'Secret' },
          { id: 'f_owner', key: 'owner', type: 'owner', label: 'Owner' },
        ],
      },
      {
        key: 'deal',
        name: { 'zh-CN': '商机', en: 'Deal' },
        fields: [
          { id: 'f_title', key: 'title', type: 'text', label: 'Title', required: true },
          { id: 'f_customer', key: 'customer', type: 'relation', label: 'Customer', options: { form: 'customer', displayFields: ['name', 'phone', 'revenue'] } },
          { id: 'f_files', key: 'files', type: 'attachment', label: 'Files' },
          { id: 'f_cphone', key: 'customer_phone', type: 'lookup', label: 'Customer phone', options: { relation: 'customer', field: 'phone', valueType: 'text' } },
          { id: 'f_crev', key: 'customer_revenue', type: 'lookup', label: 'Customer revenue', options: { relation: 'customer', field: 'revenue', valueType: 'number' } },
        ],
      },
    ],
    roles: [
      {
        key: 'rep',
        name: { 'zh-CN': '销售代表', en: 'Sales rep' },
        forms: {
          customer: { actions: ['view', 'create', 'edit'], scope: own, fields: { phone: 'masked', revenue: 'hidden', secret: 'hidden' } },
          deal: { actions: ['view', 'create', 'edit'], scope: own },
        },
      },
      {
        key: 'analyst',
        name: { 'zh-CN': '分析员', en: 'Analyst' },
        forms: { customer: { actions: ['view', 'export'], scope: { in: [{ var: 'dept_id' }, { var: '$user.deptTree' }] }, fields: { phone: 'masked', revenue: 'hidden', secret: 'hidden' } } },
      },
      {
        key: 'manager',
        name: { 'zh-CN': '经理', en: 'Manager' },
        forms: { customer: { actions: ['view', 'create', 'edit', 'delete'], scope: managed, fields: { phone: 'readonly', secret: 'hidden' } } },
      },
      {
        key: 'director',
        name: { 'zh-CN': '总监', en: 'Director' },
        forms: { customer: { actions: ['view', 'create', 'edit', 'delete', 'export', 'manage'] }, deal: { actions: ['view', 'create', 'edit', 'delete'] } },
      },
      {
        key: 'designer',
        name: { 'zh-CN': '设计者', en: 'Designer' },
        design: true,
        forms: { customer: { actions: ['view'], fields: { secret: 'hidden' } } },
      },
    ],
  };
}

const RECORDS = '/api/apps/sales/forms/customer/records';

for (const dialect of DIALECTS) {
  describe(`permissions through the HTTP API on ${dialect}`, () => {
    let store: Store;
    let app: FastifyInstance;
    let creds: TestCredentials;
    const u: Record<string, string> = {};
    const d: Record<string, string> = {};
    const rec: Record<string, { id: string; version: number }> = {};
    let roles: Record<string, { id: string; version: number }> = {};

    const call = async (user: string | null, method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: unknown, keyActions?: readonly any[]) => {
      const res = await app.inject({ method, url, ...(payload !== undefined ? { payload: payload as object } : {}), headers: user === null ? {} : await creds.headers(user, keyActions) });
      return { status: res.statusCode, body: res.body === '' ? null : res.json(), raw: res.body };
    };

    beforeAll(async () => {
      store = await openTestStore(dialect, fieldTypes);
      app = await buildServer({ store });
      creds = new TestCredentials(store);
      for (const name of ['rep1', 'rep2', 'mgr', 'director', 'designer', 'outsider', 'analyst']) u[name] = await insertUser(store, name);
      u['admin'] = await insertUser(store, 'admin', { isAdmin: true });

      expect((await call(u['admin']!, 'POST', '/api/apps/import', permissionsPackage())).status).toBe(201);

      // Sales ▸ East; HQ ▸ Board
      for (const [key, body] of [['sales', { name: 'Sales' }], ['hq', { name: 'HQ' }]] as const) {
        const r = await call(u['admin']!, 'POST', '/api/departments', body);
        expect(r.status).toBe(201);
        d[key] = r.body.id;
      }
      d['east'] = (await call(u['admin']!, 'POST', '/api/departments', { name: 'East', parentId: d['sales'] })).body.id;
      d['board'] = (await call(u['admin']!, 'POST', '/api/departments', { name: 'Board', parentId: d['hq'] })).body.id;
      const sales = (await call(u['admin']!, 'GET', '/api/departments')).body.items.find((x: any) => x.id === d['sales']);
      expect((await call(u['admin']!, 'PATCH', `/api/departments/${d['sales']}`, { version: sales.version, managerIds: [u['mgr']] })).status).toBe(200);
      for (const [user, dept] of [['rep1', 'east'], ['rep2', 'east'], ['mgr', 'sales'], ['director', 'board'], ['analyst', 'east']] as const) {
        const r = await call(u['admin']!, 'PUT', `/api/users/${u[user]}/departments`, { deptIds: [d[dept]], primaryDeptId: d[dept] });
        expect(r.status).toBe(200);
      }

      // the package's roles were created on import; give them members
      const list = await call(u['admin']!, 'GET', '/api/apps/sales/roles');
      expect(list.body.items.map((r: any) => r.key)).toEqual(['analyst', 'designer', 'director', 'manager', 'rep']);
      roles = Object.fromEntries(list.body.items.map((r: any) => [r.key, { id: r.id, version: r.version }]));
      const members: Record<string, unknown[]> = {
        rep: [{ deptId: d['east'], includeChildren: false }],
        manager: [{ userId: u['mgr'] }],
        // director through a department above theirs (include_children)
        director: [{ deptId: d['hq'], includeChildren: true }],
        designer: [{ userId: u['designer'] }],
        analyst: [{ userId: u['analyst'] }],
      };
      for (const [key, m] of Object.entries(members)) {
        const r = await call(u['admin']!, 'PUT', `/api/apps/sales/roles/${roles[key]!.id}/members`, { members: m });
        expect(r.status).toBe(200);
        roles[key] = { id: r.body.id, version: r.body.version };
      }

      const create = async (user: string, key: string, data: Record<string, unknown>, phone?: string) => {
        const r = await call(u[user]!, 'POST', RECORDS, { data });
        expect(r.status, r.raw).toBe(201);
        rec[key] = { id: r.body.id, version: r.body.version };
        if (phone !== undefined) {
          // reps see the phone masked, so they cannot write it; the administrator fills it in
          const p = await call(u['admin']!, 'PATCH', `${RECORDS}/${r.body.id}`, { version: r.body.version, data: { phone } });
          expect(p.status, p.raw).toBe(200);
          rec[key] = { id: p.body.id, version: p.body.version };
        }
      };
      await create('rep1', 'r1', { name: 'Rep One Co', email: 'one@example.com' }, '13812341234');
      await create('rep2', 'r2', { name: 'Rep Two Co', email: 'two@example.com' }, '13900001111');
      await create('director', 'rD', { name: 'Board Co', phone: '13700002222', email: 'board@example.com', revenue: 900, secret: 'hush-money' });
    });
    afterAll(async () => {
      await app?.close();
      await store?.close();
    });

    it('stamps new records with the creator as owner and their primary department', async () => {
      const r1 = (await call(u['admin']!, 'GET', `${RECORDS}/${rec['r1']!.id}`)).body;
      expect(r1).toMatchObject({ ownerId: u['rep1'], deptId: d['east'], createdBy: u['rep1'] });
      const rD = (await call(u['admin']!, 'GET', `${RECORDS}/${rec['rD']!.id}`)).body;
      expect(rD).toMatchObject({ ownerId: u['director'], deptId: d['board'] });
    });

    it('lists exactly the rows in each role scope, with hidden fields absent and masked fields masked in the raw JSON', async () => {
      const ids = async (user: string, keyActions?: any[]) => {
        const r = await call(u[user]!, 'GET', `${RECORDS}?sort=name`, undefined, keyActions);
        expect(r.status).toBe(200);
        return r;
      };
      const rep = await ids('rep1');
      expect(rep.body.items.map((r: any) => r.id)).toEqual([rec['r1']!.id]);
      expect(rep.body.items[0].data).toEqual({ name: 'Rep One Co', phone: '138****1234', email: 'one@example.com', owner: u['rep1'] });
      expect(rep.raw).not.toContain('13812341234');
      expect(rep.body.total).toBe(1);

      const mgr = await ids('mgr');
      expect(mgr.body.items.map((r: any) => r.id).sort()).toEqual([rec['r1']!.id, rec['r2']!.id].sort());
      expect(Object.keys(mgr.body.items[0].data).sort()).toEqual(['email', 'name', 'owner', 'phone', 'revenue']);
      expect(mgr.raw).toContain('13812341234');

      for (const who of ['director', 'admin']) {
        const all = await ids(who);
        expect(all.body.items.map((r: any) => r.id).sort()).toEqual([rec['r1']!.id, rec['r2']!.id, rec['rD']!.id].sort());
        expect(all.body.items.find((r: any) => r.id === rec['rD']!.id).data).toMatchObject({ revenue: 900, secret: 'hush-money' });
      }
      // an API key of the director narrowed to view: the same rows
      expect((await ids('director', ['view'])).body.items).toHaveLength(3);
      // no role in the app: the form does not exist for them
      expect((await call(u['outsider']!, 'GET', RECORDS)).status).toBe(404);
      // nobody logged in: authentication comes first
      expect((await call(null, 'GET', RECORDS)).status).toBe(401);
    });

    it('reads one record only inside the view scope (IDOR probes answer 404) and masks it', async () => {
      const own = await call(u['rep1']!, 'GET', `${RECORDS}/${rec['r1']!.id}`);
      expect(own.status).toBe(200);
      expect(own.body.data).toEqual({ name: 'Rep One Co', phone: '138****1234', email: 'one@example.com', owner: u['rep1'] });
      for (const [user, key] of [['rep1', 'r2'], ['rep1', 'rD'], ['mgr', 'rD'], ['outsider', 'r1']] as const) {
        const probe = await call(u[user]!, 'GET', `${RECORDS}/${rec[key]!.id}`);
        expect(probe.status, `${user} → ${key}`).toBe(404);
        expect(probe.raw).not.toContain('Rep Two');
      }
      expect((await call(u['mgr']!, 'GET', `${RECORDS}/${rec['r2']!.id}`)).body.data.phone).toBe('13900001111');
      expect((await call(u['director']!, 'GET', `${RECORDS}/${rec['r2']!.id}`, undefined, ['view'])).status).toBe(200);
    });

    it('refuses filters, sorts and searches on fields the caller cannot read in clear', async () => {
      const filter = encodeURIComponent(JSON.stringify({ '>': [{ var: 'revenue' }, 100] }));
      const f = await call(u['rep1']!, 'GET', `${RECORDS}?filter=${filter}`);
      expect(f.status).toBe(400);
      expect(f.body.error).toMatchObject({ code: 'FILTER_FIELD_FORBIDDEN', details: [{ path: '/query/filter/>/0/var' }] });
      const masked = encodeURIComponent(JSON.stringify({ '==': [{ var: 'phone' }, '13812341234'] }));
      expect((await call(u['rep1']!, 'GET', `${RECORDS}?filter=${masked}`)).body.error.code).toBe('FILTER_FIELD_FORBIDDEN');
      const sort = await call(u['rep1']!, 'GET', `${RECORDS}?sort=-revenue`);
      expect(sort.body.error).toMatchObject({ code: 'FILTER_FIELD_FORBIDDEN', details: [{ path: '/query/sort/0' }] });
      // the same filter is fine for the director
      expect((await call(u['director']!, 'GET', `${RECORDS}?filter=${filter}`)).body.items).toHaveLength(1);
      // text search only over readable fields: the hidden secret is not searched for the manager
      expect((await call(u['director']!, 'GET', `${RECORDS}?q=hush`)).body.items).toHaveLength(1);
      expect((await call(u['mgr']!, 'GET', `${RECORDS}?q=hush`)).body.items).toHaveLength(0);
    });

    it('creates only with the create action and refuses hidden, masked, read-only and owner fields', async () => {
      const hidden = await call(u['rep1']!, 'POST', RECORDS, { data: { name: 'X', revenue: 5 } });
      expect(hidden.status).toBe(403);
      expect(hidden.body.error).toMatchObject({ code: 'FIELD_READ_ONLY', details: [{ path: '/data/revenue' }] });
      expect((await call(u['rep1']!, 'POST', RECORDS, { data: { name: 'X', phone: '13800000000' } })).body.error.details).toEqual([expect.objectContaining({ path: '/data/phone' })]);
      expect((await call(u['mgr']!, 'POST', RECORDS, { data: { name: 'X', phone: '13800000000' } })).body.error.code).toBe('FIELD_READ_ONLY');
      // empty values of fields the caller may not write are ignored on create (a whole blank form)
      const blank = await call(u['rep1']!, 'POST', RECORDS, { data: { name: 'Blank Co', phone: null, revenue: null, owner: null } });
      expect(blank.status, blank.raw).toBe(201);
      expect(blank.body.ownerId).toBe(u['rep1']);
      // the owner: only with manage
      expect((await call(u['rep1']!, 'POST', RECORDS, { data: { name: 'X', owner: u['rep2'] } })).body.error).toMatchObject({ code: 'FIELD_READ_ONLY', details: [{ path: '/data/owner' }] });
      const assigned = await call(u['director']!, 'POST', RECORDS, { data: { name: 'Assigned Co', owner: u['rep2'] } });
      expect(assigned.status).toBe(201);
      expect(assigned.body.ownerId).toBe(u['rep2']);
      rec['assigned'] = { id: assigned.body.id, version: assigned.body.version };
      // an API key narrowed to view cannot create
      const key = await call(u['director']!, 'POST', RECORDS, { data: { name: 'Key Co' } }, ['view']);
      expect(key.status).toBe(403);
      expect(key.body.error.code).toBe('PERMISSION_DENIED');
    });

    it('updates inside the edit scope only: outside the view scope 404, read-only fields 403', async () => {
      const ok = await call(u['rep1']!, 'PATCH', `${RECORDS}/${rec['r1']!.id}`, { version: rec['r1']!.version, data: { name: 'Rep One Ltd' } });
      expect(ok.status, ok.raw).toBe(200);
      expect(ok.body.data).toEqual({ name: 'Rep One Ltd', phone: '138****1234', email: 'one@example.com', owner: u['rep1'] });
      rec['r1']!.version = ok.body.version;
      expect((await call(u['rep1']!, 'PATCH', `${RECORDS}/${rec['r2']!.id}`, { version: 1, data: { name: 'Hijack' } })).status).toBe(404);
      const ro = await call(u['rep1']!, 'PATCH', `${RECORDS}/${rec['r1']!.id}`, { version: rec['r1']!.version, data: { phone: '13800000000', secret: 'x' } });
      expect(ro.status).toBe(403);
      expect(ro.body.error.details.map((x: any) => x.path).sort()).toEqual(['/data/phone', '/data/secret']);
      // a whole form sent back: read-only and masked fields unchanged are ignored; a hidden field is never compared
      const whole = await call(u['rep1']!, 'PATCH', `${RECORDS}/${rec['r1']!.id}`, { version: rec['r1']!.version, data: { ...ok.body.data, email: 'one@example.org' } });
      expect(whole.status, whole.raw).toBe(200);
      expect(whole.body.data.phone).toBe('138****1234');
      rec['r1']!.version = whole.body.version;
      // a hidden field: a value is refused; sent back empty (a whole form) it touches nothing
      const hidden = await call(u['rep1']!, 'PATCH', `${RECORDS}/${rec['r1']!.id}`, { version: rec['r1']!.version, data: { revenue: 1 } });
      expect(hidden.body.error).toMatchObject({ code: 'FIELD_READ_ONLY', details: [{ path: '/data/revenue' }] });
      const before = (await call(u['admin']!, 'GET', `${RECORDS}/${rec['r1']!.id}`)).body.data;
      const emptied = await call(u['rep1']!, 'PATCH', `${RECORDS}/${rec['r1']!.id}`, { version: rec['r1']!.version, data: { revenue: null } });
      expect(emptied.status, emptied.raw).toBe(200);
      expect(emptied.body.data).not.toHaveProperty('revenue');
      rec['r1']!.version = emptied.body.version;
      expect((await call(u['admin']!, 'GET', `${RECORDS}/${rec['r1']!.id}`)).body.data).toEqual(before);
      const key = await call(u['director']!, 'PATCH', `${RECORDS}/${rec['r1']!.id}`, { version: rec['r1']!.version, data: { name: 'Key' } }, ['view']);
      expect(key.status).toBe(403);
      expect(key.body.error.code).toBe('PERMISSION_DENIED');
      // the manager may not reassign the owner (no manage); the director may
      expect((await call(u['mgr']!, 'PATCH', `${RECORDS}/${rec['r2']!.id}`, { version: rec['r2']!.version, data: { owner: u['rep1'] } })).body.error.code).toBe('FIELD_READ_ONLY');
    });

    it('deletes and restores only with the delete action inside its scope', async () => {
      const rep = await call(u['rep1']!, 'DELETE', `${RECORDS}/${rec['r1']!.id}`);
      expect(rep.status).toBe(403);
      expect(rep.body.error.code).toBe('PERMISSION_DENIED');
      expect((await call(u['rep1']!, 'DELETE', `${RECORDS}/${rec['r2']!.id}`)).status).toBe(404);
      expect((await call(u['mgr']!, 'DELETE', `${RECORDS}/${rec['rD']!.id}`)).status).toBe(404);
      const del = await call(u['mgr']!, 'DELETE', `${RECORDS}/${rec['r2']!.id}`);
      expect(del.status).toBe(200);
      expect(del.body.data).not.toHaveProperty('secret');
      expect((await call(u['rep2']!, 'GET', `${RECORDS}?deleted=true`)).status).toBe(403);
      expect((await call(u['mgr']!, 'GET', `${RECORDS}?deleted=true`)).body.items.map((r: any) => r.id)).toEqual([rec['r2']!.id]);
      // in rep2's view scope (their own record), but reps hold no delete right
      expect((await call(u['rep2']!, 'POST', `${RECORDS}/${rec['r2']!.id}/restore`)).status).toBe(403);
      const restored = await call(u['mgr']!, 'POST', `${RECORDS}/${rec['r2']!.id}/restore`);
      expect(restored.status).toBe(200);
      rec['r2']!.version = restored.body.version;
    });

    it('shows history only for records in view scope, with hidden fields removed and masked ones masked', async () => {
      const h = await call(u['rep1']!, 'GET', `${RECORDS}/${rec['r1']!.id}/history`);
      expect(h.status).toBe(200);
      expect(h.body.items.length).toBeGreaterThanOrEqual(2);
      expect(h.raw).not.toContain('13812341234');
      expect(h.body.items[0].after.data).toEqual({ name: 'Rep One Ltd', phone: '138****1234', email: 'one@example.org', owner: u['rep1'] });
      expect((await call(u['rep1']!, 'GET', `${RECORDS}/${rec['rD']!.id}/history`)).status).toBe(404);
      const dir = await call(u['director']!, 'GET', `${RECORDS}/${rec['rD']!.id}/history`);
      expect(dir.body.items[0].after.data.secret).toBe('hush-money');
    });

    it('relation pickers show only the target rows in view scope, with display fields hidden or masked', async () => {
      const url = '/api/apps/sales/forms/deal/fields/customer/options';
      const rep = await call(u['rep1']!, 'GET', `${url}?search=Rep`);
      expect(rep.status).toBe(200);
      expect(rep.body.items).toEqual([{ id: rec['r1']!.id, title: 'Rep One Ltd', fields: { name: 'Rep One Ltd', phone: '138****1234' } }]);
      // every row a rep may pick is their own
      expect((await call(u['rep1']!, 'GET', url)).body.items.map((i: any) => i.title).sort()).toEqual(['Blank Co', 'Rep One Ltd']);
      const chosen = await call(u['rep1']!, 'GET', `${url}?ids=${rec['r2']!.id},${rec['rD']!.id}`);
      expect(chosen.body.items).toEqual([]);
      const dir = await call(u['director']!, 'GET', `${url}?search=Board`);
      expect(dir.body.items).toEqual([{ id: rec['rD']!.id, title: 'Board Co', fields: { name: 'Board Co', phone: '13700002222', revenue: 900 } }]);
      // the manager holds no right on deals
      expect((await call(u['mgr']!, 'GET', url)).status).toBe(404);
    });

    it('related display values of a deal follow the customer form rights', async () => {
      const deal = await call(u['rep1']!, 'POST', '/api/apps/sales/forms/deal/records', { data: { title: 'Deal 1', customer: rec['r1']!.id } });
      expect(deal.status, deal.raw).toBe(201);
      rec['deal1'] = { id: deal.body.id, version: deal.body.version };
      const got = await call(u['rep1']!, 'GET', `/api/apps/sales/forms/deal/records/${deal.body.id}`);
      expect(got.body.related.customer[rec['r1']!.id]).toEqual({ title: 'Rep One Ltd', fields: { name: 'Rep One Ltd', phone: '138****1234' } });
      // lookups follow the rights on their source field: masked phone, hidden revenue
      expect(got.body.data.customer_phone).toBe('138****1234');
      expect(got.body.data).not.toHaveProperty('customer_revenue');
      expect(got.raw).not.toContain('13812341234');
      const dir = await call(u['director']!, 'GET', `/api/apps/sales/forms/deal/records/${deal.body.id}`);
      expect(dir.body.data.customer_phone).toBe('13812341234');
    });

    it('a relation may only point at records the caller may view (the same 400 as an unknown id)', async () => {
      const other = await call(u['rep1']!, 'POST', '/api/apps/sales/forms/deal/records', { data: { title: 'Poach', customer: rec['r2']!.id } });
      expect(other.status).toBe(400);
      expect(other.body.error).toMatchObject({ code: 'RECORD_RELATION_INVALID', details: [{ path: '/data/customer' }] });
      const patch = await call(u['rep1']!, 'PATCH', `/api/apps/sales/forms/deal/records/${rec['deal1']!.id}`, { version: rec['deal1']!.version, data: { customer: rec['rD']!.id } });
      expect(patch.body.error.code).toBe('RECORD_RELATION_INVALID');
    });

    it('serves an attached file only to callers who may view its record and read its field', async () => {
      const boundary = '----trellistest';
      const body = Buffer.concat([
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="offer.txt"\r\nContent-Type: text/plain\r\n\r\n`),
        Buffer.from('the offer'),
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      const up = await app.inject({ method: 'POST', url: '/api/apps/sales/forms/deal/fields/files/files', payload: body, headers: { ...(await creds.headers(u['rep1']!)), 'content-type': `multipart/form-data; boundary=${boundary}` } });
      expect(up.statusCode, up.body).toBe(201);
      const ref = up.json();
      const attached = await call(u['rep1']!, 'PATCH', `/api/apps/sales/forms/deal/records/${rec['deal1']!.id}`, { version: rec['deal1']!.version, data: { files: [ref] } });
      expect(attached.status, attached.raw).toBe(200);
      rec['deal1']!.version = attached.body.version;
      const get = async (user: string | null) => (await app.inject({ method: 'GET', url: `/api/files/${ref.id}`, headers: user === null ? {} : await creds.headers(user) })).statusCode;
      expect(await get(u['rep1']!)).toBe(200);
      expect(await get(u['director']!)).toBe(200);
      expect(await get(u['rep2']!)).toBe(404); // the deal is outside rep2's scope
      expect(await get(u['mgr']!)).toBe(404); // no right on deals
      expect(await get(null)).toBe(401);
      // the manager cannot upload to a form they hold no right on
      const mgrUp = await app.inject({ method: 'POST', url: '/api/apps/sales/forms/deal/fields/files/files', payload: body, headers: { ...(await creds.headers(u['mgr']!)), 'content-type': `multipart/form-data; boundary=${boundary}` } });
      expect(mgrUp.statusCode).toBe(404);
    });

    it('a duplicate on a unique field does not reveal the other record to someone who cannot see it', async () => {
      const dup = await call(u['rep1']!, 'POST', RECORDS, { data: { name: 'Copy', email: 'two@example.com' } });
      expect(dup.status).toBe(409);
      expect(dup.body.error.code).toBe('RECORD_DUPLICATE');
      expect(dup.raw).not.toContain(rec['r2']!.id);
      expect(dup.body.error.details[0]).not.toHaveProperty('recordId');
      const mine = await call(u['mgr']!, 'POST', RECORDS, { data: { name: 'Copy', email: 'two@example.com' } });
      expect(mine.body.error.details[0].recordId).toBe(rec['r2']!.id);
    });

    it('answers the effective permissions for the web app', async () => {
      const rep = await call(u['rep1']!, 'GET', '/api/apps/sales/permissions');
      expect(rep.body).toEqual({
        isAdmin: false,
        design: false,
        roles: ['rep'],
        forms: {
          customer: { actions: ['view', 'create', 'edit'], fields: { name: 'editable', phone: 'masked', email: 'editable', revenue: 'hidden', secret: 'hidden', owner: 'readonly' } },
          deal: { actions: ['view', 'create', 'edit'], fields: { title: 'editable', customer: 'editable', files: 'editable', customer_phone: 'masked', customer_revenue: 'hidden' } },
        },
      });
      const dir = await call(u['director']!, 'GET', '/api/apps/sales/permissions');
      expect(dir.body.roles).toEqual(['director']);
      expect(dir.body.forms.customer.fields.owner).toBe('editable');
      expect((await call(u['outsider']!, 'GET', '/api/apps/sales/permissions')).status).toBe(404);
    });

    it('lists only the apps where the caller holds a role, and gates the package, drafts and import', async () => {
      expect((await call(u['rep1']!, 'GET', '/api/apps')).body.items.map((a: any) => a.key)).toEqual(['sales']);
      expect((await call(u['outsider']!, 'GET', '/api/apps')).body.items).toEqual([]);
      expect((await call(u['outsider']!, 'GET', '/api/apps/sales')).status).toBe(404);
      const asRep = await call(u['rep1']!, 'GET', '/api/apps/sales');
      expect(asRep.status).toBe(200);
      expect(asRep.body.package).not.toHaveProperty('roles');
      expect((await call(u['rep1']!, 'GET', '/api/apps/sales/package')).status).toBe(403);
      expect((await call(u['rep1']!, 'GET', '/api/apps/sales/draft')).status).toBe(403);
      const pkg = await call(u['designer']!, 'GET', '/api/apps/sales/package');
      expect(pkg.status).toBe(200);
      // in the package's order
      expect(pkg.body.roles.map((r: any) => r.key)).toEqual(permissionsPackage().roles.map((r: any) => r.key));
      expect(pkg.body.roles[0]).not.toHaveProperty('members');
      const fresh = { ...permissionsPackage(), app: { key: 'other', name: 'Other' }, roles: [] };
      expect((await call(u['designer']!, 'POST', '/api/apps/import', fresh)).status).toBe(403);
      expect((await call(u['designer']!, 'GET', '/api/apps/sales/draft')).status).toBe(200);
      // public links: manage on the form
      const links = '/api/apps/sales/forms/customer/public-links';
      expect((await call(u['rep1']!, 'GET', links)).status).toBe(403);
      expect((await call(u['rep1']!, 'POST', links, {})).status).toBe(403);
      expect((await call(u['director']!, 'POST', links, {})).status).toBe(201);
      expect((await call(u['outsider']!, 'GET', links)).status).toBe(404);
    });

    it('role management: only designers and administrators, definitions checked, nobody grants what they do not hold', async () => {
      expect((await call(u['rep1']!, 'GET', '/api/apps/sales/roles')).status).toBe(403);
      const bad = await call(u['admin']!, 'POST', '/api/apps/sales/roles', {
        key: 'bad',
        name: 'Bad',
        forms: { nope: { actions: ['view'] }, customer: { actions: ['view', 'fly'], scope: { '==': [{ var: 'missing' }, 1] }, fields: { ghost: 'hidden', name: 'blurred' } } },
      });
      expect(bad.status).toBe(400);
      expect(bad.body.error.code).toBe('ROLE_INVALID');
      expect(bad.body.error.details.map((x: any) => x.path)).toEqual(
        expect.arrayContaining(['/forms/nope', '/forms/customer/actions/1', '/forms/customer/fields/ghost', '/forms/customer/fields/name', expect.stringMatching(/^\/forms\/customer\/scope/)]),
      );
      const escalate = await call(u['designer']!, 'POST', '/api/apps/sales/roles', { key: 'boss', name: 'Boss', forms: { customer: { actions: ['view', 'delete'], fields: { secret: 'hidden' } } } });
      expect(escalate.status).toBe(403);
      expect(escalate.body.error).toMatchObject({ code: 'ROLE_GRANT_FORBIDDEN', details: [{ path: '/forms/customer/actions/1' }] });
      const unnamed = await call(u['designer']!, 'POST', '/api/apps/sales/roles', { key: 'peek', name: 'Peek', forms: { customer: { actions: ['view'] } } });
      expect(unnamed.body.error.details).toEqual([expect.objectContaining({ path: '/forms/customer/fields/secret' })]);
      const fine = await call(u['designer']!, 'POST', '/api/apps/sales/roles', { key: 'viewer', name: 'Viewer', design: true, forms: { customer: { actions: ['view'], fields: { secret: 'hidden', phone: 'masked' } } } });
      expect(fine.status, fine.raw).toBe(201);
      // the designer cannot hand out the director role, nor widen their own
      expect((await call(u['designer']!, 'PUT', `/api/apps/sales/roles/${roles['director']!.id}/members`, { members: [{ userId: u['designer'] }] })).status).toBe(403);
      const widen = await call(u['designer']!, 'PATCH', `/api/apps/sales/roles/${fine.body.id}`, { version: fine.body.version, forms: { customer: { actions: ['view', 'edit'] } } });
      expect(widen.status).toBe(403);
      const members = await call(u['designer']!, 'PUT', `/api/apps/sales/roles/${fine.body.id}/members`, { members: [{ userId: u['outsider'] }] });
      expect(members.status).toBe(200);
      // changes take effect on the next request
      expect((await call(u['outsider']!, 'GET', RECORDS)).body.items).toHaveLength(5);
      expect((await call(u['designer']!, 'DELETE', `/api/apps/sales/roles/${fine.body.id}`)).status).toBe(204);
      expect((await call(u['outsider']!, 'GET', RECORDS)).status).toBe(404);
    });

    it('departments: reads for users, writes for administrators, no cycles, no deleting non-empty ones', async () => {
      expect((await call(u['rep1']!, 'GET', '/api/departments')).body.items).toHaveLength(4);
      expect((await call(u['rep1']!, 'POST', '/api/departments', { name: 'Mine' })).status).toBe(403);
      const sales = (await call(u['admin']!, 'GET', '/api/departments')).body.items.find((x: any) => x.id === d['sales']);
      expect(sales).toMatchObject({ managerIds: [u['mgr']], memberCount: 1, parentId: null });
      const cycle = await call(u['admin']!, 'PATCH', `/api/departments/${d['sales']}`, { version: sales.version, parentId: d['east'] });
      expect(cycle.status).toBe(400);
      expect(cycle.body.error).toMatchObject({ code: 'DEPARTMENT_CYCLE', details: [{ path: '/parentId' }] });
      const full = await call(u['admin']!, 'DELETE', `/api/departments/${d['east']}`);
      expect(full.status).toBe(409);
      expect(full.body.error.code).toBe('DEPARTMENT_NOT_EMPTY');
      expect((await call(u['admin']!, 'PATCH', `/api/departments/${d['sales']}`, { version: sales.version - 1, name: 'Old' })).status).toBe(409);
    });

    it('exports as CSV only with the export right: rows of the view and export scopes, hidden fields left out, masked ones masked', async () => {
      const csv = async (user: string | null, keyActions?: any[], query = '') => {
        const res = await app.inject({ method: 'GET', url: `${RECORDS}/export${query}`, headers: user === null ? {} : await creds.headers(user, keyActions) });
        return { status: res.statusCode, body: res.body, type: res.headers['content-type'] };
      };
      const analyst = await csv(u['analyst']!, undefined, '?sort=name');
      expect(analyst.status, analyst.body).toBe(200);
      expect(analyst.type).toBe('text/csv; charset=utf-8');
      const lines = analyst.body.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
      expect(lines[0]).toBe('Name,Phone,Email,Owner');
      // exactly the rows the analyst's list shows, in its order
      const listed = (await call(u['analyst']!, 'GET', `${RECORDS}?sort=name&limit=1000`)).body.items.map((r: any) => r.data.name);
      expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(listed);
      expect(lines).toContain(`Rep Two Co,139****1111,two@example.com,${u['rep2']}`);
      expect(analyst.body).not.toContain('13812341234');
      expect(analyst.body).not.toContain('Board Co');
      // a filter on a hidden field is refused here too
      expect((await csv(u['analyst']!, undefined, `?filter=${encodeURIComponent(JSON.stringify({ '>': [{ var: 'revenue' }, 1] }))}`)).status).toBe(400);

      // roles without export, an API key narrowed to view, nobody logged in
      expect((await csv(u['rep1']!)).status).toBe(403);
      expect((await csv(u['director']!, ['view'])).status).toBe(403);
      expect((await csv(null)).status).toBe(401);
      expect((await csv(u['outsider']!)).status).toBe(404);

      // the director exports every row in clear, and what someone typed as a formula stays text
      const typed = await call(u['director']!, 'POST', RECORDS, { data: { name: '=HYPERLINK("http://evil")' } });
      expect(typed.status, typed.raw).toBe(201);
      const all = await csv(u['director']!, undefined, '?sort=name');
      expect(all.status).toBe(200);
      expect(all.body).toContain('13812341234');
      expect(all.body).toContain('Board Co,13700002222,board@example.com');
      expect(all.body).toContain(`"'=HYPERLINK(""http://evil"")"`);
      const everything = (await call(u['director']!, 'GET', `${RECORDS}?limit=1000`)).body.items.length;
      expect(all.body.trimEnd().split('\r\n')).toHaveLength(everything + 1);
    });

    it('the people directory names active users to any logged-in person, and nothing more about them', async () => {
      const dir = await call(u['designer']!, 'GET', '/api/users/directory?q=rep');
      expect(dir.status).toBe(200);
      expect(dir.body.items).toEqual([
        { id: u['rep1'], username: 'rep1', displayName: 'rep1' },
        { id: u['rep2'], username: 'rep2', displayName: 'rep2' },
      ]);
      expect((await call(u['designer']!, 'GET', '/api/users')).status).toBe(403);
      expect((await call(null, 'GET', '/api/users/directory')).status).toBe(401);
      await store.db.updateTable('trellis.users').set({ status: 'suspended' }).where('id', '=', u['rep2']!).execute();
      expect((await call(u['designer']!, 'GET', '/api/users/directory?q=rep')).body.items.map((x: any) => x.username)).toEqual(['rep1']);
      await store.db.updateTable('trellis.users').set({ status: 'active' }).where('id', '=', u['rep2']!).execute();
    });
  });
}
