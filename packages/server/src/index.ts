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
export { buildServer, type ServerOptions } from './build-server.js';
export { importAppPackage, exportAppPackage, checkAppPackage, describePlan, type ImportResult, type ImportOptions } from './app-import.js';
export { FormResolver, type ResolvedForm } from './form-resolver.js';
export { parseSort, parseFilterJson, checkFilter, sortableNames, type SortKey } from './list-query.js';
export { recordSchema, listResponseSchema, DEFAULT_PAGE_SIZE } from './record-schemas.js';
export { openTrellisStore, type TrellisStoreOptions } from './open-trellis-store.js';
export { createRecord, requestLocale, type CreateRecordOptions } from './record-service.js';
export {
  DEFAULT_PUBLIC_RATE_LIMIT,
  DEFAULT_PUBLIC_BODY_LIMIT,
  HONEYPOT_FIELD,
  type PublicFormsOptions,
} from './public-forms/public-form-options.js';
export { FixedWindowRateLimiter, type RateLimitOptions, type RateLimitVerdict } from './public-forms/rate-limiter.js';
export { claimValue, shownFieldKeys, publicFormDef } from './public-forms/public-form-view.js';
export { registerFileRoutes, type FilesOptions } from './files/file-routes.js';
export { canReadFile } from './files/file-access.js';
export { contentDisposition } from './files/content-disposition.js';
export * from './auth/index.js';
export type { FastifyInstance } from 'fastify';
export { computePermissions, resolveAppPermissions, userContext, type AppPermissions, type FormAccess, type RowScope, type PermissionOptions } from './permissions/app-permissions.js';
export { RequestPermissions, assertWritable, permissionDenied, storeScope, type FormGrant } from './permissions/request-permissions.js';
export { maskValue, maskPhone, maskEmail, maskIdNumber, maskText } from './permissions/masking.js';
export { readAccess, shapeRecord, shapeData, clearFields } from './permissions/record-view.js';
export { checkRoleDef, checkPackageRoles, grantProblems } from './permissions/role-checks.js';
export { conditionVars, assertReadableQuery } from './permissions/field-guard.js';
