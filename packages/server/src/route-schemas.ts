/**
 * JSON Schemas shared by the routes: fastify's ajv validates requests with them, fast-json-
 * stringify serialises responses with them, and @fastify/swagger turns them into OpenAPI.
 */

/** `{ error: { code, message, details: [{ path, message }] } }` — every failing call answers this. */
export const errorBodySchema = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message', 'details'],
      properties: {
        code: { type: 'string', description: 'Stable machine-readable code, listed in docs/errors.md' },
        message: { type: 'string', description: 'What went wrong and what to do, for a person' },
        details: {
          type: 'array',
          items: {
            type: 'object',
            required: ['path', 'message'],
            properties: {
              path: { type: 'string', description: 'JSON pointer into the request (`/data/phone`, `/query/limit`)' },
              message: { type: 'string' },
              code: { type: 'string' },
              recordId: { type: 'string', description: 'The record the problem refers to (e.g. the one already holding a unique value)' },
            },
          },
        },
      },
    },
  },
} as const;

const ERROR_DESCRIPTIONS: Readonly<Record<number, string>> = {
  400: 'Invalid request; `details` names each problem',
  401: 'Not logged in (no session or API key)',
  403: 'Your roles do not grant this action or field (`PERMISSION_DENIED`, `FIELD_READ_ONLY`, …)',
  404: 'App, form, record or route not found (or outside what your roles let you see)',
  409: 'Stale `version`: the record changed since it was read; nothing was written',
  413: 'Body larger than the limit',
  415: 'Body is not JSON',
  422: 'Well-formed but refused in the current state',
  429: 'Too many requests from this address; wait the seconds in `Retry-After`',
  500: 'Unexpected server failure (details are in the server log only)',
};

/**
 * Response entries for error statuses, all with the error body schema.
 *
 * @example
 * response: { 200: recordSchema, ...errorResponses(400, 404, 409) }
 */
export function errorResponses(...statuses: number[]): Record<number, object> {
  const out: Record<number, object> = {};
  for (const s of statuses) out[s] = { ...errorBodySchema, description: ERROR_DESCRIPTIONS[s] ?? 'Error' };
  return out;
}
