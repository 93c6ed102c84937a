import { defineErrors } from '@trellis/schema';

/**
 * The error codes of `@trellis/forms`. `docs/errors.md` lists them.
 *
 * @example
 * throw FormsErrors.create('RECORD_INVALID', "[forms] the record for form 'customer' has 2 problems; fix the fields named in details", details);
 */
export const FormsErrors = defineErrors({
  RECORD_INVALID: {
    status: 400,
    description: 'Submitted record data breaks the form: wrong types, unknown fields, missing required values; `details` names each field.',
  },
  FIELD_TYPE_UNKNOWN: {
    status: 400,
    description: 'A form uses a field type that is not registered (a missing plugin).',
  },
  FIELD_TYPE_DUPLICATE: {
    status: 500,
    description: 'Two field types were registered under the same name (a plugin conflict).',
  },
  FORM_DEFINITION_INVALID: {
    status: 400,
    description: 'A form cannot be compiled (e.g. an unsafe pattern or a field option the engine cannot use); validate the package with validateApp first.',
  },
});

/** The codes of `FormsErrors`. */
export type FormsErrorCode = keyof typeof FormsErrors.catalogue;
