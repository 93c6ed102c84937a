import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, openTestStore, type Store } from '../src/index.js';
import { field, form, pkg, testCatalog } from './fixtures.js';

const members = (unique: boolean) =>
  pkg('club', [form('member', [field('name', 'text'), field('phone', 'phone', unique ? { options: { unique: true } } : {}), field('email', 'email')])]);

async function uniqueIndexes(store: Store): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`select indexname as name from pg_indexes where schemaname = 'app_club' and indexname like 'uq\\_%' order by 1`.execute(store.db);
  return rows.map((r) => r.name);
}

for (const dialect of DIALECTS) {
  describe(`unique fields (${dialect})`, () => {
    let store: Store;
    beforeAll(async () => {
      store = await openTestStore(dialect, testCatalog);
    });
    afterAll(async () => {
      await store?.close();
    });

    it('publishing a field with options.unique creates a unique index among live records', async () => {
      await store.apps.publish(members(true), { actor: null });
      expect(await uniqueIndexes(store)).toHaveLength(1);
    });

    it('a second record with the same value is refused with RECORD_DUPLICATE naming the field and the existing record', async () => {
      const first = await store.records.create('club', 'member', { name: 'A', phone: '13812341234' }, { actor: null });
      const err = await store.records.create('club', 'member', { name: 'B', phone: '13812341234' }, { actor: null }).catch((e: unknown) => e);
      expect(err).toMatchObject({ code: 'RECORD_DUPLICATE', status: 409, details: [{ path: '/data/phone' }] });
      expect((err as Error).message).toContain(`field 'phone' of form 'member' must be unique`);
      expect((err as Error).message).toContain(first.id);
      expect((await store.records.list('club', 'member')).items).toHaveLength(1);
    });

    it('an update to a value another record holds is refused the same way, and nothing is written', async () => {
      const first = (await store.records.list('club', 'member')).items[0]!;
      const second = await store.records.create('club', 'member', { name: 'C', phone: '13912345678' }, { actor: null });
      const err = await store.records.update('club', 'member', second.id, { version: second.version, data: { phone: '13812341234' } }, { actor: null }).catch((e: unknown) => e);
      expect(err).toMatchObject({ code: 'RECORD_DUPLICATE', status: 409 });
      expect((err as Error).message).toContain(first.id);
      expect((await store.records.get('club', 'member', second.id)).data['phone']).toBe('13912345678');
      // updating other fields of a record keeps its own value: no false duplicate
      await store.records.update('club', 'member', first.id, { version: first.version, data: { name: 'A2' } }, { actor: null });
    });

    it('a value in the recycle bin may be reused; restoring the old record then is a duplicate', async () => {
      const first = (await store.records.list('club', 'member', { filter: { '==': [{ var: 'phone' }, '13812341234'] } })).items[0]!;
      const deleted = await store.records.softDelete('club', 'member', first.id, { actor: null });
      const again = await store.records.create('club', 'member', { name: 'D', phone: '13812341234' }, { actor: null });
      const err = await store.records.restore('club', 'member', deleted.id, { actor: null }).catch((e: unknown) => e);
      expect(err).toMatchObject({ code: 'RECORD_DUPLICATE' });
      expect((err as Error).message).toContain(again.id);
    });

    it('publishing unique over a column that already holds duplicates fails clearly and changes nothing', async () => {
      await store.apps.publish(pkg('club', [form('member', [field('name', 'text'), field('phone', 'phone', { options: { unique: true } }), field('email', 'email')])]), { actor: null });
      await store.records.create('club', 'member', { name: 'E', email: 'same@example.com' }, { actor: null });
      const dup = await store.records.create('club', 'member', { name: 'F', email: 'same@example.com' }, { actor: null });
      const before = (await store.apps.get('club')).version;
      const withUniqueEmail = pkg('club', [form('member', [field('name', 'text'), field('phone', 'phone', { options: { unique: true } }), field('email', 'email', { options: { unique: true } })])]);
      const err = await store.apps.publish(withUniqueEmail, { actor: null }).catch((e: unknown) => e);
      expect(err).toMatchObject({ code: 'STORE_UNIQUE_HAS_DUPLICATES', status: 409 });
      expect((err as Error).message).toContain(`field 'email' of form 'member' cannot be made unique`);
      expect((err as Error).message).toContain('same@example.com');
      expect((err as Error).message).toContain(dup.id);
      expect((await store.apps.get('club')).version).toBe(before);
      expect(await uniqueIndexes(store)).toHaveLength(1);
    });

    it('empty values never collide, and of 10 concurrent creates of one value exactly one wins', async () => {
      await store.records.create('club', 'member', { name: 'H' }, { actor: null });
      await store.records.create('club', 'member', { name: 'I' }, { actor: null });
      const results = await Promise.allSettled(
        Array.from({ length: 10 }, (_, i) => store.records.create('club', 'member', { name: `race${i}`, phone: '13700000000' }, { actor: null })),
      );
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      expect(refused).toHaveLength(9);
      for (const r of refused) expect(r.reason).toMatchObject({ code: 'RECORD_DUPLICATE', status: 409 });
    });

    it('turning unique off drops the index, and duplicates are allowed again', async () => {
      await store.apps.publish(members(false), { actor: null });
      expect(await uniqueIndexes(store)).toEqual([]);
      await store.records.create('club', 'member', { name: 'G', phone: '13912345678' }, { actor: null });
    });
  });
}
