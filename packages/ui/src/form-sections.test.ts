import { describe, expect, it } from 'vitest';
import type { FieldDef, FormDef } from '@trellis/schema';
import { formSections } from './form-sections.js';

const f = (key: string): FieldDef => ({ id: `id_${key}`, key, type: 'text', label: key });
const form = (layout?: FormDef['layout']): FormDef => ({ key: 'customer', name: 'Customer', fields: [f('a'), f('b'), f('c')], ...(layout ? { layout } : {}) });
const keys = (sections: ReturnType<typeof formSections>) => sections.map((s) => ({ title: s.title, columns: s.columns, fields: s.fields.map((x) => x.key) }));

describe('formSections', () => {
  it('shows every field in one column when the form has no layout', () => {
    expect(keys(formSections(form()))).toEqual([{ title: undefined, columns: 1, fields: ['a', 'b', 'c'] }]);
  });

  it('follows the layout and appends the fields it forgets, so none disappears', () => {
    expect(keys(formSections(form([{ kind: 'section', title: 'Main', columns: 2, fields: ['b', 'a'] }])))).toEqual([
      { title: 'Main', columns: 2, fields: ['b', 'a'] },
      { title: undefined, columns: 1, fields: ['c'] },
    ]);
  });

  it('ignores unknown and repeated keys and clamps columns to 1..4', () => {
    expect(
      keys(
        formSections(
          form([
            { kind: 'section', columns: 9, fields: ['a', 'ghost', 'a', 'b', 'c'] },
            { kind: 'section', title: 'Empty', columns: 0, fields: ['a'] },
          ]),
        ),
      ),
    ).toEqual([{ title: undefined, columns: 4, fields: ['a', 'b', 'c'] }]);
  });
});
