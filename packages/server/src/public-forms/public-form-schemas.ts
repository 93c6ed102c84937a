import { formParamsSchema, keyPattern } from '../record-schemas.js';

/** The JSON Schemas of the public-link management and public-form routes. */

const localizedText = {
  description: 'A plain string, or one string per locale (`{ "zh-CN": "谢谢", "en": "Thank you" }`); null for the default text',
  anyOf: [
    { type: 'string', maxLength: 2000 },
    { type: 'object', additionalProperties: { type: 'string', maxLength: 2000 }, maxProperties: 20 },
    { type: 'null' },
  ],
} as const;

const optionProperties = {
  enabled: { type: 'boolean', description: 'false switches the link off: it then answers 404 like an unknown token' },
  thankYou: localizedText,
  onePerField: { type: ['string', 'null'], pattern: keyPattern, description: 'A text field (phone, email): one submission per normalised value' },
  fields: {
    type: ['array', 'null'],
    items: { type: 'string', pattern: keyPattern },
    maxItems: 1000,
    uniqueItems: true,
    description: 'Keys of the fields the public form shows (required fields without a default are always shown); null or absent: all',
  },
  expiresAt: { type: ['string', 'null'], format: 'date-time', description: 'After this instant the link answers 404; null: never' },
} as const;

/** Body of `POST …/public-links`. */
export const createLinkBodySchema = { type: 'object', additionalProperties: false, properties: optionProperties } as const;

/** Body of `PATCH …/public-links/:id` (at least one option). */
export const updateLinkBodySchema = { type: 'object', additionalProperties: false, minProperties: 1, properties: optionProperties } as const;

/** Path parameters `:app`, `:form`, `:id` of a link. */
export const linkParamsSchema = {
  type: 'object',
  required: ['app', 'form', 'id'],
  properties: { ...formParamsSchema.properties, id: { type: 'string', format: 'uuid', description: 'Public link id' } },
} as const;

/** A public link as the management routes return it. */
export const linkSchema = {
  type: 'object',
  required: ['id', 'token', 'url', 'app', 'form', 'enabled', 'thankYou', 'onePerField', 'fields', 'expiresAt', 'createdAt', 'updatedAt'],
  properties: {
    id: { type: 'string', format: 'uuid' },
    token: { type: 'string', description: '256 random bits, base64url; the public address is `/f/<token>`' },
    url: { type: 'string', description: 'Path of the public page (`/f/<token>`); add `?embed=1` inside an iframe' },
    app: { type: 'string' },
    form: { type: 'string' },
    enabled: { type: 'boolean' },
    thankYou: { description: 'LocalizedText or null' },
    onePerField: { type: ['string', 'null'] },
    fields: { type: ['array', 'null'], items: { type: 'string' } },
    expiresAt: { type: ['string', 'null'], format: 'date-time' },
    createdAt: { type: 'string', format: 'date-time' },
    updatedAt: { type: 'string', format: 'date-time' },
    createdBy: { type: ['string', 'null'] },
  },
} as const;

/** `:token` of the public routes: any string; an unknown one is a 404 like a switched-off one. */
export const tokenParamsSchema = {
  type: 'object',
  required: ['token'],
  properties: { token: { type: 'string', description: 'The public link token' } },
} as const;

/** What `GET /api/public/forms/:token` returns: enough to render the form, nothing internal. */
export const publicFormSchema = {
  type: 'object',
  required: ['form', 'thankYou', 'honeypotField', 'onePerField'],
  properties: {
    form: { type: 'object', additionalProperties: true, description: 'The form definition narrowed to the shown fields (field ids replaced by keys)' },
    thankYou: { description: 'LocalizedText shown after submitting, or null for the default text' },
    honeypotField: { type: 'string', description: 'Name of the hidden body property bots fill (`website`); people leave it empty' },
    onePerField: { type: ['string', 'null'], description: 'The field that may be used once (for a hint); null when unrestricted' },
  },
} as const;

/** Body of `POST /api/public/forms/:token/submissions`. */
export const submissionBodySchema = {
  type: 'object',
  required: ['data'],
  additionalProperties: false,
  properties: {
    data: { type: 'object', description: 'Values of the shown fields by key; checked by the form engine' },
    website: { type: 'string', maxLength: 2000, description: 'The honeypot: must be absent or empty' },
  },
} as const;

/** The answer to an accepted submission (also to one the honeypot caught, which is not stored). */
export const submissionResponseSchema = {
  type: 'object',
  required: ['status', 'thankYou'],
  properties: {
    status: { type: 'string', enum: ['received'] },
    thankYou: { description: 'LocalizedText or null' },
  },
} as const;
