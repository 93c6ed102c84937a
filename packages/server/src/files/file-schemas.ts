import { MIME_TYPE_PATTERN } from '@trellis/forms';

/** A file ref as uploads return it and record data holds it. */
export const fileRefSchema = {
  type: 'object',
  required: ['id', 'name', 'size', 'type'],
  properties: {
    id: { type: 'string', format: 'uuid' },
    name: { type: 'string', description: 'The file name as uploaded (path parts removed)' },
    size: { type: 'integer', description: 'Bytes' },
    type: { type: 'string', pattern: MIME_TYPE_PATTERN, description: 'MIME type; for images the type their bytes really are' },
  },
  additionalProperties: false,
} as const;

/** Params of the upload route. */
export const uploadParamsSchema = {
  type: 'object',
  required: ['app', 'form', 'field'],
  properties: { app: { type: 'string' }, form: { type: 'string' }, field: { type: 'string', description: 'Key of an attachment, image or signature field' } },
} as const;

/** Params of the public upload route. */
export const publicUploadParamsSchema = {
  type: 'object',
  required: ['token', 'field'],
  properties: { token: { type: 'string' }, field: { type: 'string', description: 'Key of a file field the public link shows' } },
} as const;

/** Params and query of the download route. */
export const downloadParamsSchema = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string' } },
} as const;
export const downloadQuerySchema = {
  type: 'object',
  properties: { download: { type: 'boolean', description: 'Send images as an attachment too (a download instead of showing them)' } },
  additionalProperties: false,
} as const;

/** The OpenAPI description of the multipart upload body (the route reads the stream itself). */
export const UPLOAD_DESCRIPTION =
  "Send `multipart/form-data` with one file part named `file`. The file is streamed to the file store; the field's `maxSize` " +
  '(and the server cap) is enforced while streaming (413 `FILE_TOO_LARGE`), its `accept` list and, for image and signature fields, ' +
  'the real image type by magic bytes (PNG, JPEG, GIF, WebP; never SVG or HTML) are checked (415 `FILE_TYPE_NOT_ALLOWED`). ' +
  'The answer is the file ref `{ id, name, size, type }` to put into the record data; the file stays unattached (and is ' +
  'removed after 24 hours) until a record naming it is saved.';
