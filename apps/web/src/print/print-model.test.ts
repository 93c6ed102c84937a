import { describe, expect, it } from 'vitest';
import type { FormDef } from '@trellis/schema';
import { defaultPrintTemplate, pageRule, parseIds, printTemplateFor, subtableColumns } from './print-model.js';

const form: FormDef = {
  key: 'visit',
  name: 'Visit',
  fields: [
    { id: '1', key: 'name', type: 'text', label: 'Name' },
    { id: '2', key: 'intro', type: 'description', label: 'Intro', options: { text: 'Read me' } },
    { id: '3', key: 'notes', type: 'rich_text', label: 'Notes' },
    { id: '4', key: 'when', type: 'date', label: 'When' },
  ],
  layout: [{ kind: 'section', fields: ['when'] }, { kind: 'tabs', tabs: [{ title: 'T', sections: [{ kind: 'section', fields: ['name', 'intro', 'notes'] }] }] }],
};

describe('print model', () => {
  it('without a template prints every field in layout order, description texts as text blocks', () => {
    expect(defaultPrintTemplate(form).blocks).toEqual([
      { kind: 'fields', fields: ['when', 'name'], columns: 2 },
      { kind: 'text', text: 'Read me' },
      { kind: 'fields', fields: ['notes'], columns: 2 },
    ]);
  });

  it('picks the named template, else the first one, else the default layout', () => {
    const a = { key: 'a', name: 'A', blocks: [] };
    const b = { key: 'b', name: 'B', paper: 'A5' as const, blocks: [] };
    const withTemplates = { ...form, printTemplates: [a, b] };
    expect(printTemplateFor(withTemplates, 'b')).toBe(b);
    expect(printTemplateFor(withTemplates, 'nope')).toBe(a);
    expect(printTemplateFor(withTemplates, null)).toBe(a);
    expect(printTemplateFor(withTemplates, '').key).toBe('');
    expect(printTemplateFor(form, 'b').blocks.length).toBe(3);
  });

  it('writes the @page rule from paper and orientation', () => {
    expect(pageRule({ key: 'x', name: 'x', blocks: [] })).toContain('size: A4 portrait');
    expect(pageRule({ key: 'x', name: 'x', paper: 'Letter', orientation: 'landscape', blocks: [] })).toContain('size: letter landscape');
  });

  it('sub-table columns come from the definition, else from the rows', () => {
    const declared = { id: 's', key: 'items', type: 'subtable', label: 'Items', options: { fields: [{ id: 'q', key: 'qty', type: 'number', label: 'Qty' }] } };
    expect(subtableColumns(declared, []).map((c) => c.key)).toEqual(['qty']);
    expect(subtableColumns({ ...declared, options: {} }, [{ id: 'r1', sku: 'a' }, { price: 2 }]).map((c) => c.key)).toEqual(['sku', 'price']);
  });

  it('reads batch ids without blanks or repeats', () => {
    expect(parseIds(' a, b,,a ,c')).toEqual(['a', 'b', 'c']);
    expect(parseIds(null)).toEqual([]);
  });
});
