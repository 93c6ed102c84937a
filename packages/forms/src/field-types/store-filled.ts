import type { FieldDef } from '@trellis/schema';

/**
 * The definition problem of a `required` flag on a field whose value the store fills
 * (serial numbers, system fields): the form engine never sees such a value on create,
 * so `required` would refuse every record.
 */
export function refuseRequired(field: FieldDef, what: string): { path: string; message: string }[] {
  return field.required === true ? [{ path: '/required', message: `${what} is filled by the store; remove 'required'` }] : [];
}
