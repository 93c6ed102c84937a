import { cleanText } from '../cleaners.js';
import { defineFieldType } from '../field-type.js';
import { cascadeOptionSchema, checkCascade } from './cascade.js';
import { allowsOther, checkChoices, choiceLabel, choicesOf, choicesOptionSchema, choiceValueFor, OTHER_MAX_LENGTH } from './choices.js';

const SEPARATORS = /[,，;；、\n]/;

/**
 * Options: `choices` (required), `minItems`, `maxItems`, `allowOther` (free texts besides the choices). The value is a list of choice
 * values without duplicates; `"a, b"` and labels are accepted on input; an empty list is `null`.
 */
export const multiSelectType = defineFieldType({
  type: 'multi_select',
  label: { 'zh-CN': '多选', en: 'Multi select' },
  group: 'choice',
  valueType: 'text_list',
  optionsSchema: {
    type: 'object',
    required: ['choices'],
    properties: {
      choices: choicesOptionSchema,
      allowOther: { type: 'boolean' },
      cascade: cascadeOptionSchema,
      minItems: { type: 'integer', minimum: 0 },
      maxItems: { type: 'integer', minimum: 1 },
    },
    additionalProperties: false,
  },
  valueSchema: (field) => ({
    type: 'array',
    items: allowsOther(field) ? { type: 'string', minLength: 1, maxLength: OTHER_MAX_LENGTH } : { type: 'string', enum: choicesOf(field).map((c) => c.value) },
    uniqueItems: true,
    ...(field.options?.['minItems'] === undefined ? {} : { minItems: field.options['minItems'] }),
    ...(field.options?.['maxItems'] === undefined ? {} : { maxItems: field.options['maxItems'] }),
  }),
  clean(value, field) {
    let items: unknown[];
    if (typeof value === 'string') items = value.split(SEPARATORS);
    else if (Array.isArray(value)) items = value;
    else return value;
    const out: unknown[] = [];
    for (const item of items) {
      const v = cleanText(item);
      if (v === null) continue;
      const mapped = typeof v === 'string' ? choiceValueFor(field, v) : v;
      if (!out.includes(mapped)) out.push(mapped);
    }
    return out.length === 0 ? null : out;
  },
  format(value, field, locale) {
    if (!Array.isArray(value)) return '';
    return value.map((v) => choiceLabel(field, String(v), locale)).join(locale.startsWith('zh') ? '、' : ', ');
  },
  filterOperators: ['contains', 'isEmpty'],
  checkField(field, form) {
    const out = [...checkChoices(field), ...checkCascade(field, form)];
    const { minItems, maxItems } = (field.options ?? {}) as { minItems?: number; maxItems?: number };
    if (minItems !== undefined && maxItems !== undefined && minItems > maxItems) out.push({ path: '/options/minItems', message: `minItems (${minItems}) is larger than maxItems (${maxItems}); lower it` });
    return out;
  },
});
