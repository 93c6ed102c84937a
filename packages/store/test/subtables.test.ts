import { fieldTypes } from '@trellis/forms';
import type { FieldDef } from '@trellis/schema';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, openTestStore, type Store } from '../src/index.js';
import { field, form, pkg } from './fixtures.js';

const USER = '11111111-1111-4111-8111-111111111111';

const itemsField = (columns: FieldDef[] = [field('product', 'text'), field('qty', 'number'), field('tags', 'multi_select', { options: { choices: [{ value: 'a', label: 'A' }, { value: 'b', label: 'B' }] } })]): FieldDef =>
  field('items', 'subtable', { options: { fields: columns } });
const shop = (items: FieldDef = itemsField()) => pkg('shop', [form('purchase', [field('title', 'text'), items])]);

async function childRowCount(store: Store, table: string): Promise<number> {
  const r = await sql<{ n: string }>`select count(*) as n from ${sql.id('app_shop', table)}`.execute(store.db);
  return Number(r.rows[0]!.n);
}

for (const dialect of DIALECTS) {
  describe(`sub-tables (${dialect})`, () => {
    let store: Store;
    beforeAll(async () => {
      store = await openTestStore(dialect, fieldTypes);
    });
    afterAll(async () => {
      await store?.close();
    });

    it('publishing a sub-table creates its child table, listed in the plan and recorded in the metadata', async () => {
      const plan = await store.apps.planPublish(shop());
      expect(plan.childTables.tablesToCreate).toEqual([
        {
          form: 'purchase',
          fieldId: 'f_items',
          key: 'items',
          table: 'purchase$items',
          parentTable: 'purchase',
          columns: [
            expect.objectContaining({ key: 'product', column: 'product', columnType: 'text' }),
            expect.objectContaining({ key: 'qty', column: 'qty', columnType: 'numeric' }),
            expect.objectContaining({ key: 'tags', column: 'tags', columnType: 'text[]' }),
          ],
        },
      ]);
      expect(plan.tablesToCreate[0]!.columns.map((c) => c.key)).toEqual(['title']);
      await store.apps.publish(shop(), { actor: USER });
      const cols = await sql<{ column_name: string; data_type: string }>`
        select column_name, data_type from information_schema.columns
        where table_schema = 'app_shop' and table_name = 'purchase$items' order by ordinal_position`.execute(store.db);
      expect(cols.rows.map((c) => [c.column_name, c.data_type])).toEqual([
        ['id', 'uuid'],
        ['parent_id', 'uuid'],
        ['position', 'integer'],
        ['product', 'text'],
        ['qty', 'numeric'],
        ['tags', 'ARRAY'],
      ]);
      expect((await store.apps.planPublish(shop())).changed).toBe(false);
    });

    it('round trip: create writes the rows with the record, get and the audit entry return them in order', async () => {
      const created = await store.records.create('shop', 'purchase', { title: 'A', items: [{ product: '螺丝', qty: 2, tags: ['a'] }, { product: '螺母', qty: 3.5, tags: null }] }, { actor: USER });
      const items = created.data['items'] as { id: string }[];
      expect(items).toEqual([
        { id: expect.stringMatching(/^[0-9a-f-]{36}$/), product: '螺丝', qty: 2, tags: ['a'] },
        { id: expect.stringMatching(/^[0-9a-f-]{36}$/), product: '螺母', qty: 3.5, tags: null },
      ]);
      expect(await store.records.get('shop', 'purchase', created.id)).toEqual(created);
      const [audit] = await store.audit.list({ app: 'shop', recordId: created.id });
      expect(audit!.after).toEqual(created);
    });

    it('update keeps the ids of rows it updates, inserts rows without id, deletes missing rows, positions follow the array', async () => {
      const created = await store.records.create('shop', 'purchase', { title: 'B', items: [{ product: 'p1', qty: 1 }, { product: 'p2', qty: 2 }, { product: 'p3', qty: 3 }] }, { actor: USER });
      const [r1, , r3] = created.data['items'] as { id: string }[];
      const updated = await store.records.update('shop', 'purchase', created.id, { version: 1, data: { items: [{ id: r3!.id, product: 'p3', qty: 30 }, { product: 'new', qty: 4 }, { id: r1!.id, product: 'p1' }] } }, { actor: USER });
      expect(updated.version).toBe(2);
      expect(updated.data['items']).toEqual([
        { id: r3!.id, product: 'p3', qty: 30, tags: null },
        { id: expect.any(String), product: 'new', qty: 4, tags: null },
        { id: r1!.id, product: 'p1', qty: 1, tags: null },
      ]);
      expect(await store.records.get('shop', 'purchase', created.id)).toEqual(updated);
      const [audit] = await store.audit.list({ app: 'shop', recordId: created.id });
      expect((audit!.before as { data: { items: unknown[] } }).data.items).toHaveLength(3);
      expect((audit!.after as { data: unknown }).data).toEqual(updated.data);
      // an update without the sub-table leaves its rows alone; null removes them all
      const renamed = await store.records.update('shop', 'purchase', created.id, { version: 2, data: { title: 'B2' } }, { actor: USER });
      expect(renamed.data['items']).toEqual(updated.data['items']);
      const emptied = await store.records.update('shop', 'purchase', created.id, { version: 3, data: { items: null } }, { actor: USER });
      expect(emptied.data['items']).toBeNull();
    });

    it('a bad row refuses the whole write and leaves nothing behind', async () => {
      const before = await childRowCount(store, 'purchase$items');
      const total = (await store.records.list('shop', 'purchase')).total;
      await expect(store.records.create('shop', 'purchase', { title: 'C', items: [{ product: 'ok', qty: 1 }, { product: 'bad', qty: 'many' }] }, { actor: USER })).rejects.toMatchObject({ code: 'STORE_VALUE_INVALID' });
      await expect(store.records.create('shop', 'purchase', { title: 'C', items: [{ product: 'ok', colour: 'red' }] }, { actor: USER })).rejects.toMatchObject({
        code: 'STORE_FIELD_UNKNOWN',
        details: [{ path: '/data/items/0/colour', message: expect.any(String) }],
      });
      expect(await childRowCount(store, 'purchase$items')).toBe(before);
      expect((await store.records.list('shop', 'purchase')).total).toBe(total);

      const r = await store.records.create('shop', 'purchase', { title: 'D', items: [{ product: 'keep', qty: 1 }] }, { actor: USER });
      const stranger = '33333333-3333-4333-8333-333333333333';
      await expect(store.records.update('shop', 'purchase', r.id, { version: 1, data: { title: 'D2', items: [{ id: stranger, product: 'x' }] } }, { actor: USER })).rejects.toMatchObject({
        code: 'STORE_VALUE_INVALID',
        details: [{ path: '/data/items/0/id', message: 'no such row in this record' }],
      });
      const unchanged = await store.records.get('shop', 'purchase', r.id);
      expect(unchanged).toEqual(r);
      // a row id of another record is refused as well
      const other = (await store.records.get('shop', 'purchase', r.id)).data['items'] as { id: string }[];
      const r2 = await store.records.create('shop', 'purchase', { title: 'E' }, { actor: USER });
      await expect(store.records.update('shop', 'purchase', r2.id, { version: 1, data: { items: [{ id: other[0]!.id, product: 'steal' }] } }, { actor: USER })).rejects.toMatchObject({ code: 'STORE_VALUE_INVALID' });
      expect((await store.records.get('shop', 'purchase', r.id)).data['items']).toEqual(other);
    });

    it('soft delete and restore keep the rows; they are in the audit entries', async () => {
      const r = await store.records.create('shop', 'purchase', { title: 'F', items: [{ product: 'a', qty: 1 }] }, { actor: USER });
      const deleted = await store.records.softDelete('shop', 'purchase', r.id, { actor: USER });
      expect(deleted.data['items']).toEqual(r.data['items']);
      const restored = await store.records.restore('shop', 'purchase', r.id, { actor: USER });
      expect(restored.data['items']).toEqual(r.data['items']);
      expect((await store.records.get('shop', 'purchase', r.id)).data['items']).toEqual(r.data['items']);
      const [audit] = await store.audit.list({ app: 'shop', recordId: r.id });
      expect((audit!.after as { data: unknown }).data).toEqual(restored.data);
    });

    it('publish adds a row column to a child table with data (listed in the plan); a removed column is hidden, its values kept', async () => {
      const r = await store.records.create('shop', 'purchase', { title: 'G', items: [{ product: 'old', qty: 7 }] }, { actor: USER });
      const withPrice = shop(itemsField([field('product', 'text'), field('qty', 'number'), field('tags', 'multi_select', { options: { choices: [{ value: 'a', label: 'A' }] } }), field('price', 'money')]));
      const plan = await store.apps.planPublish(withPrice);
      expect(plan.childTables.columnsToAdd).toEqual([expect.objectContaining({ form: 'purchase', table: 'purchase$items', key: 'price', column: 'price', columnType: 'numeric' })]);
      expect(plan.changed).toBe(true);
      await store.apps.publish(withPrice, { actor: USER });
      const row = (await store.records.get('shop', 'purchase', r.id)).data['items'] as Record<string, unknown>[];
      expect(row).toEqual([{ id: expect.any(String), product: 'old', qty: 7, tags: null, price: null }]);

      // remove qty: hidden, not dropped
      const withoutQty = shop(itemsField([field('product', 'text'), field('tags', 'multi_select', { options: { choices: [{ value: 'a', label: 'A' }] } }), field('price', 'money')]));
      const plan2 = await store.apps.planPublish(withoutQty);
      expect(plan2.childTables.columnsHidden).toEqual([expect.objectContaining({ columnFieldId: 'f_qty', column: 'qty' })]);
      await store.apps.publish(withoutQty, { actor: USER });
      expect(((await store.records.get('shop', 'purchase', r.id)).data['items'] as Record<string, unknown>[])[0]).not.toHaveProperty('qty');
      const kept = await sql<{ qty: string }>`select qty from ${sql.id('app_shop', 'purchase$items')} where parent_id = ${r.id}`.execute(store.db);
      expect(Number(kept.rows[0]!.qty)).toBe(7);
      // back again: restored with its value
      await store.apps.publish(withPrice, { actor: USER });
      expect(((await store.records.get('shop', 'purchase', r.id)).data['items'] as Record<string, unknown>[])[0]).toMatchObject({ qty: 7 });
    });

    it('list returns the rows of every record on the page, each in its own order', async () => {
      for (let i = 0; i < 30; i++) {
        await store.records.create('shop', 'purchase', { title: `L${String(i).padStart(2, '0')}`, items: Array.from({ length: i % 4 }, (_, j) => ({ product: `L${i}-${j}`, qty: j })) }, { actor: USER });
      }
      const page = await store.records.list('shop', 'purchase', { filter: { startsWith: [{ var: 'title' }, 'L'] }, sort: [{ field: 'title', direction: 'asc' }], limit: 50 });
      expect(page.items).toHaveLength(30);
      page.items.forEach((rec, i) => {
        const products = ((rec.data['items'] as { product: string }[] | null) ?? []).map((r) => r.product);
        expect(products).toEqual(Array.from({ length: i % 4 }, (_, j) => `L${i}-${j}`));
        if (i % 4 === 0) expect(rec.data['items']).toBeNull();
      });
    });

    it('names child tables deterministically within 63 characters, never colliding with a form table', async () => {
      const longForm = 'f'.repeat(48);
      const longKey = 'k'.repeat(48);
      const p = pkg('shop', [...shop().forms, form(longForm, [field(longKey, 'subtable', { options: { fields: [field('a', 'text')] } })]), form('purchase$items'.replace('$', '_'), [field('x', 'text')])]);
      const plan = await store.apps.planPublish(p);
      const [t] = plan.childTables.tablesToCreate;
      expect(t!.table.length).toBeLessThanOrEqual(60);
      expect(t!.table).toMatch(/^f{24}\$k{24}\$[0-9a-f]{8}$/);
      expect((await store.apps.planPublish(p)).childTables.tablesToCreate[0]!.table).toBe(t!.table);
      await store.apps.publish(p, { actor: USER });
      const r = await store.records.create('shop', longForm, { [longKey]: [{ a: 'x' }] }, { actor: USER });
      expect(r.data[longKey]).toEqual([{ id: expect.any(String), a: 'x' }]);
    });
  });
}
