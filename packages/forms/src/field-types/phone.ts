import { cleanPhone, maskPhone, phoneKind } from '../china-phone.js';
import { defineFieldType } from '../field-type.js';

/**
 * Chinese phone number. Options: `kind` (`mobile`, `landline` or `any`, default `any`),
 * `mask` (lists show `138****1234`). The value is text: 11 digits for a mobile,
 * `area-number[-ext]` for a landline.
 */
export const phoneType = defineFieldType({
  type: 'phone',
  label: { 'zh-CN': '电话', en: 'Phone' },
  group: 'advanced',
  valueType: 'text',
  optionsSchema: {
    type: 'object',
    properties: { kind: { enum: ['mobile', 'landline', 'any'] }, mask: { type: 'boolean' }, unique: { type: 'boolean' } },
    additionalProperties: false,
  },
  valueSchema: () => ({ type: 'string', maxLength: 30 }),
  clean: (value) => cleanPhone(value),
  check(value, field) {
    const kind = phoneKind(String(value));
    const wanted = (field.options?.['kind'] as string | undefined) ?? 'any';
    if (kind === undefined || (wanted !== 'any' && kind !== wanted)) {
      const message =
        wanted === 'mobile'
          ? { 'zh-CN': '应为 11 位手机号（1 开头，第二位 3–9）', en: 'must be an 11-digit mobile number starting 13–19' }
          : wanted === 'landline'
            ? { 'zh-CN': '应为固定电话（区号-号码，如 010-12345678）', en: 'must be a landline number: area code and number, such as 010-12345678' }
            : { 'zh-CN': '应为 11 位手机号或带区号的固定电话（如 13812341234 或 010-12345678）', en: 'must be an 11-digit mobile number (13812341234) or a landline number with area code (010-12345678)' };
      return { code: 'FIELD_PATTERN', params: { message } };
    }
    return undefined;
  },
  format: (value, field) => (typeof value !== 'string' ? '' : field.options?.['mask'] === true ? maskPhone(value) : value),
  filterOperators: ['==', '!=', 'contains', 'startsWith', 'endsWith', 'in', 'isEmpty'],
});
