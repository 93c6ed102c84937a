import { describe, expect, it } from 'vitest';
import type { AppPackage, FieldDef } from '@trellis/schema';
import { addField, addSection, emptyApp, freeKey, moveField, normalizedLayout, nudgeField, removeField, removeSection, updateField, updateSection } from './draft-ops.js';

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
