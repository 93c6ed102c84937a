import { compileForm } from '@trellis/forms';
import type { EvalContext } from '@trellis/expr';
import type { FormDef } from '@trellis/schema';

/**
 * The values with every formula field computed by the form engine
 * (`compileForm(form).compute`), for live results while the user types. A form the engine
 * cannot compile (a formula being edited in the designer, a plugin type missing in this
 * build) shows the values as they are.
 *
 * @example liveValues(orderForm, { price: '12.5', qty: 4 }) // { price: '12.5', qty: 4, total: 50 }
 */
export function liveValues(form: FormDef, values: Readonly<Record<string, unknown>>, ctx?: EvalContext): Readonly<Record<string, unknown>> {
  if (!form.fields.some((f) => f.type === 'formula')) return values;
  try {
    return compileForm(form).compute(values, ctx);
  } catch {
    return values;
  }
}
