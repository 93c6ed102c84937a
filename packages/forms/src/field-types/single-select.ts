import { cleanText } from '../cleaners.js';
import { defineFieldType } from '../field-type.js';
import { checkChoices, choiceLabel, choicesOf, choicesOptionSchema, choiceValueFor } from './choices.js';

/** Options: `choices` (required, non-empty). The value is the chosen choice's `value`; a label is accepted on input. */
export const singleSelectType = defineFieldType({
  type: 'single_select',
  label: { 'zh-CN': '单选', en: 'Single select' },
  group: 'choice',
  valueType: 'text',
  optionsSchema: { type: 'object', required: ['choices'], properties: { choices: choicesOptionSchema }, additionalProperties: false },
  valueSchema: (field) => ({ type: 'string', enum: choicesOf(field).map((c) => c.value) }),
  clean(value, field) {
    const v = cleanText(value);
    return typeof v === 'string' ? choiceValueFor(field, v) : v;
  },
  format: (value, field, locale) => (typeof value === 'string' ? choiceLabel(field, value, locale) : ''),
  filterOperators: ['==', '!=', 'in', 'isEmpty'],
  checkField: (field) => checkChoices(field),
});
