import type { FastifyRequest } from 'fastify';
import { fileFieldLimits, isRasterImageType, MIME_TYPE_PATTERN, refAllowed, sniffImageType, FILE_SIZE_CAP, formatFileSize, type FileRef } from '@trellis/forms';
import { TrellisError, type FieldDef } from '@trellis/schema';
import type { Store } from '@trellis/store';
import { ServerErrors } from '../errors.js';
import type { ResolvedForm } from '../form-resolver.js';

const MIME = new RegExp(MIME_TYPE_PATTERN);

/** The file field `key` of a resolved form, or `FILE_FIELD_NOT_FOUND`. */
export function fileField(resolved: ResolvedForm, key: string): FieldDef {
  const field = resolved.form.fields.find((f) => f.key === key);
  if (field === undefined || fileFieldLimits(field) === undefined) {
    throw ServerErrors.create('FILE_FIELD_NOT_FOUND', `[server] form '${resolved.form.key}' has no attachment, image or signature field '${key}'; check the field key`, [
      { path: '/params/field', message: `no file field '${key}'` },
    ]);
  }
  return field;
}

/** The declared MIME type, lower-case, or `application/octet-stream` when it is not one. */
function declaredType(mimetype: string | undefined): string {
  const t = (mimetype ?? '').split(';')[0]!.trim().toLowerCase();
  return MIME.test(t) ? t : 'application/octet-stream';
}

function typeRefused(name: string, why: string): TrellisError {
  return ServerErrors.create('FILE_TYPE_NOT_ALLOWED', `[server] file '${name}' was refused: ${why}`, [{ path: '/file', message: why }]);
}

/**
 * Receives the one file part of a multipart upload for `field` and streams it into the store:
 * the size limit (the field's `maxSize`, at most `cap`) is enforced while streaming, the type
 * is decided from the first bytes — a raster image's real type by its magic bytes; for image
 * and signature fields nothing else is taken — and checked against `accept` before anything is
 * kept. Returns the new file's ref.
 */
export async function receiveUpload(request: FastifyRequest, store: Store, resolved: ResolvedForm, field: FieldDef, createdBy: string | null, cap = FILE_SIZE_CAP): Promise<FileRef> {
  const limits = fileFieldLimits(field)!;
  const maxBytes = Math.min(limits.maxSize, cap);
  if (!request.isMultipart()) {
    throw ServerErrors.create('FILE_UPLOAD_INVALID', "[server] an upload must be sent as 'multipart/form-data' with one file part named 'file'");
  }
  let part;
  try {
    part = await request.file({ limits: { fileSize: maxBytes + 1, files: 1, fields: 5, parts: 6, fieldSize: 1024 } });
  } catch (e) {
    throw ServerErrors.create('FILE_UPLOAD_INVALID', `[server] the upload could not be read (${(e as Error).message}); send one file part named 'file'`);
  }
  if (part === undefined || part.fieldname !== 'file') {
    part?.file.resume();
    throw ServerErrors.create('FILE_UPLOAD_INVALID', "[server] the upload has no file part named 'file'; send the file as the form field 'file'", [{ path: '/file', message: 'missing' }]);
  }
  const name = part.filename || 'file';
  const declared = declaredType(part.mimetype);
  const file = await store.files.upload({ app: resolved.app, form: resolved.form.key, fieldId: field.id, name, type: declared, createdBy }, part.file, {
    maxBytes,
    inspect(head) {
      const sniffed = sniffImageType(head);
      let type: string;
      if (limits.imagesOnly) {
        if (sniffed === undefined) throw typeRefused(name, 'the file is not a PNG, JPEG, GIF or WebP image');
        type = sniffed;
      } else {
        // A claimed image whose bytes are not one is kept as opaque data (never shown inline).
        type = sniffed ?? (isRasterImageType(declared) || declared.startsWith('image/') ? 'application/octet-stream' : declared);
      }
      if (!refAllowed(limits, name, type)) throw typeRefused(name, `its type (${type}) is not one this field accepts: ${(limits.accept ?? []).join(', ')}`);
      return type;
    },
  }).catch((e: unknown) => {
    if (TrellisError.is(e) && e.code === 'FILE_TOO_LARGE') {
      throw new TrellisError(e.code, e.status, `[server] file '${name}' is larger than the limit of ${formatFileSize(maxBytes)} of this field; choose a smaller file`, e.details);
    }
    throw e;
  });
  return { id: file.id, name: file.name, size: file.size, type: file.type };
}
