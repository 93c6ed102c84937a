import { compileForm } from '@trellis/forms';
import type { FormDef } from '@trellis/schema';

const NONE: ReadonlySet<string> = new Set();

/**
 * The fields of a form that are read-only for the given values (their `readOnlyWhen`
 * holds), decided by the form engine (`compileForm(form).readOnlyFields`), so the renderer
 * disables exactly the inputs the server ignores. A form the engine cannot compile makes
 * nothing read-only (the server still enforces it).
 *
 * @example readOnlyFieldKeys(form, { status: 'approved' }) // Set { 'amount' }
 */
export function readOnlyFieldKeys(form: FormDef, values: Readonly<Record<string, unknown>>): ReadonlySet<string> {
  try {
    return compileForm(form).readOnlyFields(values);
  } catch {
    return NONE;
  }
}
