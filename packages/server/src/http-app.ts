import { readFileSync } from 'node:fs';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { registerActor } from './actor.js';
import { registerErrorHandling } from './error-handler.js';
import { registerOpenApi } from './openapi.js';
import { registerStaticWeb } from './static-web.js';
import { errorResponses } from './route-schemas.js';

/** The default request-body limit: 1 MiB (an app package of a few hundred fields fits easily). */
export const DEFAULT_BODY_LIMIT = 1024 * 1024;

/** What the server logs through: `false` (silent, the default), `true`, pino options, or a pino logger. */
export type ServerLogger = boolean | FastifyBaseLogger | NonNullable<Exclude<FastifyServerOptions['logger'], boolean>>;

/** Options of the HTTP shell shared by every Trellis server. */
export interface HttpAppOptions {
  readonly logger?: ServerLogger;
  /** Directory of the built web app; when set, it is served with an SPA fallback. */
  readonly webRoot?: string;
  /** Largest accepted request body in bytes (default {@link DEFAULT_BODY_LIMIT}); larger bodies get 413. */
  readonly bodyLimit?: number;
}

const PACKAGE_VERSION: string = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

function isLoggerInstance(logger: ServerLogger | undefined): logger is FastifyBaseLogger {
  return typeof logger === 'object' && logger !== null && typeof (logger as { info?: unknown }).info === 'function' && typeof (logger as { child?: unknown }).child === 'function';
}

/**
 * Builds the fastify instance every Trellis server shares: ajv at the edge reporting every
 * problem (and never silently dropping unknown properties), the one error handler, request
 * actor, `GET /api/health`, the OpenAPI document, then the caller's routes, then the web app
 * and the JSON 404. The caller owns `close()`.
 *
 * @example
 * const app = await createHttpApp({ bodyLimit: 65536 }, async (app) => { app.get('/api/x', …); });
 */
export async function createHttpApp(
  options: HttpAppOptions,
  registerRoutes: (app: FastifyInstance) => Promise<void> | void,
): Promise<FastifyInstance> {
  const { logger = false } = options;
  const app = Fastify({
    ...(isLoggerInstance(logger) ? { loggerInstance: logger } : { logger }),
    bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
    forceCloseConnections: 'idle',
    ajv: {
      customOptions: { allErrors: true, removeAdditional: false, coerceTypes: 'array', useDefaults: true, verbose: true },
    },
  }) as unknown as FastifyInstance;
  registerActor(app);
  registerErrorHandling(app);
  await registerOpenApi(app, PACKAGE_VERSION);
  app.get(
    '/api/health',
    {
      schema: {
        tags: ['system'],
        security: [],
        summary: 'Liveness: answers 200 while the server runs',
        response: {
          200: {
            type: 'object',
            required: ['status', 'version'],
            properties: { status: { type: 'string', enum: ['ok'] }, version: { type: 'string' } },
          },
          ...errorResponses(500),
        },
      },
    },
    async () => ({ status: 'ok' as const, version: PACKAGE_VERSION }),
  );
  await registerRoutes(app);
  await registerStaticWeb(app, options.webRoot);
  return app;
}
