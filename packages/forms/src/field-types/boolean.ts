import { cleanBoolean } from '../cleaners.js';
import { defineFieldType } from '../field-type.js';

/** No options. `required` means "answered": `false` is a value. */
export const booleanType = defineFieldType({
  type: 'boolean',
  label: { 'zh-CN': '是/否', en: 'Yes/No' },
  group: 'basic',
  valueType: 'boolean',
  valueSchema: () => ({ type: 'boolean' }),
  clean: (value) => cleanBoolean(value),
  format: (value, _field, locale) => (typeof value !== 'boolean' ? '' : locale.startsWith('zh') ? (value ? '是' : '否') : value ? 'Yes' : 'No'),
  filterOperators: ['==', '!=', 'isEmpty'],
});
