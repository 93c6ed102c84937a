import { describe, expect, it } from 'vitest';
import type { FormDef } from '@trellis/schema';
import { withoutComputed } from './computed-fields.js';

describe('withoutComputed', () => {
  it('drops lookups and rollups, keeps relations and plain fields', () => {
    const form: FormDef = {
      key: 'deal',
      name: 'd',
      fields: [
        { id: 'a', key: 'name', type: 'text', label: 'a' },
        { id: 'b', key: 'customer', type: 'relation', label: 'b', options: { form: 'customer' } },
        { id: 'c', key: 'city', type: 'lookup', label: 'c', options: { relation: 'customer', field: 'city', valueType: 'text' } },
        { id: 'd', key: 'n', type: 'rollup', label: 'd', options: { aggregate: 'count', relation: 'x' } },
      ],
    };
    expect(withoutComputed(form, { name: 'x', customer: null, city: null, n: null })).toEqual({ name: 'x', customer: null });
  });
});
