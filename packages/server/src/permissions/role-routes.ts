import type { FastifyInstance } from 'fastify';
import type { RoleDef } from '@trellis/schema';
import type { RoleMember, RoleUpdate, Store } from '@trellis/store';
import { keyPattern } from '../record-schemas.js';
import { errorResponses } from '../route-schemas.js';
import { writeContextOf } from './org-routes.js';
import type { RequestPermissions } from './request-permissions.js';
import { readAccess } from './record-view.js';
import { assertGrantable, assertRoleDef } from './role-checks.js';

const anyObject = { type: 'object', additionalProperties: true } as const;
const appParams = { type: 'object', required: ['app'], properties: { app: { type: 'string', pattern: keyPattern } } } as const;
const roleParams = { type: 'object', required: ['app', 'id'], properties: { app: { type: 'string', pattern: keyPattern }, id: { type: 'string', format: 'uuid' } } } as const;
const memberSchema = {
  oneOf: [
    { type: 'object', required: ['userId'], additionalProperties: false, properties: { userId: { type: 'string', format: 'uuid' } } },
    { type: 'object', required: ['deptId'], additionalProperties: false, properties: { deptId: { type: 'string', format: 'uuid' }, includeChildren: { type: 'boolean', description: 'default true' } } },
  ],
} as const;
const roleSchema = {
  type: 'object',
  required: ['id', 'app', 'key', 'name', 'forms', 'version', 'members'],
  properties: {
    id: { type: 'string' },
    app: { type: 'string' },
    key: { type: 'string' },
    name: {},
    description: {},
    design: { type: 'boolean' },
    forms: anyObject,
    version: { type: 'integer' },
    members: { type: 'array', items: anyObject },
  },
} as const;

/**
 * The role routes of an app (administrators and holders of the app's design right):
 * `GET/POST /api/apps/:app/roles`, `PATCH/DELETE /api/apps/:app/roles/:id`,
 * `PUT /api/apps/:app/roles/:id/members`, and `GET /api/apps/:app/permissions` (the caller's
 * effective rights, for the web app). Role definitions are checked against the app
 * (`ROLE_INVALID`), and nobody can grant what they do not hold (`ROLE_GRANT_FORBIDDEN`).
 *
 * @example registerRoleRoutes(app, store, permissions);
 */
export function registerRoleRoutes(app: FastifyInstance, store: Store, permissions: RequestPermissions): void {
  app.get<{ Params: { app: string } }>(
    '/api/apps/:app/roles',
    {
      schema: {
        tags: ['organisation'],
        summary: "The app's roles with their rights and members",
        params: appParams,
        response: { 200: { type: 'object', required: ['items'], properties: { items: { type: 'array', items: roleSchema } } }, ...errorResponses(400, 401, 403, 404, 500) },
      },
    },
    async (request) => {
      await permissions.design(request, request.params.app);
      return { items: await store.roles.list(request.params.app) };
    },
  );

  app.post<{ Params: { app: string }; Body: RoleDef }>(
    '/api/apps/:app/roles',
    {
      schema: {
        tags: ['organisation'],
        summary: 'Add a role (`ROLE_INVALID` for unknown forms, fields or actions, or a scope that does not compile)',
        params: appParams,
        body: { ...anyObject, required: ['key', 'name', 'forms'] },
        response: { 201: roleSchema, ...errorResponses(400, 401, 403, 404, 409, 500) },
      },
    },
    async (request, reply) => {
      const { perms, pkg } = await permissions.design(request, request.params.app);
      assertRoleDef(request.body, pkg);
      assertGrantable(request.body, perms, pkg);
      return reply.status(201).send(await store.roles.create(request.params.app, request.body, writeContextOf(request)));
    },
  );

  app.patch<{ Params: { app: string; id: string }; Body: RoleUpdate }>(
    '/api/apps/:app/roles/:id',
    {
      schema: {
        tags: ['organisation'],
        summary: 'Change a role if it is still at `version`',
        params: roleParams,
        body: {
          type: 'object',
          required: ['version'],
          additionalProperties: false,
          properties: { version: { type: 'integer', minimum: 1 }, name: {}, description: {}, design: { type: 'boolean' }, forms: anyObject },
        },
        response: { 200: roleSchema, ...errorResponses(400, 401, 403, 404, 409, 500) },
      },
    },
    async (request) => {
      const { app: appKey, id } = request.params;
      const { perms, pkg } = await permissions.design(request, appKey);
      const current = await store.roles.get(appKey, id);
      const b = request.body;
      const merged: RoleDef = {
        key: current.key,
        name: b.name ?? current.name,
        ...(b.description !== undefined ? (b.description === null ? {} : { description: b.description }) : current.description !== undefined ? { description: current.description } : {}),
        design: b.design ?? current.design ?? false,
        forms: b.forms ?? current.forms,
      };
      assertRoleDef(merged, pkg);
      assertGrantable(merged, perms, pkg);
      return store.roles.update(appKey, id, b, writeContextOf(request));
    },
  );

  app.delete<{ Params: { app: string; id: string } }>(
    '/api/apps/:app/roles/:id',
    {
      schema: {
        tags: ['organisation'],
        summary: 'Delete a role (its members lose its rights at once)',
        params: roleParams,
        response: { 204: { type: 'null', description: 'Deleted' }, ...errorResponses(400, 401, 403, 404, 500) },
      },
    },
    async (request, reply) => {
      const { app: appKey, id } = request.params;
      const { perms, pkg } = await permissions.design(request, appKey);
      // only roles the caller could have made themselves
      assertGrantable(await store.roles.get(appKey, id), perms, pkg);
      await store.roles.delete(appKey, id, writeContextOf(request));
      return reply.status(204).send();
    },
  );

  app.put<{ Params: { app: string; id: string }; Body: { members: RoleMember[] } }>(
    '/api/apps/:app/roles/:id/members',
    {
      schema: {
        tags: ['organisation'],
        summary: "Replace a role's members: users, or departments (with their sub-departments when `includeChildren`, the default)",
        params: roleParams,
        body: { type: 'object', required: ['members'], additionalProperties: false, properties: { members: { type: 'array', items: memberSchema, maxItems: 10000 } } },
        response: { 200: roleSchema, ...errorResponses(400, 401, 403, 404, 409, 500) },
      },
    },
    async (request) => {
      const { app: appKey, id } = request.params;
      const { perms, pkg } = await permissions.design(request, appKey);
      // giving a role to someone grants its rights: only roles within the caller's own
      assertGrantable(await store.roles.get(appKey, id), perms, pkg);
      const members = request.body.members.map((m): RoleMember => ('userId' in m ? { userId: m.userId } : { deptId: m.deptId, includeChildren: m.includeChildren !== false }));
      return store.roles.setMembers(appKey, id, members, writeContextOf(request));
    },
  );

  app.get<{ Params: { app: string } }>(
    '/api/apps/:app/permissions',
    {
      schema: {
        tags: ['organisation'],
        summary: "The caller's effective rights in the app: design right, role keys, and per form the actions and each field's access",
        params: appParams,
        response: {
          200: {
            type: 'object',
            required: ['isAdmin', 'design', 'roles', 'forms'],
            properties: {
              isAdmin: { type: 'boolean' },
              design: { type: 'boolean' },
              roles: { type: 'array', items: { type: 'string' } },
              forms: {
                type: 'object',
                additionalProperties: {
                  type: 'object',
                  required: ['actions', 'fields'],
                  properties: { actions: { type: 'array', items: { type: 'string' } }, fields: { type: 'object', additionalProperties: { type: 'string' } } },
                },
              },
            },
          },
          ...errorResponses(400, 401, 404, 500),
        },
      },
    },
    async (request) => {
      const { perms, pkg } = await permissions.visibleApp(request, request.params.app);
      const forms: Record<string, { actions: string[]; fields: Record<string, string> }> = {};
      for (const f of pkg.forms) {
        const access = perms.form(f.key);
        if (access.actions.size === 0) continue;
        // read access: lookups and rollups lowered to what the caller may read of their source
        forms[f.key] = { actions: [...access.actions], fields: Object.fromEntries(readAccess(perms, pkg, f)) };
      }
      return { isAdmin: perms.isAdmin, design: perms.design, roles: [...perms.roles], forms };
    },
  );
}
