import { defineErrors } from '@trellis/schema';

/**
 * The error codes `@trellis/server` raises itself. Errors of lower packages (`SCHEMA_INVALID`,
 * `RECORD_VERSION_CONFLICT`, …) pass through the one error handler unchanged; these cover
 * what only the HTTP edge can see. `docs/errors.md` lists them.
 *
 * @example
 * throw ServerErrors.create('SERVER_FORM_NOT_FOUND', "[server] app 'crm' has no form 'x'; check the URL");
 */
export const ServerErrors = defineErrors({
  SERVER_REQUEST_INVALID: {
    status: 400,
    description: 'The request breaks the route schema (params, query or body) or its JSON does not parse; `details` names each problem (`/query/limit`, `/version`).',
  },
  SERVER_FILTER_INVALID: {
    status: 400,
    description: 'The `filter` query parameter is not valid JSON or not a valid condition (unknown operator or field); `details` points into the condition.',
  },
  SERVER_SORT_INVALID: {
    status: 400,
    description: 'The `sort` query parameter names a field the form does not have.',
  },
  SERVER_CURSOR_INVALID: {
    status: 400,
    description: 'The `cursor` query parameter is not a cursor this server issued (or it was issued for a different sort).',
  },
  SERVER_RECORD_INVALID: {
    status: 400,
    description: 'Record data failed the form engine (wrong type, unknown field, missing required field, …); `details` names each field as `/data/<key>`.',
  },
  SERVER_APP_NOT_FOUND: {
    status: 404,
    description: 'No app with this key is installed.',
  },
  SERVER_FORM_NOT_FOUND: {
    status: 404,
    description: 'The app has no form with this key.',
  },
  SERVER_ROUTE_NOT_FOUND: {
    status: 404,
    description: 'No API route answers this method and path.',
  },
  SERVER_BODY_TOO_LARGE: {
    status: 413,
    description: 'The request body is larger than the server accepts (`bodyLimit`, 1 MiB by default).',
  },
  SERVER_MEDIA_TYPE_UNSUPPORTED: {
    status: 415,
    description: 'The request body is not `application/json`.',
  },
  SERVER_INTERNAL: {
    status: 500,
    description: 'An unexpected failure inside the server; the log holds the cause, the response never does.',
  },
});

/** The codes of `ServerErrors`. */
export type ServerErrorCode = keyof typeof ServerErrors.catalogue;
