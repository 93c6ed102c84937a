import type { ValueType } from '@trellis/schema';
import type { Kysely } from 'kysely';
import type { SystemDatabase } from '../system-tables.js';
import type { StoredChildColumn, StoredChildTable, StoredChildTables } from './child-table-plan.js';
import { withChildTables } from './child-table-tables.js';

/**
 * Reads every child table of an app and its row columns (hidden ones included), by parent
 * form key and sub-table field id. Two queries, one after the other (inside a transaction
 * there is one connection).
 *
 * @example const children = await loadChildTables(trx, 'crm');
 */
export async function loadChildTables(db: Kysely<SystemDatabase>, app: string, options: { liveOnly?: boolean } = {}): Promise<StoredChildTables> {
  const cdb = withChildTables(db);
  let tq = cdb.selectFrom('trellis.app_child_tables').selectAll().where('app', '=', app);
  if (options.liveOnly) tq = tq.where('hidden', '=', false);
  const tables = await tq.execute();
  let cq = cdb.selectFrom('trellis.app_child_columns').selectAll().where('app', '=', app);
  if (options.liveOnly) cq = cq.where('hidden', '=', false);
  const columns = await cq.orderBy('since_version').orderBy('column_name').execute();
  const out = new Map<string, Map<string, StoredChildTable>>();
  for (const t of tables) {
    const cols = new Map<string, StoredChildColumn>();
    for (const c of columns) {
      if (c.form_key === t.form_key && c.parent_field_id === t.field_id) {
        cols.set(c.field_id, { fieldId: c.field_id, key: c.field_key, column: c.column_name, valueType: c.value_type as ValueType, hidden: c.hidden });
      }
    }
    let byField = out.get(t.form_key);
    if (!byField) out.set(t.form_key, (byField = new Map()));
    byField.set(t.field_id, { form: t.form_key, fieldId: t.field_id, key: t.field_key, table: t.table_name, hidden: t.hidden, columns: cols });
  }
  return out;
}
