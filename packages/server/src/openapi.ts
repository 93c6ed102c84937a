import type { FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';

/** Where the OpenAPI document and its UI are served. */
export const OPENAPI_JSON_PATH = '/api/openapi.json';
export const OPENAPI_UI_PATH = '/api/docs';

/**
 * Registers the OpenAPI 3 document generated from the route schemas (every route declares
 * its params, query, body and responses) at `/api/openapi.json`, and Swagger UI at `/api/docs`.
 * Must be registered before the routes so it sees them.
 *
 * @example
 * await registerOpenApi(app, '0.1.0');
 */
export async function registerOpenApi(app: FastifyInstance, version: string): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Trellis API',
        description:
          'The REST API of Trellis: import and export app packages, read and write the records of their forms. ' +
          'Every error answers `{ error: { code, message, details: [{ path, message }] } }`.',
        version,
      },
      tags: [
        { name: 'system', description: 'Health and documentation' },
        { name: 'apps', description: 'App packages: import (install or upgrade), list, export' },
        { name: 'records', description: 'Records of a form: list, create, read, update, delete, restore, history' },
        { name: 'drafts', description: 'The form designer: draft app packages (revision-checked saves), publish plan, publish' },
        { name: 'auth', description: 'Login, logout, the current user, password change, your API keys' },
        { name: 'users', description: 'User accounts (administrators)' },
        { name: 'audit', description: 'The audit log: search and CSV export (administrators)' },
      ],
      components: {
        securitySchemes: {
          session: {
            type: 'apiKey',
            in: 'cookie',
            name: 'trellis_session',
            description: 'The session cookie set by `POST /api/auth/login`. POST/PUT/PATCH/DELETE also need the header `x-csrf-token`.',
          },
          bearer: { type: 'http', scheme: 'bearer', description: 'An API key (`trk_…`) from `POST /api/auth/api-keys`; no CSRF header needed.' },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: OPENAPI_UI_PATH });
  app.get(OPENAPI_JSON_PATH, { schema: { hide: true } }, async () => app.swagger());
}
