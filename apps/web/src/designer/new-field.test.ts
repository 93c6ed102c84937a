import { describe, expect, it } from 'vitest';
import { fieldTypes } from '@trellis/forms';
import { emptyApp } from './draft-ops.js';
import { newField } from './new-field.js';
import { optionEditorKind } from './options-editor.js';

describe('new fields from the palette', () => {
  it('gets a fresh id, a free key named after the type and the type label in both languages', () => {
    const form = { ...emptyApp('a', 'A', 'f', 'F').forms[0]!, fields: [{ id: 'f_x', key: 'text', type: 'text', label: 'T' }] };
    const field = newField(fieldTypes.require('text'), form);
    expect(field).toMatchObject({ key: 'text_2', type: 'text', label: { 'zh-CN': expect.any(String), en: 'Text' } });
    expect(field.id).toMatch(/^f_[a-z0-9]+$/);
    expect(field.options).toBeUndefined();
  });

  it('gives a select the starter choices its options schema requires, so the draft stays valid', () => {
    const field = newField(fieldTypes.require('single_select'), emptyApp('a', 'A', 'f', 'F').forms[0]!);
    expect((field.options?.['choices'] as unknown[]).length).toBe(2);
    expect(fieldTypes.checkValue(field, 'option_1')).toBeUndefined();
  });
});

describe('option editors', () => {
  it('picks the editor from the option schema', () => {
    expect(optionEditorKind(fieldTypes.optionsSchema('single_select') as never)).toBe('json');
    const props = (fieldTypes.optionsSchema('single_select') as { properties: Record<string, never> }).properties;
    expect(optionEditorKind(props['choices']!)).toBe('choices');
    expect(optionEditorKind({ type: 'integer', minimum: 0 })).toBe('number');
    expect(optionEditorKind({ type: 'boolean' })).toBe('boolean');
    expect(optionEditorKind({ type: 'string', enum: ['a'] })).toBe('enum');
    expect(optionEditorKind({ type: 'string' })).toBe('text');
    expect(optionEditorKind({ type: ['string', 'object'] })).toBe('localized');
  });
});
