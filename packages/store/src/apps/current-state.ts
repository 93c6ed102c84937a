import type { AppPackage, ValueType } from '@trellis/schema';
import type { Kysely } from 'kysely';
import type { SystemDatabase } from '../system-tables.js';
import { loadChildTables } from '../child-tables/child-table-state.js';
import type { CurrentState, StoredField, StoredForm } from './publish-plan.js';

/**
 * Reads the live layout of an app: its current version and package, and the table and
 * columns of every form (hidden ones included). With `lock`, the app's row is locked
 * `FOR UPDATE` so two publishes of one app run one after the other.
 *
 * @example
 * const state = await loadCurrentState(trx, 'crm', { lock: true });
 */
export async function loadCurrentState(db: Kysely<SystemDatabase>, app: string, options: { lock?: boolean } = {}): Promise<CurrentState> {
  let appQuery = db.selectFrom('trellis.apps').select(['current_version']).where('key', '=', app);
  if (options.lock) appQuery = appQuery.forUpdate();
  const appRow = await appQuery.executeTakeFirst();
  if (!appRow) return { version: null, forms: new Map(), package: null };

  // One after the other: inside a transaction there is one connection.
  const versionRow = await db
    .selectFrom('trellis.app_versions')
    .select(['package'])
    .where('app', '=', app)
    .where('version', '=', appRow.current_version)
    .executeTakeFirst();
  const formRows = await db.selectFrom('trellis.app_forms').selectAll().where('app', '=', app).execute();
  const fieldRows = await db.selectFrom('trellis.app_fields').selectAll().where('app', '=', app).execute();
  const fieldsByForm = new Map<string, Map<string, StoredField>>();
  for (const row of fieldRows) {
    let fields = fieldsByForm.get(row.form_key);
    if (!fields) fieldsByForm.set(row.form_key, (fields = new Map()));
    fields.set(row.field_id, { fieldId: row.field_id, key: row.field_key, column: row.column_name, valueType: row.value_type as ValueType, hidden: row.hidden });
  }
  const forms = new Map<string, StoredForm>();
  for (const row of formRows) {
    forms.set(row.form_key, { form: row.form_key, table: row.table_name, hidden: row.hidden, fields: fieldsByForm.get(row.form_key) ?? new Map() });
  }
  const childTables = await loadChildTables(db, app);
  return { version: appRow.current_version, forms, package: (versionRow?.package as AppPackage | undefined) ?? null, childTables };
}
