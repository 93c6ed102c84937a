import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, openTestStore, type Store } from '../src/index.js';
import { crmPackage, testCatalog } from './fixtures.js';

const U1 = '00000000-0000-4000-8000-000000000001';
const U2 = '00000000-0000-4000-8000-000000000002';
const own = { '==': [{ var: 'owner_id' }, { var: '$user.id' }] };
const small = { '<': [{ var: 'employees' }, 100] };

for (const dialect of DIALECTS) {
  describe(`row access inside record reads and writes (${dialect})`, () => {
    let store: Store;
    beforeAll(async () => {
      store = await openTestStore(dialect, testCatalog);
      await store.apps.publish(crmPackage(), { actor: null });
    });
    afterAll(async () => {
      await store?.close();
    });

    it('get answers RECORD_NOT_FOUND outside the view scope, in the same query', async () => {
      const mine = await store.records.create('crm', 'customer', { name: 'Mine' }, { actor: U1 });
      const access = { view: own, ctx: { user: { id: U1 } } };
      expect((await store.records.get('crm', 'customer', mine.id, { access })).id).toBe(mine.id);
      await expect(store.records.get('crm', 'customer', mine.id, { access: { view: own, ctx: { user: { id: U2 } } } })).rejects.toMatchObject({ code: 'RECORD_NOT_FOUND' });
      await expect(store.records.get('crm', 'customer', mine.id, { access: { view: false } })).rejects.toMatchObject({ code: 'RECORD_NOT_FOUND' });
    });

    it('an update outside the edit scope, or moving the record out of it, is PERMISSION_DENIED and writes nothing', async () => {
      const r = await store.records.create('crm', 'customer', { name: 'Small', employees: 10 }, { actor: U1 });
      const ctx = { user: { id: U1 } };
      const access = { view: own, action: small, ctx };
      const ok = await store.records.update('crm', 'customer', r.id, { version: 1, data: { employees: 20 } }, { actor: U1, access });
      expect(ok.version).toBe(2);
      await expect(store.records.update('crm', 'customer', r.id, { version: 2, data: { employees: 500 } }, { actor: U1, access })).rejects.toMatchObject({ code: 'PERMISSION_DENIED', status: 403 });
      expect((await store.records.get('crm', 'customer', r.id)).data['employees']).toBe(20);
      await expect(store.records.update('crm', 'customer', r.id, { version: 2, data: { name: 'x' } }, { actor: U2, access: { view: own, ctx: { user: { id: U2 } } } })).rejects.toMatchObject({ code: 'RECORD_NOT_FOUND' });
      await expect(store.records.softDelete('crm', 'customer', r.id, { actor: U1, access: { view: own, action: false, ctx } })).rejects.toMatchObject({ code: 'PERMISSION_DENIED' });
      const deleted = await store.records.softDelete('crm', 'customer', r.id, { actor: U1, access: { view: own, action: own, ctx } });
      expect(deleted.deletedAt).not.toBeNull();
      await expect(store.records.restore('crm', 'customer', r.id, { actor: U2, access: { view: own, action: own, ctx: { user: { id: U2 } } } })).rejects.toMatchObject({ code: 'RECORD_NOT_FOUND' });
    });

    it('a create outside the create scope is refused and leaves no record', async () => {
      const before = (await store.records.list('crm', 'customer')).total;
      await expect(store.records.create('crm', 'customer', { name: 'Big', employees: 1000 }, { actor: U1, access: { action: small } })).rejects.toMatchObject({ code: 'PERMISSION_DENIED' });
      expect((await store.records.list('crm', 'customer')).total).toBe(before);
    });

    it('a list searches only the given fields', async () => {
      await store.records.create('crm', 'customer', { name: 'Plain', notes: 'needle' }, { actor: U1 });
      expect((await store.records.list('crm', 'customer', { q: 'needle' })).total).toBe(1);
      expect((await store.records.list('crm', 'customer', { q: 'needle', searchFields: ['name'] })).total).toBe(0);
      expect((await store.records.list('crm', 'customer', { scope: false })).total).toBe(0);
    });
  });
}
