/**
 * `@trellis/server` — the fastify HTTP API of Trellis: app import/export, records, OpenAPI,
 * the built web app, one error format. See README.md and docs/reference/api.md.
 */
export { ServerErrors, type ServerErrorCode } from './errors.js';
export { toErrorResponse, registerErrorHandling, routeNotFound } from './error-handler.js';
export { createHttpApp, DEFAULT_BODY_LIMIT, type HttpAppOptions, type ServerLogger } from './http-app.js';
export { registerActor, type Actor } from './actor.js';
export { OPENAPI_JSON_PATH, OPENAPI_UI_PATH } from './openapi.js';
export { isApiPath } from './static-web.js';
export { errorBodySchema, errorResponses } from './route-schemas.js';
