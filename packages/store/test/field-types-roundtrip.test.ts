import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileForm, fieldTypes } from '@trellis/forms';
import { calendarDateIn, type FieldDef } from '@trellis/schema';
import { DIALECTS, openTestStore, type Store, type StoredRecord } from '../src/index.js';
import { field, form, pkg } from './fixtures.js';

const choices = [
  { value: 'web', label: { 'zh-CN': '网站', en: 'Website' }, color: '#1677ff' },
  { value: 'fair', label: { 'zh-CN': '展会', en: 'Trade fair' } },
];

const USER = '0b6f3a52-8f0e-4c7e-9a43-5d1e0c9b7a11';
const OTHER = '7d2c1e90-3b4a-4f5e-8c6d-9e0f1a2b3c4d';
/** Types whose value the store fills (serial numbers, system columns): not null when left empty. */
const STORE_FILLED = new Set(['serial', 'created_by', 'created_at', 'updated_by', 'updated_at', 'owner']);

/** Files uploaded to the file fields in `beforeAll` (their refs are the input and the stored value). */
const uploaded: Record<string, { id: string; name: string; size: number; type: string }> = {};

/**
 * One field of every built-in type, each with raw input as people type it and the value it
 * must be stored as (a function of the stored record for values the store fills).
 */
const CASES: readonly { readonly field: FieldDef; readonly input: unknown; readonly stored: unknown }[] = [
  { field: field('name', 'text'), input: '  华为技术有限公司 ', stored: '华为技术有限公司' },
  { field: field('notes', 'long_text'), input: '第一行\r\n第二行', stored: '第一行\n第二行' },
  { field: field('employees', 'number', { options: { precision: 2 } }), input: '1,200.50', stored: 1200.5 },
  { field: field('founded', 'date'), input: '2024年5月1日', stored: '2024-05-01' },
  { field: field('contacted', 'datetime'), input: '2024-05-01T10:00+08:00', stored: '2024-05-01T02:00:00.000Z' },
  { field: field('source', 'single_select', { options: { choices, allowOther: true } }), input: '朋友介绍', stored: '朋友介绍' },
  { field: field('channels', 'multi_select', { options: { choices } }), input: '网站, fair', stored: ['web', 'fair'] },
  { field: field('active', 'boolean'), input: '是', stored: true },
  { field: field('intro', 'rich_text'), input: '<p onclick="x()">你好<script>alert(1)</script> <b>world</b></p>', stored: '<p>你好 <b>world</b></p>' },
  { field: field('amount', 'money', { options: { currency: 'CNY' } }), input: '¥12,345.67', stored: 12345.67 },
  { field: field('share', 'percent'), input: '12.5%', stored: 12.5 },
  { field: field('score', 'rating', { options: { max: 10 } }), input: '9', stored: 9 },
  { field: field('opens', 'time'), input: '9:30', stored: '09:30' },
  { field: field('labels', 'tags'), input: 'vip，华东、vip', stored: ['vip', '华东'] },
  { field: field('phone', 'phone', { options: { unique: true } }), input: '+86 138-1234-1234', stored: '13812341234' },
  { field: field('landline', 'phone'), input: '(010) 8888 6666', stored: '010-88886666' },
  { field: field('email', 'email'), input: ' Li.Lei@Example.COM ', stored: 'Li.Lei@example.com' },
  { field: field('website', 'url'), input: 'www.example.com/about', stored: 'https://www.example.com/about' },
  { field: field('id_no', 'id_number'), input: '11010519491231002x', stored: '11010519491231002X' },
  { field: field('address', 'address'), input: '广东省 深圳市 南山区 科技园路 1 号', stored: { province: '440000', city: '440300', district: '440305', detail: '科技园路 1 号' } },
  { field: field('region', 'address', { options: { level: 'city', detail: false } }), input: { province: '北京', city: '北京市' }, stored: { province: '110000', city: '110100', district: null, detail: null } },
  { field: field('manager', 'member'), input: USER.toUpperCase(), stored: USER },
  { field: field('team', 'member', { options: { multiple: true } }), input: `${USER}, ${OTHER}`, stored: [USER, OTHER] },
  { field: field('dept', 'department'), input: OTHER, stored: OTHER },
  { field: field('depts', 'department', { options: { multiple: true } }), input: [OTHER], stored: [OTHER] },
  { field: field('contract_no', 'serial', { options: { prefix: 'HT-', datePattern: 'YYYY', digits: 4, resetEvery: 'year' } }), input: 'HT-9999', stored: (r: StoredRecord) => `HT-${calendarDateIn(new Date(r.createdAt), 'Asia/Shanghai').year}-0001` },
  { field: field('creator', 'created_by'), input: OTHER, stored: () => USER },
  { field: field('created', 'created_at'), input: '2000-01-01T00:00:00Z', stored: (r: StoredRecord) => r.createdAt },
  { field: field('editor', 'updated_by'), input: null, stored: () => USER },
  { field: field('edited', 'updated_at'), input: null, stored: (r: StoredRecord) => r.updatedAt },
  { field: field('owner', 'owner'), input: OTHER, stored: () => OTHER },
  {
    field: field('lines', 'subtable', { options: { fields: [field('item', 'text'), field('qty', 'number', { options: { precision: 0 } }), field('due', 'date')] } }),
    input: [{ item: ' 螺丝 ', qty: '1,200', due: '2024年5月1日' }, { item: '螺母' }],
    stored: [{ id: expect.stringMatching(/^[0-9a-f-]{36}$/), item: '螺丝', qty: 1200, due: '2024-05-01' }, { id: expect.stringMatching(/^[0-9a-f-]{36}$/), item: '螺母', qty: null, due: null }],
  },
  // computed by the form engine from `employees` (the input is ignored), stored in a numeric column
  { field: field('double_staff', 'formula', { options: { formula: 'ROUND(employees * 2, 0)', resultType: 'number' } }), input: 'ignored', stored: 2401 },
  { field: field('files', 'attachment'), get input() { return { ...uploaded['files'], extra: 1 }; }, get stored() { return [uploaded['files']]; } },
  { field: field('photos', 'image'), get input() { return [uploaded['photos']]; }, get stored() { return [uploaded['photos']]; } },
  { field: field('sig', 'signature'), get input() { return [uploaded['sig']]; }, get stored() { return uploaded['sig']; } },
];
const expected = (c: (typeof CASES)[number], r: StoredRecord) => (typeof c.stored === 'function' ? (c.stored as (r: StoredRecord) => unknown)(r) : c.stored);

for (const dialect of DIALECTS) {
  describe(`every field type round-trips through storage (${dialect})`, () => {
    let store: Store;
    // a layout element (description text) sits among them: it gets no column and no property
    const everything = form('everything', [...CASES.map((c) => c.field), field('guide', 'description', { options: { text: '说明' } })]);
    beforeAll(async () => {
      store = await openTestStore(dialect, fieldTypes);
      await store.apps.publish(pkg('catalogue', [everything]), { actor: null });
      const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
      for (const [key, name, type, bytes] of [['files', '报价.pdf', 'application/pdf', Buffer.from('%PDF-1.4')], ['photos', 'p.png', 'image/png', png], ['sig', 'signature.png', 'image/png', png]] as const) {
        const f = await store.files.upload({ app: 'catalogue', form: 'everything', fieldId: `f_${key}`, name, type, createdBy: null }, Readable.from([bytes]), { maxBytes: 1 << 20 });
        uploaded[key] = { id: f.id, name: f.name, size: f.size, type: f.type };
      }
    });
    afterAll(async () => {
      await store?.close();
    });

    it('covers every built-in field type', () => {
      // Types that need other forms round-trip in their own suites: relation, lookup, rollup in relations.test.ts.
      const elsewhere = new Set(['relation', 'lookup', 'rollup']);
      const valueTypes = fieldTypes.list().filter((t) => t.storesValue !== false && !elsewhere.has(t.type));
      expect(new Set(CASES.map((c) => c.field.type))).toEqual(new Set(valueTypes.map((t) => t.type)));
    });

    it('stores the cleaned value of each type and reads back exactly that value, which is still valid', async () => {
      const input = Object.fromEntries(CASES.map((c) => [c.field.key, c.input]));
      const processed = compileForm(everything).process(input, { mode: 'create', locale: 'en' });
      if (!processed.ok) throw new Error(JSON.stringify(processed.errors));
      const created = await store.records.create('catalogue', 'everything', processed.value, { actor: USER });
      const read = await store.records.get('catalogue', 'everything', created.id);
      expect(read.data).not.toHaveProperty('guide');
      for (const c of CASES) expect([c.field.key, read.data[c.field.key]]).toEqual([c.field.key, expected(c, read)]);
      expect(created.data).toEqual(read.data);
      expect(read.ownerId).toBe(OTHER);
      // what was read back passes the pipeline unchanged (an edit form opened on it shows no error)
      const again = compileForm(everything).process(read.data, { mode: 'update', existing: read.data, locale: 'en' });
      expect(again.ok && again.value).toEqual(read.data);
    });

    it('stores null for every type left empty', async () => {
      const processed = compileForm(everything).process({}, { mode: 'create' });
      if (!processed.ok) throw new Error(JSON.stringify(processed.errors));
      const created = await store.records.create('catalogue', 'everything', processed.value, { actor: null });
      const read = await store.records.get('catalogue', 'everything', created.id);
      for (const c of CASES) if (!STORE_FILLED.has(c.field.type)) expect([c.field.key, read.data[c.field.key]]).toEqual([c.field.key, null]);
      expect(read.data['contract_no']).toMatch(/^HT-\d{4}-0002$/);
      expect(read.data['created']).toBe(read.createdAt);
    });

    it('filters on the new types with their operators', async () => {
      const byPhone = await store.records.list('catalogue', 'everything', { filter: { '==': [{ var: 'phone' }, '13812341234'] } });
      expect(byPhone.items).toHaveLength(1);
      const byAmount = await store.records.list('catalogue', 'everything', { filter: { '>': [{ var: 'amount' }, 10000] } });
      expect(byAmount.items.map((r) => r.data['amount'])).toEqual([12345.67]);
      const byTag = await store.records.list('catalogue', 'everything', { filter: { in: ['华东', { var: 'labels' }] } });
      expect(byTag.items).toHaveLength(1);
      const byProvince = await store.records.list('catalogue', 'everything', { filter: { '==': [{ var: 'address.province' }, '440000'] } });
      expect(byProvince.items.map((r) => r.data['address'])).toEqual([{ province: '440000', city: '440300', district: '440305', detail: '科技园路 1 号' }]);
      const byMember = await store.records.list('catalogue', 'everything', { filter: { '==': [{ var: 'manager' }, USER] } });
      expect(byMember.items).toHaveLength(1);
      const byTeam = await store.records.list('catalogue', 'everything', { filter: { in: [OTHER, { var: 'team' }] } });
      expect(byTeam.items).toHaveLength(1);
      // system fields filter and sort by their own keys, on the system columns
      const byCreator = await store.records.list('catalogue', 'everything', { filter: { '==': [{ var: 'creator' }, USER] } });
      expect(byCreator.items).toHaveLength(1);
      const sorted = await store.records.list('catalogue', 'everything', { sort: [{ field: 'created', direction: 'asc' }] });
      expect(sorted.items.map((r) => r.data['contract_no'])).toEqual([...sorted.items.map((r) => r.data['contract_no'])].sort());
    });

    it('system fields are read-only, except the owner field, which reassigns the record', async () => {
      const [record] = (await store.records.list('catalogue', 'everything', { filter: { '==': [{ var: 'creator' }, USER] } })).items;
      const updated = await store.records.update(
        'catalogue', 'everything', record!.id,
        { version: record!.version, data: { creator: OTHER, created: '2000-01-01T00:00:00.000Z', contract_no: 'HT-0000-9999', owner: USER, name: 'x' } },
        { actor: OTHER },
      );
      expect(updated.data['creator']).toBe(USER);
      expect(updated.data['created']).toBe(record!.createdAt);
      expect(updated.data['contract_no']).toBe(record!.data['contract_no']);
      expect(updated.data['editor']).toBe(OTHER);
      expect(updated.ownerId).toBe(USER);
      expect(updated.data['owner']).toBe(USER);
      // an empty owner field never clears the owner
      const again = await store.records.update('catalogue', 'everything', record!.id, { version: updated.version, data: { owner: null } }, { actor: OTHER });
      expect(again.ownerId).toBe(USER);
    });
  });
}
