import { localize, type FieldDef, type FormDef } from '@trellis/schema';
import type { FieldTypeDefinition } from '@trellis/forms';
import { freeKey, newFieldId } from './draft-ops.js';

type Schema = { readonly type?: unknown; readonly properties?: Record<string, Schema>; readonly required?: readonly string[]; readonly items?: Schema; readonly minItems?: number; readonly enum?: readonly unknown[] };

function isChoiceList(schema: Schema | undefined): boolean {
  return schema?.type === 'array' && schema.items?.properties?.['value'] !== undefined && schema.items?.properties?.['label'] !== undefined;
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
 * label in both languages, and starter values for required choice lists.
 *
 * @example newField(fieldTypes.require('text'), form) // { id: 'f_…', key: 'text', type: 'text', label: { 'zh-CN': '文本', en: 'Text' } }
 */
export function newField(type: FieldTypeDefinition, form: FormDef): FieldDef {
  const schema = type.optionsSchema as Schema | undefined;
  const options: Record<string, unknown> = {};
  for (const name of schema?.required ?? []) {
    if (isChoiceList(schema?.properties?.[name])) options[name] = starterChoices();
    else if (schema?.properties?.[name]?.enum?.length) options[name] = schema.properties[name]!.enum![0]; // e.g. a formula's result type
  }
  return {
    id: newFieldId(form),
    key: freeKey(form, type.type),
    type: type.type,
    label: { 'zh-CN': localize(type.label, 'zh-CN'), en: localize(type.label, 'en') },
    ...(Object.keys(options).length > 0 ? { options } : {}),
  };
}
