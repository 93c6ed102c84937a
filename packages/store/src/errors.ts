import { defineErrors } from '@trellis/schema';

/**
 * Every error `@trellis/store` raises. The server maps `status` to the HTTP status;
 * `docs/errors.md` lists the same codes.
 *
 * @example
 * throw StoreErrors.create('RECORD_NOT_FOUND', "[store] record '…' of form 'customer' does not exist");
 */
export const StoreErrors = defineErrors({
  STORE_CONFIG_INVALID: {
    status: 500,
    description: 'The store was opened with an unusable configuration (bad database URL, data directory, unknown dialect).',
  },
  STORE_MIGRATION_FAILED: {
    status: 500,
    description: 'A migration of the system tables failed; the database was left at the previous migration.',
  },
  STORE_APP_NOT_FOUND: { status: 404, description: 'No app with this key has been published.' },
  STORE_APP_VERSION_NOT_FOUND: { status: 404, description: 'The app exists but has no published version with this number.' },
  STORE_FORM_NOT_FOUND: { status: 404, description: 'The live version of the app has no form with this key.' },
  STORE_IDENTIFIER_INVALID: {
    status: 400,
    description: 'An app, form or field key that would become an SQL identifier breaks the key rules.',
  },
  STORE_COLUMN_TYPE_CHANGE: {
    status: 409,
    description: 'Publishing would change the value type (and so the column type) of an existing field; add a new field instead.',
  },
  STORE_FIELD_UNKNOWN: { status: 400, description: 'Record data names a field the form does not have (or has hidden).' },
  STORE_VALUE_INVALID: { status: 400, description: 'The database refused a value for its column (wrong type or out of range).' },
  STORE_SORT_INVALID: { status: 400, description: 'A list is sorted by a name that is not a sortable field or system column.' },
  STORE_CURSOR_INVALID: { status: 400, description: 'A list cursor is malformed or belongs to a different sort.' },
  STORE_LIMIT_INVALID: { status: 400, description: 'A list limit is not an integer between 1 and the maximum page size.' },
  RECORD_NOT_FOUND: { status: 404, description: 'No record with this id exists in the form (or it is in the recycle bin).' },
  STORE_UNIQUE_HAS_DUPLICATES: {
    status: 409,
    description: 'Publishing would make a field unique while its column already holds the same value in two live records; nothing was published.',
  },
  RECORD_DUPLICATE: {
    status: 409,
    description: 'A unique field already holds this value in another live record (named in the message); nothing was written.',
  },
  RECORD_RELATION_INVALID: {
    status: 400,
    description: 'A relation field names a record id that is not a live record of its target form (absent or in the recycle bin); nothing was written.',
  },
  RECORD_FILE_INVALID: {
    status: 400,
    description: 'A file field of the record names a file that was not uploaded to this app, form and field, is attached to another record, or whose name, size or type differ from the upload; `details` names the field (`/data/<key>`); nothing was written.',
  },
  FILE_NOT_FOUND: { status: 404, description: 'No file with this id exists, or the caller may not read it (the same answer, so ids cannot be probed).' },
  FILE_TOO_LARGE: { status: 413, description: "An upload is larger than the field's `maxSize` (or the server's cap); nothing was stored." },
  USER_NOT_FOUND: { status: 404, description: 'No user account with this id exists.' },
  USER_USERNAME_TAKEN: {
    status: 409,
    description: 'Another account already uses this username (usernames are unique regardless of case); nothing was written.',
  },
  USER_VERSION_CONFLICT: {
    status: 409,
    description: 'The user account was changed by someone else since it was read (its `version` moved on); reload it and apply the change again.',
  },
  API_KEY_NOT_FOUND: { status: 404, description: 'The caller has no API key with this id (keys of other users are not found either).' },
  RECORD_VERSION_CONFLICT: {
    status: 409,
    description: 'The record was changed by someone else since it was read; nothing was written.',
  },
  PERMISSION_DENIED: {
    status: 403,
    description: "The caller may see the record (or the app) but their roles do not grant this action on it (edit, delete, manage, design, …); nothing was written. `details` names what is missing.",
  },
  DEPARTMENT_NOT_FOUND: { status: 404, description: 'No department with this id exists.' },
  DEPARTMENT_VERSION_CONFLICT: { status: 409, description: 'The department was changed by someone else since it was read (its `version` moved on); reload and retry.' },
  DEPARTMENT_CYCLE: { status: 400, description: 'A department cannot move under itself or one of its own sub-departments; `details` names `/parentId`.' },
  DEPARTMENT_NOT_EMPTY: { status: 409, description: 'A department that still has sub-departments or members cannot be deleted; move or remove them first.' },
  ORG_USER_NOT_FOUND: { status: 404, description: 'A user id given to the organisation (department members or managers, role members) names no user; `details` gives the path.' },
  ROLE_NOT_FOUND: { status: 404, description: 'The app has no role with this id.' },
  ROLE_VERSION_CONFLICT: { status: 409, description: 'The role was changed by someone else since it was read (its `version` moved on); reload and retry.' },
  ROLE_KEY_TAKEN: { status: 409, description: 'The app already has a role with this key; choose another key.' },
});

/** A code of the store's catalogue. */
export type StoreErrorCode = keyof typeof StoreErrors.catalogue;
