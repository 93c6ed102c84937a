import { PERMISSION_ACTIONS, type FieldAccess, type FormPermission, type PermissionAction } from '@trellis/schema';

/** A role's forms map, as the matrix editor edits it. */
export type RoleForms = Readonly<Record<string, FormPermission>>;

/** The row-scope presets of the matrix editor; `custom` is any other condition. */
export type ScopePreset = 'all' | 'own' | 'dept' | 'deptTree' | 'managed' | 'custom';

/** The presets in the order the editor offers them. */
export const SCOPE_PRESETS: readonly ScopePreset[] = ['all', 'own', 'dept', 'deptTree', 'managed', 'custom'];

const PRESET_SCOPES: Readonly<Record<Exclude<ScopePreset, 'all' | 'custom'>, unknown>> = {
  own: { '==': [{ var: 'owner_id' }, { var: '$user.id' }] },
  dept: { in: [{ var: 'dept_id' }, { var: '$user.deptIds' }] },
  deptTree: { in: [{ var: 'dept_id' }, { var: '$user.deptTree' }] },
  managed: { in: [{ var: 'dept_id' }, { var: '$user.managedDeptTree' }] },
};

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * The row scope (json-logic) a preset stands for: `undefined` for "all records"; `custom`
 * keeps the condition given (the person edits it in the condition builder).
 *
 * @example scopeOfPreset('own') // { '==': [{ var: 'owner_id' }, { var: '$user.id' }] }
 */
export function scopeOfPreset(preset: ScopePreset, custom?: unknown): unknown {
  if (preset === 'all') return undefined;
  if (preset === 'custom') return custom;
  return PRESET_SCOPES[preset];
}

/**
 * Recognises a stored row scope as one of the presets; anything else is `custom`.
 *
 * @example presetOfScope(undefined) // 'all'
 * @example presetOfScope({ in: [{ var: 'dept_id' }, { var: '$user.deptTree' }] }) // 'deptTree'
 */
export function presetOfScope(scope: unknown): ScopePreset {
  if (scope === undefined || scope === null) return 'all';
  for (const [preset, value] of Object.entries(PRESET_SCOPES)) if (same(scope, value)) return preset as ScopePreset;
  return 'custom';
}

/**
 * The permission of a form in a role, or an empty one (the form is invisible to the role).
 *
 * @example formPermission({}, 'customer') // { actions: [] }
 */
export function formPermission(forms: RoleForms, form: string): FormPermission {
  return forms[form] ?? { actions: [] };
}

/**
 * Whether a role grants an action on a form.
 *
 * @example hasAction({ c: { actions: ['view'] } }, 'c', 'edit') // false
 */
export function hasAction(forms: RoleForms, form: string, action: PermissionAction): boolean {
  return formPermission(forms, form).actions.includes(action);
}

function withForm(forms: RoleForms, form: string, next: FormPermission): RoleForms {
  const out: Record<string, FormPermission> = { ...forms };
  // a form without actions is invisible anyway; drop it so the role stays small and readable
  if (next.actions.length === 0) delete out[form];
  else out[form] = next;
  return out;
}

/**
 * Switches one action of one form on or off. Every other action needs `view` (nobody edits
 * what they cannot see), so granting one grants `view` too and revoking `view` revokes all.
 * Actions stay in the canonical order of `PERMISSION_ACTIONS`.
 *
 * @example toggleAction({}, 'customer', 'edit', true) // { customer: { actions: ['view', 'edit'] } }
 */
export function toggleAction(forms: RoleForms, form: string, action: PermissionAction, on: boolean): RoleForms {
  const current = formPermission(forms, form);
  const set = new Set(current.actions);
  if (on) {
    set.add(action);
    set.add('view');
  } else if (action === 'view') set.clear();
  else set.delete(action);
  const actions = PERMISSION_ACTIONS.filter((a) => set.has(a));
  return withForm(forms, form, { ...current, actions });
}

/**
 * Grants or revokes every action of a form at once (the row's "all" checkbox).
 *
 * @example setAllActions({}, 'customer', true).customer.actions.length // 7
 */
export function setAllActions(forms: RoleForms, form: string, on: boolean): RoleForms {
  const current = formPermission(forms, form);
  return withForm(forms, form, { ...current, actions: on ? [...PERMISSION_ACTIONS] : [] });
}

/**
 * Sets the row scope of a form; `undefined` removes it (every record). A form the role
 * does not see yet gets `view` with it, since a scope without view means nothing.
 *
 * @example setScope({ customer: { actions: ['view'] } }, 'customer', scopeOfPreset('own'))
 */
export function setScope(forms: RoleForms, form: string, scope: unknown): RoleForms {
  const current = formPermission(forms, form);
  const { scope: _old, ...rest } = current;
  const actions = current.actions.length === 0 ? (['view'] as PermissionAction[]) : current.actions;
  return withForm(forms, form, scope === undefined || scope === null ? { ...rest, actions } : { ...rest, actions, scope });
}

/**
 * The access of a field in a role: `editable` unless the role says otherwise.
 *
 * @example fieldAccess({ c: { actions: ['view'], fields: { phone: 'masked' } } }, 'c', 'phone') // 'masked'
 */
export function fieldAccess(forms: RoleForms, form: string, field: string): FieldAccess {
  return formPermission(forms, form).fields?.[field] ?? 'editable';
}

/**
 * Sets how a role sees one field. `editable` is the default, so it is stored as no entry;
 * a form whose fields are all editable has no `fields` map at all.
 *
 * @example setFieldAccess({ c: { actions: ['view'] } }, 'c', 'phone', 'masked') // { c: { actions: ['view'], fields: { phone: 'masked' } } }
 */
export function setFieldAccess(forms: RoleForms, form: string, field: string, access: FieldAccess): RoleForms {
  const current = formPermission(forms, form);
  const fields: Record<string, FieldAccess> = { ...(current.fields ?? {}) };
  if (access === 'editable') delete fields[field];
  else fields[field] = access;
  const { fields: _old, ...rest } = current;
  const next: FormPermission = Object.keys(fields).length === 0 ? rest : { ...rest, fields };
  // access levels only matter once the form is visible; keep them even if no action is granted yet
  if (next.actions.length === 0) return { ...forms, [form]: next };
  return withForm(forms, form, next);
}

/**
 * Sets every field of a form to one access level at once (a column header of the grid).
 *
 * @example setAllFieldAccess(forms, 'customer', ['name', 'phone'], 'readonly')
 */
export function setAllFieldAccess(forms: RoleForms, form: string, fieldKeys: readonly string[], access: FieldAccess): RoleForms {
  return fieldKeys.reduce((acc, key) => setFieldAccess(acc, form, key, access), forms);
}

/**
 * Drops what a role's forms map holds for forms the app no longer has, and empty entries,
 * so saving never sends stale keys the server would refuse.
 *
 * @example pruneForms({ gone: { actions: ['view'] }, c: { actions: [] } }, ['c']) // {}
 */
export function pruneForms(forms: RoleForms, formKeys: readonly string[]): RoleForms {
  const known = new Set(formKeys);
  const out: Record<string, FormPermission> = {};
  for (const [key, perm] of Object.entries(forms)) if (known.has(key) && perm.actions.length > 0) out[key] = perm;
  return out;
}

/**
 * Whether two forms maps grant the same (for "unsaved changes").
 *
 * @example formsEqual({ a: { actions: ['view'] } }, { a: { actions: ['view'] } }) // true
 */
export function formsEqual(a: RoleForms, b: RoleForms): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) if (!same(normal(a[k]), normal(b[k]))) return false;
  return true;
}

function normal(p: FormPermission | undefined): unknown {
  if (!p || p.actions.length === 0) return null;
  const fields = Object.fromEntries(Object.entries(p.fields ?? {}).filter(([, v]) => v !== 'editable').sort(([x], [y]) => x.localeCompare(y)));
  return { actions: PERMISSION_ACTIONS.filter((x) => p.actions.includes(x)), scope: p.scope ?? null, fields };
}
