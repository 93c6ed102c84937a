import { checkCondition } from '@trellis/expr';
import { pointer, validateAppPackage, type AppPackage, type ErrorDetail, type ValidationResult } from '@trellis/schema';
import type { FieldTypeRegistry } from './field-type-registry.js';
import { fieldTypes } from './field-types-global.js';
import { checkPrintFieldTypes } from './print-field-checks.js';
import { checkRoleScopes } from './role-scope-checks.js';
import { varSchemaOf } from './var-schema.js';

/**
 * Validates an app package with everything the form engine knows: `validateAppPackage`
 * with the field-type registry (types, options, the types' own checks), and then every
 * `visibleWhen` and `readOnlyWhen` condition compiled against its form's variables, the
 * fields print templates name checked against their types, and every role's row scope
 * compiled against its form's variables and `$user`. Returns all problems.
 *
 * @example
 * const r = validateApp(upgradePackage(json));
 * if (!r.ok) throw SchemaErrors.create('SCHEMA_INVALID', '[server] the package is invalid', r.errors);
 */
export function validateApp(input: unknown, registry: FieldTypeRegistry = fieldTypes): ValidationResult<AppPackage> {
  const result = validateAppPackage(input, registry);
  if (!result.ok) return result;
  const errors: ErrorDetail[] = [];
  result.value.forms.forEach((form, i) => {
    const vars = varSchemaOf(form, registry);
    form.fields.forEach((field, j) => {
      for (const prop of ['visibleWhen', 'readOnlyWhen'] as const) {
        const condition = field[prop];
        if (condition === undefined || typeof condition === 'boolean') continue;
        const base = pointer('/forms', i, 'fields', j, prop);
        for (const e of checkCondition(condition, vars)) {
          errors.push({ path: base + (e.path === '' || e.path.startsWith('/') ? e.path : '/' + e.path), message: e.message });
        }
      }
    });
    errors.push(...checkPrintFieldTypes(form, pointer('/forms', i), registry));
  });
  errors.push(...checkRoleScopes(result.value, (form) => varSchemaOf(form, registry)));
  return errors.length === 0 ? result : { ok: false, errors };
}
