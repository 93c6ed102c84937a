import type { FieldDef, JsonSchema } from '@trellis/schema';
import type { FieldIssue } from '../field-issue.js';
import { ACCEPT_ENTRY_PATTERN, acceptAllows, FILE_SIZE_CAP, formatFileSize, isRasterImageType, MIME_TYPE_PATTERN, RASTER_IMAGE_TYPES } from '../file-content.js';

/**
 * A reference to an uploaded file, as record data holds it (`jsonb`): the file's id (from
 * `POST …/fields/:field/files`), its name, size in bytes and MIME type.
 */
export interface FileRef {
  readonly id: string;
  readonly name: string;
  readonly size: number;
  readonly type: string;
}

/** The upload limits of a file field, with its defaults filled in. */
export interface FileFieldLimits {
  /** How many files the value may hold (signature: 1). */
  readonly maxFiles: number;
  /** Largest file in bytes (at most {@link FILE_SIZE_CAP}). */
  readonly maxSize: number;
  /** The `accept` list (extensions, MIME types, `type/*`), or undefined for any file. */
  readonly accept: readonly string[] | undefined;
  /** Image and signature fields take only raster images, checked by their magic bytes. */
  readonly imagesOnly: boolean;
  /** Signature: the value is one ref (or null), not a list. */
  readonly single: boolean;
}

/** Default `maxFiles` of attachment and image fields. */
export const FILE_DEFAULT_MAX_FILES = 10;
/** Default `maxSize` of attachment fields (20 MiB), image fields (10 MiB) and signatures (1 MiB). */
export const FILE_DEFAULT_MAX_SIZE = { attachment: 20 * 1024 * 1024, image: 10 * 1024 * 1024, signature: 1024 * 1024 } as const;

const UUID = '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$';

/** The options schema of attachment and image fields. */
export const fileOptionsSchema: JsonSchema = {
  type: 'object',
  properties: {
    maxFiles: { type: 'integer', minimum: 1, maximum: 50 },
    maxSize: { type: 'integer', minimum: 1, maximum: FILE_SIZE_CAP },
    accept: { type: 'array', minItems: 1, maxItems: 50, uniqueItems: true, items: { type: 'string', pattern: ACCEPT_ENTRY_PATTERN } },
  },
  additionalProperties: false,
};

/** JSON Schema of one file ref (used inside the value schemas). */
export function fileRefSchema(limits: FileFieldLimits): JsonSchema {
  return {
    type: 'object',
    required: ['id', 'name', 'size', 'type'],
    properties: {
      id: { type: 'string', pattern: UUID },
      name: { type: 'string', minLength: 1, maxLength: 255 },
      size: { type: 'integer', minimum: 0, maximum: limits.maxSize },
      type: { type: 'string', pattern: MIME_TYPE_PATTERN },
    },
    additionalProperties: false,
  };
}

/**
 * The limits of a file field (attachment, image, signature), defaults filled in; undefined for
 * other types. The server's upload route, the browser's upload widget and validation use it.
 *
 * @example fileFieldLimits({ type: 'image', options: { maxFiles: 3 } } as FieldDef)?.maxSize // 10485760
 */
export function fileFieldLimits(field: Pick<FieldDef, 'type' | 'options'>): FileFieldLimits | undefined {
  if (field.type !== 'attachment' && field.type !== 'image' && field.type !== 'signature') return undefined;
  const o = (field.options ?? {}) as { maxFiles?: number; maxSize?: number; accept?: readonly string[] };
  if (field.type === 'signature') return { maxFiles: 1, maxSize: FILE_DEFAULT_MAX_SIZE.signature, accept: ['image/png'], imagesOnly: true, single: true };
  return {
    maxFiles: o.maxFiles ?? FILE_DEFAULT_MAX_FILES,
    maxSize: Math.min(o.maxSize ?? FILE_DEFAULT_MAX_SIZE[field.type], FILE_SIZE_CAP),
    accept: field.type === 'image' ? (o.accept ?? RASTER_IMAGE_TYPES) : o.accept,
    imagesOnly: field.type === 'image',
    single: false,
  };
}

/** Picks the four ref properties of an object (ids lower-cased, names trimmed); anything else stays as it is. */
export function cleanFileRef(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const v = value as Record<string, unknown>;
  return {
    id: typeof v['id'] === 'string' ? v['id'].trim().toLowerCase() : v['id'],
    name: typeof v['name'] === 'string' ? v['name'].trim() : v['name'],
    size: v['size'],
    type: typeof v['type'] === 'string' ? v['type'].trim().toLowerCase() : v['type'],
  };
}

/** Cleans a list of refs: one ref becomes a list of one, duplicates (same id) are dropped, an empty list is null. */
export function cleanFileRefs(value: unknown): unknown {
  const items = Array.isArray(value) ? value : typeof value === 'object' && value !== null ? [value] : undefined;
  if (items === undefined) return value;
  const out: unknown[] = [];
  const seen = new Set<unknown>();
  for (const item of items) {
    if (item === null || item === undefined) continue;
    const ref = cleanFileRef(item);
    const id = (ref as { id?: unknown }).id;
    if (typeof id === 'string' && seen.has(id)) continue;
    seen.add(id);
    out.push(ref);
  }
  return out.length === 0 ? null : out;
}

/** Whether a ref is allowed by the field's `accept` (and, for image fields, is a raster image type). */
export function refAllowed(limits: FileFieldLimits, name: string, type: string): boolean {
  if (limits.imagesOnly && !isRasterImageType(type)) return false;
  return acceptAllows(limits.accept, name, type);
}

/** The check of file refs that passed the schema: size and type limits, with the file named in the message. */
export function checkFileRefs(refs: readonly FileRef[], limits: FileFieldLimits): FieldIssue | undefined {
  for (const ref of refs) {
    if (ref.size > limits.maxSize) {
      const limit = formatFileSize(limits.maxSize);
      return { code: 'FIELD_PATTERN', params: { message: { 'zh-CN': `中的文件「${ref.name}」超过了 ${limit} 的大小上限`, en: `: file '${ref.name}' is larger than the limit of ${limit}` } } };
    }
    if (!refAllowed(limits, ref.name, ref.type)) {
      const allowed = (limits.accept ?? []).join(', ');
      return { code: 'FIELD_PATTERN', params: { message: { 'zh-CN': `中的文件「${ref.name}」类型不允许（允许：${allowed}）`, en: `: file '${ref.name}' is not an allowed type (allowed: ${allowed})` } } };
    }
  }
  return undefined;
}

/** Definition checks shared by attachment and image: an image field's `accept` may name raster image types only. */
export function checkFileField(field: FieldDef): { path: string; message: string }[] {
  const accept = (field.options?.['accept'] as readonly string[] | undefined) ?? [];
  if (field.type !== 'image') return [];
  const out: { path: string; message: string }[] = [];
  accept.forEach((entry, i) => {
    const e = entry.toLowerCase();
    const ok = e.startsWith('.') ? ['.png', '.jpg', '.jpeg', '.gif', '.webp'].includes(e) : e === 'image/*' || isRasterImageType(e);
    if (!ok) out.push({ path: `/options/accept/${i}`, message: `'${entry}' is not a raster image type; image fields take PNG, JPEG, GIF and WebP only (never SVG); use an attachment field for other files` });
  });
  return out;
}
