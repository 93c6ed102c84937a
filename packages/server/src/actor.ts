import type { FastifyInstance } from 'fastify';
import type { PermissionAction } from '@trellis/schema';

/**
 * Who is making a request, loaded afresh from the database on every request (no cache, so a
 * suspended user, a changed password, a revoked role or API key stops working at once).
 * `null` on `request.actor` means anonymous.
 */
export interface Actor {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  /** System administrator: every right in every app, manages users and departments. */
  readonly isAdmin: boolean;
  readonly locale: string | null;
  /** Departments the user belongs to directly; the first is the primary one. */
  readonly deptIds: readonly string[];
  /** `deptIds` and every department below them. */
  readonly deptTree: readonly string[];
  /** Departments the user manages and every department below them. */
  readonly managedDeptTree: readonly string[];
  /** How the request authenticated. */
  readonly via: 'session' | 'apiKey';
  /** For `via: 'session'`: the session's row key and CSRF token. */
  readonly session?: { readonly idHash: string; readonly csrfToken: string };
  /** For `via: 'apiKey'`: the key's id and its narrowing (null: no narrowing). */
  readonly apiKey?: { readonly id: string; readonly apps: readonly string[] | null; readonly actions: readonly PermissionAction[] | null };
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The authenticated user, or `null` for anonymous requests. */
    actor: Actor | null;
  }
}

/**
 * Declares `request.actor` (initially `null`) so the auth hook can set it.
 *
 * @example
 * registerActor(app);
 */
export function registerActor(app: FastifyInstance): void {
  app.decorateRequest('actor', null);
}
