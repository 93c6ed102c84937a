import { localize, SYSTEM_COLUMNS, type FieldDef, type FormDef } from '@trellis/schema';
import type { FieldTypeDefinition } from '@trellis/forms';
import { freeKey, newFieldId } from './draft-ops.js';

type Schema = { readonly type?: unknown; readonly properties?: Record<string, Schema>; readonly required?: readonly string[]; readonly items?: Schema; readonly minItems?: number; readonly default?: unknown; readonly enum?: readonly unknown[] };

function isChoiceList(schema: Schema | undefined): boolean {
  return schema?.type === 'array' && schema.items?.properties?.['value'] !== undefined && schema.items?.properties?.['label'] !== undefined;
}

/** A localized text option (string or per-locale object), e.g. the text of a description. */
function isLocalized(schema: Schema | undefined): boolean {
  return Array.isArray(schema?.type) && schema.type.includes('string') && schema.type.includes('object');
}

/** Two starter choices, for a new select field. */
export function starterChoices(): { value: string; label: { 'zh-CN': string; en: string } }[] {
  return [
    { value: 'option_1', label: { 'zh-CN': '选项 1', en: 'Option 1' } },
    { value: 'option_2', label: { 'zh-CN': '选项 2', en: 'Option 2' } },
  ];
}

/**
 * A new field of `type` for `form`: a fresh id, a free key named after the type, the type's
 * label in both languages, and starter values for required choice lists and texts.
 * label in both languages, and starter values for required options (choice lists, schema defaults).
 *
 * @example newField(fieldTypes.require('text'), form) // { id: 'f_…', key: 'text', type: 'text', label: { 'zh-CN': '文本', en: 'Text' } }
 */
export function newField(type: FieldTypeDefinition, form: FormDef): FieldDef {
  const schema = type.optionsSchema as Schema | undefined;
  const options: Record<string, unknown> = {};
  for (const name of schema?.required ?? []) {
    if (isChoiceList(schema?.properties?.[name])) options[name] = starterChoices();
    else if (isLocalized(schema?.properties?.[name])) options[name] = { 'zh-CN': localize(type.label, 'zh-CN'), en: localize(type.label, 'en') };
    else if (schema?.properties?.[name]?.default !== undefined) options[name] = schema.properties[name]!.default;
    else if (schema?.properties?.[name]?.type === 'array') options[name] = []; // e.g. a sub-table's columns, added on the canvas
    else if (schema?.properties?.[name]?.enum?.length) options[name] = schema.properties[name]!.enum![0]; // e.g. a formula's result type
  }
  return {
    id: newFieldId(form),
    // system field types are named like the columns they show, which no field key may be
    key: freeKey(form, (SYSTEM_COLUMNS as readonly string[]).includes(type.type) ? `${type.type}_field` : type.type),
    type: type.type,
    label: { 'zh-CN': localize(type.label, 'zh-CN'), en: localize(type.label, 'en') },
    ...(Object.keys(options).length > 0 ? { options } : {}),
  };
}
