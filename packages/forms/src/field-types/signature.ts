import { defineFieldType } from '../field-type.js';
import { checkFileRefs, cleanFileRef, fileFieldLimits, fileRefSchema, type FileRef } from './file-refs.js';

/**
 * Signature: one PNG drawn on a signature pad (or a typed name rendered to it), uploaded as a
 * file of this field. No options. Value: one file ref `{ id, name, size, type }` or null;
 * a list of one ref is accepted on input.
 */
export const signatureType = defineFieldType({
  type: 'signature',
  label: { 'zh-CN': '手写签名', en: 'Signature' },
  group: 'advanced',
  valueType: 'json',
  files: 'one',
  optionsSchema: { type: 'object', properties: {}, additionalProperties: false },
  valueSchema: (field) => fileRefSchema(fileFieldLimits(field)!),
  clean(value) {
    if (Array.isArray(value)) {
      if (value.length === 0) return null;
      if (value.length === 1) return cleanFileRef(value[0]);
      return value;
    }
    return cleanFileRef(value);
  },
  check: (value, field) => checkFileRefs([value as FileRef], fileFieldLimits(field)!),
  format: (value, _field, locale) => (value === null || value === undefined ? '' : locale.startsWith('zh') ? '已签名' : 'Signed'),
  filterOperators: ['isEmpty'],
});
