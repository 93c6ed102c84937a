import { describe, expect, it } from 'vitest';
import { fieldTypes, validateApp } from '@trellis/forms';
import { optionValueName } from './catalog-option-values.js';
import { emptyApp } from './draft-ops.js';
import { newField } from './new-field.js';
import { optionName } from './option-names.js';
import { optionEditorKind } from './options-editor.js';
import { groupFieldTypes } from './palette-groups.js';

describe('designer: serial, system, member, department and address fields', () => {
  it('the palette shows them under advanced and system', () => {
    const groups = groupFieldTypes(fieldTypes.list());
    expect(groups.advanced.map((t) => t.type)).toEqual(expect.arrayContaining(['address', 'member', 'department', 'serial']));
    expect(groups.system.map((t) => t.type)).toEqual(['created_by', 'created_at', 'updated_by', 'updated_at', 'owner']);
  });

  it('a new field of each type is valid as dropped (a serial field starts with 4 digits)', () => {
    for (const type of ['address', 'member', 'department', 'serial', 'created_by', 'created_at', 'updated_by', 'updated_at', 'owner']) {
      const app = emptyApp('a', 'A', 'f', 'F');
      const field = newField(fieldTypes.require(type), app.forms[0]!);
      const pkg = { ...app, forms: [{ ...app.forms[0]!, fields: [field] }] };
      const r = validateApp(pkg);
      expect([type, r.ok ? [] : r.errors]).toEqual([type, []]);
      if (type === 'serial') expect(field.options).toEqual({ digits: 4 });
    }
  });

  it('their options get named editors: enums as selects with named values, digits as a number', () => {
    const serial = (fieldTypes.optionsSchema('serial') as { properties: Record<string, never> }).properties;
    expect(optionEditorKind(serial['datePattern']!)).toBe('enum');
    expect(optionEditorKind(serial['digits']!)).toBe('number');
    expect(optionEditorKind(serial['prefix']!)).toBe('text');
    expect(optionName('resetEvery', 'zh-CN')).toBe('序号重置');
    expect(optionValueName('resetEvery', 'day', 'zh-CN')).toBe('每天');
    expect(optionValueName('datePattern', 'YYYYMMDD', 'en')).toBe('Date (20261201)');
    expect(optionValueName('level', 'city', 'en')).toBe('Province / city');
    expect(optionValueName('other', 'x', 'en')).toBe('x');
    const address = (fieldTypes.optionsSchema('address') as { properties: Record<string, never> }).properties;
    expect(optionEditorKind(address['detail']!)).toBe('boolean');
    expect(optionName('multiple', 'en')).toBe('Allow several');
  });
});

describe('serial preview in the properties panel', () => {
  it('shows the first number of today in the server default time zone', async () => {
    const { serialPreviewText } = await import('./serial-preview.js');
    const at = new Date('2026-12-01T16:30:00Z'); // already 2 December in Shanghai
    expect(serialPreviewText({ type: 'serial', options: { prefix: 'HT-', datePattern: 'YYYYMMDD', digits: 4 } }, at)).toBe('HT-20261202-0001');
    expect(serialPreviewText({ type: 'serial', options: { digits: 6 } }, at)).toBe('000001');
    expect(serialPreviewText({ type: 'text' }, at)).toBeUndefined();
  });
});
