import { fieldTypes } from '@trellis/forms';
import { openTestStore, type DialectName, type Store } from '@trellis/store';
import type { FastifyInstance } from 'fastify';
import { buildServer, ensureFirstAdmin, type ServerOptions } from '../src/index.js';

/** The password of the administrator `admin` that {@link openServer} creates. */
export const ADMIN_PASSWORD = 'admin-password-for-tests';

/** A logged-in session: the cookie header and the CSRF token. */
export interface TestSession {
  readonly cookie: string;
  readonly csrfToken: string;
  readonly userId: string;
}

/**
 * Logs in through the API and returns the session cookie and CSRF token.
 *
 * @example const s = await login(anonymous, 'admin', ADMIN_PASSWORD);
 */
export async function login(app: FastifyInstance, username: string, password: string): Promise<TestSession> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login of '${username}' failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'trellis_session');
  if (cookie === undefined) throw new Error('login set no session cookie');
  const body = res.json() as { csrfToken: string; user: { id: string } };
  return { cookie: `trellis_session=${cookie.value}`, csrfToken: body.csrfToken, userId: body.user.id };
}

/**
 * `app` seen through a session: every `inject` carries the session cookie and the CSRF header
 * (unless the call sets its own), everything else is the app itself.
 *
 * @example const asAdmin = withSession(anonymous, await login(anonymous, 'admin', ADMIN_PASSWORD));
 */
export function withSession(app: FastifyInstance, session: TestSession): FastifyInstance {
  const inject = (opts: any) => {
    const o = typeof opts === 'string' ? { url: opts } : { ...opts };
    const headers: Record<string, unknown> = { ...(o.headers ?? {}) };
    const has = (name: string) => Object.keys(headers).some((k) => k.toLowerCase() === name);
    if (!has('cookie') && !has('authorization')) headers['cookie'] = session.cookie;
    if (!has('x-csrf-token') && !has('authorization')) headers['x-csrf-token'] = session.csrfToken;
    return app.inject({ ...o, headers });
  };
  return new Proxy(app, {
    get(target, prop, receiver) {
      if (prop === 'inject') return inject;
      const v = Reflect.get(target, prop, receiver);
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
}

/** A small app with one form using the basic field types. */
export function salesPackage(): any {
  return {
    schemaVersion: 1,
    app: { key: 'sales', name: { 'zh-CN': '销售', en: 'Sales' } },
    forms: [
      {
        key: 'customer',
        name: { 'zh-CN': '客户', en: 'Customer' },
        fields: [
          { id: 'f_name', key: 'name', type: 'text', label: 'Name', required: true },
          { id: 'f_phone', key: 'phone', type: 'text', label: 'Phone' },
          { id: 'f_employees', key: 'employees', type: 'number', label: 'Employees' },
          {
            id: 'f_tier',
            key: 'tier',
            type: 'single_select',
            label: 'Tier',
            options: { choices: [{ value: 'gold', label: 'Gold' }, { value: 'silver', label: 'Silver' }] },
          },
          { id: 'f_since', key: 'since', type: 'date', label: 'Customer since' },
          { id: 'f_active', key: 'active', type: 'boolean', label: 'Active' },
        ],
      },
    ],
  };
}

/**
 * A store of one dialect and a server on it, with the administrator `admin` logged in:
 * `app.inject` sends the admin's session cookie and CSRF token, `anonymous` is the bare
 * server. `close()` closes both in order.
 */
export async function openServer(
  dialect: DialectName,
  options: Omit<ServerOptions, 'store'> = {},
): Promise<{ store: Store; app: FastifyInstance; anonymous: FastifyInstance; admin: TestSession; close: () => Promise<void> }> {
  const store = await openTestStore(dialect, fieldTypes);
  const anonymous = await buildServer({ store, ...options });
  await ensureFirstAdmin(store, { password: ADMIN_PASSWORD });
  const admin = await login(anonymous, 'admin', ADMIN_PASSWORD);
  const app = withSession(anonymous, admin);
  return {
    store,
    app,
    anonymous,
    admin,
    async close() {
      await anonymous.close();
      await store.close();
    },
  };
}

export const RECORDS = '/api/apps/sales/forms/customer/records';
