import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Store, WriteContext } from '@trellis/store';
import { errorResponses } from '../route-schemas.js';
import { requestLocale } from '../record-service.js';
import { permissionDenied, type RequestPermissions } from './request-permissions.js';

const uuid = { type: 'string', format: 'uuid' } as const;
const departmentSchema = {
  type: 'object',
  required: ['id', 'parentId', 'name', 'sort', 'managerIds', 'memberCount', 'version'],
  properties: {
    id: uuid,
    parentId: { type: ['string', 'null'], format: 'uuid' },
    name: { type: 'string' },
    sort: { type: 'integer' },
    managerIds: { type: 'array', items: uuid },
    memberCount: { type: 'integer' },
    version: { type: 'integer' },
  },
} as const;
const idParams = { type: 'object', required: ['id'], properties: { id: uuid } } as const;
const name = { type: 'string', minLength: 1, maxLength: 200 } as const;

/**
 * Audit `who` and `ip` of a request.
 *
 * @example await store.roles.delete(app, id, writeContextOf(request));
 */
export function writeContextOf(request: FastifyRequest): WriteContext {
  return { actor: request.actor?.id ?? null, ip: request.ip, locale: requestLocale(request) };
}

/**
 * The organisation routes: `GET /api/departments` (any logged-in user), `POST`, `PATCH`,
 * `DELETE /api/departments/:id` and `PUT /api/users/:id/departments` (administrators).
 *
 * @example registerOrgRoutes(app, store, permissions);
 */
export function registerOrgRoutes(app: FastifyInstance, store: Store, permissions: RequestPermissions): void {
  const requireUser = (request: FastifyRequest) => {
    if (request.actor === null) throw permissionDenied('view', 'the organisation');
  };
  const requireAdmin = (request: FastifyRequest) => {
    if (!permissions.isAdmin(request)) throw permissionDenied('administer', 'the organisation');
  };

  app.get(
    '/api/departments',
    {
      schema: {
        tags: ['organisation'],
        summary: 'The department tree, flat (parentId links it), with managers and member counts',
        response: { 200: { type: 'object', required: ['items'], properties: { items: { type: 'array', items: departmentSchema } } }, ...errorResponses(401, 403, 500) },
      },
    },
    async (request) => {
      requireUser(request);
      return { items: await store.departments.list() };
    },
  );

  app.post<{ Body: { name: string; parentId?: string | null; sort?: number } }>(
    '/api/departments',
    {
      schema: {
        tags: ['organisation'],
        summary: 'Add a department (administrators)',
        body: { type: 'object', required: ['name'], additionalProperties: false, properties: { name, parentId: { type: ['string', 'null'], format: 'uuid' }, sort: { type: 'integer' } } },
        response: { 201: departmentSchema, ...errorResponses(400, 401, 403, 404, 500) },
      },
    },
    async (request, reply) => {
      requireAdmin(request);
      return reply.status(201).send(await store.departments.create(request.body, writeContextOf(request)));
    },
  );

  app.patch<{ Params: { id: string }; Body: { version: number; name?: string; parentId?: string | null; sort?: number; managerIds?: string[] } }>(
    '/api/departments/:id',
    {
      schema: {
        tags: ['organisation'],
        summary: 'Rename, move or re-sort a department, or set its managers, if it is still at `version` (administrators)',
        params: idParams,
        body: {
          type: 'object',
          required: ['version'],
          additionalProperties: false,
          properties: { version: { type: 'integer', minimum: 1 }, name, parentId: { type: ['string', 'null'], format: 'uuid' }, sort: { type: 'integer' }, managerIds: { type: 'array', items: uuid, maxItems: 1000 } },
        },
        response: { 200: departmentSchema, ...errorResponses(400, 401, 403, 404, 409, 500) },
      },
    },
    async (request) => {
      requireAdmin(request);
      return store.departments.update(request.params.id, request.body, writeContextOf(request));
    },
  );

  app.delete<{ Params: { id: string }; Querystring: { version?: number } }>(
    '/api/departments/:id',
    {
      schema: {
        tags: ['organisation'],
        summary: 'Delete an empty department (409 `DEPARTMENT_NOT_EMPTY` while it has sub-departments or members; administrators)',
        params: idParams,
        querystring: { type: 'object', additionalProperties: false, properties: { version: { type: 'integer', minimum: 1 } } },
        response: { 204: { type: 'null', description: 'Deleted' }, ...errorResponses(400, 401, 403, 404, 409, 500) },
      },
    },
    async (request, reply) => {
      requireAdmin(request);
      const v = request.query.version;
      await store.departments.delete(request.params.id, { ...writeContextOf(request), ...(v !== undefined ? { version: v } : {}) });
      return reply.status(204).send();
    },
  );

  app.put<{ Params: { id: string }; Body: { deptIds: string[]; primaryDeptId?: string | null } }>(
    '/api/users/:id/departments',
    {
      schema: {
        tags: ['organisation'],
        summary: "Set the departments a user belongs to and their primary one (where their new records go; administrators)",
        params: idParams,
        body: {
          type: 'object',
          required: ['deptIds'],
          additionalProperties: false,
          properties: { deptIds: { type: 'array', items: uuid, maxItems: 100 }, primaryDeptId: { type: ['string', 'null'], format: 'uuid' } },
        },
        response: {
          200: { type: 'object', required: ['deptIds', 'primaryDeptId'], properties: { deptIds: { type: 'array', items: uuid }, primaryDeptId: { type: ['string', 'null'] } } },
          ...errorResponses(400, 401, 403, 404, 500),
        },
      },
    },
    async (request) => {
      requireAdmin(request);
      return store.departments.setUserDepartments(request.params.id, request.body.deptIds, request.body.primaryDeptId ?? null, writeContextOf(request));
    },
  );
}
