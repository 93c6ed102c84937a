import { Ajv } from 'ajv';

/**
 * The ajv instance for record values: every error, strict schemas, `verbose` so errors
 * carry the value and its schema (messages quote them). Browser-safe (no formats plugin:
 * dates are checked by the field types).
 */
export function createRecordAjv(): Ajv {
  return new Ajv({ allErrors: true, strict: true, allowUnionTypes: true, verbose: true });
}
