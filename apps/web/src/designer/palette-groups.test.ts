import { describe, expect, it } from 'vitest';
import { defineFieldType, fieldTypes, FieldTypeRegistry } from '@trellis/forms';
import { groupFieldTypes } from './palette-groups.js';

describe('palette groups', () => {
  it('puts every registered field type into exactly one group', () => {
    const groups = groupFieldTypes(fieldTypes.list());
    const all = Object.values(groups).flat().map((t) => t.type);
    expect(all.sort()).toEqual(fieldTypes.list().map((t) => t.type).sort());
    expect(groups.basic.map((t) => t.type)).toEqual(expect.arrayContaining(['text', 'number', 'single_select', 'date']));
  });

  it('shows a type registered later, and sends an unknown registry group to advanced', () => {
    const registry = new FieldTypeRegistry(fieldTypes.list());
    const text = fieldTypes.require('text');
    registry.register(defineFieldType({ ...text, type: 'plugin_widget', group: 'exotic', label: { en: 'Plugin' } }));
    registry.register(defineFieldType({ ...text, type: 'plugin_link', group: 'relation', label: { en: 'Link' } }));
    const groups = groupFieldTypes(registry.list());
    expect(groups.advanced.map((t) => t.type)).toContain('plugin_widget');
    expect(groups.relation.map((t) => t.type)).toContain('plugin_link');
  });
});
