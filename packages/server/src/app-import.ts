import { validateApp } from '@trellis/forms';
import { SchemaErrors, upgradePackage, type AppPackage } from '@trellis/schema';
import type { PublishPlan, Store } from '@trellis/store';
import { checkPackageRoles } from './permissions/role-checks.js';

/** What an import did (or, in a dry run, would do). */
export interface ImportResult {
  readonly app: string;
  /** True when nothing was written (`dryRun`). */
  readonly dryRun: boolean;
  /** True when a new version was published. False for a dry run and for a package identical to the live version. */
  readonly applied: boolean;
  /** The live version after the call (for a dry run: the version the import would create, or the live one when unchanged). */
  readonly version: number;
  /** The diff against the live version: tables and columns to add, fields hidden, definitions changed. */
  readonly plan: PublishPlan;
}

/** Options of {@link importAppPackage}. */
export interface ImportOptions {
  /** Return the plan without changing anything. */
  readonly dryRun?: boolean;
  /** Who imports (audit `who`): the user id, or another actor name such as `cli`. */
  readonly actor?: string | null;
  /** The client's address (audit). */
  readonly ip?: string | null;
}

/**
 * Checks an app package and returns it upgraded to the current `schemaVersion`, or throws
 * `SCHEMA_INVALID` (400) listing every problem with its JSON path.
 *
 * @example
 * const pkg = checkAppPackage(JSON.parse(text));
 */
export function checkAppPackage(input: unknown): AppPackage {
  const result = validateApp(upgradePackage(input));
  const roleProblems = result.ok ? checkPackageRoles(result.value) : [];
  if (!result.ok || roleProblems.length > 0) {
    const errors = result.ok ? roleProblems : result.errors;
    const n = errors.length;
    throw SchemaErrors.create(
      'SCHEMA_INVALID',
      `[server] the app package has ${n} problem${n === 1 ? '' : 's'}; fix ${n === 1 ? 'it' : 'them'} and import again (nothing was imported)`,
      errors,
    );
  }
  return result.value;
}

/**
 * Imports an app package: validates it completely (nothing is written when any problem is
 * found), then installs a new app or upgrades an existing one as a new version. Upgrades
 * only add tables and columns and hide what was removed, so no data is lost; a package
 * identical to the live version publishes nothing. Used by `POST /api/apps/import` and
 * `trellis import`.
 *
 * @example
 * const { plan } = await importAppPackage(store, json, { dryRun: true });
 */
export async function importAppPackage(store: Store, input: unknown, options: ImportOptions = {}): Promise<ImportResult> {
  const pkg = checkAppPackage(input);
  const plan = await store.apps.planPublish(pkg);
  const liveVersion = plan.fromVersion ?? 0;
  if (options.dryRun === true) {
    return { app: pkg.app.key, dryRun: true, applied: false, version: plan.changed ? plan.toVersion : liveVersion, plan };
  }
  if (!plan.changed) return { app: pkg.app.key, dryRun: false, applied: false, version: liveVersion, plan };
  const result = await store.apps.publish(pkg, { actor: options.actor ?? null, ip: options.ip ?? null });
  return { app: pkg.app.key, dryRun: false, applied: true, version: result.version.version, plan: result.plan };
}

/**
 * The live package of an app, as `GET /api/apps/:app/package` and `trellis export` give it,
 * with the app's current roles (without members): importing it elsewhere recreates the app.
 *
 * @example
 * const pkg = await exportAppPackage(store, 'crm');
 */
export async function exportAppPackage(store: Store, appKey: string): Promise<AppPackage> {
  const pkg = (await store.apps.get(appKey)).package;
  const roles = await store.roles.list(appKey);
  if (roles.length === 0 && pkg.roles === undefined) return pkg;
  // the roles as they are now (edited since import, perhaps), without their members, in the
  // package's order (roles added since come after, by key)
  const order = new Map((pkg.roles ?? []).map((r, i) => [r.key, i]));
  const rank = (key: string) => order.get(key) ?? Number.MAX_SAFE_INTEGER;
  roles.sort((a, b) => rank(a.key) - rank(b.key) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { ...pkg, roles: roles.map((r) => ({ key: r.key, name: r.name, ...(r.description !== undefined ? { description: r.description } : {}), ...(r.design ? { design: true } : {}), forms: r.forms })) };
}

/**
 * A short, human-readable summary of a plan, one change per line (for the CLI and logs).
 *
 * @example
 * describePlan(plan) // ["create table customer (5 columns)", "add column customer.phone (text)"]
 */
export function describePlan(plan: PublishPlan): string[] {
  const lines: string[] = [];
  for (const t of plan.tablesToCreate) lines.push(`create table ${t.table} for form '${t.form}' (${t.columns.length} column${t.columns.length === 1 ? '' : 's'})`);
  for (const c of plan.columnsToAdd) lines.push(`add column ${c.table}.${c.column} (${c.columnType}) for field '${c.key}' of form '${c.form}'`);
  for (const j of plan.joinTablesToCreate) lines.push(`create join table ${j.joinTable} for relation '${j.key}' of form '${j.form}' to form '${j.target}'`);
  for (const f of plan.formsHidden) lines.push(`hide form '${f.form}' (table ${f.table} and its records are kept)`);
  for (const f of plan.formsRestored) lines.push(`restore hidden form '${f.form}'`);
  for (const f of plan.fieldsHidden) lines.push(`hide field '${f.key}' of form '${f.form}' (column ${f.column} and its values are kept)`);
  for (const f of plan.fieldsRestored) lines.push(`restore hidden field '${f.key}' of form '${f.form}' with its old values`);
  for (const r of plan.keysRenamed) lines.push(`rename field '${r.from}' to '${r.to}' in form '${r.form}' (column ${r.column} keeps its data)`);
  for (const d of plan.definitionsChanged) lines.push(d.field !== undefined ? `change definition of field '${d.field}' of form '${d.form}'` : `change definition of form '${d.form}'`);
  const child = plan.childTables;
  for (const t of child.tablesToCreate) lines.push(`create table ${t.table} for the rows of sub-table '${t.key}' of form '${t.form}' (${t.columns.length} column${t.columns.length === 1 ? '' : 's'})`);
  for (const c of child.columnsToAdd) lines.push(`add column ${c.table}.${c.column} (${c.columnType}) for row column '${c.key}' of form '${c.form}'`);
  for (const t of child.tablesHidden) lines.push(`hide sub-table '${t.key}' of form '${t.form}' (table ${t.table} and its rows are kept)`);
  for (const t of child.tablesRestored) lines.push(`restore hidden sub-table '${t.key}' of form '${t.form}' with its old rows`);
  for (const c of child.columnsHidden) lines.push(`hide column '${c.key}' of sub-table table ${c.table} (column ${c.column} and its values are kept)`);
  for (const c of child.columnsRestored) lines.push(`restore hidden column '${c.key}' of sub-table table ${c.table} with its old values`);
  for (const r of child.keysRenamed) lines.push(`rename sub-table ${r.columnFieldId === undefined ? 'field' : 'column'} '${r.from}' to '${r.to}' in form '${r.form}' (its data is kept)`);
  if (plan.appChanged) lines.push('change app definition (name, navigation, …)');
  return lines;
}
