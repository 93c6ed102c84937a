import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileForm, fieldTypes } from '@trellis/forms';
import type { FieldDef } from '@trellis/schema';
import { DIALECTS, openTestStore, type Store } from '../src/index.js';
import { field, form, pkg } from './fixtures.js';

const choices = [
  { value: 'web', label: { 'zh-CN': '网站', en: 'Website' }, color: '#1677ff' },
  { value: 'fair', label: { 'zh-CN': '展会', en: 'Trade fair' } },
];

/** One field of every built-in type, each with raw input as people type it and the value it must be stored as. */
/** Files uploaded to the file fields in `beforeAll` (their refs are the input and the stored value). */
const uploaded: Record<string, { id: string; name: string; size: number; type: string }> = {};
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
  { field: field('files', 'attachment'), get input() { return { ...uploaded['files'], extra: 1 }; }, get stored() { return [uploaded['files']]; } },
  { field: field('photos', 'image'), get input() { return [uploaded['photos']]; }, get stored() { return [uploaded['photos']]; } },
  { field: field('sig', 'signature'), get input() { return [uploaded['sig']]; }, get stored() { return uploaded['sig']; } },
];

for (const dialect of DIALECTS) {
  describe(`every field type round-trips through storage (${dialect})`, () => {
    let store: Store;
    const everything = form('everything', CASES.map((c) => c.field));
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
      expect(new Set(CASES.map((c) => c.field.type))).toEqual(new Set(fieldTypes.list().map((t) => t.type)));
    });

    it('stores the cleaned value of each type and reads back exactly that value, which is still valid', async () => {
      const input = Object.fromEntries(CASES.map((c) => [c.field.key, c.input]));
      const processed = compileForm(everything).process(input, { mode: 'create', locale: 'en' });
      if (!processed.ok) throw new Error(JSON.stringify(processed.errors));
      const created = await store.records.create('catalogue', 'everything', processed.value, { actor: null });
      const read = await store.records.get('catalogue', 'everything', created.id);
      for (const c of CASES) expect([c.field.key, read.data[c.field.key]]).toEqual([c.field.key, c.stored]);
      // what was read back passes the pipeline unchanged (an edit form opened on it shows no error)
      const again = compileForm(everything).process(read.data, { mode: 'create', locale: 'en' });
      expect(again.ok && again.value).toEqual(processed.value);
    });

    it('stores null for every type left empty', async () => {
      const processed = compileForm(everything).process({}, { mode: 'create' });
      if (!processed.ok) throw new Error(JSON.stringify(processed.errors));
      const created = await store.records.create('catalogue', 'everything', processed.value, { actor: null });
      const read = await store.records.get('catalogue', 'everything', created.id);
      expect(Object.values(read.data).every((v) => v === null)).toBe(true);
    });

    it('filters on the new types with their operators', async () => {
      const byPhone = await store.records.list('catalogue', 'everything', { filter: { '==': [{ var: 'phone' }, '13812341234'] } });
      expect(byPhone.items).toHaveLength(1);
      const byAmount = await store.records.list('catalogue', 'everything', { filter: { '>': [{ var: 'amount' }, 10000] } });
      expect(byAmount.items.map((r) => r.data['amount'])).toEqual([12345.67]);
      const byTag = await store.records.list('catalogue', 'everything', { filter: { in: ['华东', { var: 'labels' }] } });
      expect(byTag.items).toHaveLength(1);
    });
  });
}
