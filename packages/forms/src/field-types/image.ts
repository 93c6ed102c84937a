import { defineFieldType } from '../field-type.js';
import { checkFileField, checkFileRefs, cleanFileRefs, fileFieldLimits, fileOptionsSchema, fileRefSchema, type FileRef } from './file-refs.js';

/**
 * Image: uploaded pictures, PNG, JPEG, GIF or WebP only — checked by their magic bytes on
 * upload, never SVG. Options as attachment (`maxFiles`, `maxSize` default 10 MiB, `accept`
 * narrowed to raster types). Value: a list of file refs (jsonb); empty → null.
 */
export const imageType = defineFieldType({
  type: 'image',
  label: { 'zh-CN': '图片', en: 'Image' },
  group: 'advanced',
  valueType: 'json',
  files: 'many',
  optionsSchema: fileOptionsSchema,
  valueSchema: (field) => {
    const limits = fileFieldLimits(field)!;
    return { type: 'array', items: fileRefSchema(limits), maxItems: limits.maxFiles };
  },
  clean: (value) => cleanFileRefs(value),
  check: (value, field) => checkFileRefs(value as FileRef[], fileFieldLimits(field)!),
  format: (value, _field, locale) => (Array.isArray(value) ? value.map((r: FileRef) => r.name).join(locale.startsWith('zh') ? '、' : ', ') : ''),
  filterOperators: ['isEmpty'],
  checkField: (field) => checkFileField(field),
});
