import { create, type StoreApi, type UseBoundStore } from 'zustand';
import { api } from '../api/api.js';
import { ApiError, type ApiClient, type Me } from '../api/api-client.js';

/** Where the app stands with the server: not asked yet, logged out, or logged in. */
export type AuthStatus = 'unknown' | 'anonymous' | 'authenticated';

/** The auth slice: the logged-in user, the session's CSRF token, and the actions that change them. */
export interface AuthState {
  readonly status: AuthStatus;
  readonly me: Me | null;
  readonly csrfToken: string | null;
  /** Logs in; rejects with the server's `ApiError` (401 wrong password, 429 rate limited, 423 locked). */
  login(username: string, password: string): Promise<void>;
  /** Logs out (also when the session already ended on the server). */
  logout(): Promise<void>;
  /** Ends every session of the user, this one included. */
  logoutAll(): Promise<void>;
  /** Asks the server who is logged in (on start, after a 401). */
  refresh(): Promise<void>;
  /** The session ended (a 401 from any call): show the login page. */
  expire(): void;
}

type AuthClient = Pick<ApiClient, 'login' | 'logout' | 'logoutAll' | 'me'>;

const anonymous = { status: 'anonymous' as const, me: null, csrfToken: null };

/**
 * Makes an auth store on an API client (the app uses {@link useAuth}; tests pass a fake client).
 *
 * @example const useTestAuth = createAuthStore(fakeClient);
 */
export function createAuthStore(client: AuthClient): UseBoundStore<StoreApi<AuthState>> {
  return create<AuthState>()((set) => ({
    status: 'unknown',
    me: null,
    csrfToken: null,
    async login(username, password) {
      const r = await client.login(username, password);
      set({ status: 'authenticated', me: r.user, csrfToken: r.csrfToken });
    },
    async logout() {
      try {
        await client.logout();
      } catch (e) {
        if (!(e instanceof ApiError) || e.status !== 401) throw e;
      }
      set(anonymous);
    },
    async logoutAll() {
      try {
        await client.logoutAll();
      } catch (e) {
        if (!(e instanceof ApiError) || e.status !== 401) throw e;
      }
      set(anonymous);
    },
    async refresh() {
      try {
        const r = await client.me();
        set({ status: 'authenticated', me: r.user, csrfToken: r.csrfToken });
      } catch (e) {
        if (e instanceof ApiError && e.status === 401) set(anonymous);
        else throw e;
      }
    },
    expire() {
      set(anonymous);
    },
  }));
}

/**
 * The app's auth state. The API client sends its CSRF token on every state-changing request
 * and reports a 401 `AUTH_REQUIRED` to it, which shows the login page.
 *
 * @example const me = useAuth((s) => s.me);
 */
export const useAuth = createAuthStore(api);

api.setAuth({
  csrfToken: () => useAuth.getState().csrfToken,
  onUnauthorized: () => {
    if (useAuth.getState().status !== 'anonymous') useAuth.getState().expire();
  },
});
