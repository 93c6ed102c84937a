import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fieldTypes } from '@trellis/forms';
import { DIALECTS, openTestStore } from '@trellis/store';
import type { FastifyInstance } from 'fastify';
import { ensureFirstAdmin } from '../src/index.js';
import { ADMIN_PASSWORD, login, openServer, RECORDS, salesPackage, withSession, type TestSession } from './fixtures.js';

const HOUR = 60 * 60 * 1000;

describe.each(DIALECTS)('accounts, sessions and API keys on %s', (dialect) => {
  let ctx: Awaited<ReturnType<typeof openServer>>;
  let offset = 0;
  const now = () => new Date(Date.now() + offset);
  let anon: FastifyInstance;
  let n = 0;

  /** A new user (created by a fresh admin session) and, unless told otherwise, a session of it. */
  const newUser = async (password = 'user-password-1'): Promise<{ id: string; username: string; password: string; session: TestSession; app: FastifyInstance }> => {
    const username = `user${++n}`;
    const admin = await asAdmin();
    const res = await admin.inject({ method: 'POST', url: '/api/users', payload: { username, displayName: `User ${n}`, password } });
    expect(res.statusCode).toBe(201);
    const session = await login(anon, username, password);
    return { id: res.json().id, username, password, session, app: withSession(anon, session) };
  };
  const asAdmin = async () => withSession(anon, await login(anon, 'admin', ADMIN_PASSWORD));
  const wrongLogin = (username: string, password = 'wrong-password') => anon.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });

  beforeAll(async () => {
    ctx = await openServer(dialect, { auth: { now, loginRateLimit: { max: 30, windowMs: 60_000 } } });
    anon = ctx.anonymous;
    expect((await ctx.app.inject({ method: 'POST', url: '/api/apps/import', payload: salesPackage() })).statusCode).toBe(201);
  });
  afterAll(async () => ctx?.close());

  it('logs in with a HttpOnly SameSite=Lax cookie, answers me, and logs out', async () => {
    const res = await anon.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'ADMIN', password: ADMIN_PASSWORD }, remoteAddress: '203.0.113.9' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.user).toMatchObject({ username: 'admin', isAdmin: true, deptIds: [] });
    expect(body.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const cookie = res.cookies.find((c) => c.name === 'trellis_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie.secure).toBeFalsy();
    const headers = { cookie: `trellis_session=${cookie.value}` };
    const me = await anon.inject({ url: '/api/auth/me', headers });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toEqual(body);
    const out = await anon.inject({ method: 'POST', url: '/api/auth/logout', headers: { ...headers, 'x-csrf-token': body.csrfToken }, remoteAddress: '203.0.113.9' });
    expect(out.statusCode).toBe(204);
    expect(out.cookies.find((c) => c.name === 'trellis_session')?.value).toBe('');
    const after = await anon.inject({ url: '/api/auth/me', headers });
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe('AUTH_REQUIRED');
    const audit = await ctx.store.audit.list({ action: ['login', 'logout'], actor: body.user.id, limit: 2 });
    expect(audit.map((e) => [e.action, e.ip, e.app])).toEqual([['logout', '203.0.113.9', null], ['login', '203.0.113.9', null]]);
  });

  it('answers 401 for anonymous API calls except health, OpenAPI, login and public forms', async () => {
    for (const url of ['/api/apps', RECORDS, '/api/users', '/api/audit', '/api/auth/me', '/api/nope']) {
      const res = await anon.inject(url);
      expect(res.statusCode, url).toBe(401);
      expect(res.json().error.code).toBe('AUTH_REQUIRED');
    }
    expect((await anon.inject('/api/health')).statusCode).toBe(200);
    expect((await anon.inject('/api/docs/')).statusCode).toBe(200);
    const doc = (await anon.inject('/api/openapi.json')).json();
    expect(Object.keys(doc.components.securitySchemes).sort()).toEqual(['bearer', 'session']);
    expect(doc.paths['/api/auth/login'].post.security).toEqual([]);
    expect((await anon.inject('/api/public/forms/unknown-token')).json().error.code).toBe('PUBLIC_FORM_NOT_FOUND');
    const bad = await anon.inject({ url: '/api/apps', headers: { cookie: 'trellis_session=forged', authorization: 'Basic x' } });
    expect(bad.statusCode).toBe(401);
  });

  it('refuses a wrong password and an unknown user alike with 401, audited without secrets', async () => {
    const user = await newUser('secret-password-9');
    const wrong = await wrongLogin(user.username);
    const unknown = await wrongLogin('nobody-here');
    for (const res of [wrong, unknown]) {
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('AUTH_INVALID_CREDENTIALS');
    }
    expect(wrong.json().error.message).toBe(unknown.json().error.message);
    const en = await anon.inject({ method: 'POST', url: '/api/auth/login', headers: { 'accept-language': 'en' }, payload: { username: 'nobody', password: 'x' } });
    expect(en.json().error.message).toContain('username or password is wrong');
    const failed = await ctx.store.audit.list({ action: 'login_failed', limit: 3 });
    expect(failed.map((e) => (e.after as { reason: string }).reason)).toEqual(['unknown_user', 'unknown_user', 'wrong_password']);
    expect(failed[2]).toMatchObject({ actor: user.id, recordId: user.id, after: { username: user.username } });
    const everything = JSON.stringify(await ctx.store.audit.list({ limit: 1000 }));
    expect(everything).not.toContain('$argon2');
    expect(everything).not.toContain('secret-password-9');
    expect(everything).not.toContain('wrong-password');
  });

  it('rate limits logins per address and username with 429 and Retry-After', async () => {
    let last;
    for (let i = 0; i < 31; i++) last = await wrongLogin('rate-limited-name');
    expect(last!.statusCode).toBe(429);
    expect(last!.json().error.code).toBe('AUTH_RATE_LIMITED');
    expect(Number(last!.headers['retry-after'])).toBeGreaterThan(0);
    // Another username from the same address is counted apart.
    expect((await wrongLogin('another-name')).statusCode).toBe(401);
  });

  it('locks an account for 15 minutes after 5 consecutive failures (423), then lets it in again', async () => {
    const user = await newUser();
    for (let i = 0; i < 4; i++) expect((await wrongLogin(user.username)).statusCode).toBe(401);
    const fifth = await wrongLogin(user.username);
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json().error.code).toBe('AUTH_LOCKED');
    const right = await anon.inject({ method: 'POST', url: '/api/auth/login', payload: { username: user.username, password: user.password } });
    expect(right.statusCode).toBe(423);
    expect(Number(right.headers['retry-after'])).toBeGreaterThan(14 * 60);
    offset += 15 * 60 * 1000 + 1000;
    const later = await anon.inject({ method: 'POST', url: '/api/auth/login', payload: { username: user.username, password: user.password } });
    expect(later.statusCode).toBe(200);
    // The count started again: one more failure does not lock.
    expect((await wrongLogin(user.username)).statusCode).toBe(401);
  });

  it('needs the CSRF header on cookie-authenticated writes (403 without or wrong, OK with it)', async () => {
    const user = await newUser();
    const cookie = user.session.cookie;
    const post = (headers: Record<string, string>) => anon.inject({ method: 'POST', url: '/api/auth/api-keys', headers: { cookie, ...headers }, payload: { name: 'k' } });
    const missing = await post({});
    expect(missing.statusCode).toBe(403);
    expect(missing.json().error.code).toBe('CSRF_INVALID');
    expect((await post({ 'x-csrf-token': 'wrong' })).statusCode).toBe(403);
    expect((await post({ 'x-csrf-token': user.session.csrfToken })).statusCode).toBe(201);
    expect((await anon.inject({ url: '/api/auth/api-keys', headers: { cookie } })).statusCode).toBe(200);
    // Another session's token does not fit.
    const other = await login(anon, user.username, user.password);
    expect((await post({ 'x-csrf-token': other.csrfToken })).statusCode).toBe(403);
  });

  it('takes a bearer API key without CSRF, keeps it from session-only routes, and refuses it right after revocation', async () => {
    const admin = await asAdmin();
    const created = await admin.inject({ method: 'POST', url: '/api/auth/api-keys', payload: { name: 'ERP', apps: ['sales'], actions: ['view', 'create'] } });
    expect(created.statusCode).toBe(201);
    const { key, secret } = created.json();
    expect(secret).toMatch(/^trk_[A-Za-z0-9_-]{43}$/);
    expect(key).toMatchObject({ name: 'ERP', apps: ['sales'], actions: ['view', 'create'], revokedAt: null, lastUsedAt: null });
    expect(secret.startsWith(key.prefix)).toBe(true);
    const bearer = { authorization: `Bearer ${secret}` };
    const write = await anon.inject({ method: 'POST', url: RECORDS, headers: bearer, payload: { data: { name: 'Via key' } } });
    expect(write.statusCode).toBe(201);
    const me = await anon.inject({ url: '/api/auth/me', headers: bearer });
    expect(me.json()).toMatchObject({ user: { username: 'admin' }, csrfToken: null });
    for (const url of ['/api/users', '/api/auth/api-keys', '/api/audit', '/api/audit/export']) {
      const res = await anon.inject({ url, headers: bearer });
      expect(res.statusCode, url).toBe(403);
      expect(res.json().error.code).toBe('AUTH_SESSION_REQUIRED');
    }
    const listed = (await admin.inject('/api/auth/api-keys')).json().items;
    expect(listed.find((k: { id: string }) => k.id === key.id).lastUsedAt).not.toBeNull();
    expect(JSON.stringify(listed)).not.toContain(secret);
    expect((await admin.inject({ method: 'DELETE', url: `/api/auth/api-keys/${key.id}` })).statusCode).toBe(204);
    const refused = await anon.inject({ url: RECORDS, headers: bearer });
    expect(refused.statusCode).toBe(401);
    expect((await admin.inject({ method: 'DELETE', url: '/api/auth/api-keys/00000000-0000-4000-8000-000000000000' })).json().error.code).toBe('API_KEY_NOT_FOUND');
    const audit = await ctx.store.audit.list({ action: ['api_key_create', 'api_key_revoke'], limit: 2 });
    expect(audit.map((e) => e.action)).toEqual(['api_key_revoke', 'api_key_create']);
    expect(JSON.stringify(audit)).not.toContain(secret);
  });

  it('answers 404 for an app outside the key`s apps, as if it were not installed', async () => {
    const admin = await asAdmin();
    const { secret } = (await admin.inject({ method: 'POST', url: '/api/auth/api-keys', payload: { name: 'other', apps: ['other_app'] } })).json();
    const res = await anon.inject({ url: RECORDS, headers: { authorization: `Bearer ${secret}` } });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('STORE_APP_NOT_FOUND');
    const expired = await admin.inject({ method: 'POST', url: '/api/auth/api-keys', payload: { name: 'old', expiresAt: '2001-01-01T00:00:00Z' } });
    expect(expired.statusCode).toBe(400);
  });

  it('ends the sessions and keys of a suspended user on the next request', async () => {
    const user = await newUser();
    const { secret } = (await user.app.inject({ method: 'POST', url: '/api/auth/api-keys', payload: { name: 'mine' } })).json();
    expect((await user.app.inject('/api/apps')).statusCode).toBe(200);
    const admin = await asAdmin();
    const current = (await admin.inject('/api/users')).json().items.find((u: { id: string }) => u.id === user.id);
    const suspended = await admin.inject({ method: 'PATCH', url: `/api/users/${user.id}`, payload: { version: current.version, status: 'suspended' } });
    expect(suspended.statusCode).toBe(200);
    expect(suspended.json()).toMatchObject({ status: 'suspended', version: current.version + 1 });
    expect((await user.app.inject('/api/apps')).statusCode).toBe(401);
    expect((await anon.inject({ url: '/api/apps', headers: { authorization: `Bearer ${secret}` } })).statusCode).toBe(401);
    expect((await wrongLogin(user.username, user.password)).statusCode).toBe(401);
  });

  it('changes the own password: the other sessions end, this one stays, the old password stops working', async () => {
    const user = await newUser('first-password');
    const other = withSession(anon, await login(anon, user.username, 'first-password'));
    const change = (body: object) => user.app.inject({ method: 'POST', url: '/api/auth/password', payload: body });
    const wrong = await change({ currentPassword: 'nope-nope', newPassword: 'second-password' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.code).toBe('AUTH_PASSWORD_WRONG');
    const weak = await user.app.inject({ method: 'POST', url: '/api/auth/password', headers: { 'accept-language': 'en' }, payload: { currentPassword: 'first-password', newPassword: 'short' } });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error).toMatchObject({ code: 'AUTH_PASSWORD_WEAK', details: [{ path: '/newPassword', message: 'the password must have at least 8 characters' }] });
    expect((await change({ currentPassword: 'first-password', newPassword: 'second-password' })).statusCode).toBe(204);
    expect((await user.app.inject('/api/auth/me')).statusCode).toBe(200);
    expect((await other.inject('/api/auth/me')).statusCode).toBe(401);
    expect((await wrongLogin(user.username, 'first-password')).statusCode).toBe(401);
    await login(anon, user.username, 'second-password');
    const audit = await ctx.store.audit.list({ action: 'password_change', actor: user.id });
    expect(audit).toHaveLength(1);
  });

  it("an administrator's password reset ends the user's sessions", async () => {
    const user = await newUser();
    const admin = await asAdmin();
    const current = (await admin.inject(`/api/users?q=${user.username}`)).json().items[0];
    const res = await admin.inject({ method: 'PATCH', url: `/api/users/${user.id}`, payload: { version: current.version, password: 'reset-password' } });
    expect(res.statusCode).toBe(200);
    expect((await user.app.inject('/api/auth/me')).statusCode).toBe(401);
    await login(anon, user.username, 'reset-password');
  });

  it('logs out everywhere', async () => {
    const user = await newUser();
    const second = withSession(anon, await login(anon, user.username, user.password));
    expect((await user.app.inject({ method: 'POST', url: '/api/auth/logout-all' })).statusCode).toBe(204);
    expect((await user.app.inject('/api/auth/me')).statusCode).toBe(401);
    expect((await second.inject('/api/auth/me')).statusCode).toBe(401);
  });

  it('ends a session after 8 idle hours and 7 days after login whatever the activity', async () => {
    const idle = await newUser();
    offset += 7 * HOUR;
    expect((await idle.app.inject('/api/auth/me')).statusCode).toBe(200);
    offset += 8 * HOUR + 1000;
    expect((await idle.app.inject('/api/auth/me')).statusCode).toBe(401);

    const busy = await newUser();
    let status = 200;
    let hours = 0;
    while (status === 200 && hours < 24 * 8) {
      offset += 7 * HOUR;
      hours += 7;
      status = (await busy.app.inject('/api/auth/me')).statusCode;
    }
    expect(status).toBe(401);
    expect(hours).toBeGreaterThanOrEqual(24 * 7);
    expect(hours).toBeLessThan(24 * 7 + 7);
  });

  it('manages users as an administrator: search, unique names, stale versions, no self-lockout', async () => {
    const admin = await asAdmin();
    const created = await admin.inject({ method: 'POST', url: '/api/users', payload: { username: 'Li.Lei', displayName: '李雷', password: 'li-lei-password', email: 'li@example.com', locale: 'zh-CN' } });
    expect(created.statusCode).toBe(201);
    const li = created.json();
    expect(li).toMatchObject({ username: 'Li.Lei', displayName: '李雷', email: 'li@example.com', isAdmin: false, status: 'active', locale: 'zh-CN', deptIds: [], primaryDeptId: null, version: 1 });
    expect(li).not.toHaveProperty('passwordHash');
    const dup = await admin.inject({ method: 'POST', url: '/api/users', payload: { username: 'li.lei', displayName: 'x', password: 'another-password' } });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('USER_USERNAME_TAKEN');
    const weak = await admin.inject({ method: 'POST', url: '/api/users', payload: { username: 'weak', displayName: 'x', password: '1234567' } });
    expect(weak.json().error.code).toBe('AUTH_PASSWORD_WEAK');
    expect((await admin.inject('/api/users?q=%E6%9D%8E')).json().items.map((u: { username: string }) => u.username)).toEqual(['Li.Lei']);
    const first = await admin.inject({ method: 'PATCH', url: `/api/users/${li.id}`, payload: { version: 1, displayName: '李雷雷' } });
    expect(first.json()).toMatchObject({ displayName: '李雷雷', version: 2 });
    const stale = await admin.inject({ method: 'PATCH', url: `/api/users/${li.id}`, payload: { version: 1, displayName: 'stale' } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('USER_VERSION_CONFLICT');
    const self = (await admin.inject('/api/auth/me')).json().user;
    const me = (await admin.inject('/api/users?q=admin')).json().items.find((u: { id: string }) => u.id === self.id);
    const lockout = await admin.inject({ method: 'PATCH', url: `/api/users/${self.id}`, payload: { version: me.version, status: 'suspended' } });
    expect(lockout.json().error.code).toBe('USER_SELF_LOCKOUT');
    const update = (await ctx.store.audit.list({ action: 'user_update', recordId: li.id }))[0]!;
    expect(update.before).toMatchObject({ displayName: '李雷' });
    expect(update.after).toMatchObject({ displayName: '李雷雷' });
  });

  it('refuses the users and audit routes to non-administrators with 403', async () => {
    const user = await newUser();
    for (const [method, url] of [['GET', '/api/users'], ['POST', '/api/users'], ['GET', '/api/audit'], ['GET', '/api/audit/export'], ['PATCH', `/api/users/${user.id}`]] as const) {
      const res = await user.app.inject({ method, url, ...(method === 'GET' ? {} : { payload: { version: 1, username: 'x', displayName: 'x', password: 'xxxxxxxxxx' } }) });
      expect(res.statusCode, url).toBe(403);
      expect(res.json().error.code).toBe('AUTH_ADMIN_REQUIRED');
    }
  });

  it('searches the audit log with filters and pages, and exports it as CSV', async () => {
    const admin = await asAdmin();
    const logins = await admin.inject('/api/audit?action=login&actor=admin&limit=2');
    expect(logins.statusCode).toBe(200);
    const page = logins.json();
    expect(page.items).toHaveLength(2);
    expect(page.items.every((e: { action: string; actorName: string; app: null }) => e.action === 'login' && e.actorName === 'admin' && e.app === null)).toBe(true);
    expect(page.nextBeforeId).toBe(page.items[1].id);
    const next = (await admin.inject(`/api/audit?action=login&actor=admin&limit=2&beforeId=${page.nextBeforeId}`)).json();
    expect(next.items[0].id).toBeLessThan(page.nextBeforeId);
    const records = (await admin.inject('/api/audit?app=sales&action=create,update')).json().items;
    expect(records.length).toBeGreaterThan(0);
    expect(records.every((e: { app: string }) => e.app === 'sales')).toBe(true);
    const future = (await admin.inject('/api/audit?from=2999-01-01T00:00:00Z')).json();
    expect(future).toEqual({ items: [], nextBeforeId: null });
    const csv = await admin.inject('/api/audit/export?action=login_failed');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toMatch(/^attachment; filename="trellis-audit-/);
    expect(csv.body.startsWith('\uFEFFid,at,actor,actorName,action,app,form,recordId,ip,before,after\r\n')).toBe(true);
    const lines = csv.body.trim().split('\r\n');
    expect(lines.length).toBeGreaterThan(3);
    expect(lines.slice(1).every((l) => l.includes(',login_failed,'))).toBe(true);
  });
});

describe.each(DIALECTS)('the first administrator on %s', (dialect) => {
  it('is created exactly once under 10 concurrent calls, with a generated password', async () => {
    const store = await openTestStore(dialect, fieldTypes);
    try {
      const results = await Promise.all(Array.from({ length: 10 }, () => ensureFirstAdmin(store)));
      const created = results.filter((r) => r.created);
      expect(created).toHaveLength(1);
      expect(created[0]!.generatedPassword).toMatch(/^[A-Za-z0-9_-]{20}$/);
      const admins = await store.users.list({ q: 'admin' });
      expect(admins).toHaveLength(1);
      expect(admins[0]).toMatchObject({ username: 'admin', isAdmin: true, status: 'active' });
      const again = await ensureFirstAdmin(store, { password: 'another-password' });
      expect(again).toEqual({ created: false, username: 'admin' });
      expect(await store.audit.list({ action: 'user_create' })).toHaveLength(1);
    } finally {
      await store.close();
    }
  });

  it('takes the given password and refuses one that breaks the policy', async () => {
    const store = await openTestStore(dialect, fieldTypes);
    try {
      await expect(ensureFirstAdmin(store, { password: 'short' })).rejects.toMatchObject({ code: 'AUTH_PASSWORD_WEAK' });
      const r = await ensureFirstAdmin(store, { password: 'given-password' });
      expect(r).toEqual({ created: true, username: 'admin' });
      const creds = await store.users.byUsername('admin');
      expect(creds!.passwordHash).toMatch(/^\$argon2id\$/);
    } finally {
      await store.close();
    }
  });
});
