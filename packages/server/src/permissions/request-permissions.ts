import type { FastifyRequest } from 'fastify';
import { StoreErrors, type Store } from '@trellis/store';
import { ServerErrors } from '../errors.js';
import type { AppPackage, FieldAccess, PermissionAction } from '@trellis/schema';
import { checkCondition, type VarSchema } from '@trellis/expr';
import type { FormResolver, ResolvedForm } from '../form-resolver.js';
import { resolveAppPermissions, type AppPermissions, type FormAccess, type PermissionOptions, type RowScope } from './app-permissions.js';
import { readAccess } from './record-view.js';
import { maskValue } from './masking.js';

/** One form with the caller's rights on it, for a route. */
export interface FormGrant {
  readonly perms: AppPermissions;
  readonly pkg: AppPackage;
  readonly resolved: ResolvedForm;
  readonly access: FormAccess;
  /** Read access per field key (lookups and rollups lowered to their source). */
  readonly read: ReadonlyMap<string, FieldAccess>;
}

/** Scopes checked against a form layout's variables (per compiled layout, so a new app version re-checks). */
const checkedScopes = new WeakMap<VarSchema, Map<string, boolean>>();

/**
 * A scope as the store takes it: `null` = all rows, `false` = none.
 *
 * @example store.records.get(app, form, id, { access: { view: storeScope(access.scopeFor('view')), ctx } })
 */
export function storeScope(scope: RowScope): unknown {
  return scope === 'none' ? false : scope;
}

/**
 * `PERMISSION_DENIED` (403) naming what is missing.
 *
 * @example throw permissionDenied('edit', 'customer');
 */
export function permissionDenied(what: string, target: string, path = '/'): Error {
  return StoreErrors.create('PERMISSION_DENIED', `[server] your roles do not grant '${what}' on ${target}; ask an administrator or the app's designer for the right`, [
    { path, message: `'${what}' not granted` },
  ]);
}

/**
 * The same 404 as an app that does not exist, so apps cannot be probed.
 *
 * @example if (!perms.visible) throw appNotFound('crm');
 */
export function appNotFound(app: string): Error {
  return StoreErrors.create('STORE_APP_NOT_FOUND', `[server] app '${app}' does not exist; import its package first`, [{ path: '/params/app', message: `no app '${app}'` }]);
}

/**
 * The same 404 as a form that does not exist.
 *
 * @example throw formNotFound('crm', 'customer');
 */
export function formNotFound(app: string, form: string): Error {
  return StoreErrors.create('STORE_FORM_NOT_FOUND', `[server] app '${app}' has no form '${form}'`, [{ path: '/params/form', message: `no form '${form}' in app '${app}'` }]);
}

/**
 * The permission checks of the routes: the caller's rights per app, computed once per request
 * (kept on the request only, so nothing outlives it), and the guards that turn them into
 * 404 (app or form not visible) and 403 (action not granted).
 *
 * @example
 * const { access, read } = await permissions.form(request, 'crm', 'customer', 'edit');
 */
export class RequestPermissions {
  readonly #store: Store;
  readonly #resolver: FormResolver;
  readonly #options: PermissionOptions;
  readonly #byRequest = new WeakMap<FastifyRequest, Map<string, Promise<AppPermissions>>>();

  constructor(store: Store, resolver: FormResolver, options: PermissionOptions = {}) {
    this.#store = store;
    this.#resolver = resolver;
    this.#options = options;
  }

  /** The caller's rights in an app (the app must exist: `STORE_APP_NOT_FOUND` otherwise). */
  async app(request: FastifyRequest, appKey: string): Promise<{ perms: AppPermissions; pkg: AppPackage }> {
    const { pkg } = await this.#resolver.app(appKey);
    let perApp = this.#byRequest.get(request);
    if (perApp === undefined) this.#byRequest.set(request, (perApp = new Map()));
    let p = perApp.get(appKey);
    if (p === undefined) perApp.set(appKey, (p = this.#resolve(request, appKey, pkg)));
    return { perms: await p, pkg };
  }

  async #resolve(request: FastifyRequest, appKey: string, pkg: AppPackage): Promise<AppPermissions> {
    const vars = new Map<string, VarSchema>();
    for (const f of pkg.forms) vars.set(f.key, (await this.#resolver.form(appKey, f.key)).compiled.varSchema);
    const scopeValid = (formKey: string, scope: unknown): boolean => {
      const v = vars.get(formKey);
      if (v === undefined) return false;
      let known = checkedScopes.get(v);
      if (known === undefined) checkedScopes.set(v, (known = new Map()));
      const key = JSON.stringify(scope);
      let ok = known.get(key);
      if (ok === undefined) {
        ok = checkCondition(scope, v).length === 0;
        if (!ok) request.log.warn({ app: appKey, form: formKey, scope }, 'a role scope no longer compiles against its form; it grants no rows');
        known.set(key, ok);
      }
      return ok;
    };
    return resolveAppPermissions(this.#store, request.actor, pkg, { ...this.#options, scopeValid });
  }

  /** The app if the caller has any right in it; the 404 of an absent app otherwise. */
  async visibleApp(request: FastifyRequest, appKey: string): Promise<{ perms: AppPermissions; pkg: AppPackage }> {
    const got = await this.app(request, appKey);
    if (!got.perms.visible) throw appNotFound(appKey);
    return got;
  }

  /** The app if the caller holds its design right (or is an administrator): 404 when invisible, 403 otherwise. */
  async design(request: FastifyRequest, appKey: string): Promise<{ perms: AppPermissions; pkg: AppPackage }> {
    const got = await this.visibleApp(request, appKey);
    if (!got.perms.design) throw permissionDenied('design', `app '${appKey}'`);
    return got;
  }

  /**
   * A form and the caller's rights on it: 404 when the caller has no right on the form at
   * all (as if it did not exist), 403 when `action` is given and not granted.
   */
  async form(request: FastifyRequest, appKey: string, formKey: string, action?: PermissionAction): Promise<FormGrant> {
    const { perms, pkg } = await this.app(request, appKey);
    const resolved = await this.#resolver.form(appKey, formKey);
    const access = perms.form(formKey);
    if (access.actions.size === 0) throw formNotFound(appKey, formKey);
    if (action !== undefined && !access.can(action)) throw permissionDenied(action, `form '${formKey}'`);
    return { perms, pkg, resolved, access, read: readAccess(perms, pkg, resolved.form) };
  }

  /** The caller's rights when no app exists yet (import of a new app): administrators only. */
  isAdmin(request: FastifyRequest): boolean {
    const actor = request.actor;
    if (actor === null) return false;
    // an API key narrowed to some apps or actions is not an administrator's full hand
    return actor.isAdmin && (actor.apiKey?.actions ?? null) === null && (actor.apiKey?.apps ?? null) === null;
  }
}

/**
 * Refuses record input naming a field the caller may not write: read-only, masked or hidden
 * for their roles (and the owner field without `manage` or an explicit `editable`).
 * `FIELD_READ_ONLY` (403) with `/data/<key>` for each; keys that are not fields are left to the form engine.
 *
 * @example assertWritable(grant, request.body.data)
 */
export function assertWritable(grant: FormGrant, data: unknown): void {
  if (grant.perms.unrestricted || typeof data !== 'object' || data === null || Array.isArray(data)) return;
  const keys = new Set(grant.resolved.form.fields.map((f) => f.key));
  const details = Object.keys(data)
    .filter((k) => keys.has(k) && grant.access.fieldAccess(k) !== 'editable')
    .map((k) => ({ path: `/data/${k}`, message: `field '${k}' is ${grant.access.fieldAccess(k) === 'hidden' ? 'hidden' : grant.access.fieldAccess(k)} for your roles and cannot be written` }));
  if (details.length > 0) {
    throw ServerErrors.create('FIELD_READ_ONLY', `[server] ${details.length} field(s) of form '${grant.resolved.form.key}' may not be written by your roles (first: ${details[0]!.path}); leave them out`, details);
  }
}

const isEmptyValue = (v: unknown): boolean => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
const sameJson = (a: unknown, b: unknown): boolean => a === b || JSON.stringify(a) === JSON.stringify(b);

/**
 * Record input without the fields the caller may not write but sent back unchanged, so a
 * client may send a whole form: on create, empty values; on update, a read-only field's
 * current value or a masked field's masked value; a hidden field sent empty. Hidden fields are
 * never compared with their value (that would reveal it), so naming one with a value stays
 * `FIELD_READ_ONLY`.
 *
 * @example const patch = withoutUnchanged(grant, request.body.data, existing.data);
 */
export function withoutUnchanged(grant: FormGrant, data: Record<string, unknown>, existing?: Readonly<Record<string, unknown>>): Record<string, unknown> {
  if (grant.perms.unrestricted) return data;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    const field = grant.resolved.form.fields.find((f) => f.key === key);
    const access = field === undefined ? 'editable' : grant.access.fieldAccess(key);
    if (access !== 'editable' && access !== 'hidden') {
      if (existing === undefined && isEmptyValue(value)) continue;
      if (existing !== undefined && access === 'readonly' && sameJson(value, existing[key] ?? null)) continue;
      if (existing !== undefined && access === 'masked' && sameJson(value, maskValue(field!.type, existing[key] ?? null))) continue;
    }
    // the caller cannot know a hidden value: an empty one (a form sent back whole) touches nothing
    if (access === 'hidden' && isEmptyValue(value)) continue;
    out[key] = value;
  }
  return out;
}
