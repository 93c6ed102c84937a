import { timingSafeEqual } from 'node:crypto';
import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { StoreErrors, type ActorOrg, type ActorUser, type Store } from '@trellis/store';
import type { PermissionAction } from '@trellis/schema';
import type { Actor } from '../actor.js';
import { ServerErrors } from '../errors.js';
import { isApiPath } from '../static-web.js';
import { CSRF_HEADER, SESSION_COOKIE, type ResolvedAuthOptions } from './auth-options.js';
import { adminRequired, authRequired, say } from './auth-messages.js';

/** Routes anyone may call: health, the API description, login, public forms and their uploads. */
const ANONYMOUS = [/^\/api\/health$/, /^\/api\/openapi\.json$/, /^\/api\/docs(\/.*)?$/, /^\/api\/auth\/login$/, /^\/api\/public\/.*/];
/** Routes an API key may not call: accounts, keys, the audit log, the session's own routes. */
const SESSION_ONLY = [/^\/api\/users(\/.*)?$/, /^\/api\/auth\/api-keys(\/.*)?$/, /^\/api\/audit(\/.*)?$/, /^\/api\/auth\/(logout|logout-all|password)$/];
const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * True for paths served without login (matched on the route pattern when one matched, so
 * `/api/public/../apps` cannot borrow the public prefix).
 *
 * @example isAnonymousPath('/api/public/forms/:token') // true
 */
export function isAnonymousPath(path: string): boolean {
  return ANONYMOUS.some((re) => re.test(path));
}

const rawPath = (request: FastifyRequest): string => request.url.split('?')[0] ?? request.url;

function bearerSecret(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (typeof header !== 'string') return undefined;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return m?.[1];
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Loads the actor of a request afresh from the database: the API key of an
 * `Authorization: Bearer` header, else the session cookie; null when neither is valid. One
 * query reads the key or session, its user and the user's departments and trees.
 *
 * @example const actor = await authenticate(store, request, auth);
 */
export async function authenticate(store: Store, request: FastifyRequest, auth: ResolvedAuthOptions): Promise<Actor | null> {
  const now = auth.now();
  const secret = bearerSecret(request);
  if (secret !== undefined) {
    const found = await store.apiKeys.resolve(secret, now);
    if (found === undefined) return null;
    return actorOf(found.user, found.org, {
      via: 'apiKey',
      apiKey: { id: found.key.id, apps: found.key.apps, actions: found.key.actions as readonly PermissionAction[] | null },
    });
  }
  const token = request.cookies[SESSION_COOKIE];
  if (token === undefined || token === '') return null;
  const session = await store.sessions.resolve(token, { now, ...(auth.idleMs !== undefined ? { idleMs: auth.idleMs } : {}) });
  if (session === undefined) return null;
  return actorOf(session.user, session.org, { via: 'session', session: { idHash: session.idHash, csrfToken: session.csrfToken } });
}

/** The actor of a user read with its session or key (one query: account, departments and trees). */
function actorOf(user: ActorUser, org: ActorOrg, how: Pick<Actor, 'via' | 'session' | 'apiKey'>): Actor {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    isAdmin: user.isAdmin,
    locale: user.locale,
    deptIds: org.deptIds,
    deptTree: org.deptTree,
    managedDeptTree: org.managedDeptTree,
    ...how,
  };
}

/**
 * Installs cookies and the authentication hook: every `/api` request outside the anonymous
 * list needs a valid session cookie or API key (else 401 `AUTH_REQUIRED`); a
 * cookie-authenticated POST/PUT/PATCH/DELETE needs `x-csrf-token` equal to its session's
 * (else 403 `CSRF_INVALID`); an API key may not call the session-only routes (403
 * `AUTH_SESSION_REQUIRED`) nor any app outside its `apps` (404 `STORE_APP_NOT_FOUND`, as if
 * the app did not exist). The actor is loaded on every request: nothing is cached.
 *
 * @example
 * await registerAuth(app, store, resolveAuthOptions());
 */
export async function registerAuth(app: FastifyInstance, store: Store, auth: ResolvedAuthOptions): Promise<void> {
  await app.register(cookie);
  app.addHook('onRequest', async (request) => {
    const raw = rawPath(request);
    if (!isApiPath(raw)) return;
    // The matched route's pattern decides, so `/api/public/../apps` cannot borrow the public prefix.
    const path = request.routeOptions.url ?? raw;
    if (isAnonymousPath(path)) return;
    const actor = await authenticate(store, request, auth);
    if (actor === null) throw authRequired(request);
    request.actor = actor;
    if (actor.via === 'session') {
      if (STATE_CHANGING.has(request.method)) {
        const sent = request.headers[CSRF_HEADER];
        if (typeof sent !== 'string' || !sameToken(sent, actor.session!.csrfToken)) {
          throw ServerErrors.create(
            'CSRF_INVALID',
            say(request, "the request lacks the session's CSRF token; send the header 'x-csrf-token' with the token from login or GET /api/auth/me", "请求缺少会话的 CSRF 令牌；请在请求头 'x-csrf-token' 中发送登录或 GET /api/auth/me 返回的令牌"),
          );
        }
      }
      return;
    }
    if (SESSION_ONLY.some((re) => re.test(path) || re.test(raw))) {
      throw ServerErrors.create('AUTH_SESSION_REQUIRED', say(request, 'this route takes a logged-in session, not an API key', '此接口只接受登录会话，不接受 API 密钥'));
    }
    const appKey = (request.params as { app?: unknown } | undefined)?.app;
    const apps = actor.apiKey?.apps;
    if (typeof appKey === 'string' && apps != null && !apps.includes(appKey)) {
      throw StoreErrors.create('STORE_APP_NOT_FOUND', say(request, `no app '${appKey}' is installed`, `未安装应用「${appKey}」`));
    }
  });
}

/**
 * The actor of a request on a route that needs a session (not an API key) of an administrator.
 *
 * @example const admin = requireAdmin(request);
 */
export function requireAdmin(request: FastifyRequest): Actor {
  const actor = requireActor(request);
  if (!actor.isAdmin) throw adminRequired(request);
  return actor;
}

/**
 * The actor of a request (the hook already refused anonymous ones on protected routes).
 *
 * @example const actor = requireActor(request);
 */
export function requireActor(request: FastifyRequest): Actor {
  if (request.actor === null) throw authRequired(request);
  return request.actor;
}
