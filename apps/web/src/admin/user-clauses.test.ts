import { describe, expect, it } from 'vitest';
import type { FormDef } from '@trellis/schema';
import { andClause, orClause, scopeColumns, userClause } from './user-clauses.js';
import { presetOfScope } from './role-matrix.js';

const form = {
  key: 'deal',
  name: 'Deal',
  fields: [
    { id: 'a', key: 'sales', type: 'member', label: { en: 'Sales rep' } },
    { id: 'b', key: 'team', type: 'member', label: { en: 'Team' }, options: { multiple: true } },
    { id: 'c', key: 'region', type: 'department', label: { en: 'Region' } },
    { id: 'd', key: 'title', type: 'text', label: { en: 'Title' } },
  ],
} as unknown as FormDef;
const labels = { owner_id: 'Owner', created_by: 'Created by', dept_id: 'Department' };

describe('user clauses of a row scope', () => {
  it('offers the system columns and the member and department fields', () => {
    expect(scopeColumns(form, 'en', labels).map((c) => [c.key, c.kind])).toEqual([
      ['owner_id', 'user'], ['created_by', 'user'], ['dept_id', 'dept'], ['sales', 'user'], ['team', 'users'], ['region', 'dept'],
    ]);
  });

  it('writes conditions the presets recognise', () => {
    const [owner, , dept] = scopeColumns(form, 'en', labels);
    expect(presetOfScope(userClause(owner!))).toBe('own');
    expect(presetOfScope(userClause(dept!, 'deptIds'))).toBe('dept');
    expect(presetOfScope(userClause(dept!, 'managedDeptTree'))).toBe('managed');
  });

  it('compares a list of users by membership', () => {
    const team = scopeColumns(form, 'en', labels).find((c) => c.key === 'team')!;
    expect(userClause(team)).toEqual({ in: [{ var: '$user.id' }, { var: 'team' }] });
  });

  it('combines with and / or without nesting needlessly', () => {
    const a = { '==': [{ var: 'x' }, 1] };
    const b = { '==': [{ var: 'y' }, 2] };
    const c = { '==': [{ var: 'z' }, 3] };
    expect(andClause(undefined, a)).toBe(a);
    expect(andClause(a, b)).toEqual({ and: [a, b] });
    expect(andClause({ and: [a, b] }, c)).toEqual({ and: [a, b, c] });
    expect(orClause({ or: [a] }, b)).toEqual({ or: [a, b] });
    expect(orClause(a, b)).toEqual({ or: [a, b] });
  });
});
