import { acceptAllows, fileExtension, fileFieldLimits, formatFileSize, isRasterImageType, RASTER_IMAGE_TYPES, type FileFieldLimits } from '@trellis/forms';
import type { FieldDef } from '@trellis/schema';
import { fileText } from './file-messages.js';

/** What the browser knows about a chosen file before uploading it. */
export interface ChosenFile {
  readonly name: string;
  readonly size: number;
  readonly type: string;
}

const IMAGE_EXTENSIONS: Readonly<Record<string, string>> = { '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.gif': 'image/gif', '.webp': 'image/webp' };

/**
 * Why a chosen file would be refused by the field — too large, a type `accept` does not allow,
 * not a raster image for an image field — as a message in the user's language, or undefined.
 * The same limits the server enforces (which also checks the bytes), so most refusals happen
 * before any upload.
 *
 * @example checkChosenFile(imageField, { name: 'a.svg', size: 10, type: 'image/svg+xml' }, 'en') // "'a.svg' is not a PNG, JPEG, GIF or WebP image"
 */
export function checkChosenFile(field: FieldDef, file: ChosenFile, locale: string, cap?: number): string | undefined {
  const limits = fileFieldLimits(field);
  if (limits === undefined) return fileText(locale, 'unavailable');
  const maxSize = cap === undefined ? limits.maxSize : Math.min(limits.maxSize, cap);
  if (file.size > maxSize) return fileText(locale, 'tooLarge', { name: file.name, limit: formatFileSize(maxSize) });
  if (limits.imagesOnly) {
    const type = isRasterImageType(file.type) ? file.type : IMAGE_EXTENSIONS[fileExtension(file.name)];
    if (type === undefined) return fileText(locale, 'notImage', { name: file.name });
    if (!acceptAllows(limits.accept, file.name, type)) return fileText(locale, 'wrongType', { name: file.name, allowed: (limits.accept ?? []).join(', ') });
    return undefined;
  }
  if (!acceptAllows(limits.accept, file.name, file.type || 'application/octet-stream')) {
    return fileText(locale, 'wrongType', { name: file.name, allowed: (limits.accept ?? []).join(', ') });
  }
  return undefined;
}

/** How many more files the field takes, given how many it holds and how many are uploading. */
export function remainingSlots(limits: FileFieldLimits, held: number, uploading: number): number {
  return Math.max(0, limits.maxFiles - held - uploading);
}

/** The `accept` attribute of the file input for a field (image fields: the raster types). */
export function acceptAttribute(field: FieldDef): string | undefined {
  const limits = fileFieldLimits(field);
  if (limits === undefined) return undefined;
  if (limits.imagesOnly) return (limits.accept ?? RASTER_IMAGE_TYPES).join(',');
  return limits.accept?.join(',');
}
