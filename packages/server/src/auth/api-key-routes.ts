import type { FastifyInstance } from 'fastify';
import type { ApiKey, Store } from '@trellis/store';
import { ServerErrors } from '../errors.js';
import { errorResponses } from '../route-schemas.js';
import { requireActor } from './auth-hook.js';
import { say, text } from './auth-messages.js';
import type { ResolvedAuthOptions } from './auth-options.js';
import { auditContext } from './auth-routes.js';
import { apiKeySchema, createApiKeyBodySchema } from './auth-schemas.js';

interface CreateKeyBody {
  name: string;
  apps?: string[] | null;
  actions?: string[] | null;
  expiresAt?: string | null;
}

const publicKey = ({ userId: _userId, ...key }: ApiKey) => key;

/**
 * The caller's own API keys (session only): list, create (the secret is answered once),
 * revoke. A revoked key stops working on its very next request.
 *
 * @example
 * registerApiKeyRoutes(app, store, resolveAuthOptions());
 */
export function registerApiKeyRoutes(app: FastifyInstance, store: Store, auth: ResolvedAuthOptions): void {
  const base = '/api/auth/api-keys';

  app.get(
    base,
    {
      schema: {
        tags: ['auth'],
        summary: 'Your API keys, newest first (never their secrets)',
        response: { 200: { type: 'object', required: ['items'], properties: { items: { type: 'array', items: apiKeySchema } } }, ...errorResponses(401, 403, 500) },
      },
    },
    async (request) => ({ items: (await store.apiKeys.list(requireActor(request).id)).map(publicKey) }),
  );

  app.post<{ Body: CreateKeyBody }>(
    base,
    {
      schema: {
        tags: ['auth'],
        summary: 'Create an API key; the secret (`trk_…`) is in this answer only — store it now',
        description: 'Send it as `Authorization: Bearer <secret>`. `apps` and `actions` narrow what the key may do below what its user may do.',
        body: createApiKeyBodySchema,
        response: {
          201: { type: 'object', required: ['key', 'secret'], properties: { key: apiKeySchema, secret: { type: 'string' } } },
          ...errorResponses(400, 401, 403, 500),
        },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const body = request.body;
      if (body.expiresAt != null && Date.parse(body.expiresAt) <= auth.now().getTime()) {
        throw ServerErrors.create('SERVER_REQUEST_INVALID', say(request, 'the expiry of the key lies in the past; choose a later time', '密钥的过期时间已过；请选择更晚的时间'), [
          { path: '/expiresAt', message: text(request, 'must be in the future', '必须晚于当前时间') },
        ]);
      }
      const { key, secret } = await store.apiKeys.create(
        actor.id,
        { name: body.name, apps: body.apps ?? null, actions: body.actions ?? null, expiresAt: body.expiresAt ?? null },
        auditContext(request),
      );
      return reply.status(201).send({ key: publicKey(key), secret });
    },
  );

  app.delete<{ Params: { id: string } }>(
    `${base}/:id`,
    {
      schema: {
        tags: ['auth'],
        summary: 'Revoke one of your API keys',
        params: { type: 'object', required: ['id'], properties: { id: { type: 'string', maxLength: 64 } } },
        response: { 204: { type: 'null' }, ...errorResponses(401, 403, 404, 500) },
      },
    },
    async (request, reply) => {
      await store.apiKeys.revoke(requireActor(request).id, request.params.id, auditContext(request), auth.now());
      return reply.status(204).send();
    },
  );
}
