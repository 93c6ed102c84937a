import { KEY_PATTERN, SYSTEM_COLUMNS } from '@trellis/schema';
import { StoreErrors } from './errors.js';

/**
 * Refuses a key that would become an SQL identifier unless it matches the key rules
 * (`^[a-z][a-z0-9_]{0,47}$`). The store quotes every identifier through kysely as well; this
 * check keeps identifiers predictable even if a caller skipped package validation.
 *
 * @example
 * assertKey('customer', '/forms/0/key');
 */
export function assertKey(key: unknown, path: string): asserts key is string {
  if (typeof key !== 'string' || !KEY_PATTERN.test(key)) {
    throw StoreErrors.create('STORE_IDENTIFIER_INVALID', `[store] '${String(key)}' at ${path} is not a valid key; use lower-case letters, digits and '_', starting with a letter, at most 48 characters`, [
      { path, message: 'must match ^[a-z][a-z0-9_]{0,47}$' },
    ]);
  }
}

/** Like {@link assertKey}, and the key must not be the name of a system column. */
export function assertFieldKey(key: unknown, path: string): asserts key is string {
  assertKey(key, path);
  if ((SYSTEM_COLUMNS as readonly string[]).includes(key)) {
    throw StoreErrors.create('STORE_IDENTIFIER_INVALID', `[store] field key '${key}' at ${path} is the name of a system column; choose another key`, [
      { path, message: `'${key}' is reserved for a system column` },
    ]);
  }
}

/** The Postgres schema that holds an app's tables. */
export function appSchemaName(appKey: string): string {
  return `app_${appKey}`;
}

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether `value` is a uuid in its canonical text form (so Postgres will accept it for a uuid column). */
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID_PATTERN.test(value);
}
