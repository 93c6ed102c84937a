import { fieldTypes } from '@trellis/forms';
import type { FieldDef, FormDef } from '@trellis/schema';

/**
 * The fields shown as list columns: the title field first, then the others in form order,
 * at most `max` of them (a list is for scanning; the record page shows everything).
 *
 * @example listColumns(customer, 6).map((f) => f.key) // ['name', 'industry', ...]
 */
export function listColumns(form: FormDef, max = 7): FieldDef[] {
  const title = titleField(form);
  // layout elements (description text) hold no value: no column
  // a field the caller's roles hide (`visibleWhen: false`) has no column either
  const rest = form.fields.filter((f) => f !== title && f.visibleWhen !== false && (!fieldTypes.has(f.type) || fieldTypes.storesValue(f)));
  return (title ? [title, ...rest] : rest).slice(0, max);
}

/** The field that names a record: `titleField`, else the first text field, else the first field. */
export function titleField(form: FormDef): FieldDef | undefined {
  return (
    (form.titleField ? form.fields.find((f) => f.key === form.titleField) : undefined) ??
    form.fields.find((f) => f.type === 'text') ??
    form.fields.find((f) => !fieldTypes.has(f.type) || fieldTypes.storesValue(f))
  );
}
