import type { FastifyInstance } from 'fastify';

/**
 * Who is making a request. There is no login yet, so every request's actor is `null`; the
 * identity issue adds an `onRequest` hook that sets `request.actor` from the session or API
 * key, and every route already passes `request.actor` on to the store (audit `who`).
 *
 * @example
 * app.addHook('onRequest', async (request) => { request.actor = await sessionActor(request); });
 */
export interface Actor {
  readonly id: string;
  readonly deptIds?: readonly string[];
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The authenticated user, or `null` for anonymous requests (always `null` until auth exists). */
    actor: Actor | null;
  }
}

/**
 * Declares `request.actor` (initially `null`) so an auth hook can set it later.
 *
 * @example
 * registerActor(app);
 */
export function registerActor(app: FastifyInstance): void {
  app.decorateRequest('actor', null);
}
