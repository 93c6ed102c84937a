/**
 * JSON Schemas of the account, session, API-key and audit routes (validation, serialisation
 * and the OpenAPI document).
 */

const nullableString = (description: string) => ({ type: 'string', nullable: true, description }) as const;
const dateTime = (description: string) => ({ type: 'string', format: 'date-time', description }) as const;
const nullableDateTime = (description: string) => ({ type: 'string', format: 'date-time', nullable: true, description }) as const;

/** Usernames: letters, digits and `._@-`, 1–64 characters (identifiers are never built from them). */
export const USERNAME_PATTERN = '^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$';

const permissionActions = ['view', 'create', 'edit', 'delete', 'import', 'export', 'manage'] as const;

/** `Me`: the logged-in user as the web app needs it. */
export const meSchema = {
  type: 'object',
  required: ['id', 'username', 'displayName', 'isAdmin', 'locale', 'deptIds'],
  properties: {
    id: { type: 'string', format: 'uuid' },
    username: { type: 'string' },
    displayName: { type: 'string' },
    isAdmin: { type: 'boolean' },
    locale: nullableString('Preferred UI language (`zh-CN`, `en`), null: the browser decides'),
    deptIds: { type: 'array', items: { type: 'string' }, description: 'Departments, the primary one first' },
  },
} as const;

/** `{ user: Me, csrfToken }` of login and `GET /api/auth/me`. */
export const meResponseSchema = {
  type: 'object',
  required: ['user', 'csrfToken'],
  properties: {
    user: meSchema,
    csrfToken: { type: 'string', nullable: true, description: "Send it as header 'x-csrf-token' on POST/PUT/PATCH/DELETE; null when authenticated by an API key" },
  },
} as const;

export const loginBodySchema = {
  type: 'object',
  required: ['username', 'password'],
  additionalProperties: false,
  properties: {
    username: { type: 'string', minLength: 1, maxLength: 64 },
    password: { type: 'string', minLength: 1, maxLength: 1024 },
  },
} as const;

export const passwordBodySchema = {
  type: 'object',
  required: ['currentPassword', 'newPassword'],
  additionalProperties: false,
  properties: {
    currentPassword: { type: 'string', minLength: 1, maxLength: 1024 },
    newPassword: { type: 'string', description: 'At least 8 characters' },
  },
} as const;

/** A user account (`User` of the API). */
export const userSchema = {
  type: 'object',
  required: ['id', 'username', 'displayName', 'email', 'isAdmin', 'status', 'locale', 'deptIds', 'primaryDeptId', 'createdAt', 'version'],
  properties: {
    id: { type: 'string', format: 'uuid' },
    username: { type: 'string' },
    displayName: { type: 'string' },
    email: nullableString('Email address'),
    isAdmin: { type: 'boolean' },
    status: { type: 'string', enum: ['active', 'suspended'] },
    locale: nullableString('Preferred UI language'),
    deptIds: { type: 'array', items: { type: 'string' } },
    primaryDeptId: nullableString('The primary department'),
    createdAt: dateTime('When the account was created'),
    version: { type: 'integer', description: 'Send it back with PATCH; a stale one is refused with 409' },
  },
} as const;

export const userListQuerySchema = {
  type: 'object',
  additionalProperties: false,
  properties: { q: { type: 'string', maxLength: 200, description: 'Part of the username, display name or email' } },
} as const;

export const userParamsSchema = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', format: 'uuid' } },
} as const;

const localeProperty = { type: 'string', enum: ['zh-CN', 'en'], nullable: true } as const;

export const createUserBodySchema = {
  type: 'object',
  required: ['username', 'displayName', 'password'],
  additionalProperties: false,
  properties: {
    username: { type: 'string', pattern: USERNAME_PATTERN },
    displayName: { type: 'string', minLength: 1, maxLength: 200 },
    password: { type: 'string', description: 'At least 8 characters' },
    email: { type: 'string', format: 'email', maxLength: 320, nullable: true },
    isAdmin: { type: 'boolean' },
    locale: localeProperty,
  },
} as const;

export const updateUserBodySchema = {
  type: 'object',
  required: ['version'],
  additionalProperties: false,
  properties: {
    version: { type: 'integer', minimum: 1 },
    displayName: { type: 'string', minLength: 1, maxLength: 200 },
    email: { type: 'string', format: 'email', maxLength: 320, nullable: true },
    status: { type: 'string', enum: ['active', 'suspended'], description: 'Suspending ends every session and API key of the user at once' },
    isAdmin: { type: 'boolean' },
    password: { type: 'string', description: "A new password (an administrator's reset); ends the user's sessions" },
    locale: localeProperty,
  },
} as const;

/** An API key as lists show it (never the secret). */
export const apiKeySchema = {
  type: 'object',
  required: ['id', 'name', 'prefix', 'apps', 'actions', 'createdAt', 'lastUsedAt', 'expiresAt', 'revokedAt'],
  properties: {
    id: { type: 'string', format: 'uuid' },
    name: { type: 'string' },
    prefix: { type: 'string', description: 'The first characters of the secret, to recognise it' },
    apps: { type: 'array', items: { type: 'string' }, nullable: true, description: 'Apps the key may reach; null: all of its user' },
    actions: { type: 'array', items: { type: 'string', enum: permissionActions }, nullable: true, description: 'Actions the key may use; null: all of its user' },
    createdAt: dateTime('Created'),
    lastUsedAt: nullableDateTime('Last request made with it (to the minute)'),
    expiresAt: nullableDateTime('Stops working at'),
    revokedAt: nullableDateTime('Revoked at'),
  },
} as const;

export const createApiKeyBodySchema = {
  type: 'object',
  required: ['name'],
  additionalProperties: false,
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 200 },
    apps: { type: 'array', items: { type: 'string', pattern: '^[a-z][a-z0-9_]{0,62}$' }, maxItems: 100, nullable: true },
    actions: { type: 'array', items: { type: 'string', enum: permissionActions }, uniqueItems: true, nullable: true },
    expiresAt: { type: 'string', format: 'date-time', nullable: true },
  },
} as const;

/** One audit entry of the admin search (any app, or none). */
export const adminAuditEntrySchema = {
  type: 'object',
  required: ['id', 'at', 'action', 'actor', 'app', 'form', 'recordId', 'ip'],
  properties: {
    id: { type: 'integer' },
    at: dateTime('When'),
    actor: nullableString('Who: a user id, `cli`, or null (the system, an anonymous visitor)'),
    action: { type: 'string' },
    app: nullableString('App key; null for entries of no app (logins, accounts)'),
    form: nullableString('Form key'),
    recordId: nullableString('Record, user or key the entry is about'),
    before: { description: 'Before the write' },
    after: { description: 'After the write' },
    ip: nullableString('Client address'),
  },
} as const;

export const auditQuerySchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    app: { type: 'string', maxLength: 64 },
    form: { type: 'string', maxLength: 64 },
    recordId: { type: 'string', maxLength: 64 },
    actor: { type: 'string', maxLength: 64, description: 'A user id (or `cli`)' },
    action: { type: 'string', maxLength: 200, description: 'One kind of write, or several separated by commas (`login,login_failed`)' },
    from: { type: 'string', format: 'date-time', description: 'At or after' },
    to: { type: 'string', format: 'date-time', description: 'Before' },
    beforeId: { type: 'integer', minimum: 1, description: '`nextBeforeId` of the previous page' },
    limit: { type: 'integer', minimum: 1, maximum: 1000, default: 100 },
  },
} as const;
