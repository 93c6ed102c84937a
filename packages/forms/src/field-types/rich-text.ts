import { defineFieldType } from '../field-type.js';
import { htmlToText, sanitizeHtml } from '../sanitize-html.js';

/** Default longest rich text (characters of sanitised HTML). */
export const RICH_TEXT_DEFAULT_MAX_LENGTH = 100000;

/**
 * Formatted text. The value is HTML, sanitised by an allow-list on every write (no
 * `<script>`, no `on*` attributes, no `javascript:` URLs); HTML with no text → null.
 * Options: `maxLength` (default 100000). Lists show the plain text.
 */
export const richTextType = defineFieldType({
  type: 'rich_text',
  label: { 'zh-CN': '富文本', en: 'Rich text' },
  group: 'basic',
  valueType: 'text',
  optionsSchema: { type: 'object', properties: { maxLength: { type: 'integer', minimum: 1, maximum: 1000000 } }, additionalProperties: false },
  valueSchema: (field) => ({ type: 'string', maxLength: (field.options?.['maxLength'] as number | undefined) ?? RICH_TEXT_DEFAULT_MAX_LENGTH }),
  clean(value) {
    if (typeof value !== 'string') return value;
    const html = sanitizeHtml(value).trim();
    return html === '' || (htmlToText(html) === '' && !/<img\b/.test(html)) ? null : html;
  },
  format: (value) => (typeof value === 'string' ? htmlToText(sanitizeHtml(value)) : ''),
  filterOperators: ['contains', 'isEmpty'],
});
