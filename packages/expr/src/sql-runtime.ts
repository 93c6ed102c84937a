import { sql, type RawBuilder } from 'kysely';
import type { ExprType } from './types.js';

/** The PostgreSQL type each value type is stored and compared as. */
export const SQL_TYPES: Readonly<Record<ExprType, string | undefined>> = {
  text: 'text',
  number: 'numeric',
  boolean: 'boolean',
  date: 'date',
  datetime: 'timestamptz',
  json: 'jsonb',
  text_list: 'text[]',
  uuid: 'uuid',
  null: undefined,
  any: undefined,
  list: undefined,
};

function castTo(expr: RawBuilder<unknown>, type: ExprType): RawBuilder<unknown> {
  switch (type) {
    case 'text':
      return sql`${expr}::text`;
    case 'number':
      return sql`${expr}::numeric`;
    case 'boolean':
      return sql`${expr}::boolean`;
    case 'date':
      return sql`${expr}::date`;
    case 'datetime':
      return sql`${expr}::timestamptz`;
    case 'json':
      return sql`${expr}::jsonb`;
    case 'text_list':
      return sql`${expr}::text[]`;
    case 'uuid':
      return sql`${expr}::uuid`;
    default:
      return expr;
  }
}

/** A typed NULL. */
export function sqlNull(type: ExprType): RawBuilder<unknown> {
  return castTo(sql`NULL`, type);
}

/**
 * Binds a JS value as a parameter cast to `type` (`any`: by the value's JS type). Dates of
 * type datetime are bound as ISO strings, json as its JSON text, text lists as arrays.
 */
export function bindParam(value: unknown, type: ExprType): RawBuilder<unknown> {
  if (value === null || value === undefined) return sqlNull(type === 'any' ? 'null' : type);
  let t = type;
  if (t === 'any' || t === 'list' || t === 'null') {
    t = Array.isArray(value) ? 'text_list' : typeof value === 'number' ? 'number' : typeof value === 'boolean' ? 'boolean' : typeof value === 'string' ? 'text' : value instanceof Date ? 'datetime' : 'json';
  }
  let v: unknown = value;
  if (t === 'json') v = JSON.stringify(value);
  else if (t === 'datetime' && value instanceof Date) v = value.toISOString();
  else if (t === 'text_list') v = Array.isArray(value) ? value.map((x) => (x === null || x === undefined ? null : String(x))) : [String(value)];
  else if (t === 'number' && typeof v === 'number') v = String(v);
  return castTo(sql`${v}`, t);
}

/** A column reference, qualified by `table` (`'t'` or `'schema.t'`) when given. */
export function columnRef(column: string, table: string | undefined): RawBuilder<unknown> {
  return table ? sql.id(...table.split('.'), column) : sql.id(column);
}

/** A date column or value as a timestamptz at midnight UTC. */
export function dateToTimestamptz(expr: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`(${expr}::timestamp AT TIME ZONE 'UTC')`;
}

/** Truthiness of a value of a static type, as a predicate (NULL means false). */
export function truthySql(expr: RawBuilder<unknown>, type: ExprType): { expr: RawBuilder<unknown>; nullable: boolean } {
  switch (type) {
    case 'boolean':
      return { expr, nullable: true };
    case 'number':
      return { expr: sql`(${expr} <> 0)`, nullable: true };
    case 'text':
      return { expr: sql`(${expr} <> '')`, nullable: true };
    case 'text_list':
      return { expr: sql`(cardinality(${expr}) > 0)`, nullable: true };
    case 'json':
      return {
        expr: sql`(CASE jsonb_typeof(${expr}) WHEN 'boolean' THEN (${expr})::boolean WHEN 'number' THEN (${expr})::numeric <> 0 WHEN 'string' THEN (${expr}) #>> '{}' <> '' WHEN 'array' THEN jsonb_array_length(${expr}) > 0 WHEN 'object' THEN true ELSE false END)`,
        nullable: true,
      };
    case 'null':
      return { expr: sql`false`, nullable: false };
    default:
      return { expr: sql`(${expr} IS NOT NULL)`, nullable: false };
  }
}
