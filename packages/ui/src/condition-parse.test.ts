import { describe, expect, it } from 'vitest';
import { fieldTypes } from '@trellis/forms';
import type { FormDef } from '@trellis/schema';
import { conditionToFilter } from './condition-parse.js';
import { filterToJsonLogic, type FilterState } from './filter-clauses.js';

const form: FormDef = {
  key: 'lead',
  name: 'Lead',
  fields: [
    { id: 'f1', key: 'name', type: 'text', label: 'Name' },
    { id: 'f2', key: 'size', type: 'number', label: 'Size' },
    { id: 'f3', key: 'tier', type: 'single_select', label: 'Tier', options: { choices: [{ value: 'gold', label: 'Gold' }] } },
    { id: 'f4', key: 'tags', type: 'multi_select', label: 'Tags', options: { choices: [{ value: 'a', label: 'A' }] } },
    { id: 'f5', key: 'vip', type: 'boolean', label: 'VIP' },
    { id: 'f6', key: 'since', type: 'date', label: 'Since' },
  ],
};

describe('conditionToFilter', () => {
  it('reads back every row shape filterToJsonLogic writes, with all and any', () => {
    const states: FilterState[] = [
      { match: 'all', clauses: [{ field: 'tier', op: 'eq', value: 'gold' }] },
      {
        match: 'any',
        clauses: [
          { field: 'name', op: 'contains', value: 'acme' },
          { field: 'name', op: 'not_contains', value: 'x' },
          { field: 'size', op: 'gte', value: '10' },
          { field: 'size', op: 'lt', value: '3' },
          { field: 'tags', op: 'contains', value: 'a' },
          { field: 'vip', op: 'is_true' },
          { field: 'since', op: 'before', value: '2024-01-01' },
          { field: 'name', op: 'is_empty' },
          { field: 'tier', op: 'is_not_empty' },
          { field: 'tier', op: 'ne', value: 'gold' },
        ],
      },
    ];
    for (const state of states) {
      const logic = filterToJsonLogic(state, form, fieldTypes);
      expect(conditionToFilter(logic, form, fieldTypes)).toEqual(state);
      expect(filterToJsonLogic(conditionToFilter(logic, form, fieldTypes)!, form, fieldTypes)).toEqual(logic);
    }
  });

  it('reads an absent condition as no rows', () => {
    expect(conditionToFilter(undefined, form)).toEqual({ match: 'all', clauses: [] });
  });

  it('gives undefined for shapes the rows cannot show: formulas, nesting, unknown fields', () => {
    expect(conditionToFilter({ '>': [{ '+': [{ var: 'size' }, 1] }, 3] }, form)).toBeUndefined();
    expect(conditionToFilter({ and: [{ or: [{ '==': [{ var: 'vip' }, true] }] }] }, form)).toBeUndefined();
    expect(conditionToFilter({ '==': [{ var: 'nope' }, 1] }, form)).toBeUndefined();
  });
});
