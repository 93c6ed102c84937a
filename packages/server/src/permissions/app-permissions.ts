import type { EvalContext } from '@trellis/expr';
import { FIELD_ACCESS_LEVELS, PERMISSION_ACTIONS, type AppPackage, type FieldAccess, type FormDef, type PermissionAction } from '@trellis/schema';
import type { HeldRole, Store } from '@trellis/store';
import type { Actor } from '../actor.js';

/** The row scope of one action: `null` = every row, a json-logic condition, or `'none'` (the action is not granted). */
export type RowScope = null | 'none' | { readonly [op: string]: unknown };

/** What the caller may do with one form. */
export interface FormAccess {
  readonly form: string;
  /** The actions granted by any role (after API-key narrowing). */
  readonly actions: ReadonlySet<PermissionAction>;
  /** Whether `action` is granted on some rows. */
  can(action: PermissionAction): boolean;
  /** The rows `action` may touch: OR of the scopes of the roles granting it. */
  scopeFor(action: PermissionAction): RowScope;
  /** How the caller sees a field: the most permissive access across the roles granting `view`. */
  fieldAccess(fieldKey: string): FieldAccess;
  /** Every field of the form with its access (for `GET …/permissions`). */
  readonly fields: Readonly<Record<string, FieldAccess>>;
}

/** The caller's rights in one app, computed for one request. */
export interface AppPermissions {
  readonly app: string;
  /** System administrator (every right, unless an API key narrows it). */
  readonly isAdmin: boolean;
  /** May edit drafts, publish, export the package and manage roles. */
  readonly design: boolean;
  /** Keys of the roles held in the app. */
  readonly roles: readonly string[];
  /** True when the caller has any right in the app (the app is visible). */
  readonly visible: boolean;
  /** True when no check applies (an administrator without API-key narrowing). */
  readonly unrestricted: boolean;
  /** `$user` for scopes and conditions: `{ id, deptIds, deptTree, managedDeptTree, roles }`. */
  readonly ctx: EvalContext;
  /** Rights on one form (none for a form no role names). */
  form(formKey: string): FormAccess;
}

/** Options of {@link computePermissions}. */
export interface PermissionOptions {
  /**
   * Whether a role's scope still compiles against its form (a field it names may have been
   * removed since). A scope that does not grants its action on no rows, rather than failing
   * every list of the caller. Default: every scope is taken as valid.
   */
  readonly scopeValid?: (formKey: string, scope: unknown) => boolean;
}

const rank = (a: FieldAccess): number => FIELD_ACCESS_LEVELS.indexOf(a);

/** System field types whose value only `manage` (or an explicit `editable`) may change. */
const GUARDED_TYPES = new Set(['owner']);

/**
 * The `$user` of conditions for an actor and their role keys in an app.
 *
 * @example userContext(actor, ['rep']) // { user: { id, deptIds, deptTree, managedDeptTree, roles: ['rep'] } }
 */
export function userContext(actor: Actor | null, roles: readonly string[]): EvalContext {
  if (actor === null) return {};
  return {
    user: { id: actor.id, deptIds: [...actor.deptIds], deptTree: [...actor.deptTree], managedDeptTree: [...actor.managedDeptTree], roles: [...roles] },
  };
}

/**
 * Combines the roles a caller holds in an app into their rights (pure; see
 * {@link resolveAppPermissions} for the database side). Union semantics: an action is
 * granted if any role grants it; its row scope is the OR of the granting roles' scopes (a
 * granting role without scope: every row); a field's access is the most permissive across
 * the roles granting `view` (fields a role does not name are `editable`, except the `owner`
 * field, which is `readonly` unless the role holds `manage`). An administrator holds
 * everything; an API key narrows to `apps ∩ key.apps` and `actions ∩ key.actions`.
 *
 * @example
 * const p = computePermissions(actor, pkg, [{ key: 'rep', design: false, forms: { customer: { actions: ['view'] } } }]);
 * p.form('customer').scopeFor('view') // null (every row)
 */
export function computePermissions(actor: Actor | null, pkg: AppPackage, held: readonly HeldRole[], options: PermissionOptions = {}): AppPermissions {
  const app = pkg.app.key;
  const keyApps = actor?.apiKey?.apps ?? null;
  const keyActions = actor?.apiKey?.actions ?? null;
  const appAllowed = keyApps === null || keyApps.includes(app);
  const roles = appAllowed ? held : [];
  const isAdmin = actor?.isAdmin === true;
  const everything = isAdmin && appAllowed;
  const narrow = (a: PermissionAction): boolean => keyActions === null || keyActions.includes(a);
  const roleKeys = roles.map((r) => r.key);
  const forms = new Map<string, FormAccess>();

  const formAccess = (formKey: string): FormAccess => {
    const def = pkg.forms.find((f) => f.key === formKey);
    const granting = (action: PermissionAction) => roles.filter((r) => r.forms[formKey]?.actions.includes(action) === true);
    const actions = new Set<PermissionAction>(
      def === undefined ? [] : PERMISSION_ACTIONS.filter((a) => narrow(a) && (everything ? appAllowed : granting(a).length > 0)),
    );
    const scopes = new Map<PermissionAction, RowScope>();
    const scopeFor = (action: PermissionAction): RowScope => {
      if (!actions.has(action)) return 'none';
      if (everything) return null;
      let s = scopes.get(action);
      if (s !== undefined) return s;
      const parts: unknown[] = [];
      let all = false;
      for (const r of granting(action)) {
        const scope = r.forms[formKey]?.scope;
        if (scope === undefined || scope === null || scope === true) all = true;
        else if (options.scopeValid === undefined || options.scopeValid(formKey, scope)) parts.push(scope);
      }
      s = all ? null : parts.length === 0 ? 'none' : parts.length === 1 ? (parts[0] as RowScope) : { or: parts };
      scopes.set(action, s);
      return s;
    };
    const fields: Record<string, FieldAccess> = {};
    for (const f of def?.fields ?? []) fields[f.key] = fieldAccessOf(f, formKey);
    return {
      form: formKey,
      actions,
      can: (a) => actions.has(a),
      scopeFor,
      fieldAccess: (key) => fields[key] ?? 'hidden',
      fields,
    };

    function fieldAccessOf(field: FormDef['fields'][number], form: string): FieldAccess {
      if (everything) return actions.size > 0 ? 'editable' : 'hidden';
      let best: FieldAccess = 'hidden';
      if (actions.size === 0) return best;
      // the roles granting view decide; a form the caller may only fill in (create without view): the roles granting any action
      const viewing = granting('view');
      const basis = viewing.length > 0 ? viewing : roles.filter((r) => (r.forms[form]?.actions.length ?? 0) > 0);
      for (const r of basis) {
        const perm = r.forms[form]!;
        const named = perm.fields?.[field.key];
        const access: FieldAccess = named ?? (GUARDED_TYPES.has(field.type) && !perm.actions.includes('manage') ? 'readonly' : 'editable');
        if (rank(access) > rank(best)) best = access;
      }
      return best;
    }
  };

  const design = everything ? narrow('manage') : appAllowed && roles.some((r) => r.design) && narrow('manage');
  const visible = everything || design || pkg.forms.some((f) => (forms.get(f.key) ?? formAccess(f.key)).actions.size > 0);
  return {
    app,
    isAdmin,
    design,
    roles: roleKeys,
    visible,
    unrestricted: everything && keyActions === null,
    ctx: userContext(actor, roleKeys),
    form(formKey) {
      let f = forms.get(formKey);
      if (f === undefined) forms.set(formKey, (f = formAccess(formKey)));
      return f;
    },
  };
}

/**
 * The caller's rights in an app (its key, or its live package when the caller has it), read
 * fresh from the database (roles via the user and their departments): no cache outlives the
 * request, so a revoked role stops working at once.
 *
 * @example const perms = await resolveAppPermissions(store, request.actor, 'crm');
 */
export async function resolveAppPermissions(store: Store, actor: Actor | null, app: string | AppPackage, options: PermissionOptions = {}): Promise<AppPermissions> {
  const pkg = typeof app === 'string' ? (await store.apps.get(app)).package : app;
  const held = actor === null || actor.isAdmin ? [] : await store.roles.rolesOf(pkg.app.key, actor.id, actor.deptIds);
  // an administrator holds every right; their role keys still feed `$user.roles`
  const keys = actor !== null && actor.isAdmin ? await store.roles.rolesOf(pkg.app.key, actor.id, actor.deptIds) : held;
  const perms = computePermissions(actor, pkg, held, options);
  return keys === held ? perms : { ...perms, roles: keys.map((r) => r.key), ctx: userContext(actor, keys.map((r) => r.key)), form: perms.form };
}
