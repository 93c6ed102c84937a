import { cleanText } from '../cleaners.js';
import { defineFieldType } from '../field-type.js';

const SEPARATORS = /[,，;；、\n]/;
/** Default longest tag. */
export const TAG_DEFAULT_MAX_LENGTH = 50;

/**
 * Free tags. Options: `maxItems`, `maxLength` (per tag, default 50), `suggestions` (offered by
 * the editor, not enforced). Value: a list of distinct trimmed strings (`"a, b，c"` accepted); empty → null.
 */
export const tagsType = defineFieldType({
  type: 'tags',
  label: { 'zh-CN': '标签', en: 'Tags' },
  group: 'choice',
  valueType: 'text_list',
  optionsSchema: {
    type: 'object',
    properties: {
      maxItems: { type: 'integer', minimum: 1, maximum: 200 },
      maxLength: { type: 'integer', minimum: 1, maximum: 200 },
      suggestions: { type: 'array', maxItems: 500, items: { type: 'string', minLength: 1, maxLength: 200 } },
    },
    additionalProperties: false,
  },
  valueSchema: (field) => ({
    type: 'array',
    items: { type: 'string', minLength: 1, maxLength: (field.options?.['maxLength'] as number | undefined) ?? TAG_DEFAULT_MAX_LENGTH },
    uniqueItems: true,
    maxItems: (field.options?.['maxItems'] as number | undefined) ?? 200,
  }),
  clean(value) {
    let items: unknown[];
    if (typeof value === 'string') items = value.split(SEPARATORS);
    else if (Array.isArray(value)) items = value;
    else return value;
    const out: unknown[] = [];
    for (const item of items) {
      const v = cleanText(item);
      if (v !== null && !out.includes(v)) out.push(v);
    }
    return out.length === 0 ? null : out;
  },
  format: (value, _field, locale) => (Array.isArray(value) ? value.join(locale.startsWith('zh') ? '、' : ', ') : ''),
  filterOperators: ['contains', 'isEmpty'],
});
