import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { AppPackage } from '@trellis/schema';
import { StoreErrors } from '../errors.js';
import type { SystemDatabase } from '../system-tables.js';

/** Value types whose columns can carry a unique index (scalar columns). */
const UNIQUE_VALUE_TYPES = new Set(['text', 'number', 'date', 'datetime', 'boolean', 'uuid']);

/** Prefix of the names of unique-field indexes (`uq_` + a hash of table and column, always < 63 characters). */
export const UNIQUE_INDEX_PREFIX = 'uq_';

/**
 * The name of the unique index of a field's column: stable, short and the same for the
 * same table and column, so publishing again finds it and a duplicate error names it.
 */
export function uniqueIndexName(table: string, column: string): string {
  return UNIQUE_INDEX_PREFIX + createHash('sha256').update(`${table}.${column}`).digest('hex').slice(0, 24);
}

/** Whether a field asks for unique values (`options.unique: true`). */
export function isUniqueField(field: { readonly options?: { readonly [name: string]: unknown } }): boolean {
  return field.options?.['unique'] === true;
}

/**
 * Makes the unique indexes of an app's tables match its package, inside the publish
 * transaction: for every field with `options.unique` a partial unique index on its column
 * among live rows (`WHERE deleted_at IS NULL`); indexes of fields no longer unique (or hidden)
 * are dropped. A column that already holds the same value twice refuses the publish with
 * `STORE_UNIQUE_HAS_DUPLICATES` (409), naming the field, the value and two records; the
 * transaction then rolls back and nothing changes.
 */
export async function syncUniqueIndexes(trx: Kysely<SystemDatabase>, app: string, schema: string, pkg: AppPackage): Promise<void> {
  const forms = await trx.selectFrom('trellis.app_forms').select(['form_key', 'table_name', 'hidden']).where('app', '=', app).execute();
  const fields = await trx
    .selectFrom('trellis.app_fields')
    .select(['form_key', 'field_id', 'field_key', 'column_name', 'value_type', 'hidden'])
    .where('app', '=', app)
    .execute();
  const wanted = new Map<string, { table: string; column: string; form: string; key: string }>();
  for (const form of pkg.forms) {
    const tableRow = forms.find((f) => f.form_key === form.key && !f.hidden);
    if (tableRow === undefined) continue;
    for (const field of form.fields) {
      if (!isUniqueField(field)) continue;
      const col = fields.find((c) => c.form_key === form.key && c.field_id === field.id && !c.hidden);
      if (col === undefined || !UNIQUE_VALUE_TYPES.has(col.value_type)) continue;
      wanted.set(uniqueIndexName(tableRow.table_name, col.column_name), { table: tableRow.table_name, column: col.column_name, form: form.key, key: field.key });
    }
  }
  const existing = await sql<{ indexname: string }>`select indexname from pg_indexes where schemaname = ${schema} and indexname like ${UNIQUE_INDEX_PREFIX + '%'}`.execute(trx);
  const have = new Set(existing.rows.map((r) => r.indexname));
  for (const name of have) {
    if (!wanted.has(name)) await sql`drop index if exists ${sql.id(schema, name)}`.execute(trx);
  }
  for (const [name, target] of wanted) {
    if (have.has(name)) continue;
    const dup = await sql<{ value: unknown; first: string; second: string }>`
      select ${sql.id(target.column)}::text as value, min(id::text) as first, max(id::text) as second
      from ${sql.id(schema, target.table)}
      where deleted_at is null and ${sql.id(target.column)} is not null
      group by ${sql.id(target.column)} having count(*) > 1 limit 1`.execute(trx);
    const row = dup.rows[0];
    if (row !== undefined) {
      throw StoreErrors.create(
        'STORE_UNIQUE_HAS_DUPLICATES',
        `[store] field '${target.key}' of form '${target.form}' cannot be made unique: records '${row.first}' and '${row.second}' both hold '${String(row.value)}'; change or delete the duplicates, then publish again`,
        [{ path: `/forms/${target.form}/fields/${target.key}/options/unique`, message: `value '${String(row.value)}' is held by records ${row.first} and ${row.second}` }],
      );
    }
    await sql`create unique index ${sql.id(name)} on ${sql.id(schema, target.table)} (${sql.id(target.column)}) where deleted_at is null`.execute(trx);
  }
}
