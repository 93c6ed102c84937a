import { defineErrors } from './trellis-error.js';

/**
 * The error codes of `@trellis/schema`. `docs/errors.md` lists them.
 *
 * @example
 * throw SchemaErrors.create('SCHEMA_INVALID', '[schema] the app package has 3 problems; fix them and import again', details);
 */
export const SchemaErrors = defineErrors({
  SCHEMA_INVALID: {
    status: 400,
    description: 'The app package breaks the definition language; `details` lists every problem with its JSON path.',
  },
  SCHEMA_VERSION_UNSUPPORTED: {
    status: 400,
    description: 'The package declares a `schemaVersion` this Trellis does not know (newer, or not a version number).',
  },
  SCHEMA_FIELD_TYPE_INVALID: {
    status: 500,
    description: 'A registered field type has an options schema that ajv cannot compile (a plugin bug).',
  },
});

/** The codes of `SchemaErrors`. */
export type SchemaErrorCode = keyof typeof SchemaErrors.catalogue;
