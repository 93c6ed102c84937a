import { describe, expect, it } from 'vitest';
import type { FormDef } from '@trellis/schema';
import { changedFields, initialValues } from './record-draft.js';

describe('record drafts', () => {
  it('starts a new record from the static defaults, without layout elements', () => {
    const form: FormDef = {
      key: 'c',
      name: 'C',
      fields: [
        { id: '1', key: 'name', type: 'text', label: 'Name' },
        { id: '2', key: 'active', type: 'boolean', label: 'Active', defaultValue: true },
        { id: '3', key: 'intro', type: 'description', label: 'Intro', options: { text: 'Layout only' } },
      ],
    };
    expect(initialValues(form)).toEqual({ name: null, active: true });
  });

  it('sends only the fields that changed, comparing lists by content', () => {
    expect(changedFields({ a: 1, b: 'x', tags: ['p', 'q'], gone: null }, { a: 1, b: 'y', tags: ['p', 'q'] })).toEqual({ b: 'x' });
    expect(changedFields({ tags: ['q'] }, { tags: ['p'] })).toEqual({ tags: ['q'] });
    expect(changedFields({ a: null }, { a: 'was' })).toEqual({ a: null });
  });
});
