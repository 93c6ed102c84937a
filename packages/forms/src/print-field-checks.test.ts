import { describe, expect, it } from 'vitest';
import type { FormDef } from '@trellis/schema';
import { validateApp } from './validate-app.js';

const form = (blocks: unknown[]): FormDef => ({
  key: 'visit',
  name: 'Visit',
  fields: [
    { id: 'f1', key: 'intro', type: 'description', label: 'Intro', options: { text: 'x' } },
    { id: 'f2', key: 'name', type: 'text', label: 'Name' },
  ],
  printTemplates: [{ key: 'sheet', name: 'Sheet', blocks: blocks as never }],
});
const check = (blocks: unknown[]) => validateApp({ schemaVersion: 1, app: { key: 'crm', name: 'CRM' }, forms: [form(blocks)] });

describe('print templates and field types (validateApp)', () => {
  it('accepts fields, text, a blank signing line and approvals', () => {
    const r = check([{ kind: 'fields', fields: ['intro', 'name'] }, { kind: 'text', text: 'a\nb' }, { kind: 'signature', label: '经办人' }, { kind: 'approvals' }]);
    expect(r.ok).toBe(true);
  });

  it('refuses a sub-table block on a field that is not a sub-table, and a signature of a layout element', () => {
    const r = check([{ kind: 'subtable', field: 'name' }, { kind: 'signature', field: 'intro' }]);
    expect(!r.ok && r.errors.map((e) => e.path)).toEqual(['/forms/0/printTemplates/0/blocks/0/field', '/forms/0/printTemplates/0/blocks/1/field']);
    expect(!r.ok && r.errors[0]!.message).toContain("prints 'name' as a sub-table, but it is a text field");
  });

  it('reports a field the form does not have through the schema checks', () => {
    const r = check([{ kind: 'fields', fields: ['ghost'] }]);
    expect(!r.ok && r.errors.map((e) => e.path)).toEqual(['/forms/0/printTemplates/0/blocks/0/fields/0']);
  });
});
