import { describe, expect, it } from 'vitest';
import { compileJs } from '@trellis/expr';
import { compileForm } from '@trellis/forms';
import type { FieldDef, FormDef } from '@trellis/schema';
import { filterToJsonLogic, type FilterClause } from './filter-clauses.js';

/**
 * The rows the filter builder writes, run through the real condition compiler with the
 * form's variable types: what the list API will evaluate in SQL is checked here in JS
 * (expr's own property tests keep the two backends equal).
 */
const field = (key: string, type: string, options?: FieldDef['options']): FieldDef => ({ id: `id_${key}`, key, type, label: key, ...(options ? { options } : {}) });
const form: FormDef = {
  key: 'customer',
  name: 'Customer',
  fields: [
    field('name', 'text'),
    field('employees', 'number'),
    field('since', 'date'),
    field('level', 'single_select', { choices: [{ value: 'a', label: 'A' }, { value: 'b', label: 'B' }] }),
    field('tags', 'multi_select', { choices: [{ value: 'vip', label: 'VIP' }, { value: 'new', label: 'New' }] }),
    field('active', 'boolean'),
  ],
};
const rows: Record<string, unknown>[] = [
  { id: 'r1', name: 'Acme Trading', employees: 1200, since: '2024-05-01', level: 'a', tags: ['vip'], active: true },
  { id: 'r2', name: 'Globex', employees: 40, since: '2026-01-10', level: 'b', tags: ['new', 'vip'], active: false },
  { id: 'r3', name: null, employees: null, since: null, level: null, tags: null, active: null },
];
const vars = compileForm(form).varSchema;

function matching(clauses: FilterClause[], match: 'all' | 'any' = 'all'): string[] {
  const logic = filterToJsonLogic({ match, clauses }, form);
  const predicate = compileJs(logic, vars);
  return rows.filter((r) => Boolean(predicate(r))).map((r) => String(r['id']));
}

describe('filter rows evaluated by the condition compiler', () => {
  it('finds text by substring and by exact value', () => {
    expect(matching([{ field: 'name', op: 'contains', value: 'Trad' }])).toEqual(['r1']);
    expect(matching([{ field: 'name', op: 'eq', value: 'Globex' }])).toEqual(['r2']);
  });

  it('compares numbers and dates', () => {
    expect(matching([{ field: 'employees', op: 'gte', value: '1,000' }])).toEqual(['r1']);
    expect(matching([{ field: 'since', op: 'before', value: '2025-01-01' }])).toEqual(['r1']);
  });

  it('matches a single select value and membership in a multi select', () => {
    expect(matching([{ field: 'level', op: 'eq', value: 'b' }])).toEqual(['r2']);
    expect(matching([{ field: 'tags', op: 'contains', value: 'new' }])).toEqual(['r2']);
  });

  it('finds empty and non-empty values', () => {
    expect(matching([{ field: 'name', op: 'is_empty' }])).toEqual(['r3']);
    expect(matching([{ field: 'tags', op: 'is_not_empty' }])).toEqual(['r1', 'r2']);
  });

  it('combines rows with all and any', () => {
    const clauses: FilterClause[] = [
      { field: 'active', op: 'is_true' },
      { field: 'level', op: 'eq', value: 'b' },
    ];
    expect(matching(clauses, 'all')).toEqual([]);
    expect(matching(clauses, 'any')).toEqual(['r1', 'r2']);
  });
});
