import type { AppPackage, FieldDef, FieldTypeCatalog, FormDef, ValueType } from '@trellis/schema';
import { fieldTypes } from '@trellis/forms';

/** Extra test-only field types for the value types the built-ins do not use, and a layout-only type. */
const EXTRA: Record<string, ValueType | null> = { test_json: 'json', test_uuid: 'uuid', test_section: null };

/** The forms registry plus a few test types (json, uuid, and one that stores no value). */
export const testCatalog: FieldTypeCatalog = {
  has: (type) => type in EXTRA || fieldTypes.has(type),
  optionsSchema: (type) => (type in EXTRA ? undefined : fieldTypes.optionsSchema(type)),
  valueType: (field) => (field.type in EXTRA ? (EXTRA[field.type] ?? 'text') : fieldTypes.valueType(field)),
  storesValue: (field) => (field.type in EXTRA ? EXTRA[field.type] !== null : fieldTypes.storesValue(field)),
};

/** A field with a label; `id` defaults to `f_<key>`. */
export function field(key: string, type: string, extra: Partial<FieldDef> = {}): FieldDef {
  return { id: `f_${key}`, key, type, label: key, ...extra };
}

/** A form with the given fields. */
export function form(key: string, fields: FieldDef[], extra: Partial<FormDef> = {}): FormDef {
  return { key, name: { 'zh-CN': key, en: key }, fields, ...extra };
}

/** An app package. */
export function pkg(app: string, forms: FormDef[], extra: Partial<AppPackage['app']> = {}): AppPackage {
  return { schemaVersion: 1, app: { key: app, name: app, ...extra }, forms };
}

const choices = [
  { value: 'it', label: 'IT' },
  { value: 'retail', label: 'Retail' },
  { value: 'manufacturing', label: 'Manufacturing' },
];

/** The customer form most tests use: one field of each value type. */
export function customerForm(): FormDef {
  return form('customer', [
    field('name', 'text'),
    field('notes', 'long_text'),
    field('employees', 'number', { options: { precision: 2 } }),
    field('founded', 'date'),
    field('last_contact', 'datetime'),
    field('industry', 'single_select', { options: { choices } }),
    field('tags', 'multi_select', { options: { choices } }),
    field('active', 'boolean'),
    field('extra', 'test_json'),
    field('partner', 'test_uuid'),
    field('heading', 'test_section'),
  ]);
}

/** The CRM-like package: customer and contact. */
export function crmPackage(): AppPackage {
  return pkg('crm', [customerForm(), form('contact', [field('full_name', 'text'), field('email', 'text')])]);
}
