import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, openTestStore, type Store } from '../src/index.js';
import { crmPackage, testCatalog } from './fixtures.js';

const USER = '11111111-1111-4111-8111-111111111111';
const OTHER = '22222222-2222-4222-8222-222222222222';

const fullData = {
  name: '华为技术有限公司',
  notes: 'line 1\nline 2',
  employees: 1200.25,
  founded: '1987-09-15',
  last_contact: '2026-11-22T06:40:00.123Z',
  industry: 'manufacturing',
  tags: ['it', 'retail'],
  active: true,
  extra: { nested: [1, 'two', { three: null }] },
  partner: OTHER,
};

for (const dialect of DIALECTS) {
  describe(`records (${dialect})`, () => {
    let store: Store;
    beforeAll(async () => {
      store = await openTestStore(dialect, testCatalog);
      await store.apps.publish(crmPackage(), { actor: USER });
    });
    afterAll(async () => {
      await store?.close();
    });

    it('creates a record and reads it back in the wire shape with every value type intact', async () => {
      const created = await store.records.create('crm', 'customer', fullData, { actor: USER });
      expect(created).toMatchObject({ version: 1, createdBy: USER, updatedBy: USER, ownerId: USER, deptId: null, deletedAt: null });
      expect(created.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(created.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      expect(created.data).toEqual(fullData);
      expect(await store.records.get('crm', 'customer', created.id)).toEqual(created);
    });

    it('gives every field of the form a key in data, null when empty', async () => {
      const r = await store.records.create('crm', 'customer', { name: 'Empty' }, { actor: null });
      expect(r.data).toEqual({ name: 'Empty', notes: null, employees: null, founded: null, last_contact: null, industry: null, tags: null, active: null, extra: null, partner: null });
      expect(r.createdBy).toBeNull();
    });

    it('stores json arrays and strings as json, not as Postgres arrays or double-encoded text', async () => {
      const a = await store.records.create('crm', 'customer', { extra: ['x', 1] }, { actor: null });
      const b = await store.records.create('crm', 'customer', { extra: 'plain', tags: [] }, { actor: null });
      expect((await store.records.get('crm', 'customer', a.id)).data.extra).toEqual(['x', 1]);
      expect((await store.records.get('crm', 'customer', b.id)).data).toMatchObject({ extra: 'plain', tags: [] });
      const { rows } = await sql<{ t: string }>`select jsonb_typeof(extra) as t from app_crm.customer where id = ${b.id}`.execute(store.db);
      expect(rows[0]!.t).toBe('string');
    });

    it('refuses data naming fields the form does not have, listing each, and writes nothing', async () => {
      const before = await store.records.list('crm', 'customer', { limit: 1000 });
      await expect(store.records.create('crm', 'customer', { name: 'x', bogus: 1, heading: 'h' }, { actor: null })).rejects.toMatchObject({
        code: 'STORE_FIELD_UNKNOWN',
        status: 400,
        details: [{ path: '/data/bogus' }, { path: '/data/heading' }],
      });
      expect((await store.records.list('crm', 'customer', { limit: 1000 })).total).toBe(before.total);
    });

    it('maps a value the column refuses to STORE_VALUE_INVALID', async () => {
      await expect(store.records.create('crm', 'customer', { employees: 'many' }, { actor: null })).rejects.toMatchObject({ code: 'STORE_VALUE_INVALID', status: 400 });
      await expect(store.records.create('crm', 'customer', { founded: '2024-02-30' }, { actor: null })).rejects.toMatchObject({ code: 'STORE_VALUE_INVALID' });
    });

    it('updates only the given fields, bumps the version and records who changed it', async () => {
      const r = await store.records.create('crm', 'customer', { name: 'Acme', employees: 5 }, { actor: USER });
      const u = await store.records.update('crm', 'customer', r.id, { version: 1, data: { employees: 6, active: false } }, { actor: OTHER });
      expect(u).toMatchObject({ version: 2, createdBy: USER, updatedBy: OTHER, data: { name: 'Acme', employees: 6, active: false } });
      expect(u.updatedAt >= r.updatedAt).toBe(true);
    });

    it('a stale version is refused with 409 RECORD_VERSION_CONFLICT and the row is unchanged', async () => {
      const r = await store.records.create('crm', 'customer', { name: 'Stale' }, { actor: null });
      await store.records.update('crm', 'customer', r.id, { version: 1, data: { name: 'First' } }, { actor: null });
      await expect(store.records.update('crm', 'customer', r.id, { version: 1, data: { name: 'Second' } }, { actor: null })).rejects.toMatchObject({
        code: 'RECORD_VERSION_CONFLICT',
        status: 409,
      });
      expect(await store.records.get('crm', 'customer', r.id)).toMatchObject({ version: 2, data: { name: 'First' } });
      const audit = await store.audit.list({ app: 'crm', form: 'customer', recordId: r.id });
      expect(audit.map((a) => a.action)).toEqual(['update', 'create']);
    });

    it('of two concurrent updates at one version exactly one wins', async () => {
      const r = await store.records.create('crm', 'customer', { name: 'Race' }, { actor: null });
      const results = await Promise.allSettled(
        ['A', 'B', 'C'].map((n) => store.records.update('crm', 'customer', r.id, { version: 1, data: { name: n } }, { actor: null })),
      );
      expect(results.filter((x) => x.status === 'fulfilled')).toHaveLength(1);
      expect(results.filter((x) => x.status === 'rejected').map((x) => (x as PromiseRejectedResult).reason.code)).toEqual(['RECORD_VERSION_CONFLICT', 'RECORD_VERSION_CONFLICT']);
      expect((await store.records.get('crm', 'customer', r.id)).version).toBe(2);
    });

    it('a missing record is 404 RECORD_NOT_FOUND for get, update, delete and restore', async () => {
      const id = '33333333-3333-4333-8333-333333333333';
      for (const call of [
        () => store.records.get('crm', 'customer', id),
        () => store.records.get('crm', 'customer', 'not-a-uuid'),
        () => store.records.update('crm', 'customer', id, { version: 1, data: {} }, { actor: null }),
        () => store.records.softDelete('crm', 'customer', id, { actor: null }),
        () => store.records.restore('crm', 'customer', id, { actor: null }),
      ]) {
        await expect(call()).rejects.toMatchObject({ code: 'RECORD_NOT_FOUND', status: 404 });
      }
    });

    it('unknown apps and forms are 404', async () => {
      await expect(store.records.list('nope', 'customer')).rejects.toMatchObject({ code: 'STORE_APP_NOT_FOUND', status: 404 });
      await expect(store.records.create('crm', 'nope', {}, { actor: null })).rejects.toMatchObject({ code: 'STORE_FORM_NOT_FOUND', status: 404 });
    });

    it('soft delete moves a record to the recycle bin and restore brings it back, unchanged', async () => {
      const r = await store.records.create('crm', 'customer', { name: 'Binned' }, { actor: USER });
      const deleted = await store.records.softDelete('crm', 'customer', r.id, { actor: OTHER });
      expect(deleted.deletedAt).not.toBeNull();
      expect(deleted.version).toBe(2);
      await expect(store.records.get('crm', 'customer', r.id)).rejects.toMatchObject({ code: 'RECORD_NOT_FOUND' });
      expect((await store.records.get('crm', 'customer', r.id, { includeDeleted: true })).data).toEqual(r.data);
      await expect(store.records.update('crm', 'customer', r.id, { version: 2, data: { name: 'x' } }, { actor: null })).rejects.toMatchObject({ code: 'RECORD_NOT_FOUND' });
      const bin = await store.records.list('crm', 'customer', { deleted: true });
      expect(bin.items.map((i) => i.id)).toContain(r.id);
      const live = await store.records.list('crm', 'customer', { limit: 1000 });
      expect(live.items.map((i) => i.id)).not.toContain(r.id);

      const restored = await store.records.restore('crm', 'customer', r.id, { actor: USER });
      expect(restored).toMatchObject({ deletedAt: null, version: 3, data: r.data });
      expect((await store.records.list('crm', 'customer', { deleted: true })).items.map((i) => i.id)).not.toContain(r.id);
      await expect(store.records.restore('crm', 'customer', r.id, { actor: null })).rejects.toMatchObject({ code: 'RECORD_NOT_FOUND' });
    });

    it('a delete carrying a stale version is refused with 409', async () => {
      const r = await store.records.create('crm', 'customer', { name: 'D' }, { actor: null });
      await store.records.update('crm', 'customer', r.id, { version: 1, data: { name: 'D2' } }, { actor: null });
      await expect(store.records.softDelete('crm', 'customer', r.id, { actor: null, version: 1 })).rejects.toMatchObject({ code: 'RECORD_VERSION_CONFLICT' });
      expect((await store.records.get('crm', 'customer', r.id)).deletedAt).toBeNull();
    });

    it('every write leaves an audit row with actor, time, before, after and ip', async () => {
      const r = await store.records.create('crm', 'contact', { full_name: 'Li Lei' }, { actor: USER, ip: '10.0.0.7' });
      const u = await store.records.update('crm', 'contact', r.id, { version: 1, data: { email: 'li@example.com' } }, { actor: OTHER });
      const d = await store.records.softDelete('crm', 'contact', r.id, { actor: OTHER });
      const back = await store.records.restore('crm', 'contact', r.id, { actor: USER });
      const entries = await store.audit.list({ app: 'crm', form: 'contact', recordId: r.id });
      expect(entries.map((e) => [e.action, e.actor])).toEqual([
        ['restore', USER],
        ['delete', OTHER],
        ['update', OTHER],
        ['create', USER],
      ]);
      expect(entries[3]).toMatchObject({ before: null, after: r, ip: '10.0.0.7', recordId: r.id, form: 'contact' });
      expect(entries[2]).toMatchObject({ before: r, after: u });
      expect(entries[1]).toMatchObject({ before: u, after: d });
      expect(entries[0]).toMatchObject({ before: d, after: back });
      expect(entries[0]!.at).toMatch(/Z$/);
    });

    it('an audit failure rolls the record write back (one transaction)', async () => {
      await sql`alter table trellis.audit_log add constraint no_blocked check (actor is distinct from 'blocked')`.execute(store.db);
      try {
        const before = (await store.records.list('crm', 'contact', { limit: 1000 })).total;
        await expect(store.records.create('crm', 'contact', { full_name: 'Ghost' }, { actor: 'blocked' })).rejects.toThrow();
        expect((await store.records.list('crm', 'contact', { limit: 1000 })).total).toBe(before);
      } finally {
        await sql`alter table trellis.audit_log drop constraint no_blocked`.execute(store.db);
      }
    });
  });
}
