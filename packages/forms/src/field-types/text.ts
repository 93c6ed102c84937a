import { localizedTextSchema, type FieldDef } from '@trellis/schema';
import { cleanText } from '../cleaners.js';
import { defineFieldType } from '../field-type.js';
import { MAX_PATTERN_LENGTH, unsafePatternReason } from '../safe-pattern.js';

/** Default `maxLength` of a text field. */
export const TEXT_DEFAULT_MAX_LENGTH = 200;

const patterns = new WeakMap<FieldDef, RegExp>();

function patternOf(field: FieldDef): RegExp | undefined {
  const source = field.options?.['pattern'];
  if (typeof source !== 'string') return undefined;
  let re = patterns.get(field);
  if (re === undefined) {
    // compileForm refuses unsafe patterns before any value reaches this point.
    re = new RegExp(source, 'u');
    patterns.set(field, re);
  }
  return re;
}

/** Options: `minLength`, `maxLength` (default 200, at most 1000), `pattern` (safe, ≤ 200 chars), `patternMessage`. */
export const textType = defineFieldType({
  type: 'text',
  label: { 'zh-CN': '单行文本', en: 'Text' },
  group: 'basic',
  valueType: 'text',
  optionsSchema: {
    type: 'object',
    properties: {
      minLength: { type: 'integer', minimum: 0, maximum: 1000 },
      maxLength: { type: 'integer', minimum: 1, maximum: 1000 },
      pattern: { type: 'string', minLength: 1, maxLength: MAX_PATTERN_LENGTH },
      patternMessage: localizedTextSchema,
      unique: { type: 'boolean' },
    },
    additionalProperties: false,
  },
  valueSchema: (field) => ({
    type: 'string',
    maxLength: (field.options?.['maxLength'] as number | undefined) ?? TEXT_DEFAULT_MAX_LENGTH,
    ...(field.options?.['minLength'] === undefined ? {} : { minLength: field.options['minLength'] }),
  }),
  clean: (value) => cleanText(value),
  check(value, field) {
    const re = patternOf(field);
    // valueSchema already capped the length at maxLength, so the test is bounded.
    if (re !== undefined && typeof value === 'string' && !re.test(value)) {
      return { code: 'FIELD_PATTERN', params: field.options?.['patternMessage'] === undefined ? {} : { message: field.options['patternMessage'] } };
    }
    return undefined;
  },
  format: (value) => (value === null || value === undefined ? '' : String(value)),
  filterOperators: ['==', '!=', 'contains', 'startsWith', 'endsWith', 'in', 'isEmpty'],
  checkField(field) {
    const out: { path: string; message: string }[] = [];
    const o = field.options ?? {};
    if (typeof o['pattern'] === 'string') {
      const reason = unsafePatternReason(o['pattern']);
      if (reason !== undefined) out.push({ path: '/options/pattern', message: `this pattern cannot be used: ${reason}` });
    }
    if (typeof o['minLength'] === 'number' && o['minLength'] > ((o['maxLength'] as number | undefined) ?? TEXT_DEFAULT_MAX_LENGTH)) {
      out.push({ path: '/options/minLength', message: 'minLength is larger than maxLength; lower it' });
    }
    return out;
  },
});
