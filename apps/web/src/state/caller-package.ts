import type { AppPackage, FieldAccess, FieldDef, PermissionAction } from '@trellis/schema';

/** What the web app needs of the caller's rights in an app (`GET /api/apps/:app/permissions`). */
export interface CallerRights {
  readonly isAdmin: boolean;
  readonly forms: Readonly<Record<string, { readonly actions: readonly PermissionAction[]; readonly fields: Readonly<Record<string, FieldAccess>> }>>;
}

/**
 * The app package as the caller may use it in the browser: a field their roles hide is never
 * shown (`visibleWhen: false`, so the form sends it empty and the list has no column for it),
 * a read-only or masked field is read-only (`readOnlyWhen: true`), and the menu names only
 * the forms they may view ({@link inCallerMenu}). Forms stay in the package (relations and lookups name them). The
 * server enforces all of it regardless; this only keeps the screen honest.
 *
 * @example const pkg = forCaller(await api.getPackage('crm'), await adminApi.permissions('crm'));
 */
export function forCaller(pkg: AppPackage, rights: CallerRights): AppPackage {
  if (rights.isAdmin) return pkg;
  const forms = pkg.forms.map((form) => {
    const access = rights.forms[form.key]?.fields ?? {};
    return { ...form, fields: form.fields.map((f) => withAccess(f, access[f.key] ?? 'editable')) };
  });
  const shaped: AppPackage = { ...pkg, forms };
  offMenu.set(shaped, new Set(pkg.forms.filter((f) => !(rights.forms[f.key]?.actions ?? []).includes('view')).map((f) => f.key)));
  return shaped;
}

/** Per shaped package: the forms the caller may not view (left out of the menu). */
const offMenu = new WeakMap<AppPackage, ReadonlySet<string>>();

/**
 * Whether a form belongs in the caller's menu (false for forms of a package shaped by
 * {@link forCaller} that the caller may not view).
 *
 * @example inCallerMenu(pkg, 'lead') // false for customer service
 */
export function inCallerMenu(pkg: AppPackage, formKey: string): boolean {
  return offMenu.get(pkg)?.has(formKey) !== true;
}

function withAccess(field: FieldDef, access: FieldAccess): FieldDef {
  if (access === 'hidden') return { ...field, visibleWhen: false };
  if (access === 'readonly' || access === 'masked') return { ...field, readOnlyWhen: true };
  return field;
}
