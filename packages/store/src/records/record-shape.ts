import { sql, type RawBuilder } from 'kysely';
import { StoreErrors } from '../errors.js';
import { jsonParam } from '../json-param.js';
import type { RelatedRecords } from '../relations/related-display.js';
import { SYSTEM_SELECT, type FieldColumn, type FormMeta } from './form-catalog.js';
import { fillSystemFields, isStoreFilled } from './store-filled-fields.js';

/** A record as the store and the API return it (docs/architecture.md, "Records on the wire"). */
export interface StoredRecord {
  readonly id: string;
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly createdBy: string | null;
  readonly updatedBy: string | null;
  readonly ownerId: string | null;
  readonly deptId: string | null;
  readonly deletedAt: string | null;
  /** One property per live field key; `null` when the field has no value. */
  readonly data: Readonly<Record<string, unknown>>;
  /** On reads (`get`): display values of the records its relation fields point at (see `RelatedRecords`). */
  readonly related?: RelatedRecords;
}


/** The columns to select for a record of `meta`: system columns, then field columns. */
export function selectColumns(meta: FormMeta): string[] {
  return [...SYSTEM_SELECT, ...meta.fields.map((f) => f.column)];
}

/**
 * Turns a table row into the wire shape. The drivers already give numbers, ISO timestamps and
 * `YYYY-MM-DD` dates (see `dialect/type-parsers.ts`).
 *
 * @example
 * const record = toRecord(meta, row);
 */
export function toRecord(meta: FormMeta, row: Readonly<Record<string, unknown>>): StoredRecord {
  const data: Record<string, unknown> = {};
  for (const f of meta.fields) data[f.key] = row[f.column] ?? null;
  fillSystemFields(meta.filled, row, data);
  for (const c of meta.links?.computed ?? []) data[c.key] = row[c.alias] ?? null;
  return {
    id: row.id as string,
    version: Number(row.version),
    createdAt: row.created_at as string,
    updatedAt: row.updated_at as string,
    createdBy: (row.created_by as string | null) ?? null,
    updatedBy: (row.updated_by as string | null) ?? null,
    ownerId: (row.owner_id as string | null) ?? null,
    deptId: (row.dept_id as string | null) ?? null,
    deletedAt: (row.deleted_at as string | null) ?? null,
    data,
  };
}

/**
 * Maps record data (field keys) to column values for an insert or update. Only live fields
 * of the form are written: any other key is refused with `STORE_FIELD_UNKNOWN`, naming each.
 * The data itself was validated by the forms engine; here values only get their SQL shape.
 *
 * @example
 * const values = toColumnValues(meta, { name: 'ACME', tags: ['a'] });
 */
export function toColumnValues(meta: FormMeta, data: Readonly<Record<string, unknown>>): Record<string, unknown> {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw StoreErrors.create('STORE_FIELD_UNKNOWN', `[store] record data for form '${meta.form}' must be an object of field values`, [{ path: '/data', message: 'must be an object' }]);
  }
  const values: Record<string, unknown> = {};
  const unknown: { path: string; message: string }[] = [];
  for (const [key, value] of Object.entries(data)) {
    if (value === undefined || isStoreFilled(meta.filled, key)) continue; // serial and system fields: see store-filled-fields.ts
    const field = meta.byKey.get(key);
    if (!field && meta.links?.withoutColumn.has(key)) continue; // computed, or join rows (relations/relation-writes.ts)
    if (!field) {
      unknown.push({ path: `/data/${key}`, message: `form '${meta.form}' has no field '${key}'` });
      continue;
    }
    values[field.column] = columnValue(field, value);
  }
  if (unknown.length > 0) {
    throw StoreErrors.create('STORE_FIELD_UNKNOWN', `[store] record data names ${unknown.length} field(s) that form '${meta.form}' does not have; remove them or publish the form with those fields`, unknown);
  }
  return values;
}

/** A value in its SQL shape for a column of `field`'s value type (json → jsonb, lists → text[]). */
export function columnValue(field: FieldColumn, value: unknown): unknown | RawBuilder<unknown> {
  if (value === null) return null;
  switch (field.valueType) {
    case 'json':
      return jsonParam(value);
    case 'text_list':
      // Sent as a JSON array and unpacked by Postgres, identically on both drivers.
      return sql`array(select jsonb_array_elements_text(${jsonParam(Array.isArray(value) ? value.map(String) : [String(value)])}))`;
    default:
      return value;
  }
}

/**
 * Maps a database error about a bad value (invalid text for a number, date or uuid, a number
 * out of range) to `STORE_VALUE_INVALID` (400); other errors pass through.
 */
export function mapValueError(error: unknown, form: string): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && (code.startsWith('22') || code === '23502')) {
    return StoreErrors.create('STORE_VALUE_INVALID', `[store] the database refused a value for form '${form}': ${(error as Error).message}; send values of the field's type`, [
      { path: '/data', message: (error as Error).message },
    ]);
  }
  return error;
}
