import type { FormDef, ValueType } from '@trellis/schema';
import type { VarSchema } from '@trellis/expr';
import type { FieldTypeRegistry } from './field-type-registry.js';

/** Value types of the system columns every app table has (DESIGN §3), as conditions see them. */
export const SYSTEM_COLUMN_TYPES: Readonly<Record<string, ValueType>> = {
  id: 'uuid',
  version: 'number',
  created_at: 'datetime',
  updated_at: 'datetime',
  deleted_at: 'datetime',
  created_by: 'uuid',
  updated_by: 'uuid',
  deleted_by: 'uuid',
  owner_id: 'uuid',
  dept_id: 'uuid',
};

/**
 * The variables a condition over records of `form` may name: the system columns and
 * every field that stores a value, with its value type.
 *
 * @example
 * varSchemaOf(customerForm, fieldTypes).industry; // { type: 'text' }
 */
export function varSchemaOf(form: FormDef, registry: FieldTypeRegistry): VarSchema {
  const vars: Record<string, { type: ValueType }> = {};
  for (const [name, type] of Object.entries(SYSTEM_COLUMN_TYPES)) vars[name] = { type };
  for (const field of form.fields) {
    if (!registry.has(field.type) || !registry.storesValue(field)) continue;
    vars[field.key] = { type: registry.valueType(field) };
  }
  return vars;
}
