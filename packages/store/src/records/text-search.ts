import { sql, type Expression, type SqlBool } from 'kysely';

/**
 * Escapes `%`, `_` and `\` so user text is matched literally by `LIKE`/`ILIKE` (whose
 * default escape character is the backslash).
 *
 * @example
 * escapeLike('50%_off') // '50\\%\\_off'
 */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * "Any text column contains `q`, ignoring case": `(t.a ilike $1 or t.b ilike $1)`. A form
 * without text fields matches nothing.
 *
 * @example
 * query.where(textSearchCondition(['name', 'city'], 'acme', 't'))
 */
export function textSearchCondition(columns: readonly string[], q: string, table: string): Expression<SqlBool> {
  if (columns.length === 0) return sql<SqlBool>`false`;
  const pattern = `%${escapeLike(q)}%`;
  return sql<SqlBool>`(${sql.join(
    columns.map((c) => sql`${sql.ref(`${table}.${c}`)} ilike ${pattern}`),
    sql` or `,
  )})`;
}
