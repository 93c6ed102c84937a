import { describe, expect, it } from 'vitest';
import type { FieldDef } from '@trellis/schema';
import { fieldWidgets } from './built-in-widgets.js';
import { parseTagsInput, tagsToInput } from './tags-input.js';

const field = (type: string, options?: FieldDef['options']): FieldDef => ({ id: `f_${type}`, key: type, type, label: type, ...(options ? { options } : {}) });
const cell = (f: FieldDef, value: unknown, locale = 'en') => fieldWidgets.get(f.type)!.formatCell!(value, f, locale);

describe('list cells of the catalogue types', () => {
  it('every built-in field type of the forms engine has a widget', async () => {
    const { fieldTypes } = await import('@trellis/forms');
    expect(fieldTypes.list().map((t) => t.type).filter((t) => fieldWidgets.get(t) === undefined)).toEqual([]);
  });
  it('masks phones and ID numbers when the field asks for it', () => {
    expect(cell(field('phone', { mask: true }), '13812341234')).toEqual({ kind: 'text', text: '138****1234' });
    expect(cell(field('phone'), '13812341234')).toEqual({ kind: 'text', text: '13812341234' });
    expect(cell(field('id_number', { mask: true }), '11010519491231002X')).toEqual({ kind: 'text', text: '110105********002X' });
  });
  it('shows money with its currency and percentages with %, right-aligned', () => {
    expect(cell(field('money'), 1200.5, 'zh-CN')).toEqual({ kind: 'text', text: '¥1,200.50', align: 'end' });
    expect(cell(field('percent'), 12.5)).toEqual({ kind: 'text', text: '12.5%', align: 'end' });
  });
  it('shows ratings as stars, rich text as plain text (never as HTML), tags as tags', () => {
    expect(cell(field('rating'), 4)).toEqual({ kind: 'text', text: '★★★★☆' });
    expect(cell(field('rich_text'), '<p>a <b>b</b></p><script>x</script>')).toEqual({ kind: 'text', text: 'a b' });
    expect(cell(field('tags'), ['vip', '华东'])).toEqual({ kind: 'tags', tags: [{ value: 'vip', label: 'vip' }, { value: '华东', label: '华东' }] });
  });
  it('shows empty values as empty', () => {
    for (const t of ['phone', 'money', 'rating', 'tags', 'rich_text', 'time']) {
      expect(cell(field(t), null)).toEqual({ kind: 'empty' });
    }
    expect(cell(field('tags'), [])).toEqual({ kind: 'empty' });
  });
});

describe('the tags input', () => {
  it('splits on commas (also full-width), semicolons and 、, dropping blanks and duplicates', () => {
    expect(parseTagsInput('vip， 华东、vip;;')).toEqual(['vip', '华东']);
    expect(parseTagsInput('  ')).toBeNull();
    expect(tagsToInput(['a', 'b'])).toBe('a, b');
  });
});
