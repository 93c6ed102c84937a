import { sql, type Kysely } from 'kysely';
import type { FieldWithData } from '../drafts/draft-repository.js';
import { appSchemaName } from '../identifiers.js';
import type { SystemDatabase } from '../system-tables.js';
import type { ChildTablePlan } from './child-table-plan.js';
import { withChildTables } from './child-table-tables.js';

/**
 * Of the sub-tables and row columns a plan hides (`plan.childTables`), those that hold data,
 * with the number of records concerned: a hidden sub-table → the records having rows
 * (`key` = the sub-table key), a hidden row column → the records with a value in it (`key` =
 * `items.qty`). Table and column names come from the store's own metadata, never the caller.
 *
 * @example const extra = await childFieldsWithData(store.db, 'crm', plan.childTables);
 */
export async function childFieldsWithData(db: Kysely<SystemDatabase>, app: string, plan: Pick<ChildTablePlan, 'tablesHidden' | 'columnsHidden'>): Promise<FieldWithData[]> {
  const cdb = withChildTables(db);
  const schema = appSchemaName(app);
  const out: FieldWithData[] = [];
  for (const t of plan.tablesHidden) {
    const row = await cdb.selectFrom('trellis.app_child_tables').select(['table_name', 'field_key']).where('app', '=', app).where('form_key', '=', t.form).where('field_id', '=', t.fieldId).executeTakeFirst();
    if (!row) continue;
    const n = await sql<{ n: string | number }>`select count(distinct parent_id) as n from ${sql.id(schema, row.table_name)}`.execute(db);
    const records = Number(n.rows[0]?.n ?? 0);
    if (records > 0) out.push({ form: t.form, fieldId: t.fieldId, key: row.field_key, column: row.table_name, records });
  }
  for (const c of plan.columnsHidden) {
    const row = await cdb
      .selectFrom('trellis.app_child_columns as cc')
      .innerJoin('trellis.app_child_tables as ct', (j) => j.onRef('ct.app', '=', 'cc.app').onRef('ct.form_key', '=', 'cc.form_key').onRef('ct.field_id', '=', 'cc.parent_field_id'))
      .select(['ct.table_name', 'ct.field_key as table_key', 'cc.column_name', 'cc.field_key'])
      .where('cc.app', '=', app)
      .where('cc.form_key', '=', c.form)
      .where('cc.parent_field_id', '=', c.fieldId)
      .where('cc.field_id', '=', c.columnFieldId)
      .executeTakeFirst();
    if (!row) continue;
    const n = await sql<{ n: string | number }>`select count(distinct parent_id) as n from ${sql.id(schema, row.table_name)} where ${sql.ref(row.column_name)} is not null`.execute(db);
    const records = Number(n.rows[0]?.n ?? 0);
    if (records > 0) out.push({ form: c.form, fieldId: c.columnFieldId, key: `${row.table_key}.${row.field_key}`, column: `${row.table_name}.${row.column_name}`, records });
  }
  return out;
}
