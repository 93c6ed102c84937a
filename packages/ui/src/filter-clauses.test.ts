import { describe, expect, it } from 'vitest';
import { fieldTypes } from '@trellis/forms';
import type { FieldDef, FieldTypeCatalog, FormDef } from '@trellis/schema';
import { activeClauseCount, filterKindOf, filterOperators, filterToJsonLogic } from './filter-clauses.js';

const field = (key: string, type: string, options?: FieldDef['options']): FieldDef => ({ id: `id_${key}`, key, type, label: key, ...(options ? { options } : {}) });
const form: FormDef = {
  key: 'customer',
  name: 'Customer',
  fields: [
    field('name', 'text'),
    field('employees', 'number'),
    field('since', 'date'),
    field('seen_at', 'datetime'),
    field('level', 'single_select', { choices: [{ value: 'a', label: 'A' }] }),
    field('tags', 'multi_select', { choices: [{ value: 'vip', label: 'VIP' }] }),
    field('active', 'boolean'),
  ],
};

describe('filterToJsonLogic', () => {
  it('gives no condition when there is no complete row', () => {
    expect(filterToJsonLogic({ match: 'all', clauses: [] }, form)).toBeUndefined();
    expect(filterToJsonLogic({ match: 'all', clauses: [{ field: 'name', op: 'contains', value: '  ' }] }, form)).toBeUndefined();
  });

  it('gives a single row as itself and several joined by and/or', () => {
    const a = { field: 'name', op: 'contains', value: ' Acme ' } as const;
    const b = { field: 'employees', op: 'gte', value: '1,000' } as const;
    expect(filterToJsonLogic({ match: 'all', clauses: [a] }, form)).toEqual({ in: ['Acme', { var: 'name' }] });
    expect(filterToJsonLogic({ match: 'all', clauses: [a, b] }, form)).toEqual({
      and: [{ in: ['Acme', { var: 'name' }] }, { '>=': [{ var: 'employees' }, 1000] }],
    });
    expect(filterToJsonLogic({ match: 'any', clauses: [a, b] }, form)).toEqual({
      or: [{ in: ['Acme', { var: 'name' }] }, { '>=': [{ var: 'employees' }, 1000] }],
    });
  });

  it('ignores a number row whose value is not a number', () => {
    expect(filterToJsonLogic({ match: 'all', clauses: [{ field: 'employees', op: 'gt', value: 'many' }] }, form)).toBeUndefined();
  });

  it('compares dates as YYYY-MM-DD and datetimes as UTC instants', () => {
    expect(filterToJsonLogic({ match: 'all', clauses: [{ field: 'since', op: 'before', value: '2026-01-01' }] }, form)).toEqual({
      '<': [{ var: 'since' }, '2026-01-01'],
    });
    const logic = filterToJsonLogic({ match: 'all', clauses: [{ field: 'seen_at', op: 'after', value: '2026-01-01T08:00' }] }, form) as {
      '>': [unknown, string];
    };
    expect(logic['>'][1]).toBe(new Date('2026-01-01T08:00').toISOString());
  });

  it('tests membership for multi selects and equality for single selects', () => {
    expect(filterToJsonLogic({ match: 'all', clauses: [{ field: 'tags', op: 'not_contains', value: 'vip' }] }, form)).toEqual({
      '!': [{ in: ['vip', { var: 'tags' }] }],
    });
    expect(filterToJsonLogic({ match: 'all', clauses: [{ field: 'level', op: 'eq', value: 'a' }] }, form)).toEqual({
      '==': [{ var: 'level' }, 'a'],
    });
  });

  it('needs no value for emptiness and boolean rows', () => {
    expect(
      filterToJsonLogic(
        {
          match: 'all',
          clauses: [
            { field: 'name', op: 'is_not_empty' },
            { field: 'active', op: 'is_true' },
          ],
        },
        form,
      ),
    ).toEqual({ and: [{ '!': [{ isEmpty: [{ var: 'name' }] }] }, { '==': [{ var: 'active' }, true] }] });
  });

  it('drops rows naming unknown fields or operators the field does not offer', () => {
    expect(
      filterToJsonLogic(
        {
          match: 'all',
          clauses: [
            { field: 'ghost', op: 'eq', value: 'x' },
            { field: 'active', op: 'gt', value: '1' },
          ],
        },
        form,
      ),
    ).toBeUndefined();
  });

  it('counts only the rows that contribute', () => {
    expect(
      activeClauseCount(
        {
          match: 'all',
          clauses: [
            { field: 'name', op: 'eq', value: '' },
            { field: 'name', op: 'is_empty' },
          ],
        },
        form,
      ),
    ).toBe(1);
  });
});

describe('filterKindOf', () => {
  it('classifies plugin field types by the value type their catalog reports', () => {
    const catalog: FieldTypeCatalog = {
      has: (t) => t === 'rating' || t === 'location',
      optionsSchema: () => undefined,
      valueType: (f) => (f.type === 'rating' ? 'number' : 'json'),
    };
    expect(filterKindOf(field('stars', 'rating'), catalog)).toBe('number');
    expect(filterKindOf(field('where', 'location'), catalog)).toBeUndefined();
    expect(filterKindOf(field('where', 'location'))).toBeUndefined();
  });

  it('offers no filter on layout elements, which hold no value', () => {
    expect(filterKindOf(field('intro', 'description'), fieldTypes)).toBeUndefined();
    expect(filterKindOf(field('name', 'text'), fieldTypes)).toBe('text');
  });

  it('offers comparison operators for numbers and only yes/no for booleans', () => {
    expect(filterOperators('number')).toContain('gte');
    expect(filterOperators('boolean')).toEqual(['is_true', 'is_false']);
  });
});
