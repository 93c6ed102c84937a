import { compileForm, type CompiledForm } from '@trellis/forms';
import { StoreErrors, type Store } from '@trellis/store';
import type { AppPackage, FormDef } from '@trellis/schema';

/** A form of the live app version, compiled by the form engine. */
export interface ResolvedForm {
  readonly app: string;
  readonly appVersion: number;
  readonly form: FormDef;
  readonly compiled: CompiledForm;
  /** Names `sort` may use: the form's value fields and the system columns. */
  readonly sortable: readonly string[];
}

interface CachedApp {
  readonly version: number;
  readonly pkg: AppPackage;
  readonly forms: Map<string, ResolvedForm>;
  readonly loadedAt: number;
}

/**
 * Finds the live definition of an app's forms and compiles each once per app version.
 * The definition is cached for `ttlMs` (1 s by default) so record requests do not read the
 * app table each time; an import through this server refreshes it at once, and another
 * server process's upgrade is seen within `ttlMs`.
 *
 * @example
 * const { compiled } = await resolver.form('crm', 'customer');
 */
export class FormResolver {
  readonly #store: Store;
  readonly #ttlMs: number;
  readonly #apps = new Map<string, CachedApp>();
  readonly #loading = new Map<string, Promise<CachedApp>>();

  constructor(store: Store, ttlMs = 1000) {
    this.#store = store;
    this.#ttlMs = ttlMs;
  }

  /** The live package of an app; `STORE_APP_NOT_FOUND` (404) when it is not installed. */
  async app(appKey: string): Promise<{ version: number; pkg: AppPackage }> {
    const cached = await this.#app(appKey);
    return { version: cached.version, pkg: cached.pkg };
  }

  /** A form of the live version, compiled; `STORE_FORM_NOT_FOUND` (404) when the app has no such form. */
  async form(appKey: string, formKey: string): Promise<ResolvedForm> {
    const app = await this.#app(appKey);
    const hit = app.forms.get(formKey);
    if (hit !== undefined) return hit;
    const form = app.pkg.forms.find((f) => f.key === formKey);
    if (form === undefined) {
      throw StoreErrors.create(
        'STORE_FORM_NOT_FOUND',
        `[server] app '${appKey}' has no form '${formKey}'; its forms are: ${app.pkg.forms.map((f) => f.key).join(', ')}`,
        [{ path: '/params/form', message: `no form '${formKey}' in app '${appKey}'` }],
      );
    }
    const compiled = compileForm(form);
    const resolved: ResolvedForm = {
      app: appKey,
      appVersion: app.version,
      form,
      compiled,
      sortable: Object.keys(compiled.varSchema),
    };
    app.forms.set(formKey, resolved);
    return resolved;
  }

  /** Forgets an app (after an import through this server). */
  invalidate(appKey: string): void {
    this.#apps.delete(appKey);
  }

  async #app(appKey: string): Promise<CachedApp> {
    const cached = this.#apps.get(appKey);
    if (cached !== undefined && Date.now() - cached.loadedAt < this.#ttlMs) return cached;
    let loading = this.#loading.get(appKey);
    if (loading === undefined) {
      loading = this.#load(appKey, cached).finally(() => this.#loading.delete(appKey));
      this.#loading.set(appKey, loading);
    }
    return loading;
  }

  async #load(appKey: string, previous: CachedApp | undefined): Promise<CachedApp> {
    let live;
    try {
      live = await this.#store.apps.get(appKey);
    } catch (e) {
      this.#apps.delete(appKey);
      throw e; // STORE_APP_NOT_FOUND (404)
    }
    // Same version: keep the compiled forms, only renew the lease.
    const next: CachedApp =
      previous !== undefined && previous.version === live.version
        ? { ...previous, loadedAt: Date.now() }
        : { version: live.version, pkg: live.package, forms: new Map(), loadedAt: Date.now() };
    this.#apps.set(appKey, next);
    return next;
  }
}
