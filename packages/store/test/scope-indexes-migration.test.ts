import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, openTestStore, type Store } from '../src/index.js';
import { scopeIndexesMigration } from '../src/migrations/0013-scope-indexes.js';
import { crmPackage, testCatalog } from './fixtures.js';

async function indexDef(store: Store, name: string): Promise<string | undefined> {
  const { rows } = await sql<{ def: string }>`select indexdef as def from pg_indexes where schemaname = 'app_crm' and indexname = ${name}`.execute(store.db);
  return rows[0]?.def;
}

for (const dialect of DIALECTS) {
  describe(`scope indexes migration (${dialect})`, () => {
    let store: Store;
    beforeAll(async () => {
      store = await openTestStore(dialect, testCatalog);
      await store.apps.publish(crmPackage(), { actor: 'tester' });
    });
    afterAll(async () => {
      await store?.close();
    });

    it('new form tables get owner and department indexes ending in (created_at, id)', async () => {
      expect(await indexDef(store, 'customer_owner_idx')).toMatch(/\(owner_id, created_at, id\)/);
      expect(await indexDef(store, 'customer_dept_idx')).toMatch(/\(dept_id, created_at, id\)/);
    });

    it('rebuilds the single-column indexes of tables created before row scopes', async () => {
      await sql`drop index app_crm.customer_owner_idx`.execute(store.db);
      await sql`drop index app_crm.customer_dept_idx`.execute(store.db);
      await sql`create index customer_owner_idx on app_crm.customer (owner_id)`.execute(store.db);
      expect(await indexDef(store, 'customer_owner_idx')).toMatch(/\(owner_id\)$/);
      await scopeIndexesMigration.up(store.db);
      expect(await indexDef(store, 'customer_owner_idx')).toMatch(/\(owner_id, created_at, id\)/);
      expect(await indexDef(store, 'customer_dept_idx')).toMatch(/\(dept_id, created_at, id\)/);
    });
  });
}
