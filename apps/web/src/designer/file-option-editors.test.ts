import { describe, expect, it } from 'vitest';
import { fieldTypes } from '@trellis/forms';
import { bytesToMb, mbToBytes, parseList } from './file-option-editors.js';
import { optionEditorKind } from './options-editor.js';
import { groupFieldTypes } from './palette-groups.js';

describe('file field options in the designer', () => {
  it('attachment, image and signature are in the advanced palette group', () => {
    const advanced = groupFieldTypes(fieldTypes.list()).advanced.map((t) => t.type);
    expect(advanced).toEqual(expect.arrayContaining(['attachment', 'image', 'signature']));
  });
  it('edits maxSize in MB, maxFiles as a number and accept as a comma-separated list', () => {
    const props = (fieldTypes.optionsSchema('attachment') as { properties: Record<string, never> }).properties;
    expect(optionEditorKind(props['maxSize']!, 'maxSize')).toBe('bytes');
    expect(optionEditorKind(props['maxFiles']!, 'maxFiles')).toBe('number');
    expect(optionEditorKind(props['accept']!, 'accept')).toBe('list');
  });
  it('converts MB to bytes within the 50 MB cap, and parses lists', () => {
    expect(mbToBytes('20')).toBe(20 * 1024 * 1024);
    expect(mbToBytes('0.5')).toBe(512 * 1024);
    expect(mbToBytes('500')).toBe(50 * 1024 * 1024);
    expect(mbToBytes('')).toBeUndefined();
    expect(mbToBytes('-1')).toBeUndefined();
    expect(bytesToMb(1.5 * 1024 * 1024)).toBe('1.5');
    expect(parseList('.pdf, image/*，.docx .pdf')).toEqual(['.pdf', 'image/*', '.docx']);
    expect(parseList(' , ')).toBeUndefined();
  });
});
