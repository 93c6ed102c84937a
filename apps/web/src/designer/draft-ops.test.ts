import { describe, expect, it } from 'vitest';
import type { AppPackage, FieldDef, LayoutTabs } from '@trellis/schema';
import { addField, addSection, emptyApp, freeKey, moveField, normalizedLayout, normalizedNodes, nudgeField, removeField, removeSection, updateField, updateSection } from './draft-ops.js';
import { addTab, addTabGroup, moveTab, removeTab, removeTabGroup, renameTab, sectionNumbers } from './tab-ops.js';

const f = (key: string): FieldDef => ({ id: `f_${key}`, key, type: 'text', label: key });
const keys = (pkg: AppPackage) => normalizedLayout(pkg.forms[0]!).map((s) => s.fields);

function base(): AppPackage {
  let pkg = emptyApp('app', 'App', 'form', 'Form');
  for (const k of ['a', 'b', 'c']) pkg = addField(pkg, 'form', f(k), { section: 0 });
  return pkg;
}

describe('designer draft operations', () => {
  it('adds fields at a position and keeps fields outside the layout in the last section', () => {
    const pkg = addField(base(), 'form', f('x'), { section: 0, index: 1 });
    expect(keys(pkg)).toEqual([['a', 'x', 'b', 'c']]);
    expect(pkg.forms[0]!.fields.map((x) => x.key)).toEqual(['a', 'b', 'c', 'x']);
    expect(normalizedLayout({ key: 'k', name: 'k', fields: [f('p'), f('q')], layout: [{ kind: 'section', fields: ['q'] }] })).toEqual([{ kind: 'section', fields: ['q', 'p'] }]);
  });

  it('moves a field down within a section (drop before a later field) and across sections', () => {
    expect(keys(moveField(base(), 'form', 'a', { section: 0, index: 2 }))).toEqual([['b', 'a', 'c']]);
    expect(keys(moveField(base(), 'form', 'c', { section: 0, index: 0 }))).toEqual([['c', 'a', 'b']]);
    const two = addSection(base(), 'form', 2);
    expect(keys(moveField(two, 'form', 'b', { section: 1 }))).toEqual([['a', 'c'], ['b']]);
  });

  it('nudges a field up and down with the buttons, across section borders, and stops at the ends', () => {
    const two = moveField(addSection(base(), 'form', 2), 'form', 'c', { section: 1 });
    expect(keys(nudgeField(two, 'form', 'a', 1))).toEqual([['b', 'a'], ['c']]);
    expect(keys(nudgeField(two, 'form', 'b', 1))).toEqual([['a'], ['b', 'c']]);
    expect(keys(nudgeField(two, 'form', 'c', -1))).toEqual([['a', 'b', 'c'], []]);
    expect(nudgeField(two, 'form', 'a', -1)).toBe(two);
    expect(nudgeField(two, 'form', 'c', 1)).toBe(two);
  });

  it('renames a key in the layout and the title field, and removes fields from both lists', () => {
    const pkg = { ...base(), forms: [{ ...base().forms[0]!, titleField: 'b' }] };
    const renamed = updateField(pkg, 'form', 'b', { ...f('b'), key: 'bee' });
    expect(keys(renamed)).toEqual([['a', 'bee', 'c']]);
    expect(renamed.forms[0]!.titleField).toBe('bee');
    const removed = removeField(renamed, 'form', 'a');
    expect(removed.forms[0]!.fields.map((x) => x.key)).toEqual(['bee', 'c']);
    expect(keys(removed)).toEqual([['bee', 'c']]);
  });

  it('changes section columns and title, and a removed section gives its fields to the previous one', () => {
    let pkg = moveField(addSection(base(), 'form', 1), 'form', 'a', { section: 1 });
    pkg = updateSection(pkg, 'form', 1, { columns: 3, title: { en: 'More' } });
    expect(normalizedLayout(pkg.forms[0]!)[1]).toEqual({ kind: 'section', columns: 3, title: { en: 'More' }, fields: ['a'] });
    expect(normalizedLayout(updateSection(pkg, 'form', 1, { title: undefined }).forms[0]!)[1]).not.toHaveProperty('title');
    expect(keys(removeSection(pkg, 'form', 1))).toEqual([['b', 'c', 'a']]);
  });

  it('finds a free key', () => {
    expect(freeKey(base().forms[0]!, 'a')).toBe('a_2');
    expect(freeKey(base().forms[0]!, 'single_select')).toBe('single_select');
  });
});

describe('tab groups in the designer draft', () => {
  const tabbed = () => {
    let pkg = addTabGroup(base(), 'form', ['One', 'Two']);
    pkg = addField(pkg, 'form', f('t1'), { section: 1 });
    pkg = addField(pkg, 'form', f('t2'), { section: 2 });
    return pkg;
  };
  const nodes = (pkg: AppPackage) => pkg.forms[0]!.layout!;

  it('adds a tab group whose tabs hold sections numbered after the plain ones; drops land inside tabs', () => {
    const pkg = tabbed();
    expect(keys(pkg)).toEqual([['a', 'b', 'c'], ['t1'], ['t2']]);
    expect(nodes(pkg)[1]).toEqual({
      kind: 'tabs',
      tabs: [
        { title: 'One', sections: [{ kind: 'section', columns: 1, fields: ['t1'] }] },
        { title: 'Two', sections: [{ kind: 'section', columns: 1, fields: ['t2'] }] },
      ],
    });
  });

  it('moving, nudging, renaming and removing fields keep the tab structure', () => {
    let pkg = moveField(tabbed(), 'form', 'a', { section: 2, index: 0 });
    expect(keys(pkg)).toEqual([['b', 'c'], ['t1'], ['a', 't2']]);
    pkg = nudgeField(pkg, 'form', 't1', -1);
    expect(keys(pkg)).toEqual([['b', 'c', 't1'], [], ['a', 't2']]);
    pkg = updateField(pkg, 'form', 't2', { ...f('t2'), key: 'renamed' });
    pkg = removeField(pkg, 'form', 'b');
    expect(keys(pkg)).toEqual([['c', 't1'], [], ['a', 'renamed']]);
    expect(nodes(pkg)[1]!.kind).toBe('tabs');
  });

  it('adds, renames, reorders and removes tabs; a removed tab’s fields join its neighbour', () => {
    let pkg = addTab(tabbed(), 'form', 1, 'Three');
    pkg = renameTab(pkg, 'form', 1, 0, { en: 'First' });
    pkg = moveTab(pkg, 'form', 1, 2, -1);
    const titles = (p: AppPackage) => (nodes(p)[1] as LayoutTabs).tabs.map((t) => t.title);
    expect(titles(pkg)).toEqual([{ en: 'First' }, 'Three', 'Two']);
    expect(moveTab(pkg, 'form', 1, 0, -1)).toEqual(pkg);
    pkg = removeTab(pkg, 'form', 1, 0);
    expect(titles(pkg)).toEqual(['Three', 'Two']);
    expect(keys(pkg)).toEqual([['a', 'b', 'c'], ['t1'], [], ['t2']]);
  });

  it('removing the last tab, or the group, leaves its sections in place as plain sections', () => {
    const one = removeTab(removeTab(tabbed(), 'form', 1, 1), 'form', 1, 0);
    expect(nodes(one).map((n) => n.kind)).toEqual(['section', 'section', 'section']);
    expect(keys(one)).toEqual([['a', 'b', 'c'], ['t1'], ['t2']]);
    const flat = removeTabGroup(tabbed(), 'form', 1);
    expect(nodes(flat).map((n) => n.kind)).toEqual(['section', 'section', 'section']);
    expect(keys(flat)).toEqual([['a', 'b', 'c'], ['t1'], ['t2']]);
  });

  it('sections inside tabs: add one to a tab, change it, remove it (fields move to the previous section)', () => {
    let pkg = addSection(tabbed(), 'form', 3, 'Extra', { group: 1, tab: 0 });
    expect(keys(pkg)).toEqual([['a', 'b', 'c'], ['t1'], [], ['t2']]);
    pkg = moveField(pkg, 'form', 't2', { section: 2 });
    pkg = updateSection(pkg, 'form', 2, { columns: 2 });
    expect((nodes(pkg)[1] as LayoutTabs).tabs[0]!.sections[1]).toEqual({ kind: 'section', columns: 2, title: 'Extra', fields: ['t2'] });
    pkg = removeSection(pkg, 'form', 2);
    expect(keys(pkg)).toEqual([['a', 'b', 'c'], ['t1', 't2'], []]);
    expect((nodes(pkg)[1] as LayoutTabs).tabs[0]!.sections).toHaveLength(1);
  });

  it('a field placed twice or unknown is dropped, and fields outside the layout land in the last section', () => {
    const form = { key: 'k', name: 'k', fields: [f('p'), f('q'), f('r')], layout: [{ kind: 'tabs' as const, tabs: [{ title: 'T', sections: [{ kind: 'section' as const, fields: ['q', 'q', 'zz'] }] }] }] };
    expect(normalizedLayout(form)).toEqual([{ kind: 'section', fields: ['q', 'p', 'r'] }]);
    expect(sectionNumbers(normalizedNodes({ ...form, layout: [{ kind: 'section', fields: [] }, ...form.layout] }))).toEqual([{ node: 0, first: 0 }, { node: 1, first: 1, tabs: [1] }]);
  });
});
