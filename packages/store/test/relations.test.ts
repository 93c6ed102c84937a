import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fieldTypes } from '@trellis/forms';
import type { AppPackage, FieldDef, FormDef } from '@trellis/schema';
import { DIALECTS, joinTableName, openTestStore, type Store } from '../src/index.js';

const USER = '11111111-1111-4111-8111-111111111111';
const MISSING = '99999999-9999-4999-8999-999999999999';

const f = (key: string, type: string, options?: Record<string, unknown>): FieldDef => ({ id: `f_${key}`, key, type, label: key, ...(options ? { options } : {}) });

const customer: FormDef = {
  key: 'customer',
  name: '客户',
  titleField: 'name',
  fields: [
    f('name', 'text'),
    f('city', 'text'),
    f('deal_count', 'rollup', { aggregate: 'count', form: 'deal', via: 'customer' }),
    f('won_total', 'rollup', { aggregate: 'sum', form: 'deal', via: 'customer', field: 'amount', where: { '==': [{ var: 'stage' }, 'won'] } }),
    f('last_won', 'rollup', { aggregate: 'max', form: 'deal', via: 'customer', field: 'closed_on', valueType: 'date', where: { '==': [{ var: 'stage' }, 'won'] } }),
  ],
};
const deal: FormDef = {
  key: 'deal',
  name: '商机',
  fields: [
    f('title', 'text'),
    f('customer', 'relation', { form: 'customer', displayFields: ['name', 'city'] }),
    f('customer_city', 'lookup', { relation: 'customer', field: 'city', valueType: 'text' }),
    f('amount', 'number'),
    f('stage', 'text'),
    f('closed_on', 'date'),
  ],
};
const project: FormDef = {
  key: 'project',
  name: '项目',
  fields: [
    f('name', 'text'),
    f('customers', 'relation', { form: 'customer', multiple: true }),
    f('customer_cities', 'lookup', { relation: 'customers', field: 'city', valueType: 'json' }),
    f('customer_count', 'rollup', { aggregate: 'count', relation: 'customers' }),
    f('shanghai_count', 'rollup', { aggregate: 'count', relation: 'customers', where: { '==': [{ var: 'city' }, '上海'] } }),
  ],
};
const pkg: AppPackage = { schemaVersion: 1, app: { key: 'rel', name: 'Relations' }, forms: [customer, deal, project] };

for (const dialect of DIALECTS) {
  describe(`relations, lookups and rollups (${dialect})`, () => {
    let store: Store;
    let acme: string;
    let globex: string;
    beforeAll(async () => {
      store = await openTestStore(dialect, fieldTypes);
      await store.apps.publish(pkg, { actor: USER });
      acme = (await store.records.create('rel', 'customer', { name: 'ACME', city: '上海' }, { actor: USER })).id;
      globex = (await store.records.create('rel', 'customer', { name: 'Globex', city: '北京' }, { actor: USER })).id;
    });
    afterAll(async () => {
      await store?.close();
    });

    it('publish lists and creates the join table of a multiple relation (deterministic name, foreign keys)', async () => {
      const fresh = await openTestStore(dialect, fieldTypes);
      try {
        const plan = await fresh.apps.planPublish(pkg);
        expect(plan.joinTablesToCreate).toEqual([
          { form: 'project', table: 'project', fieldId: 'f_customers', key: 'customers', joinTable: joinTableName('project', 'f_customers'), target: 'customer', targetTable: 'customer' },
        ]);
        expect(plan.tablesToCreate.find((t) => t.form === 'deal')!.columns.map((c) => [c.key, c.valueType])).toEqual([
          ['title', 'text'], ['customer', 'uuid'], ['amount', 'number'], ['stage', 'text'], ['closed_on', 'date'],
        ]);
      } finally {
        await fresh.close();
      }
      expect(joinTableName('a'.repeat(48), 'x').length).toBeLessThanOrEqual(63);
      const { rows } = await sql<{ n: number }>`select count(*)::int as n from information_schema.table_constraints where table_schema = 'app_rel' and table_name = ${joinTableName('project', 'f_customers')} and constraint_type = 'FOREIGN KEY'`.execute(store.db);
      expect(rows[0]!.n).toBe(2);
    });

    it('a single relation round-trips as an id; the lookup and the display values come from the related record', async () => {
      const d = await store.records.create('rel', 'deal', { title: 'Big', customer: acme, amount: 100, stage: 'won', closed_on: '2026-03-01' }, { actor: USER });
      expect(d.data).toMatchObject({ customer: acme, customer_city: '上海' });
      const read = await store.records.get('rel', 'deal', d.id);
      expect(read.data).toMatchObject({ customer: acme, customer_city: '上海', amount: 100 });
      expect(read.related).toEqual({ customer: { [acme]: { title: 'ACME', fields: { name: 'ACME', city: '上海' } } } });
      await store.records.update('rel', 'customer', acme, { version: 1, data: { city: '深圳' } }, { actor: USER });
      expect((await store.records.get('rel', 'deal', d.id)).data['customer_city']).toBe('深圳');
    });

    it('refuses a missing or deleted related id naming /data/<key>, and writes nothing', async () => {
      const count = async () => (await store.records.list('rel', 'deal', { limit: 1000 })).items.length;
      const audits = async () => (await store.audit.list({ app: 'rel', form: 'deal', limit: 1000 })).length;
      const [n, a] = [await count(), await audits()];
      await expect(store.records.create('rel', 'deal', { title: 'x', customer: MISSING }, { actor: USER })).rejects.toMatchObject({
        code: 'RECORD_RELATION_INVALID', status: 400, details: [{ path: '/data/customer' }],
      });
      const gone = await store.records.create('rel', 'customer', { name: 'Gone' }, { actor: USER });
      await store.records.softDelete('rel', 'customer', gone.id, { actor: USER });
      await expect(store.records.create('rel', 'deal', { title: 'x', customer: gone.id }, { actor: USER })).rejects.toMatchObject({ code: 'RECORD_RELATION_INVALID' });
      const ok = await store.records.create('rel', 'deal', { title: 'y', customer: globex }, { actor: USER });
      await expect(store.records.update('rel', 'deal', ok.id, { version: 1, data: { customer: gone.id, title: 'changed' } }, { actor: USER })).rejects.toMatchObject({
        details: [{ path: '/data/customer' }],
      });
      expect((await store.records.get('rel', 'deal', ok.id)).data).toMatchObject({ title: 'y', customer: globex });
      expect([await count(), await audits()]).toEqual([n + 1, a + 1]);
      await store.records.softDelete('rel', 'deal', ok.id, { actor: USER });
    });

    it('rollups count and sum (with a where condition) on get and list; deleted records do not count', async () => {
      const c = (await store.records.create('rel', 'customer', { name: 'Initech', city: '上海' }, { actor: USER })).id;
      await store.records.create('rel', 'deal', { title: 'a', customer: c, amount: 10, stage: 'won', closed_on: '2026-01-05' }, { actor: USER });
      await store.records.create('rel', 'deal', { title: 'b', customer: c, amount: 20, stage: 'won', closed_on: '2026-02-07' }, { actor: USER });
      await store.records.create('rel', 'deal', { title: 'c', customer: c, amount: 40, stage: 'lost', closed_on: '2026-04-01' }, { actor: USER });
      const dropped = await store.records.create('rel', 'deal', { title: 'd', customer: c, amount: 1000, stage: 'won', closed_on: '2026-05-01' }, { actor: USER });
      await store.records.softDelete('rel', 'deal', dropped.id, { actor: USER });
      expect((await store.records.get('rel', 'customer', c)).data).toMatchObject({ deal_count: 3, won_total: 30, last_won: '2026-02-07' });
      const page = await store.records.list('rel', 'customer', { filter: { '==': [{ var: 'name' }, 'Initech'] } });
      expect(page.items.map((r) => r.data)).toEqual([{ name: 'Initech', city: '上海', deal_count: 3, won_total: 30, last_won: '2026-02-07' }]);
      const empty = await store.records.create('rel', 'customer', { name: 'Nobody' }, { actor: USER });
      expect(empty.data).toMatchObject({ deal_count: 0, won_total: 0, last_won: null });
    });

    it('lists give the display values of related records and filter on a single relation by id', async () => {
      const page = await store.records.list('rel', 'deal', { filter: { '==': [{ var: 'customer' }, globex] } });
      expect(page.items).toEqual([]);
      const mine = await store.records.create('rel', 'deal', { title: 'G', customer: globex }, { actor: USER });
      const found = await store.records.list('rel', 'deal', { filter: { '==': [{ var: 'customer' }, globex] } });
      expect(found.items.map((r) => r.id)).toEqual([mine.id]);
      expect(found.related).toEqual({ customer: { [globex]: { title: 'Globex', fields: { name: 'Globex', city: '北京' } } } });
      expect(found.items[0]!.data['customer_city']).toBe('北京');
    });

    it('a multiple relation keeps the chosen order in its join table; lookups and rollups follow it', async () => {
      const p = await store.records.create('rel', 'project', { name: 'P', customers: [globex, acme] }, { actor: USER });
      expect(p.data).toMatchObject({ customers: [globex, acme], customer_cities: ['北京', '深圳'], customer_count: 2, shanghai_count: 0 });
      const read = await store.records.get('rel', 'project', p.id);
      expect(read.data['customers']).toEqual([globex, acme]);
      expect(Object.keys(read.related!['customers']!).sort()).toEqual([acme, globex].sort());
      const sh = (await store.records.create('rel', 'customer', { name: 'Umbrella', city: '上海' }, { actor: USER })).id;
      const u = await store.records.update('rel', 'project', p.id, { version: 1, data: { customers: [sh, globex] } }, { actor: USER });
      expect(u.data).toMatchObject({ customers: [sh, globex], customer_count: 2, shanghai_count: 1 });
      const history = await store.audit.list({ app: 'rel', form: 'project', recordId: p.id, limit: 10 });
      expect((history[0]!.before as { data: Record<string, unknown> }).data['customers']).toEqual([globex, acme]);
      expect((history[0]!.after as { data: Record<string, unknown> }).data['customers']).toEqual([sh, globex]);
      const listed = await store.records.list('rel', 'project', { filter: { '==': [{ var: 'name' }, 'P'] } });
      expect(listed.items[0]!.data).toMatchObject({ customers: [sh, globex], customer_cities: ['上海', '北京'], customer_count: 2 });
      const cleared = await store.records.update('rel', 'project', p.id, { version: 2, data: { customers: null } }, { actor: USER });
      expect(cleared.data).toMatchObject({ customers: null, customer_count: 0 });
    });

    it('refuses a bad id in a multiple relation naming its position, leaving no record or join rows', async () => {
      const before = (await store.records.list('rel', 'project', { limit: 1000 })).items.length;
      await expect(store.records.create('rel', 'project', { name: 'Q', customers: [acme, MISSING] }, { actor: USER })).rejects.toMatchObject({
        code: 'RECORD_RELATION_INVALID', details: [{ path: '/data/customers/1' }],
      });
      expect((await store.records.list('rel', 'project', { limit: 1000 })).items.length).toBe(before);
      const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${sql.id('app_rel', joinTableName('project', 'f_customers'))} where related_id = ${MISSING}`.execute(store.db);
      expect(rows[0]!.n).toBe(0);
    });

    it('firstMatch finds the oldest live record with equal fields (what data linkage copies)', async () => {
      const m = await store.records.firstMatch('rel', 'customer', [{ field: 'name', value: 'Globex' }]);
      expect(m?.id).toBe(globex);
      expect(m?.data['city']).toBe('北京');
      expect(await store.records.firstMatch('rel', 'customer', [{ field: 'name', value: 'Nope' }])).toBeNull();
    });

    it('refuses to publish a relation whose target or multiplicity changes', async () => {
      const changed: AppPackage = { ...pkg, forms: [customer, { ...deal, fields: deal.fields.map((x) => (x.key === 'customer' ? { ...x, options: { form: 'project' } } : x)) }, project] };
      await expect(store.apps.publish(changed, { actor: USER })).rejects.toMatchObject({ code: 'STORE_COLUMN_TYPE_CHANGE', details: [{ path: '/forms/1/fields/1/options' }] });
    });
  });
}
