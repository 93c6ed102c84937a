/**
 * Words a key may not use because they are keywords of SQL in PostgreSQL.
 *
 * The list is PostgreSQL's "reserved" and "reserved (can be function or type)" keywords
 * (Appendix C "SQL Key Words" of the PostgreSQL 16 manual) plus a few statement words
 * (`drop`, `delete`, …). Keywords PostgreSQL accepts as column names (`position`, `time`,
 * `value`) stay allowed: contact forms need them. Trellis always quotes identifiers, so these
 * keys would technically work; refusing them keeps generated tables readable by hand,
 * by BI tools and by any integrator who writes unquoted SQL against them.
 */
export const SQL_RESERVED_WORDS: ReadonlySet<string> = new Set([
  // PostgreSQL: reserved
  'all', 'analyse', 'analyze', 'and', 'any', 'array', 'as', 'asc', 'asymmetric', 'both',
  'case', 'cast', 'check', 'collate', 'column', 'constraint', 'create', 'current_catalog',
  'current_date', 'current_role', 'current_time', 'current_timestamp', 'current_user',
  'default', 'deferrable', 'desc', 'distinct', 'do', 'else', 'end', 'except', 'false',
  'fetch', 'for', 'foreign', 'from', 'grant', 'group', 'having', 'in', 'initially',
  'intersect', 'into', 'lateral', 'leading', 'limit', 'localtime', 'localtimestamp', 'not',
  'null', 'offset', 'on', 'only', 'or', 'order', 'placing', 'primary', 'references',
  'returning', 'select', 'session_user', 'some', 'symmetric', 'system_user', 'table', 'then',
  'to', 'trailing', 'true', 'union', 'unique', 'user', 'using', 'variadic', 'when', 'where',
  'window', 'with',
  // PostgreSQL: reserved (can be function or type)
  'authorization', 'binary', 'collation', 'concurrently', 'cross', 'current_schema',
  'freeze', 'full', 'ilike', 'inner', 'is', 'isnull', 'join', 'left', 'like', 'natural',
  'notnull', 'outer', 'overlaps', 'right', 'similar', 'tablesample', 'verbose',
  // Statement words: non-reserved in PostgreSQL, but keys that read like SQL commands
  // make hand-written SQL and logs confusing, and no business field needs them.
  'alter', 'delete', 'drop', 'insert', 'update', 'truncate', 'revoke', 'execute',
]);

/** Whether `word` (any case) is a SQL keyword that Trellis refuses as a key. */
export function isSqlReservedWord(word: string): boolean {
  return SQL_RESERVED_WORDS.has(word.toLowerCase());
}
