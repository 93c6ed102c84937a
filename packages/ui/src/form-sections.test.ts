import { describe, expect, it } from 'vitest';
import type { FieldDef, FormDef } from '@trellis/schema';
import { formLayout, formSections } from './form-sections.js';

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

describe('formLayout with tab groups', () => {
  const tabbed = form([
    { kind: 'section', title: 'Top', fields: ['a'] },
    {
      kind: 'tabs',
      tabs: [
        { title: 'One', sections: [{ kind: 'section', columns: 2, fields: ['b', 'ghost'] }] },
        { title: 'Two', sections: [{ kind: 'section', fields: [] }] },
      ],
    },
  ]);

  it('keeps tab groups as blocks, with their sections, and appends forgotten fields', () => {
    const blocks = formLayout(tabbed);
    expect(blocks.map((b) => b.kind)).toEqual(['section', 'tabs', 'section']);
    const tabs = blocks[1]!.kind === 'tabs' ? blocks[1]!.tabs : [];
    expect(tabs.map((t) => ({ title: t.title, sections: keys(t.sections as ReturnType<typeof formSections>) }))).toEqual([
      { title: 'One', sections: [{ title: undefined, columns: 2, fields: ['b'] }] },
      { title: 'Two', sections: [] },
    ]);
    expect(blocks[2]!.kind === 'section' && blocks[2]!.section.fields.map((f) => f.key)).toEqual(['c']);
  });

  it('formSections flattens the tabs in tab order', () => {
    expect(keys(formSections(tabbed)).map((s) => s.fields)).toEqual([['a'], ['b'], ['c']]);
  });

  it('a field placed in two tabs is drawn once, where it comes first', () => {
    const twice = form([{ kind: 'tabs', tabs: [{ title: 'X', sections: [{ kind: 'section', fields: ['a'] }] }, { title: 'Y', sections: [{ kind: 'section', fields: ['a', 'b', 'c'] }] }] }]);
    expect(keys(formSections(twice)).map((s) => s.fields)).toEqual([['a'], ['b', 'c']]);
  });
});
