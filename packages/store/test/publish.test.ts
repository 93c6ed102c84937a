import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, openTestStore, type Store } from '../src/index.js';
import { crmPackage, field, form, pkg, testCatalog } from './fixtures.js';

async function columnsOf(store: Store, schema: string, table: string): Promise<Record<string, string>> {
  const { rows } = await sql<{ name: string; type: string }>`select column_name as name, data_type as type from information_schema.columns
    where table_schema = ${schema} and table_name = ${table} order by ordinal_position`.execute(store.db);
  return Object.fromEntries(rows.map((r) => [r.name, r.type]));
}

for (const dialect of DIALECTS) {
  describe(`publishing (${dialect})`, () => {
    let store: Store;
    beforeAll(async () => {
      store = await openTestStore(dialect, testCatalog);
    });
    afterAll(async () => {
      await store?.close();
    });

    it('creates the app schema, one table per form with system and typed field columns, and version 1', async () => {
      const { plan, version } = await store.apps.publish(crmPackage(), { actor: 'tester' });
      expect(plan.newApp).toBe(true);
      expect(version).toMatchObject({ key: 'crm', version: 1, package: crmPackage(), publishedBy: 'tester' });
      expect(version.publishedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
      expect(await columnsOf(store, 'app_crm', 'customer')).toEqual({
        id: 'uuid',
        created_at: 'timestamp with time zone',
        updated_at: 'timestamp with time zone',
        created_by: 'uuid',
        updated_by: 'uuid',
        owner_id: 'uuid',
        dept_id: 'uuid',
        version: 'integer',
        deleted_at: 'timestamp with time zone',
        deleted_by: 'uuid',
        name: 'text',
        notes: 'text',
        employees: 'numeric',
        founded: 'date',
        last_contact: 'timestamp with time zone',
        industry: 'text',
        tags: 'ARRAY',
        active: 'boolean',
        extra: 'jsonb',
        partner: 'uuid',
      });
      const { rows } = await sql<{ name: string }>`select indexname as name from pg_indexes where schemaname = 'app_crm' and tablename = 'customer' order by 1`.execute(store.db);
      expect(rows.map((r) => r.name)).toEqual(expect.arrayContaining(['customer_created_idx', 'customer_updated_idx', 'customer_deleted_idx']));
      // scoped lists (own records, one department) come out of these in the default order
      const { rows: scoped } = await sql<{ name: string; def: string }>`select indexname as name, indexdef as def from pg_indexes where schemaname = 'app_crm' and tablename = 'customer' and indexname in ('customer_owner_idx', 'customer_dept_idx') order by 1`.execute(store.db);
      expect(scoped.map((r) => [r.name, /\((.*)\)/.exec(r.def)?.[1]])).toEqual([
        ['customer_dept_idx', 'dept_id, created_at, id'],
        ['customer_owner_idx', 'owner_id, created_at, id'],
      ]);
    });

    it('lists apps with their live version and reads any stored version', async () => {
      const v2pkg = pkg('crm', [...crmPackage().forms, form('lead', [field('title', 'text')])], { name: 'CRM 2' });
      await store.apps.publish(v2pkg, { actor: null });
      expect((await store.apps.list()).map((a) => [a.key, a.version])).toEqual([['crm', 2]]);
      expect((await store.apps.get('crm')).package).toEqual(v2pkg);
      expect((await store.apps.get('crm', 1)).package).toEqual(crmPackage());
      await expect(store.apps.get('crm', 9)).rejects.toMatchObject({ code: 'STORE_APP_VERSION_NOT_FOUND', status: 404 });
      await expect(store.apps.get('nope')).rejects.toMatchObject({ code: 'STORE_APP_NOT_FOUND', status: 404 });
    });

    it('a dry run plans without writing anything', async () => {
      const next = pkg('crm', [...crmPackage().forms, form('deal', [field('amount', 'number')])]);
      const plan = await store.apps.planPublish(next);
      expect(plan.tablesToCreate.map((t) => t.table)).toEqual(['deal']);
      expect(plan.formsHidden).toEqual([{ form: 'lead', table: 'lead' }]);
      expect((await store.apps.get('crm')).version).toBe(2);
      expect(await columnsOf(store, 'app_crm', 'deal')).toEqual({});
    });

    it('hides a removed field and keeps its values; restoring the field brings them back', async () => {
      const app = pkg('shop', [form('item', [field('name', 'text'), field('price', 'number')])]);
      await store.apps.publish(app, { actor: null });
      const r = await store.records.create('shop', 'item', { name: 'pen', price: 2.5 }, { actor: null });
      const { plan } = await store.apps.publish(pkg('shop', [form('item', [field('name', 'text')])]), { actor: null });
      expect(plan.fieldsHidden).toEqual([{ form: 'item', fieldId: 'f_price', key: 'price', column: 'price' }]);
      expect((await store.records.get('shop', 'item', r.id)).data).toEqual({ name: 'pen' });
      expect(await columnsOf(store, 'app_shop', 'item')).toHaveProperty('price', 'numeric');
      await expect(store.records.create('shop', 'item', { price: 1 }, { actor: null })).rejects.toMatchObject({ code: 'STORE_FIELD_UNKNOWN' });
      const back = await store.apps.publish(app, { actor: null });
      expect(back.plan.fieldsRestored).toHaveLength(1);
      expect((await store.records.get('shop', 'item', r.id)).data).toEqual({ name: 'pen', price: 2.5 });
    });

    it('a renamed key keeps its column and its data', async () => {
      await store.apps.publish(pkg('hr', [form('person', [field('city', 'text')])]), { actor: null });
      const r = await store.records.create('hr', 'person', { city: 'Lyon' }, { actor: null });
      const { plan } = await store.apps.publish(pkg('hr', [form('person', [field('town', 'text', { id: 'f_city' })])]), { actor: null });
      expect(plan.keysRenamed).toEqual([{ form: 'person', fieldId: 'f_city', from: 'city', to: 'town', column: 'city' }]);
      expect((await store.records.get('hr', 'person', r.id)).data).toEqual({ town: 'Lyon' });
      const list = await store.records.list('hr', 'person', { sort: [{ field: 'town', direction: 'asc' }] });
      expect(list.items.map((i) => i.data.town)).toEqual(['Lyon']);
      const filtered = await store.records.list('hr', 'person', { filter: { '==': [{ var: 'town' }, 'Lyon'] }, q: 'ly' });
      expect(filtered.items.map((i) => i.id)).toEqual([r.id]);
    });

    it('refuses a column type change with a clear error and changes nothing', async () => {
      await store.apps.publish(pkg('inv', [form('stock', [field('qty', 'text')])]), { actor: null });
      const attempt = store.apps.publish(pkg('inv', [form('stock', [field('qty', 'number'), field('sku', 'text')])]), { actor: null });
      await expect(attempt).rejects.toMatchObject({ code: 'STORE_COLUMN_TYPE_CHANGE', status: 409 });
      expect((await store.apps.get('inv')).version).toBe(1);
      expect(await columnsOf(store, 'app_inv', 'stock')).not.toHaveProperty('sku');
    });

    it('a failure in the middle of a publish leaves nothing changed', async () => {
      await store.apps.publish(pkg('ops', [form('ticket', [field('title', 'text')])]), { actor: null });
      // A table that is not the store's blocks the creation of the second new form.
      await sql`create table app_ops.blocker (id int)`.execute(store.db);
      const next = pkg('ops', [
        form('ticket', [field('title', 'text'), field('priority', 'number')]),
        form('asset', [field('tag', 'text')]),
        form('blocker', [field('x', 'text')]),
      ]);
      await expect(store.apps.publish(next, { actor: null })).rejects.toThrow();
      expect((await store.apps.get('ops')).version).toBe(1);
      expect(await columnsOf(store, 'app_ops', 'ticket')).not.toHaveProperty('priority');
      expect(await columnsOf(store, 'app_ops', 'asset')).toEqual({});
      const forms = await store.db.selectFrom('trellis.app_forms').select('form_key').where('app', '=', 'ops').execute();
      expect(forms.map((f) => f.form_key)).toEqual(['ticket']);
      const audit = await store.audit.list({ app: 'ops' });
      expect(audit.map((a) => a.action)).toEqual(['publish']);
    });

    it('writes an audit row for each publish with the versions', async () => {
      const entries = await store.audit.list({ app: 'crm' });
      expect(entries.map((e) => [e.action, e.actor, e.before, (e.after as { version: number }).version])).toEqual([
        ['publish', null, { version: 1 }, 2],
        ['publish', 'tester', null, 1],
      ]);
    });

    it('two concurrent publishes of one app make two consecutive versions', async () => {
      const a = pkg('twin', [form('t', [field('a', 'text')])]);
      await store.apps.publish(a, { actor: null });
      const b = pkg('twin', [form('t', [field('a', 'text'), field('b', 'text')])]);
      const c = pkg('twin', [form('t', [field('a', 'text'), field('b', 'text'), field('c', 'text')])]);
      const results = await Promise.all([store.apps.publish(b, { actor: null }), store.apps.publish(c, { actor: null })]);
      expect(results.map((r) => r.version.version).sort()).toEqual([2, 3]);
      expect(Object.keys(await columnsOf(store, 'app_twin', 't'))).toEqual(expect.arrayContaining(['a', 'b', 'c']));
    });
  });
}
