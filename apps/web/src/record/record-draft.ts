import { fieldTypes } from '@trellis/forms';
import type { FormDef } from '@trellis/schema';

/**
 * The starting values of a new record: each value field's static default, `null` otherwise
 * (the form engine applies defaults again on submit, so showing them is only a courtesy).
 * Layout elements (description text) hold no value and get no entry.
 *
 * @example initialValues(form) // { name: null, active: true }
 */
export function initialValues(form: FormDef): Record<string, unknown> {
  const holdsValue = (type: string, f: FormDef['fields'][number]) => !fieldTypes.has(type) || fieldTypes.storesValue(f);
  return Object.fromEntries(form.fields.filter((f) => holdsValue(f.type, f)).map((f) => [f.key, f.defaultValue ?? null]));
}

/**
 * The fields whose cleaned value differs from the stored one: what a `PATCH` must carry,
 * so two people editing different fields of one record do not overwrite each other's values.
 *
 * @example changedFields({ a: 1, b: 'x' }, { a: 1, b: 'y' }) // { b: 'x' }
 */
export function changedFields(next: Readonly<Record<string, unknown>>, stored: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(next)) {
    if (!sameValue(value, stored[key] ?? null)) out[key] = value;
  }
  return out;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}
