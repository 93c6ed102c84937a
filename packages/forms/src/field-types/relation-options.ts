import { KEY_PATTERN, type AppPackage, type FieldDef, type FieldTypeCatalog, type FormDef, type ValueType } from '@trellis/schema';

/** JSON Schema of a key naming a form or field in relation options. */
export const keyOptionSchema = { type: 'string', pattern: KEY_PATTERN.source } as const;

/** The key of the form a relation field points at (`options.form`). */
export function relationTargetKey(field: FieldDef): string {
  return typeof field.options?.['form'] === 'string' ? field.options['form'] : '';
}

/** Whether a relation field holds many related records (`options.multiple: true`). */
export function isMultipleRelation(field: FieldDef): boolean {
  return field.options?.['multiple'] === true;
}

/** A form of the package by key. */
export function formByKey(pkg: AppPackage, key: string): FormDef | undefined {
  return pkg.forms.find((f) => f.key === key);
}

/** A field of a form by key. */
export function fieldByKey(form: FormDef, key: string): FieldDef | undefined {
  return form.fields.find((f) => f.key === key);
}

/**
 * The field that names a record of `form`: its `titleField`, else the first text field,
 * else undefined (pickers then show ids). What pickers, list cells and lookups of "the
 * related record" show by default.
 *
 * @example titleFieldKey(customerForm) // 'name'
 */
export function titleFieldKey(form: FormDef): string | undefined {
  if (form.titleField !== undefined) return form.titleField;
  return form.fields.find((f) => f.type === 'text')?.key;
}

/**
 * The fields of the target form a relation shows in pickers and list cells:
 * `options.displayFields`, or the target's title field.
 */
export function relationDisplayFields(field: FieldDef, target: FormDef): readonly string[] {
  const shown = field.options?.['displayFields'];
  if (Array.isArray(shown) && shown.length > 0) return shown.filter((k): k is string => typeof k === 'string');
  const title = titleFieldKey(target);
  return title === undefined ? [] : [title];
}

/** Whether the catalogue stores `field` in its own column (what SQL over related records can read). */
export function isColumnField(field: FieldDef, catalog: FieldTypeCatalog): boolean {
  if (!catalog.has(field.type)) return false;
  if (catalog.storesValue !== undefined && !catalog.storesValue(field)) return false;
  return (catalog.storage?.(field) ?? 'column') === 'column';
}

/** The value type of a field, or undefined when its type is unknown. */
export function valueTypeOf(field: FieldDef, catalog: FieldTypeCatalog): ValueType | undefined {
  return catalog.has(field.type) ? catalog.valueType(field) : undefined;
}

/** A `{ path, message }` problem of a field definition. */
export interface FieldProblem {
  readonly path: string;
  readonly message: string;
}
