import { LOCALE_PATTERN } from '@trellis/schema';
import { defineFieldType } from '../field-type.js';

/** Longest description text, per locale. */
export const DESCRIPTION_MAX_LENGTH = 5000;

/** Tones of a description block: how the renderer colours it. */
export const DESCRIPTION_TONES = ['plain', 'info', 'warning'] as const;
export type DescriptionTone = (typeof DESCRIPTION_TONES)[number];

/**
 * Description text (说明文字): a layout element placed in sections like a field, holding
 * no value and getting no column. Options: `text` (required; plain text in one or more
 * locales, line breaks kept, never interpreted as HTML) and `tone` (`plain` by default,
 * `info`, `warning`). Input for it is refused as an unknown field.
 */
export const descriptionType = defineFieldType({
  type: 'description',
  label: { 'zh-CN': '说明文字', en: 'Description text' },
  group: 'layout',
  valueType: 'text',
  storesValue: false,
  optionsSchema: {
    type: 'object',
    required: ['text'],
    properties: {
      text: {
        type: ['string', 'object'],
        minLength: 1,
        maxLength: DESCRIPTION_MAX_LENGTH,
        minProperties: 1,
        propertyNames: { pattern: LOCALE_PATTERN.source },
        additionalProperties: { type: 'string', minLength: 1, maxLength: DESCRIPTION_MAX_LENGTH },
      },
      tone: { type: 'string', enum: [...DESCRIPTION_TONES] },
    },
    additionalProperties: false,
  },
  valueSchema: () => ({}),
  clean: (value) => value,
  format: () => '',
  filterOperators: [],
});
