import { KEY_PATTERN } from '@trellis/schema';
import { MAX_PAGE_SIZE } from '@trellis/store';
import { relatedRecordsSchema } from './relations/related-records-schema.js';

/** The JSON Schemas of the record routes (request validation, response serialisation, OpenAPI). */

const nullableString = (description: string, format?: string) => ({
  type: ['string', 'null'],
  ...(format !== undefined ? { format } : {}),
  description,
});

/** A record on the wire (docs/architecture.md, "Records on the wire"). */
export const recordSchema = {
  type: 'object',
  required: ['id', 'version', 'createdAt', 'updatedAt', 'data'],
  properties: {
    id: { type: 'string', format: 'uuid' },
    version: { type: 'integer', description: 'Optimistic-concurrency version; send it back with PATCH' },
    createdAt: { type: 'string', format: 'date-time' },
    updatedAt: { type: 'string', format: 'date-time' },
    createdBy: nullableString('Who created it (null until login exists)'),
    updatedBy: nullableString('Who last changed it'),
    ownerId: nullableString('Owning user'),
    deptId: nullableString('Owning department'),
    deletedAt: nullableString('When it went to the recycle bin; null when live', 'date-time'),
    data: { type: 'object', additionalProperties: true, description: 'One property per field key; null for no value' },
    related: relatedRecordsSchema,
  },
} as const;

/** JSON Schema `pattern` of app, form and field keys. */
export const keyPattern = KEY_PATTERN.source;

/** Path parameters `:app`, `:form` (and `:id`). */
export const formParamsSchema = {
  type: 'object',
  required: ['app', 'form'],
  properties: {
    app: { type: 'string', pattern: keyPattern, description: 'App key' },
    form: { type: 'string', pattern: keyPattern, description: 'Form key' },
  },
} as const;

export const recordParamsSchema = {
  type: 'object',
  required: ['app', 'form', 'id'],
  properties: { ...formParamsSchema.properties, id: { type: 'string', format: 'uuid', description: 'Record id' } },
} as const;

/** Page size when `limit` is absent. */
export const DEFAULT_PAGE_SIZE = 50;

/** Query of `GET …/records`. */
export const listQuerySchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    filter: { type: 'string', maxLength: 8192, description: 'A json-logic condition as URL-encoded JSON (docs/conditions.md)' },
    sort: { type: 'string', maxLength: 1024, description: 'Comma-separated field keys or system columns; a leading - sorts descending (`-created_at,name`)' },
    limit: { type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE },
    cursor: { type: 'string', maxLength: 2048, description: 'The `nextCursor` of the previous page' },
    q: { type: 'string', maxLength: 200, description: 'Text search over the text fields' },
    deleted: { type: 'boolean', default: false, description: 'true lists the recycle bin instead of live records' },
  },
} as const;

export const listResponseSchema = {
  type: 'object',
  required: ['items', 'total', 'totalExact', 'nextCursor'],
  properties: {
    items: { type: 'array', items: recordSchema },
    total: { type: 'integer', description: 'Number of matching records (an estimate for very large tables)' },
    totalExact: { type: 'boolean', description: 'false when `total` is an estimate' },
    nextCursor: { type: ['string', 'null'], description: 'Pass as `cursor` for the next page; null on the last page' },
    related: relatedRecordsSchema,
  },
} as const;

export const createBodySchema = {
  type: 'object',
  required: ['data'],
  additionalProperties: false,
  properties: { data: { type: 'object', description: 'Field values by field key; checked by the form engine' } },
} as const;

export const updateBodySchema = {
  type: 'object',
  required: ['version', 'data'],
  additionalProperties: false,
  properties: {
    version: { type: 'integer', minimum: 1, description: 'The version you read; a stale one is refused with 409' },
    data: { type: 'object', description: 'Only the fields to change' },
  },
} as const;

/** One audit entry of `GET …/records/:id/history` (the store's `AuditEntry`). */
export const auditEntrySchema = {
  type: 'object',
  required: ['id', 'at', 'action'],
  properties: {
    id: { type: 'integer' },
    at: { type: 'string', format: 'date-time' },
    actor: nullableString('Who: the user id (null for anonymous public-form submissions and the system)'),
    action: { type: 'string', enum: ['publish', 'create', 'update', 'delete', 'restore'] },
    app: { type: 'string' },
    form: nullableString('Form key'),
    recordId: nullableString('Record id'),
    before: { description: 'The record before the write (null for create)' },
    after: { description: 'The record after the write (null for delete)' },
    ip: nullableString('Client address'),
  },
} as const;
