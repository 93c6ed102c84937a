import { sql, type Expression, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import { StoreErrors } from '../errors.js';
import { jsonParam } from '../json-param.js';
import { LIST_ALIAS as T, SYSTEM_SELECT, type FieldColumn, type FormMeta } from '../records/form-catalog.js';
import { toRecord, type StoredRecord } from '../records/record-shape.js';

/** One equality of a {@link firstMatch}: field key of the searched form and the value it must hold. */
export interface MatchPair {
  readonly field: string;
  readonly value: unknown;
}

function param(field: FieldColumn, value: unknown): RawBuilder<unknown> {
  switch (field.valueType) {
    case 'json':
      return sql`${jsonParam(value)}`;
    case 'text_list':
      return sql`array(select jsonb_array_elements_text(${jsonParam(Array.isArray(value) ? value.map(String) : [String(value)])}))`;
    default:
      return sql`${value}`;
  }
}

/**
 * The oldest live record of a form whose fields equal the given values (what data linkage
 * copies from), or null. Field keys must be live column fields (`STORE_FIELD_UNKNOWN`
 * otherwise); values are bound parameters. Only stored columns are read (computed values of the
 * match are null: linkage copies column fields or the id). `scope` (a compiled row scope over
 * the alias `t`) limits the records that may match.
 *
 * @example await firstMatch(db, customerMeta, [{ field: 'name', value: 'ACME' }])
 */
export async function firstMatch(db: Kysely<any>, meta: FormMeta, match: readonly MatchPair[], scope?: Expression<SqlBool>): Promise<StoredRecord | null> {
  const conditions: (RawBuilder<unknown> | Expression<SqlBool>)[] = [sql`${sql.ref(`${T}.deleted_at`)} is null`];
  if (scope !== undefined) conditions.push(sql`(${scope})`);
  for (const pair of match) {
    const field = meta.byKey.get(pair.field);
    if (field === undefined) {
      throw StoreErrors.create('STORE_FIELD_UNKNOWN', `[store] form '${meta.form}' has no column field '${pair.field}' to match on`, [{ path: `/match/${pair.field}`, message: 'no such field' }]);
    }
    conditions.push(pair.value === null ? sql`${sql.ref(`${T}.${field.column}`)} is null` : sql`${sql.ref(`${T}.${field.column}`)} = ${param(field, pair.value)}`);
  }
  const row = await db
    .selectFrom(meta.tableRef.as(T))
    .select([...SYSTEM_SELECT, ...meta.fields.map((f) => f.column)].map((c) => sql.ref(`${T}.${c}`)) as never)
    .where(sql<boolean>`${sql.join(conditions, sql` and `)}`)
    .orderBy(sql.ref(`${T}.created_at`))
    .orderBy(sql.ref(`${T}.id`))
    .limit(1)
    .executeTakeFirst();
  return row === undefined ? null : toRecord(meta, row as Record<string, unknown>);
}
