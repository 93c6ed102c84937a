import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { routeNotFound } from './error-handler.js';

/** True for paths the API owns (`/api` and below); everything else may be the web app's. */
export function isApiPath(url: string): boolean {
  return url === '/api' || url.startsWith('/api/') || url.startsWith('/api?');
}

/**
 * Serves the built web app from `webRoot` (hashed assets with their files, any other
 * non-API GET path with `index.html`, so client-side routes survive a reload) and answers
 * unknown `/api` paths with the JSON 404. Without `webRoot` only the JSON 404 is installed.
 *
 * @example
 * await registerStaticWeb(app, '/srv/trellis/apps/web/dist');
 */
export async function registerStaticWeb(app: FastifyInstance, webRoot: string | undefined): Promise<void> {
  const hasIndex = webRoot !== undefined && existsSync(join(webRoot, 'index.html'));
  if (webRoot !== undefined) {
    await app.register(fastifyStatic, { root: webRoot, prefix: '/', wildcard: true, index: 'index.html' });
  }
  app.setNotFoundHandler((request, reply) => {
    if (hasIndex && (request.method === 'GET' || request.method === 'HEAD') && !isApiPath(request.url)) {
      return reply.type('text/html; charset=utf-8').sendFile('index.html');
    }
    return reply.status(404).send(routeNotFound(request.method, request.url));
  });
}
