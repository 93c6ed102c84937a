import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import type { FieldDef } from '@trellis/schema';
import { fieldTypes } from '@trellis/forms';
import { addressDraft, addressOptions, chooseAddressPart } from '../address-choices.js';
import { fieldWidgets } from '../built-in-widgets.js';
import type { FieldWidgetProps } from '../field-widget.js';

const field = (type: string, options?: FieldDef['options']): FieldDef => ({ id: `f_${type}`, key: type, type, label: type, ...(options ? { options } : {}) });

function render(f: FieldDef, value: unknown, locale = 'en'): string {
  const Editor = fieldWidgets.get(f.type)!.Editor;
  const props: FieldWidgetProps = { field: f, value, onChange: () => undefined, id: 'field-x', invalid: false, required: false, disabled: false, locale };
  return renderToStaticMarkup(<Editor {...props} />);
}
const cell = (f: FieldDef, value: unknown, locale = 'en') => fieldWidgets.get(f.type)!.formatCell!(value, f, locale);

const NANSHAN = { province: '440000', city: '440300', district: '440305', detail: '科技园路 1 号' };
const U1 = '0b6f3a52-8f0e-4c7e-9a43-5d1e0c9b7a11';
const U2 = '7d2c1e90-3b4a-4f5e-8c6d-9e0f1a2b3c4d';

describe('catalogue widgets', () => {
  it('every new field type has a widget whose focusable element carries the label id', () => {
    for (const t of ['address', 'member', 'department', 'serial', 'created_by', 'created_at', 'updated_by', 'updated_at', 'owner']) {
      expect(fieldTypes.has(t)).toBe(true);
      expect([t, render(field(t), null)]).toEqual([t, expect.stringContaining('id="field-x"')]);
    }
  });

  it('address: three cascading selects with the chosen divisions, and a detail input', () => {
    const html = render(field('address'), NANSHAN, 'zh-CN');
    expect(html.match(/<select/g)).toHaveLength(3);
    expect(html).toContain('<option value="440000" selected="">广东省</option>');
    expect(html).toContain('<option value="440300" selected="">深圳市</option>');
    expect(html).toContain('<option value="440305" selected="">南山区</option>');
    expect(html).toContain('value="科技园路 1 号"');
    expect(html).not.toContain('天河区'); // districts of Guangzhou are not offered under Shenzhen
  });

  it('address: the level and detail options decide which inputs show', () => {
    expect(render(field('address', { level: 'city', detail: false }), NANSHAN).match(/<select/g)).toHaveLength(2);
    expect(render(field('address', { level: 'city', detail: false }), NANSHAN)).not.toContain('<input');
    // an empty address offers only the province list
    const empty = render(field('address'), null);
    expect(empty.match(/<option/g)!.length).toBe(3 + 31);
    expect(empty.match(/<select[^>]*disabled=""/g)).toHaveLength(2);
    // 东莞市 has no districts: no district select
    expect(render(field('address'), { province: '440000', city: '441900', district: null, detail: null }).match(/<select/g)).toHaveLength(2);
  });

  it('address cascade: a new province clears city and district, a new city the district', () => {
    const d = addressDraft(NANSHAN);
    expect(chooseAddressPart(d, 'province', '110000')).toEqual({ province: '110000', city: null, district: null, detail: '科技园路 1 号' });
    expect(chooseAddressPart(d, 'city', '440100')).toEqual({ ...NANSHAN, city: '440100', district: null });
    expect(chooseAddressPart(addressDraft(null), 'detail', null)).toBeNull();
    expect(addressOptions(addressDraft({ province: '440000', city: null })).city.map((c) => c.name)).toContain('深圳市');
  });

  it('address list cell reads as names', () => {
    expect(cell(field('address'), NANSHAN)).toEqual({ kind: 'text', text: '广东省 深圳市 南山区 科技园路 1 号' });
  });

  it('member and department: an id input with a note that pickers come with identity; chips for several', () => {
    const single = render(field('member'), U1, 'zh-CN');
    expect(single).toContain(`value="${U1}"`);
    expect(single).toContain('选人和选部门将随用户与组织功能提供');
    const multi = render(field('department', { multiple: true }), [U1, U2], 'en');
    expect(multi.match(/class="tr-chip"/g)).toHaveLength(2);
    expect(multi).toContain(`aria-label="Remove ${U2}"`);
    expect(multi).toContain('pickers come with users and organisation');
    expect(cell(field('member', { multiple: true }), [U1, U2])).toEqual({ kind: 'tags', tags: [{ value: U1, label: U1 }, { value: U2, label: U2 }] });
  });

  it('serial and system fields are read-only views, with a note before the record is saved', () => {
    expect(render(field('serial'), null, 'zh-CN')).toContain('提交后自动生成');
    expect(render(field('serial'), 'HT-20261201-0007')).toContain('HT-20261201-0007');
    expect(render(field('serial'), 'HT-20261201-0007')).not.toContain('<input');
    expect(render(field('created_at'), '2026-12-01T00:00:00.000Z', 'en')).toContain('2026');
    expect(render(field('owner'), null, 'en')).toContain('Empty means the creator');
  });
});
