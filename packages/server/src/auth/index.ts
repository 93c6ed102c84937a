/** Accounts, sessions, API keys and the audit log API of the server. */
export { registerAuth, authenticate, isAnonymousPath, requireActor, requireAdmin } from './auth-hook.js';
export { resolveAuthOptions, SESSION_COOKIE, CSRF_HEADER, DEFAULT_LOGIN_RATE_LIMIT, type AuthOptions, type ResolvedAuthOptions } from './auth-options.js';
export { registerAuthRoutes, auditContext, meOf, LOGIN_BUCKET } from './auth-routes.js';
export { registerUserRoutes } from './user-routes.js';
export { registerApiKeyRoutes } from './api-key-routes.js';
export { registerAuditRoutes, AUDIT_EXPORT_MAX } from './audit-routes.js';
export { auditCsvLines, csvCell, AUDIT_CSV_COLUMNS } from './audit-csv.js';
export { ensureFirstAdmin, type FirstAdminResult } from './first-admin.js';
export { hashPassword, verifyPassword, assertPasswordPolicy, MIN_PASSWORD_LENGTH, MAX_PASSWORD_LENGTH } from './password-hasher.js';
