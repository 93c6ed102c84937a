import { cleanIdNumber, idNumberProblem, maskIdNumber } from '../china-id-number.js';
import { defineFieldType } from '../field-type.js';

const MESSAGES = {
  format: { 'zh-CN': '应为 18 位身份证号（最后一位可为 X）', en: 'must be an 18-character resident ID number (the last may be X)' },
  birth_date: { 'zh-CN': '中的出生日期无效', en: 'contains an invalid birth date' },
  checksum: { 'zh-CN': '的校验位不正确，请核对号码', en: 'has a wrong check digit; check the number' },
} as const;

/**
 * Chinese resident ID number (GB 11643: 18 characters, MOD 11-2 check character, real
 * birth date). Options: `mask` (lists show `110105********002X`). Value: text, `X` upper-case.
 * `idNumberInfo` derives the birth date and gender.
 */
export const idNumberType = defineFieldType({
  type: 'id_number',
  label: { 'zh-CN': '身份证号', en: 'Resident ID number' },
  group: 'advanced',
  valueType: 'text',
  optionsSchema: { type: 'object', properties: { mask: { type: 'boolean' }, unique: { type: 'boolean' } }, additionalProperties: false },
  valueSchema: () => ({ type: 'string', maxLength: 18 }),
  clean: (value) => cleanIdNumber(value),
  check(value) {
    const problem = idNumberProblem(String(value));
    return problem === undefined ? undefined : { code: 'FIELD_PATTERN', params: { message: MESSAGES[problem] } };
  },
  format: (value, field) => (typeof value !== 'string' ? '' : field.options?.['mask'] === true ? maskIdNumber(value) : value),
  filterOperators: ['==', '!=', 'startsWith', 'in', 'isEmpty'],
});
