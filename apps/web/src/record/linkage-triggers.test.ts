import { describe, expect, it } from 'vitest';
import type { FormDef } from '@trellis/schema';
import { linkageTriggers } from './linkage-triggers.js';
import { createRelationSource } from './relation-source.js';

describe('linkageTriggers', () => {
  it('names the fields linkages match on', () => {
    const form: FormDef = {
      key: 'contact',
      name: 'c',
      fields: [
        { id: 'a', key: 'company', type: 'text', label: 'a' },
        { id: 'b', key: 'city', type: 'text', label: 'b', defaultFrom: { kind: 'linkage', form: 'customer', match: [{ field: 'name', equals: 'company' }], take: 'city' } },
        { id: 'c', key: 'when', type: 'date', label: 'c', defaultFrom: { kind: 'today' } },
      ],
    };
    expect([...linkageTriggers(form)]).toEqual(['company']);
  });
});

describe('createRelationSource', () => {
  const field = { id: 'f', key: 'customer', type: 'relation', label: 'c', options: { form: 'customer' } };
  it('knows the record\'s related display values and everything found since, per field', async () => {
    const calls: string[] = [];
    const source = createRelationSource('crm', 'contact', { customer: { a: { title: 'ACME', fields: {} } } }, {
      search: async (app, form, key, text) => {
        calls.push(`${app}/${form}/${key}?${text}`);
        return { items: [{ id: 'b', title: 'Globex', fields: {} }], hasMore: false };
      },
      byIds: async () => [],
    });
    expect(source.known!(field, 'a')?.title).toBe('ACME');
    expect(source.known!(field, 'b')).toBeUndefined();
    await source.search(field, 'glo');
    expect(calls).toEqual(['crm/contact/customer?glo']);
    expect(source.known!(field, 'b')?.title).toBe('Globex');
    expect(source.known!({ ...field, key: 'other' }, 'b')).toBeUndefined();
  });
});
