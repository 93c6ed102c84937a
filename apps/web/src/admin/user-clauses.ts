import { localize, type FieldDef, type FormDef } from '@trellis/schema';

/**
 * A column a row scope can compare with the person signed in: a user column (owner,
 * creator, a single member field), a department column (the record's department, a single
 * department field), or a multiple member field (a list of users).
 */
export interface ScopeColumn {
  readonly key: string;
  readonly label: string;
  readonly kind: 'user' | 'dept' | 'users';
}

/** Which of the signed-in person's department lists a department column is checked against. */
export type DeptList = 'deptIds' | 'deptTree' | 'managedDeptTree';

/** The department lists in the order the editor offers them. */
export const DEPT_LISTS: readonly DeptList[] = ['deptIds', 'deptTree', 'managedDeptTree'];

const multiple = (f: FieldDef): boolean => f.options?.['multiple'] === true;

/**
 * The columns of a form a scope can compare with `$user`: the system columns `owner_id`,
 * `created_by`, `dept_id`, then the form's member and department fields.
 *
 * @example scopeColumns(form, 'en', { owner_id: 'Owner', created_by: 'Created by', dept_id: 'Department' })[0] // { key: 'owner_id', label: 'Owner', kind: 'user' }
 */
export function scopeColumns(form: FormDef, locale: string, systemLabels: Readonly<Record<'owner_id' | 'created_by' | 'dept_id', string>>): ScopeColumn[] {
  const out: ScopeColumn[] = [
    { key: 'owner_id', label: systemLabels.owner_id, kind: 'user' },
    { key: 'created_by', label: systemLabels.created_by, kind: 'user' },
    { key: 'dept_id', label: systemLabels.dept_id, kind: 'dept' },
  ];
  for (const f of form.fields) {
    const label = localize(f.label, locale) || f.key;
    if (f.type === 'member') out.push({ key: f.key, label, kind: multiple(f) ? 'users' : 'user' });
    else if (f.type === 'department' && !multiple(f)) out.push({ key: f.key, label, kind: 'dept' });
  }
  return out;
}

/**
 * The condition "this column is the signed-in person" (or, for a department column, "is one
 * of the person's departments / department tree / managed departments").
 *
 * @example userClause({ key: 'owner_id', label: '', kind: 'user' }) // { '==': [{ var: 'owner_id' }, { var: '$user.id' }] }
 * @example userClause({ key: 'dept_id', label: '', kind: 'dept' }, 'deptTree') // { in: [{ var: 'dept_id' }, { var: '$user.deptTree' }] }
 */
export function userClause(column: ScopeColumn, deptList: DeptList = 'deptTree'): unknown {
  switch (column.kind) {
    case 'user':
      return { '==': [{ var: column.key }, { var: '$user.id' }] };
    case 'users':
      return { in: [{ var: '$user.id' }, { var: column.key }] };
    case 'dept':
      return { in: [{ var: column.key }, { var: `$user.${deptList}` }] };
  }
}

/**
 * Adds a condition to a scope with "and": no scope yet → the condition alone; an `and`
 * already → one more member; anything else → `and` of both.
 *
 * @example andClause(undefined, c) // c
 */
export function andClause(scope: unknown, clause: unknown): unknown {
  if (scope === undefined || scope === null) return clause;
  if (typeof scope === 'object' && !Array.isArray(scope) && Object.keys(scope).length === 1 && Array.isArray((scope as { and?: unknown }).and)) {
    return { and: [...(scope as { and: unknown[] }).and, clause] };
  }
  return { and: [scope, clause] };
}

/**
 * Adds a condition to a scope with "or" (e.g. own records *or* my department's).
 *
 * @example orClause(own, dept) // { or: [own, dept] }
 */
export function orClause(scope: unknown, clause: unknown): unknown {
  if (scope === undefined || scope === null) return clause;
  if (typeof scope === 'object' && !Array.isArray(scope) && Object.keys(scope).length === 1 && Array.isArray((scope as { or?: unknown }).or)) {
    return { or: [...(scope as { or: unknown[] }).or, clause] };
  }
  return { or: [scope, clause] };
}
