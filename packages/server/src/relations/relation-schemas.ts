export { relatedDisplaySchema, relatedRecordsSchema } from './related-records-schema.js';
import { relatedDisplaySchema } from './related-records-schema.js';
import { formParamsSchema, keyPattern } from '../record-schemas.js';

/** Path of the picker route: `:app`, `:form`, `:field`. */
export const fieldParamsSchema = {
  type: 'object',
  required: ['app', 'form', 'field'],
  properties: { ...formParamsSchema.properties, field: { type: 'string', pattern: keyPattern, description: 'Key of a relation field of the form' } },
} as const;

/** Query of the picker route. */
export const optionsQuerySchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    search: { type: 'string', maxLength: 200, description: "Text to find in the target form's text fields (case-insensitive); empty lists the first records" },
    ids: { type: 'string', maxLength: 37 * 20, description: 'Comma-separated ids (at most 20): answer exactly these records (to show a value already chosen)' },
  },
} as const;

/** Answer of the picker route. */
export const optionsResponseSchema = {
  type: 'object',
  required: ['items', 'hasMore'],
  properties: {
    items: {
      type: 'array',
      items: { type: 'object', required: ['id', 'title', 'fields'], properties: { id: { type: 'string', format: 'uuid' }, ...relatedDisplaySchema.properties } },
    },
    hasMore: { type: 'boolean', description: 'More records match than the page of 20 holds; type more to narrow' },
  },
} as const;

/** Body of the data-linkage route. */
export const linkageBodySchema = {
  type: 'object',
  required: ['data'],
  additionalProperties: false,
  properties: {
    data: { type: 'object', description: 'The current values of the form being filled, by field key' },
    changed: { type: 'array', items: { type: 'string', pattern: keyPattern }, maxItems: 200, description: 'Keys that just changed: only linkages matching on them are evaluated (all when absent)' },
  },
} as const;

/** Answer of the data-linkage route. */
export const linkageResponseSchema = {
  type: 'object',
  required: ['values'],
  properties: {
    values: {
      type: 'object',
      additionalProperties: true,
      description: 'For each field with a data-linkage default whose match fields are all filled: the linked value (null when no record matches)',
    },
  },
} as const;
