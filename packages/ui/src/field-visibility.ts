import { compileJs } from '@trellis/expr';
import type { FieldDef, FormDef } from '@trellis/schema';

/** Decides, for the current values, whether a field is shown. */
export type FieldVisibility = (field: FieldDef, values: Readonly<Record<string, unknown>>) => boolean;

/**
 * Compiles every `visibleWhen` condition of a form once (with the same `expr` compiler the
 * form engine uses) and returns a function that answers per field. A field without a
 * condition is always shown; a condition that fails to compile shows the field, because
 * hiding input a person may need is worse (the definition validator reports such conditions).
 *
 * @example const visible = compileVisibility(form); visible(field, { status: 'won' })
 */
export function compileVisibility(form: FormDef): FieldVisibility {
  const predicates = new Map<string, (record: Record<string, unknown>) => unknown>();
  for (const field of form.fields) {
    if (field.visibleWhen === undefined || field.visibleWhen === null) continue;
    try {
      const predicate = compileJs(field.visibleWhen);
      predicates.set(field.key, (record) => predicate(record));
    } catch {
      // shown; see above
    }
  }
  return (field, values) => {
    const predicate = predicates.get(field.key);
    if (!predicate) return true;
    try {
      return Boolean(predicate({ ...values }));
    } catch {
      return true;
    }
  };
}
