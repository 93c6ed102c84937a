import { sql, type Kysely } from 'kysely';
import type { ColumnChange } from './publish-plan.js';
import { columnTypeSql } from './column-types.js';

/**
 * Creates the table of a form: the system columns of every app table (DESIGN §3), one typed
 * column per value-holding field, and the indexes keyset paging walks. Partial indexes on
 * live rows serve the default list (`deleted_at is null`, newest first); the recycle bin
 * has its own; owner and department indexes end in (created_at, id) for scoped lists.
 *
 * @example
 * await createFormTable(trx, 'app_crm', 'customer', columns);
 */
export async function createFormTable(db: Kysely<any>, schema: string, table: string, columns: readonly ColumnChange[]): Promise<void> {
  let create = db.schema
    .withSchema(schema)
    .createTable(table)
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('created_at', sql`timestamptz(3)`, (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', sql`timestamptz(3)`, (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('created_by', 'uuid')
    .addColumn('updated_by', 'uuid')
    .addColumn('owner_id', 'uuid')
    .addColumn('dept_id', 'uuid')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('deleted_at', sql`timestamptz(3)`)
    .addColumn('deleted_by', 'uuid');
  for (const column of columns) create = create.addColumn(column.column, columnTypeSql(column.valueType));
  await create.execute();

  const s = db.schema.withSchema(schema);
  await s.createIndex(`${table}_created_idx`).on(table).columns(['created_at', 'id']).where(sql.ref('deleted_at'), 'is', null).execute();
  await s.createIndex(`${table}_updated_idx`).on(table).columns(['updated_at', 'id']).where(sql.ref('deleted_at'), 'is', null).execute();
  await s.createIndex(`${table}_deleted_idx`).on(table).columns(['deleted_at', 'id']).where(sql.ref('deleted_at'), 'is not', null).execute();
  // Row scopes (`owner_id == $user.id`, `dept_id in $user.deptTree`) with the default order:
  // one owner's or one department's rows come out of the index newest first, with no sort
  // (docs/decisions/0018-crm-roles-and-scope-benchmark.md, docs/benchmarks.md §6).
  await s.createIndex(`${table}_owner_idx`).on(table).columns(['owner_id', 'created_at', 'id']).execute();
  await s.createIndex(`${table}_dept_idx`).on(table).columns(['dept_id', 'created_at', 'id']).execute();
}
