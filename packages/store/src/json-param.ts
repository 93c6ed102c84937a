import { sql, type RawBuilder } from 'kysely';

/**
 * A JSON value as a `jsonb` parameter. The value travels as text and is cast by Postgres,
 * because the drivers disagree on JS values: `pg` turns arrays into Postgres arrays and
 * PGlite stringifies strings a second time.
 *
 * @example
 * db.insertInto('trellis.audit_log').values({ after: jsonParam(record), … })
 */
export function jsonParam(value: unknown): RawBuilder<string | null> {
  if (value === undefined || value === null) return sql<null>`null`;
  return sql<string>`cast(cast(${JSON.stringify(value)} as text) as jsonb)`;
}
