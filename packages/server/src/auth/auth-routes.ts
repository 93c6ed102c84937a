import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Store, StoredUser, WriteContext } from '@trellis/store';
import type { Actor } from '../actor.js';
import { ServerErrors } from '../errors.js';
import { errorResponses } from '../route-schemas.js';
import { requireActor } from './auth-hook.js';
import { localeOf, say, text } from './auth-messages.js';
import { SESSION_COOKIE, type ResolvedAuthOptions } from './auth-options.js';
import { loginBodySchema, meResponseSchema, passwordBodySchema } from './auth-schemas.js';
import { assertPasswordPolicy, hashPassword, verifyDummy, verifyPassword } from './password-hasher.js';

/** The rate-limit bucket of login attempts (key: client address + lower-cased username). */
export const LOGIN_BUCKET = 'auth-login';
/** The rate-limit bucket of password changes (key: user id). */
export const PASSWORD_BUCKET = 'auth-password';

/** `Me` of the API. */
export function meOf(user: Pick<StoredUser, 'id' | 'username' | 'displayName' | 'isAdmin' | 'locale' | 'deptIds'>) {
  return { id: user.id, username: user.username, displayName: user.displayName, isAdmin: user.isAdmin, locale: user.locale, deptIds: [...user.deptIds] };
}

/**
 * The audit context of a request: its actor (or `actor` given), address and language.
 *
 * @example await store.users.create(input, auditContext(request));
 */
export function auditContext(request: FastifyRequest, actor: string | null = request.actor?.id ?? null): WriteContext {
  return { actor, ip: request.ip, locale: localeOf(request) };
}

const noStore = (reply: FastifyReply) => reply.header('cache-control', 'no-store');

/**
 * The session routes: login (rate limited per address and username, lockout after repeated
 * failures, constant-ish time for unknown users), logout, logout everywhere, the current
 * user, and the user's own password change.
 *
 * @example
 * registerAuthRoutes(app, store, resolveAuthOptions());
 */
export function registerAuthRoutes(app: FastifyInstance, store: Store, auth: ResolvedAuthOptions): void {
  const cookieOptions = (expiresAt?: string) => ({
    httpOnly: true,
    sameSite: 'lax' as const,
    path: '/',
    secure: auth.secureCookie,
    ...(expiresAt !== undefined ? { expires: new Date(expiresAt) } : {}),
  });

  const invalid = (request: FastifyRequest) =>
    ServerErrors.create('AUTH_INVALID_CREDENTIALS', say(request, 'the username or password is wrong', '用户名或密码错误'), [
      { path: '/password', message: text(request, 'wrong username or password', '用户名或密码错误') },
    ]);
  const locked = (request: FastifyRequest, reply: FastifyReply, until: string, now: Date) => {
    const seconds = Math.max(1, Math.ceil((Date.parse(until) - now.getTime()) / 1000));
    const minutes = Math.ceil(seconds / 60);
    reply.header('retry-after', String(seconds));
    return ServerErrors.create(
      'AUTH_LOCKED',
      say(request, `too many failed logins: the account is locked; try again in ${minutes} min`, `登录失败次数过多，账户已临时锁定；请 ${minutes} 分钟后再试`),
      [{ path: '/username', message: text(request, `locked for ${seconds} more seconds`, `还将锁定 ${seconds} 秒`) }],
    );
  };

  app.post<{ Body: { username: string; password: string } }>(
    '/api/auth/login',
    {
      schema: {
        tags: ['auth'],
        summary: 'Log in with username and password: sets the session cookie and answers the user and the CSRF token',
        description:
          'Rate limited per client address and username (429 `AUTH_RATE_LIMITED` with `Retry-After`); after 5 consecutive failures the ' +
          'account is locked for 15 minutes (423 `AUTH_LOCKED`). Sets the cookie `trellis_session` (HttpOnly, SameSite=Lax).',
        security: [],
        body: loginBodySchema,
        response: { 200: meResponseSchema, ...errorResponses(400, 401, 423, 429, 500) },
      },
    },
    async (request, reply) => {
      noStore(reply);
      const { username, password } = request.body;
      const verdict = await store.rateLimits.hit(LOGIN_BUCKET, `${request.ip}\n${username.toLowerCase()}`, auth.loginRateLimit);
      if (!verdict.allowed) {
        reply.header('retry-after', String(verdict.retryAfterSeconds));
        throw ServerErrors.create(
          'AUTH_RATE_LIMITED',
          say(request, `too many login attempts; wait ${verdict.retryAfterSeconds} s and try again`, `登录尝试过于频繁；请等待 ${verdict.retryAfterSeconds} 秒后再试`),
          [{ path: '/username', message: text(request, `wait ${verdict.retryAfterSeconds} s`, `请等待 ${verdict.retryAfterSeconds} 秒`) }],
        );
      }
      const now = auth.now();
      const ctx = auditContext(request, null);
      const user = await store.users.byUsername(username);
      if (user === undefined) {
        await verifyDummy(password);
        await store.users.loginFailed(null, username, 'unknown_user', ctx, { now });
        throw invalid(request);
      }
      if (user.lockedUntil !== null && Date.parse(user.lockedUntil) > now.getTime()) {
        await store.users.loginFailed(user, username, 'locked', ctx, { now });
        throw locked(request, reply, user.lockedUntil, now);
      }
      if (user.status !== 'active' || user.passwordHash === null) {
        await verifyDummy(password);
        await store.users.loginFailed(user, username, user.status !== 'active' ? 'suspended' : 'no_password', ctx, { now });
        throw invalid(request);
      }
      if (!(await verifyPassword(user.passwordHash, password))) {
        const { lockedUntil } = await store.users.loginFailed(user, username, 'wrong_password', ctx, { now, ...(auth.lockout ? { lockout: auth.lockout } : {}) });
        if (lockedUntil !== null) throw locked(request, reply, lockedUntil, now);
        throw invalid(request);
      }
      const userAgent = request.headers['user-agent'];
      const session = await store.sessions.create(user.id, ctx, {
        now,
        userAgent: typeof userAgent === 'string' ? userAgent : null,
        ...(auth.absoluteMs !== undefined ? { absoluteMs: auth.absoluteMs } : {}),
      });
      reply.setCookie(SESSION_COOKIE, session.token, cookieOptions(session.expiresAt));
      return { user: meOf(user), csrfToken: session.csrfToken };
    },
  );

  app.post(
    '/api/auth/logout',
    {
      schema: { tags: ['auth'], summary: 'Log out: ends this session and clears the cookie', response: { 204: { type: 'null' }, ...errorResponses(401, 403, 500) } },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      await store.sessions.delete(actor.session!.idHash, auditContext(request));
      reply.clearCookie(SESSION_COOKIE, cookieOptions());
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/auth/logout-all',
    {
      schema: { tags: ['auth'], summary: 'Log out everywhere: ends every session of the user', response: { 204: { type: 'null' }, ...errorResponses(401, 403, 500) } },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      await store.sessions.deleteAllForUser(actor.id, auditContext(request));
      reply.clearCookie(SESSION_COOKIE, cookieOptions());
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/auth/me',
    {
      schema: { tags: ['auth'], summary: 'The logged-in user and the CSRF token of the session', response: { 200: meResponseSchema, ...errorResponses(401, 500) } },
    },
    async (request, reply) => {
      noStore(reply);
      const actor: Actor = requireActor(request);
      return { user: meOf(actor), csrfToken: actor.session?.csrfToken ?? null };
    },
  );

  app.post<{ Body: { currentPassword: string; newPassword: string } }>(
    '/api/auth/password',
    {
      schema: {
        tags: ['auth'],
        summary: 'Change your own password; every other session of yours ends',
        body: passwordBodySchema,
        response: { 204: { type: 'null' }, ...errorResponses(400, 401, 403, 429, 500) },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const verdict = await store.rateLimits.hit(PASSWORD_BUCKET, actor.id, auth.loginRateLimit);
      if (!verdict.allowed) {
        reply.header('retry-after', String(verdict.retryAfterSeconds));
        throw ServerErrors.create('AUTH_RATE_LIMITED', say(request, `too many attempts; wait ${verdict.retryAfterSeconds} s and try again`, `尝试过于频繁；请等待 ${verdict.retryAfterSeconds} 秒后再试`));
      }
      const { currentPassword, newPassword } = request.body;
      const user = await store.users.credentials(actor.id);
      if (user === undefined || user.passwordHash === null || !(await verifyPassword(user.passwordHash, currentPassword))) {
        throw ServerErrors.create('AUTH_PASSWORD_WRONG', say(request, 'the current password is wrong; nothing was changed', '当前密码不正确，未作任何修改'), [
          { path: '/currentPassword', message: text(request, 'wrong password', '密码不正确') },
        ]);
      }
      assertPasswordPolicy(newPassword, '/newPassword', localeOf(request));
      await store.users.setPassword(actor.id, await hashPassword(newPassword), auditContext(request), { keepSession: actor.session!.idHash, now: auth.now() });
      return reply.status(204).send();
    },
  );
}
