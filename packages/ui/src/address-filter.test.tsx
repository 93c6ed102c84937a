import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import type { FormDef } from '@trellis/schema';
import { compileForm, fieldTypes } from '@trellis/forms';
import { compileJs } from '@trellis/expr';
import { conditionToFilter } from './condition-parse.js';
import { FilterBuilder } from './filter-builder.js';
import { filterKindOf, filterToJsonLogic } from './filter-clauses.js';

const form: FormDef = {
  key: 'shop',
  name: 'Shop',
  fields: [
    { id: 'f_name', key: 'name', type: 'text', label: 'Name' },
    { id: 'f_addr', key: 'address', type: 'address', label: '地址' },
  ],
};

describe('filtering address fields by province', () => {
  it('a row "address equals 广东省" compares the province code; emptiness looks at the whole address', () => {
    expect(filterKindOf(form.fields[1]!, fieldTypes)).toBe('province');
    const logic = filterToJsonLogic({ match: 'all', clauses: [{ field: 'address', op: 'eq', value: '440000' }] }, form, fieldTypes);
    expect(logic).toEqual({ '==': [{ var: 'address.province' }, '440000'] });
    expect(filterToJsonLogic({ match: 'all', clauses: [{ field: 'address', op: 'is_empty' }] }, form, fieldTypes)).toEqual({ isEmpty: [{ var: 'address' }] });
    const inGuangdong = compileJs(logic, compileForm(form).varSchema) as (r: Record<string, unknown>) => unknown;
    expect(inGuangdong({ address: { province: '440000', city: '440300', district: '440305', detail: null } })).toBe(true);
    expect(inGuangdong({ address: { province: '110000', city: '110100', district: '110101', detail: null } })).toBe(false);
  });

  it('reads such a condition back into the row', () => {
    expect(conditionToFilter({ '!=': [{ var: 'address.province' }, '110000'] }, form, fieldTypes)).toEqual({ match: 'all', clauses: [{ field: 'address', op: 'ne', value: '110000' }] });
    expect(conditionToFilter({ '==': [{ var: 'address.city' }, '440300'] }, form, fieldTypes)).toBeUndefined();
  });

  it('the builder offers the provinces as values', () => {
    const html = renderToStaticMarkup(
      <FilterBuilder form={form} value={{ match: 'all', clauses: [{ field: 'address', op: 'eq', value: '440000' }] }} onChange={() => undefined} locale="zh-CN" catalog={fieldTypes} />,
    );
    expect(html).toContain('<option value="440000" selected="">广东省</option>');
    expect(html.match(/<option value="\d{6}"/g)).toHaveLength(31);
  });
});
