import { sql, type Kysely } from 'kysely';
import type { SystemDatabase } from '../system-tables.js';
import { columnTypeSql } from '../apps/column-types.js';
import type { ChildColumnChange, ChildTablePlan } from './child-table-plan.js';
import { withChildTables } from './child-table-tables.js';

/**
 * Applies the child-table part of a publish plan inside the publish transaction, after the
 * forms' tables exist: `CREATE TABLE` of new child tables (`id uuid pk`, `parent_id uuid`
 * referencing the parent table `on delete cascade`, `position int`, one typed column per row
 * column) with an index on `(parent_id, position)`, new row columns, and the metadata rows.
 *
 * @example await applyChildPlan(trx, 'crm', 'app_crm', 3, plan.childTables);
 */
export async function applyChildPlan(trx: Kysely<SystemDatabase>, app: string, schema: string, version: number, plan: ChildTablePlan): Promise<void> {
  const db = withChildTables(trx);
  for (const t of plan.tablesToCreate) {
    let create = trx.schema
      .withSchema(schema)
      .createTable(t.table)
      .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
      .addColumn('parent_id', 'uuid', (c) => c.notNull().references(`${schema}.${t.parentTable}.id`).onDelete('cascade'))
      .addColumn('position', 'integer', (c) => c.notNull());
    for (const column of t.columns) create = create.addColumn(column.column, columnTypeSql(column.valueType));
    await create.execute();
    await trx.schema.withSchema(schema).createIndex(`${t.table}$p`).on(t.table).columns(['parent_id', 'position']).execute();
    await db
      .insertInto('trellis.app_child_tables')
      .values({ app, form_key: t.form, field_id: t.fieldId, field_key: t.key, table_name: t.table, hidden: false, since_version: version })
      .execute();
    await insertColumnRows(trx, app, version, t.columns);
  }
  for (const column of plan.columnsToAdd) {
    await trx.schema.withSchema(schema).alterTable(column.table).addColumn(column.column, columnTypeSql(column.valueType)).execute();
  }
  await insertColumnRows(trx, app, version, plan.columnsToAdd);

  const setTable = (form: string, fieldId: string, set: { hidden?: boolean; field_key?: string }) =>
    db.updateTable('trellis.app_child_tables').set(set).where('app', '=', app).where('form_key', '=', form).where('field_id', '=', fieldId).execute();
  const setColumn = (form: string, fieldId: string, columnFieldId: string, set: { hidden?: boolean; field_key?: string }) =>
    db
      .updateTable('trellis.app_child_columns')
      .set(set)
      .where('app', '=', app)
      .where('form_key', '=', form)
      .where('parent_field_id', '=', fieldId)
      .where('field_id', '=', columnFieldId)
      .execute();
  for (const t of plan.tablesHidden) await setTable(t.form, t.fieldId, { hidden: true });
  for (const t of plan.tablesRestored) await setTable(t.form, t.fieldId, { hidden: false });
  for (const c of plan.columnsHidden) await setColumn(c.form, c.fieldId, c.columnFieldId, { hidden: true });
  for (const c of plan.columnsRestored) await setColumn(c.form, c.fieldId, c.columnFieldId, { hidden: false });
  for (const r of plan.keysRenamed) {
    if (r.columnFieldId === undefined) await setTable(r.form, r.fieldId, { field_key: r.to });
    else await setColumn(r.form, r.fieldId, r.columnFieldId, { field_key: r.to });
  }
}

async function insertColumnRows(trx: Kysely<SystemDatabase>, app: string, version: number, columns: readonly ChildColumnChange[]): Promise<void> {
  if (columns.length === 0) return;
  await withChildTables(trx)
    .insertInto('trellis.app_child_columns')
    .values(
      columns.map((c) => ({
        app,
        form_key: c.form,
        parent_field_id: c.fieldId,
        field_id: c.columnFieldId,
        field_key: c.key,
        column_name: c.column,
        value_type: c.valueType,
        hidden: false,
        since_version: version,
      })),
    )
    .execute();
}
