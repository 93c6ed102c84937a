import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ajvErrorsToDetails, TrellisError, type ErrorBody, type ErrorDetail } from '@trellis/schema';
import { ServerErrors } from './errors.js';

/** ajv's error objects, as `ajvErrorsToDetails` takes them (fastify's validator is ajv). */
type AjvErrors = Parameters<typeof ajvErrorsToDetails>[0];

/** Where each part of a request appears in error paths: the body is the root (`/data/phone`). */
const PART_PREFIX: Readonly<Record<string, string>> = {
  body: '',
  querystring: '/query',
  params: '/params',
  headers: '/headers',
};

/** Fastify's own errors that mean "the request is malformed", mapped to our codes. */
const FASTIFY_CODES: Readonly<Record<string, { code: keyof typeof ServerErrors.catalogue; message: string }>> = {
  FST_ERR_CTP_BODY_TOO_LARGE: {
    code: 'SERVER_BODY_TOO_LARGE',
    message: '[server] the request body is larger than this server accepts; send less data per request (or raise the body limit)',
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    code: 'SERVER_MEDIA_TYPE_UNSUPPORTED',
    message: "[server] the request body must be JSON; send it with 'Content-Type: application/json'",
  },
  FST_ERR_CTP_INVALID_JSON_BODY: {
    code: 'SERVER_REQUEST_INVALID',
    message: '[server] the request body is not valid JSON; check quotes, commas and brackets',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    code: 'SERVER_REQUEST_INVALID',
    message: "[server] the request says it carries JSON but the body is empty; send a JSON body or drop the 'Content-Type' header",
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    code: 'SERVER_REQUEST_INVALID',
    message: "[server] the request's Content-Length does not match its body; resend the request",
  },
};

/**
 * Turns anything thrown inside a route into the Trellis error body and its HTTP status:
 * `TrellisError`s keep their code and status, fastify's schema-validation errors become
 * `SERVER_REQUEST_INVALID` with one detail per problem, fastify's body errors become
 * 400/413/415, and everything else is a 500 whose body reveals nothing of the cause.
 *
 * @example
 * const { status, body } = toErrorResponse(new TrellisError('X', 409, 'm'));
 */
export function toErrorResponse(error: unknown): { status: number; body: ErrorBody } {
  if (TrellisError.is(error)) return { status: error.status, body: error.toJSON() };
  const e = error as Partial<FastifyError> & { validation?: unknown; validationContext?: string };
  if (Array.isArray(e.validation)) {
    const prefix = PART_PREFIX[e.validationContext ?? 'body'] ?? '';
    const details = validationDetails(e.validation as AjvErrors, prefix);
    const where = e.validationContext === 'querystring' ? 'query string' : (e.validationContext ?? 'body');
    return body(
      ServerErrors.create(
        'SERVER_REQUEST_INVALID',
        `[server] the request ${where} has ${details.length} problem${details.length === 1 ? '' : 's'}; fix ${details.length === 1 ? 'it' : 'them'} and retry`,
        details,
      ),
    );
  }
  const known = typeof e.code === 'string' ? FASTIFY_CODES[e.code] : undefined;
  if (known !== undefined) return body(ServerErrors.create(known.code, known.message));
  if (typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
    const message = `[server] ${typeof e.message === 'string' && e.message !== '' ? e.message : 'the request was refused'}`;
    return { status: e.statusCode, body: { error: { code: 'SERVER_REQUEST_INVALID', message, details: [] } } };
  }
  return body(
    ServerErrors.create('SERVER_INTERNAL', '[server] something went wrong on the server; retry, and if it persists ask an administrator to check the server log'),
  );
}

function body(error: TrellisError): { status: number; body: ErrorBody } {
  return { status: error.status, body: error.toJSON() };
}

function validationDetails(errors: AjvErrors, prefix: string): ErrorDetail[] {
  const details = ajvErrorsToDetails(errors, prefix);
  return details.length > 0 ? details : [{ path: prefix || '/', message: 'does not match the expected shape' }];
}

/**
 * Installs the one error handler and the JSON 404 of the API. Server errors (5xx) are logged
 * with their stack; client errors are logged at `info` so a bad client cannot flood the log.
 *
 * @example
 * registerErrorHandling(app);
 */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: unknown, request: FastifyRequest, reply: FastifyReply) => {
    const { status, body: payload } = toErrorResponse(error);
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ code: payload.error.code, status }, 'request refused');
    return reply.status(status).type('application/json; charset=utf-8').send(payload);
  });
}

/**
 * The 404 body for an unknown API route (also used by the SPA fallback for `/api/…` paths).
 *
 * @example
 * reply.status(404).send(routeNotFound('GET', '/api/nope'));
 */
export function routeNotFound(method: string, url: string): ErrorBody {
  const path = url.split('?')[0] ?? url;
  return ServerErrors.create(
    'SERVER_ROUTE_NOT_FOUND',
    `[server] no API route answers ${method} ${path}; see /api/docs for the routes that exist`,
  ).toJSON();
}
