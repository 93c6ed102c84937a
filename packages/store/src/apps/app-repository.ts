import type { AppPackage, FieldTypeCatalog } from '@trellis/schema';
import type { Kysely } from 'kysely';
import type { WriteContext } from '../audit/audit-log.js';
import { StoreErrors } from '../errors.js';
import { assertKey } from '../identifiers.js';
import type { SystemDatabase } from '../system-tables.js';
import { applyPlan } from './apply-plan.js';
import { loadCurrentState } from './current-state.js';
import { planChanges, type PublishPlan } from './publish-plan.js';
import { seedRoles } from '../org/role-repository.js';

/** One published version of an app. */
export interface AppVersion {
  readonly key: string;
  readonly version: number;
  readonly package: AppPackage;
  readonly publishedAt: string;
  readonly publishedBy: string | null;
}

/** The result of `apps.publish`: the plan that was applied and the version it created. */
export interface PublishResult {
  readonly plan: PublishPlan;
  readonly version: AppVersion;
}

/**
 * Apps and their published versions: list, read, plan and publish. Publishing validates
 * identifiers, diffs against the live version, applies DDL and stores the new immutable
 * version, all in one transaction.
 *
 * @example
 * const { plan } = await store.apps.publish(pkg, { actor: userId });
 */
export class AppRepository {
  readonly #db: Kysely<SystemDatabase>;
  readonly #catalog: FieldTypeCatalog;
  readonly #onPublished: (app: string) => void;

  constructor(db: Kysely<SystemDatabase>, catalog: FieldTypeCatalog, onPublished: (app: string) => void) {
    this.#db = db;
    this.#catalog = catalog;
    this.#onPublished = onPublished;
  }

  /** The live version of every app, by key. */
  async list(): Promise<AppVersion[]> {
    const rows = await this.#db
      .selectFrom('trellis.apps as a')
      .innerJoin('trellis.app_versions as v', (j) => j.onRef('v.app', '=', 'a.key').onRef('v.version', '=', 'a.current_version'))
      .select(['a.key', 'v.version', 'v.package', 'v.published_at', 'v.published_by'])
      .orderBy('a.key')
      .execute();
    return rows.map((r) => toAppVersion(r.key, r));
  }

  /** One version of an app (the live one unless `version` is given); `STORE_APP_NOT_FOUND` / `STORE_APP_VERSION_NOT_FOUND` when absent. */
  async get(key: string, version?: number): Promise<AppVersion> {
    const app = await this.#db.selectFrom('trellis.apps').select(['current_version']).where('key', '=', key).executeTakeFirst();
    if (!app) throw StoreErrors.create('STORE_APP_NOT_FOUND', `[store] app '${key}' does not exist; import its package first`);
    const wanted = version ?? app.current_version;
    const row = Number.isInteger(wanted)
      ? await this.#db
          .selectFrom('trellis.app_versions')
          .select(['version', 'package', 'published_at', 'published_by'])
          .where('app', '=', key)
          .where('version', '=', wanted)
          .executeTakeFirst()
      : undefined;
    if (!row) {
      throw StoreErrors.create('STORE_APP_VERSION_NOT_FOUND', `[store] app '${key}' has no version ${String(wanted)}; the live version is ${app.current_version}`);
    }
    return toAppVersion(key, row);
  }

  /** Version numbers of an app, newest first. */
  async versions(key: string): Promise<{ version: number; publishedAt: string; publishedBy: string | null }[]> {
    const rows = await this.#db
      .selectFrom('trellis.app_versions')
      .select(['version', 'published_at', 'published_by'])
      .where('app', '=', key)
      .orderBy('version', 'desc')
      .execute();
    return rows.map((r) => ({ version: r.version, publishedAt: r.published_at, publishedBy: r.published_by }));
  }

  /** What publishing `pkg` would change (a dry run): nothing is written. */
  async planPublish(pkg: AppPackage): Promise<PublishPlan> {
    assertKey(pkg?.app?.key, '/app/key');
    const current = await loadCurrentState(this.#db, pkg.app.key);
    return planChanges(current, pkg, this.#catalog);
  }

  /**
   * Publishes `pkg` as the app's next version in one transaction (the app row is locked, so
   * concurrent publishes of one app queue). Refuses column type changes; hides removed
   * forms and fields without dropping data. The package's `roles` that the app does not
   * have yet (by key) are created in the same transaction; existing roles are left as edited.
   */
  async publish(pkg: AppPackage, ctx: WriteContext): Promise<PublishResult> {
    assertKey(pkg?.app?.key, '/app/key');
    const key = pkg.app.key;
    const plan = await this.#db.transaction().execute(async (trx) => {
      const current = await loadCurrentState(trx, key, { lock: true });
      const planned = planChanges(current, pkg, this.#catalog);
      await applyPlan(trx, planned, pkg, ctx);
      // the package's roles that the app does not have yet, in the same transaction
      await seedRoles(trx, key, pkg.roles ?? [], ctx);
      return planned;
    });
    this.#onPublished(key);
    return { plan, version: await this.get(key, plan.toVersion) };
  }
}

function toAppVersion(key: string, row: { version: number; package: unknown; published_at: string; published_by: string | null }): AppVersion {
  return { key, version: row.version, package: row.package as AppPackage, publishedAt: row.published_at, publishedBy: row.published_by };
}
