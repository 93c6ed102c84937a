import { defineFieldType } from '../field-type.js';

/** Default `maxLength` of a long text field. */
export const LONG_TEXT_DEFAULT_MAX_LENGTH = 10000;

/** Trims the ends but keeps inner line breaks; `''` → null. */
function cleanLongText(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const t = value.replace(/\r\n?/g, '\n').trim();
  return t === '' ? null : t;
}

/** Options: `minLength`, `maxLength` (default 10000, at most 100000). */
export const longTextType = defineFieldType({
  type: 'long_text',
  label: { 'zh-CN': '多行文本', en: 'Long text' },
  group: 'basic',
  valueType: 'text',
  optionsSchema: {
    type: 'object',
    properties: {
      minLength: { type: 'integer', minimum: 0, maximum: 100000 },
      maxLength: { type: 'integer', minimum: 1, maximum: 100000 },
    },
    additionalProperties: false,
  },
  valueSchema: (field) => ({
    type: 'string',
    maxLength: (field.options?.['maxLength'] as number | undefined) ?? LONG_TEXT_DEFAULT_MAX_LENGTH,
    ...(field.options?.['minLength'] === undefined ? {} : { minLength: field.options['minLength'] }),
  }),
  clean: cleanLongText,
  format: (value) => (value === null || value === undefined ? '' : String(value)),
  filterOperators: ['contains', 'isEmpty'],
  checkField(field) {
    const o = field.options ?? {};
    if (typeof o['minLength'] === 'number' && o['minLength'] > ((o['maxLength'] as number | undefined) ?? LONG_TEXT_DEFAULT_MAX_LENGTH)) {
      return [{ path: '/options/minLength', message: 'minLength is larger than maxLength; lower it' }];
    }
    return [];
  },
});
