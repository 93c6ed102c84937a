import { cleanText } from '../cleaners.js';
import { defineFieldType } from '../field-type.js';
import { cascadeOptionSchema, checkCascade } from './cascade.js';
import { allowsOther, checkChoices, choiceLabel, choicesOf, choicesOptionSchema, choiceValueFor, OTHER_MAX_LENGTH } from './choices.js';

/**
 * Options: `choices` (required, non-empty; each may have a `color`), `allowOther` (free text
 * besides the choices, up to 200 characters). The value is the chosen choice's `value` (or
 * the free text); a label is accepted on input.
 */
export const singleSelectType = defineFieldType({
  type: 'single_select',
  label: { 'zh-CN': '单选', en: 'Single select' },
  group: 'choice',
  valueType: 'text',
  optionsSchema: { type: 'object', required: ['choices'], properties: { choices: choicesOptionSchema, allowOther: { type: 'boolean' }, cascade: cascadeOptionSchema }, additionalProperties: false },
  valueSchema: (field) => (allowsOther(field) ? { type: 'string', maxLength: OTHER_MAX_LENGTH } : { type: 'string', enum: choicesOf(field).map((c) => c.value) }),
  clean(value, field) {
    const v = cleanText(value);
    return typeof v === 'string' ? choiceValueFor(field, v) : v;
  },
  format: (value, field, locale) => (typeof value === 'string' ? choiceLabel(field, value, locale) : ''),
  filterOperators: ['==', '!=', 'in', 'isEmpty'],
  checkField: (field, form) => [...checkChoices(field), ...checkCascade(field, form)],
});
