import type { FieldTypeDefinition } from '@trellis/forms';
import { localize, type AppPackage, type FieldDef, type FormDef } from '@trellis/schema';

/** Separates a sub-table's key from a column key in the designer's selection (`items/qty`); never part of a key. */
export const COLUMN_SELECTION_SEPARATOR = '/';

/** The selection string of a sub-table column. */
export function columnSelection(subtable: string, column: string): string {
  return `${subtable}${COLUMN_SELECTION_SEPARATOR}${column}`;
}

/** `{ subtable, column }` of a column selection, or undefined for a plain field key. */
export function parseColumnSelection(selected: string | undefined): { subtable: string; column: string } | undefined {
  const i = selected?.indexOf(COLUMN_SELECTION_SEPARATOR) ?? -1;
  return selected === undefined || i < 0 ? undefined : { subtable: selected.slice(0, i), column: selected.slice(i + 1) };
}

/** The row columns of a sub-table field (`options.fields`). */
export function columnsOf(field: FieldDef | undefined): readonly FieldDef[] {
  const fields = field?.options?.['fields'];
  return Array.isArray(fields) ? (fields as FieldDef[]) : [];
}

/** The row columns of a sub-table as a form (key checks, the condition builder of a column). */
export function rowFormOf(field: FieldDef): FormDef {
  return { key: field.key, name: field.label, fields: columnsOf(field) };
}

/** Whether fields of `type` can be sub-table columns: they hold a value in a column of their own (no sub-table, no layout). */
export function canBeColumn(type: Pick<FieldTypeDefinition, 'type' | 'storesValue' | 'storage'>): boolean {
  if (type.storesValue === false) return false;
  const storage = typeof type.storage === 'function' ? 'dynamic' : (type.storage ?? 'column');
  return storage === 'column' || storage === 'computed';
}

function withColumns(pkg: AppPackage, formKey: string, subtable: string, change: (columns: readonly FieldDef[]) => readonly FieldDef[]): AppPackage {
  let changed = false;
  const forms = pkg.forms.map((form) => {
    if (form.key !== formKey) return form;
    return {
      ...form,
      fields: form.fields.map((f) => {
        if (f.key !== subtable) return f;
        const before = columnsOf(f);
        const after = change(before);
        if (after === before) return f;
        changed = true;
        return { ...f, options: { ...(f.options ?? {}), fields: after } };
      }),
    };
  });
  return changed ? { ...pkg, forms } : pkg;
}

/** A key not used by another column: `base`, else `base_2`, … */
export function freeColumnKey(columns: readonly FieldDef[], base: string): string {
  const used = new Set(columns.map((c) => c.key));
  const clean = base.replace(/[^a-z0-9_]/g, '_').replace(/^[^a-z]+/, '') || 'column';
  if (!used.has(clean)) return clean;
  for (let n = 2; ; n++) if (!used.has(`${clean}_${n}`)) return `${clean}_${n}`;
}

/**
 * A new column of `type` for a sub-table: a fresh id (`c_…`, unique among its columns), a free
 * key named after the type, the type's label in both languages, starter choices when needed
 * (`starter` fills required options as `newField` does).
 */
export function newColumn(type: FieldTypeDefinition, subtable: FieldDef, starter: (type: FieldTypeDefinition, form: FormDef) => FieldDef): FieldDef {
  const columns = columnsOf(subtable);
  const base = starter(type, rowFormOf(subtable));
  const ids = new Set(columns.map((c) => c.id));
  let id = `c_${Math.random().toString(36).slice(2, 10)}`;
  while (ids.has(id)) id = `c_${Math.random().toString(36).slice(2, 10)}`;
  return { ...base, id, key: freeColumnKey(columns, type.type), label: { 'zh-CN': localize(type.label, 'zh-CN'), en: localize(type.label, 'en') } };
}

/** Adds `column` to sub-table `subtable` of form `formKey` at `index` (the end when absent). */
export function addColumn(pkg: AppPackage, formKey: string, subtable: string, column: FieldDef, index?: number): AppPackage {
  return withColumns(pkg, formKey, subtable, (cols) => {
    const at = index === undefined ? cols.length : Math.max(0, Math.min(index, cols.length));
    return [...cols.slice(0, at), column, ...cols.slice(at)];
  });
}

/** Moves a column to `index` (counted in the list as it is before the move). */
export function moveColumn(pkg: AppPackage, formKey: string, subtable: string, key: string, index: number): AppPackage {
  return withColumns(pkg, formKey, subtable, (cols) => {
    const from = cols.findIndex((c) => c.key === key);
    if (from < 0) return cols;
    const to = Math.max(0, Math.min(index > from ? index - 1 : index, cols.length - 1));
    if (to === from) return cols;
    const out = cols.filter((c) => c.key !== key);
    out.splice(to, 0, cols[from]!);
    return out;
  });
}

/** Moves a column one place left (-1) or right (+1); unchanged at the ends. */
export function nudgeColumn(pkg: AppPackage, formKey: string, subtable: string, key: string, delta: -1 | 1): AppPackage {
  const field = pkg.forms.find((f) => f.key === formKey)?.fields.find((f) => f.key === subtable);
  const from = columnsOf(field).findIndex((c) => c.key === key);
  if (from < 0) return pkg;
  return moveColumn(pkg, formKey, subtable, key, delta < 0 ? from - 1 : from + 2);
}

/** Removes a column (publishing then hides its column in the child table; the values stay). */
export function removeColumn(pkg: AppPackage, formKey: string, subtable: string, key: string): AppPackage {
  return withColumns(pkg, formKey, subtable, (cols) => (cols.some((c) => c.key === key) ? cols.filter((c) => c.key !== key) : cols));
}

/** Replaces the definition of a column (label, key, required, type options…). */
export function updateColumn(pkg: AppPackage, formKey: string, subtable: string, key: string, next: FieldDef): AppPackage {
  return withColumns(pkg, formKey, subtable, (cols) => (cols.some((c) => c.key === key) ? cols.map((c) => (c.key === key ? next : c)) : cols));
}

type OptionsSchema = { readonly properties?: Readonly<Record<string, { readonly items?: { readonly $ref?: string } }>> } & Record<string, unknown>;

/**
 * A field type's options schema without the options the canvas edits (a sub-table's `fields`,
 * items of `#/$defs/field`), for the properties panel's generic options editor.
 */
export function panelOptionsSchema<T>(schema: T): T {
  const s = schema as OptionsSchema | undefined;
  if (!s?.properties) return schema;
  const properties = Object.fromEntries(Object.entries(s.properties).filter(([, p]) => p.items?.$ref !== '#/$defs/field'));
  return { ...s, properties } as T;
}
