import type { FastifyInstance } from 'fastify';
import type { Store, UserPatch } from '@trellis/store';
import { ServerErrors } from '../errors.js';
import { errorResponses } from '../route-schemas.js';
import { requireActor, requireAdmin } from './auth-hook.js';

import { localeOf, say } from './auth-messages.js';
import type { ResolvedAuthOptions } from './auth-options.js';
import { auditContext } from './auth-routes.js';
import { createUserBodySchema, updateUserBodySchema, userListQuerySchema, userParamsSchema, userSchema } from './auth-schemas.js';

import { assertPasswordPolicy, hashPassword } from './password-hasher.js';

/** The most people one directory answer lists (pickers search by `q`). */
const DIRECTORY_LIMIT = 50;

interface CreateUserBody {
  username: string;
  displayName: string;
  password: string;
  email?: string | null;
  isAdmin?: boolean;
  locale?: string | null;
}

interface UpdateUserBody {
  version: number;
  displayName?: string;
  email?: string | null;
  status?: 'active' | 'suspended';
  isAdmin?: boolean;
  password?: string;
  locale?: string | null;
}

/**
 * The account management routes of administrators (session only): list and search, create,
 * change with `version` (suspend, reset password, grant or take the administrator right).
 * An administrator cannot suspend themselves or drop their own administrator right.
 *
 * @example
 * registerUserRoutes(app, store, resolveAuthOptions());
 */
export function registerUserRoutes(app: FastifyInstance, store: Store, auth: ResolvedAuthOptions): void {
  app.get<{ Querystring: { q?: string } }>(
    '/api/users',
    {
      onRequest: async (request) => void requireAdmin(request),
      schema: {
        tags: ['users'],
        summary: 'List user accounts (administrators); `q` searches username, display name and email',
        querystring: userListQuerySchema,
        response: { 200: { type: 'object', required: ['items'], properties: { items: { type: 'array', items: userSchema } } }, ...errorResponses(400, 401, 403, 500) },
      },
    },
    async (request) => {
      requireAdmin(request);
      return { items: await store.users.list(request.query.q !== undefined ? { q: request.query.q } : {}) };
    },
  );

  app.get<{ Querystring: { q?: string } }>(
    '/api/users/directory',
    {
      schema: {
        tags: ['users'],
        summary: 'The people directory for pickers (any logged-in user): active accounts by id, username and display name, at most 50',
        querystring: userListQuerySchema,
        response: {
          200: {
            type: 'object',
            required: ['items'],
            properties: {
              items: {
                type: 'array',
                items: { type: 'object', required: ['id', 'username', 'displayName'], properties: { id: { type: 'string' }, username: { type: 'string' }, displayName: { type: 'string' } } },
              },
            },
          },
          ...errorResponses(400, 401, 500),
        },
      },
    },
    async (request) => {
      requireActor(request);
      const users = await store.users.list(request.query.q !== undefined ? { q: request.query.q } : {});
      // names only: no email, status, rights or departments of other people
      return { items: users.filter((u) => u.status === 'active').slice(0, DIRECTORY_LIMIT).map((u) => ({ id: u.id, username: u.username, displayName: u.displayName })) };
    },
  );

  app.post<{ Body: CreateUserBody }>(
    '/api/users',
    {
      onRequest: async (request) => void requireAdmin(request),
      schema: {
        tags: ['users'],
        summary: 'Create a user account (administrators)',
        body: createUserBodySchema,
        response: { 201: userSchema, ...errorResponses(400, 401, 403, 409, 500) },
      },
    },
    async (request, reply) => {
      requireAdmin(request);
      const body = request.body;
      assertPasswordPolicy(body.password, '/password', localeOf(request));
      const user = await store.users.create(
        {
          username: body.username,
          displayName: body.displayName,
          passwordHash: await hashPassword(body.password),
          email: body.email ?? null,
          isAdmin: body.isAdmin ?? false,
          locale: body.locale ?? null,
        },
        auditContext(request),
        auth.now(),
      );
      return reply.status(201).send(user);
    },
  );

  app.patch<{ Params: { id: string }; Body: UpdateUserBody }>(
    '/api/users/:id',
    {
      onRequest: async (request) => void requireAdmin(request),
      schema: {
        tags: ['users'],
        summary: 'Change a user account (administrators): a stale `version` is refused with 409; suspending or a new password ends its sessions',
        params: userParamsSchema,
        body: updateUserBodySchema,
        response: { 200: userSchema, ...errorResponses(400, 401, 403, 404, 409, 500) },
      },
    },
    async (request) => {
      const admin = requireAdmin(request);
      const { password, ...rest } = request.body;
      if (request.params.id === admin.id && (rest.status === 'suspended' || rest.isAdmin === false)) {
        throw ServerErrors.create(
          'USER_SELF_LOCKOUT',
          say(request, 'you cannot suspend your own account or drop your own administrator right; ask another administrator', '不能停用自己的账户或取消自己的管理员权限；请让其他管理员操作'),
          [{ path: rest.status === 'suspended' ? '/status' : '/isAdmin', message: 'self' }],
        );
      }
      if (password !== undefined) assertPasswordPolicy(password, '/password', localeOf(request));
      const patch: UserPatch = { ...rest, ...(password !== undefined ? { passwordHash: await hashPassword(password) } : {}) };
      return store.users.update(request.params.id, patch, auditContext(request), auth.now());
    },
  );
}
