import { sql, type Kysely } from 'kysely';
import { uniqueIndexName, UNIQUE_INDEX_PREFIX } from '../apps/unique-indexes.js';
import { StoreErrors } from '../errors.js';
import type { SystemDatabase } from '../system-tables.js';
import type { FormMeta } from './form-catalog.js';

/** The name of the unique index a PostgreSQL/PGlite unique violation (23505) names, if it is a unique-field index. */
function violatedIndex(error: unknown): string | undefined {
  const e = error as { code?: unknown; constraint?: unknown; message?: unknown } | null;
  if (e?.code !== '23505') return undefined;
  if (typeof e.constraint === 'string') return e.constraint.startsWith(UNIQUE_INDEX_PREFIX) ? e.constraint : undefined;
  const m = typeof e.message === 'string' ? /"(uq_[0-9a-f]+)"/.exec(e.message) : null;
  return m?.[1];
}

/**
 * Turns a unique-field violation into `RECORD_DUPLICATE` (409) naming the field and the
 * live record that already holds the value (looked up after the failed transaction);
 * any other error is returned unchanged.
 *
 * @param row the record's row after the write would have happened (its column values), to find the value.
 * @param selfId the record being written (excluded from the lookup), when it exists.
 */
export async function duplicateError(db: Kysely<SystemDatabase>, meta: FormMeta, error: unknown, row: Readonly<Record<string, unknown>>, selfId?: string): Promise<unknown> {
  const index = violatedIndex(error);
  if (index === undefined) return error;
  const field = meta.fields.find((f) => uniqueIndexName(meta.table, f.column) === index);
  if (field === undefined) return error;
  const value = row[field.column];
  let existingId: string | undefined;
  if (value !== undefined && value !== null) {
    const found = await sql<{ id: string }>`select id::text as id from ${sql.id(meta.schema, meta.table)}
      where deleted_at is null and ${sql.id(field.column)} = ${value} ${selfId === undefined ? sql`` : sql`and id <> ${selfId}`} limit 1`.execute(db);
    existingId = found.rows[0]?.id;
  }
  const shown = value === undefined || value === null ? '' : ` '${String(value)}'`;
  return StoreErrors.create(
    'RECORD_DUPLICATE',
    `[store] field '${field.key}' of form '${meta.form}' must be unique, and record '${existingId ?? 'unknown'}' already holds the value${shown}; change the value or open that record`,
    [{ path: `/data/${field.key}`, code: 'FIELD_DUPLICATE', message: `already used by record ${existingId ?? 'unknown'}`, ...(existingId !== undefined ? { recordId: existingId } : {}) }],
  );
}
