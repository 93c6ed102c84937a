import { sql, type RawBuilder } from 'kysely';
import type { ValueType } from '@trellis/schema';

/**
 * The column type of each value type (schema's `ValueType`). Timestamps keep millisecond
 * precision, the precision of JS dates and ISO strings, so a value read back and sent again
 * (a keyset cursor, an optimistic update) compares equal to what is stored.
 */
export const COLUMN_TYPES: Readonly<Record<ValueType, string>> = {
  text: 'text',
  number: 'numeric',
  boolean: 'boolean',
  date: 'date',
  datetime: 'timestamptz(3)',
  json: 'jsonb',
  text_list: 'text[]',
  uuid: 'uuid',
};

/** The column type of a value type as a kysely data-type expression (a fixed list, never user text). */
export function columnTypeSql(valueType: ValueType): RawBuilder<unknown> {
  return sql.raw(COLUMN_TYPES[valueType]);
}

/** Whether `value` is one of the value types the store knows. */
export function isValueType(value: string): value is ValueType {
  return Object.prototype.hasOwnProperty.call(COLUMN_TYPES, value);
}
