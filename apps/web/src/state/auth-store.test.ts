import { describe, expect, it, vi } from 'vitest';
import { ApiError, ApiClient, type MeResponse } from '../api/api-client.js';
import { createAuthStore } from './auth-store.js';

const me: MeResponse = { user: { id: 'u1', username: 'li', displayName: 'Li Lei', isAdmin: false, locale: null, deptIds: [] }, csrfToken: 'csrf-1' };
const required = () => new ApiError(401, 'AUTH_REQUIRED', 'log in first');

function fakeClient(overrides: Partial<Record<'login' | 'logout' | 'logoutAll' | 'me', () => Promise<any>>> = {}) {
  return {
    login: vi.fn(overrides.login ?? (async () => me)),
    logout: vi.fn(overrides.logout ?? (async () => undefined)),
    logoutAll: vi.fn(overrides.logoutAll ?? (async () => undefined)),
    me: vi.fn(overrides.me ?? (async () => me)),
  };
}

describe('auth store', () => {
  it('starts unknown, and refresh() asks the server who is logged in', async () => {
    const client = fakeClient();
    const auth = createAuthStore(client);
    expect(auth.getState().status).toBe('unknown');
    await auth.getState().refresh();
    expect(auth.getState()).toMatchObject({ status: 'authenticated', me: me.user, csrfToken: 'csrf-1' });
  });

  it('is anonymous when the server answers 401, and passes other failures on', async () => {
    const auth = createAuthStore(fakeClient({ me: async () => Promise.reject(required()) }));
    await auth.getState().refresh();
    expect(auth.getState()).toMatchObject({ status: 'anonymous', me: null, csrfToken: null });
    const broken = createAuthStore(fakeClient({ me: async () => Promise.reject(new ApiError(0, 'NETWORK', 'offline')) }));
    await expect(broken.getState().refresh()).rejects.toMatchObject({ code: 'NETWORK' });
    expect(broken.getState().status).toBe('unknown');
  });

  it('logs in with the token of the answer, and a failed login leaves it anonymous', async () => {
    const auth = createAuthStore(fakeClient());
    await auth.getState().login('li', 'pw');
    expect(auth.getState()).toMatchObject({ status: 'authenticated', csrfToken: 'csrf-1' });
    const wrong = createAuthStore(fakeClient({ login: async () => Promise.reject(new ApiError(401, 'AUTH_INVALID_CREDENTIALS', 'wrong')) }));
    wrong.getState().expire();
    await expect(wrong.getState().login('li', 'x')).rejects.toMatchObject({ code: 'AUTH_INVALID_CREDENTIALS' });
    expect(wrong.getState().status).toBe('anonymous');
  });

  it('logs out, also when the session had already ended on the server', async () => {
    const auth = createAuthStore(fakeClient({ logout: async () => Promise.reject(required()) }));
    await auth.getState().login('li', 'pw');
    await auth.getState().logout();
    expect(auth.getState()).toMatchObject({ status: 'anonymous', me: null, csrfToken: null });
    const all = createAuthStore(fakeClient());
    await all.getState().login('li', 'pw');
    await all.getState().logoutAll();
    expect(all.getState().status).toBe('anonymous');
  });
});

describe('ApiClient and the session', () => {
  const ok = () => new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } });

  it('sends x-csrf-token on POST, PUT, PATCH and DELETE, never on GET', async () => {
    const seen: [string, string | null][] = [];
    const client = new ApiClient({
      csrfToken: () => 'tok',
      fetch: async (_url, init) => {
        seen.push([String(init?.method), new Headers(init?.headers).get('x-csrf-token')]);
        return ok();
      },
    });
    for (const m of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']) await client.request(m, '/api/x', m === 'GET' ? undefined : {});
    expect(seen).toEqual([['GET', null], ['POST', 'tok'], ['PUT', 'tok'], ['PATCH', 'tok'], ['DELETE', 'tok']]);
    expect(client.authHeaders()).toEqual({ 'x-csrf-token': 'tok' });
  });

  it('reports 401 AUTH_REQUIRED to the auth state, but not a wrong password', async () => {
    const onUnauthorized = vi.fn();
    let answer = { code: 'AUTH_REQUIRED', status: 401 };
    const client = new ApiClient({
      onUnauthorized,
      fetch: async () => new Response(JSON.stringify({ error: { code: answer.code, message: 'm', details: [] } }), { status: answer.status }),
    });
    await expect(client.listApps()).rejects.toMatchObject({ status: 401 });
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
    answer = { code: 'AUTH_INVALID_CREDENTIALS', status: 401 };
    await expect(client.login('a', 'b')).rejects.toMatchObject({ code: 'AUTH_INVALID_CREDENTIALS' });
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
  });

  it('setAuth connects a client created before the auth state', async () => {
    const tokens: (string | null)[] = [];
    const client = new ApiClient({ fetch: async (_u, init) => (tokens.push(new Headers(init?.headers).get('x-csrf-token')), ok()) });
    await client.request('POST', '/api/x', {});
    client.setAuth({ csrfToken: () => 'later', onUnauthorized: () => undefined });
    await client.request('POST', '/api/x', {});
    expect(tokens).toEqual([null, 'later']);
  });
});
