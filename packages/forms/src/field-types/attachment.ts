import { defineFieldType } from '../field-type.js';
import { checkFileField, checkFileRefs, cleanFileRefs, fileFieldLimits, fileOptionsSchema, fileRefSchema, type FileRef } from './file-refs.js';

/**
 * Attachment: uploaded files of any type. Options: `maxFiles` (1–50, default 10), `maxSize`
 * (bytes, at most 50 MiB, default 20 MiB), `accept` (extensions such as `.pdf`, MIME types,
 * `image/*`). Value: a list of file refs `{ id, name, size, type }` (jsonb); empty → null.
 * The store checks that each ref is a file uploaded to this field.
 */
export const attachmentType = fileListType('attachment', { 'zh-CN': '附件', en: 'Attachment' });

/**
 * A field type holding a list of uploaded files (attachment, image): the value schema, cleaning,
 * checks and format shared by both; what differs (image types only) lives in `fileFieldLimits`.
 *
 * @example export const imageType = fileListType('image', { 'zh-CN': '图片', en: 'Image' });
 */
export function fileListType<const T extends string>(type: T, label: { 'zh-CN': string; en: string }) {
  return defineFieldType({
    type,
    label,
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
}
