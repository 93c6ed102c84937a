/**
 * Pure helpers about uploaded files that the browser, the server and the form engine share:
 * the size cap, image sniffing by magic bytes, and `accept` lists. No I/O.
 */

/** The largest file any field may accept (50 MiB); a field's `maxSize` may only lower it. */
export const FILE_SIZE_CAP = 50 * 1024 * 1024;

/** The image types an image or signature field accepts: raster formats browsers show without running code (never SVG). */
export const RASTER_IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'] as const;
/** One of {@link RASTER_IMAGE_TYPES}. */
export type RasterImageType = (typeof RASTER_IMAGE_TYPES)[number];

/** How many leading bytes {@link sniffImageType} needs. */
export const SNIFF_BYTES = 12;

const startsWith = (bytes: Uint8Array, sig: readonly number[], at = 0): boolean => sig.every((b, i) => bytes[at + i] === b);
const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));

/**
 * The raster image type the bytes really are (PNG, JPEG, GIF, WebP), from their magic
 * numbers, or `undefined` — whatever the file name or the declared type say. An SVG or an
 * HTML page renamed to `.png` is `undefined`.
 *
 * @example sniffImageType(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) // 'image/png'
 */
export function sniffImageType(bytes: Uint8Array): RasterImageType | undefined {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return 'image/gif';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'image/webp';
  return undefined;
}

/** Whether `type` is one of the raster image types served inline. */
export function isRasterImageType(type: string): type is RasterImageType {
  return (RASTER_IMAGE_TYPES as readonly string[]).includes(type);
}

/** A MIME type as files carry it (`application/pdf`), lower-case. */
export const MIME_TYPE_PATTERN = '^[a-z0-9][a-z0-9!#$&^_.+-]{0,63}/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}$';
/** One entry of an `accept` option: an extension (`.pdf`), a MIME type (`application/pdf`) or a family (`image/*`). */
export const ACCEPT_ENTRY_PATTERN = '^(\\.[A-Za-z0-9][A-Za-z0-9_+-]{0,15}|[a-z0-9][a-z0-9!#$&^_.+-]{0,63}/([a-z0-9][a-z0-9!#$&^_.+-]{0,126}|\\*))$';

/** The extension of a file name, lower-case with its dot (`报告.PDF` → `.pdf`), or `''`. */
export function fileExtension(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot <= 0 || dot === name.length - 1 ? '' : name.slice(dot).toLowerCase();
}

/**
 * Whether a file of this name and MIME type matches an `accept` list (as in HTML's
 * `<input accept>`): any entry matching the extension, the exact type or its `type/*`
 * family. No list (or an empty one) accepts everything.
 *
 * @example acceptAllows(['.pdf', 'image/*'], 'scan.JPG', 'image/jpeg') // true
 */
export function acceptAllows(accept: readonly string[] | undefined, name: string, type: string): boolean {
  if (accept === undefined || accept.length === 0) return true;
  const ext = fileExtension(name);
  const mime = type.toLowerCase();
  return accept.some((entry) => {
    const e = entry.toLowerCase();
    if (e.startsWith('.')) return e === ext;
    if (e.endsWith('/*')) return mime.startsWith(e.slice(0, -1));
    return e === mime;
  });
}

/**
 * A byte count for people: `512 B`, `1.5 KB`, `20 MB` (binary units, as file pickers show).
 *
 * @example formatFileSize(20 * 1024 * 1024) // '20 MB'
 */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'];
  let v = bytes / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${Number.isInteger(v) ? v : v.toFixed(1).replace(/\.0$/, '')} ${units[i]}`;
}
