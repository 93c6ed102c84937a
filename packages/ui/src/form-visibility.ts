import { compileForm } from '@trellis/forms';
import type { FormDef } from '@trellis/schema';

const NONE: ReadonlySet<string> = new Set();

/**
 * The fields of a form hidden by their `visibleWhen` for the given values, decided by the
 * form engine itself (`compileForm(form).hiddenFields`), so the renderer hides exactly the
 * fields the engine will ignore. A form the engine cannot compile (a plugin type missing in
 * this build) hides nothing: showing input is safer than losing it.
 *
 * @example hiddenFieldKeys(form, { kind: 'person' }) // Set { 'company_name' }
 */
export function hiddenFieldKeys(form: FormDef, values: Readonly<Record<string, unknown>>): ReadonlySet<string> {
  let compiled;
  try {
    compiled = compileForm(form);
  } catch {
    return NONE;
  }
  try {
    return compiled.hiddenFields(values);
  } catch {
    return NONE;
  }
}
