import { sql, type Kysely } from 'kysely';
import type { AppPackage } from '@trellis/schema';
import { writeAudit, type WriteContext } from '../audit/audit-log.js';
import { jsonParam } from '../json-param.js';
import type { SystemDatabase } from '../system-tables.js';
import type { ColumnChange, PublishPlan } from './publish-plan.js';
import { createFormTable } from './form-table.js';
import { columnTypeSql } from './column-types.js';
import { syncUniqueIndexes } from './unique-indexes.js';
import { applyChildPlan } from '../child-tables/apply-child-plan.js';
import { createJoinTable } from '../relations/join-tables.js';

/**
 * Applies a {@link PublishPlan} inside the caller's transaction: DDL for new tables and
 * columns, the form/field mapping, the new immutable version row, the app's pointer to it
 * and the audit entry. Postgres DDL is transactional, so a failure anywhere leaves nothing.
 *
 * @example
 * await db.transaction().execute((trx) => applyPlan(trx, plan, pkg, { actor }));
 */
export async function applyPlan(trx: Kysely<SystemDatabase>, plan: PublishPlan, pkg: AppPackage, ctx: WriteContext): Promise<void> {
  const app = plan.app;
  if (plan.newApp) {
    await trx.insertInto('trellis.apps').values({ key: app, current_version: plan.toVersion }).execute();
  } else {
    await trx.updateTable('trellis.apps').set({ current_version: plan.toVersion, updated_at: sql<string>`now()` }).where('key', '=', app).execute();
  }
  await trx.schema.createSchema(plan.schema).ifNotExists().execute();

  for (const table of plan.tablesToCreate) {
    await createFormTable(trx, plan.schema, table.table, table.columns);
    await trx.insertInto('trellis.app_forms').values({ app, form_key: table.form, table_name: table.table, hidden: false, since_version: plan.toVersion }).execute();
    await insertFieldRows(trx, app, plan.toVersion, table.columns);
  }
  for (const column of plan.columnsToAdd) {
    await trx.schema
      .withSchema(plan.schema)
      .alterTable(column.table)
      .addColumn(column.column, columnTypeSql(column.valueType))
      .execute();
  }
  await insertFieldRows(trx, app, plan.toVersion, plan.columnsToAdd);
  await applyChildPlan(trx, app, plan.schema, plan.toVersion, plan.childTables);
  for (const join of plan.joinTablesToCreate) await createJoinTable(trx, plan.schema, join);

  for (const form of plan.formsHidden) await setFormHidden(trx, app, form.form, true);
  for (const form of plan.formsRestored) await setFormHidden(trx, app, form.form, false);
  for (const field of plan.fieldsHidden) await setFieldHidden(trx, app, field.form, field.fieldId, true);
  for (const field of plan.fieldsRestored) await setFieldHidden(trx, app, field.form, field.fieldId, false);
  for (const rename of plan.keysRenamed) {
    await trx
      .updateTable('trellis.app_fields')
      .set({ field_key: rename.to })
      .where('app', '=', app)
      .where('form_key', '=', rename.form)
      .where('field_id', '=', rename.fieldId)
      .execute();
  }

  await syncUniqueIndexes(trx, app, plan.schema, pkg);

  await trx
    .insertInto('trellis.app_versions')
    .values({ app, version: plan.toVersion, package: jsonParam(pkg) as never, published_by: ctx.actor })
    .execute();
  await writeAudit(trx, ctx, {
    action: 'publish',
    app,
    before: plan.fromVersion === null ? null : { version: plan.fromVersion },
    after: { version: plan.toVersion, plan },
  });
}

async function insertFieldRows(trx: Kysely<SystemDatabase>, app: string, version: number, columns: readonly ColumnChange[]): Promise<void> {
  if (columns.length === 0) return;
  await trx
    .insertInto('trellis.app_fields')
    .values(
      columns.map((c) => ({
        app,
        form_key: c.form,
        field_id: c.fieldId,
        field_key: c.key,
        column_name: c.column,
        value_type: c.valueType,
        hidden: false,
        since_version: version,
      })),
    )
    .execute();
}

async function setFormHidden(trx: Kysely<SystemDatabase>, app: string, form: string, hidden: boolean): Promise<void> {
  await trx.updateTable('trellis.app_forms').set({ hidden }).where('app', '=', app).where('form_key', '=', form).execute();
}

async function setFieldHidden(trx: Kysely<SystemDatabase>, app: string, form: string, fieldId: string, hidden: boolean): Promise<void> {
  await trx
    .updateTable('trellis.app_fields')
    .set({ hidden })
    .where('app', '=', app)
    .where('form_key', '=', form)
    .where('field_id', '=', fieldId)
    .execute();
}
