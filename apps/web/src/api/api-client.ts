import type { ErrorDetail } from '@trellis/schema';
import type { AppPackage, AppSummary, ListParams, RecordDto, RecordPage } from './api-types.js';

/**
 * A failed API call: the server's `{ error: { code, message, details } }` when it sent one,
 * otherwise a code made from the status (`HTTP_502`) or `NETWORK` when nothing came back.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: readonly ErrorDetail[];
  /** Seconds to wait before trying again (`Retry-After` of a 429 or 423), when the server said. */
  readonly retryAfter: number | undefined;

  constructor(status: number, code: string, message: string, details: readonly ErrorDetail[] = [], retryAfter?: number) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
    this.retryAfter = retryAfter;
  }

  /** A stale `version`: someone else changed the record (not other 409s such as a duplicate value). */
  get isConflict(): boolean {
    return this.status === 409 && this.code === 'RECORD_VERSION_CONFLICT';
  }

  get isNotFound(): boolean {
    return this.status === 404;
  }
}

/**
 * Reads an error response. The body is parsed as the Trellis error format when it is one;
 * anything else (a proxy's HTML page, an empty body) still yields a useful message.
 *
 * @example await parseErrorResponse(new Response('{"error":{"code":"X","message":"m","details":[]}}', { status: 400 }))
 */
export async function parseErrorResponse(response: Response): Promise<ApiError> {
  const text = await response.text().catch(() => '');
  const retryHeader = Number(response.headers.get('retry-after'));
  const retryAfter = Number.isFinite(retryHeader) && retryHeader > 0 ? retryHeader : undefined;
  try {
    const body = JSON.parse(text) as { error?: { code?: unknown; message?: unknown; details?: unknown } };
    const e = body.error;
    if (e && typeof e.code === 'string' && typeof e.message === 'string') {
      const details = Array.isArray(e.details)
        ? e.details.filter((d): d is ErrorDetail => typeof d === 'object' && d !== null && typeof (d as ErrorDetail).message === 'string')
          .map((d) => ({ ...d, path: typeof d.path === 'string' ? d.path : '' }))
        : [];
      return new ApiError(response.status, e.code, e.message, details, retryAfter);
    }
  } catch {
    // not JSON; fall through
  }
  const snippet = text.trim().slice(0, 200);
  return new ApiError(response.status, `HTTP_${response.status}`, `[web] the server answered ${response.status} ${response.statusText}${snippet ? `: ${snippet}` : ''}`);
}

/**
 * Builds the query string of a list request. The filter is json-logic sent as JSON (the
 * URL encoding is `URLSearchParams`'s); empty parameters are left out.
 *
 * @example listQuery({ q: 'acme', sort: '-created_at', limit: 20 }) // 'q=acme&sort=-created_at&limit=20'
 */
export function listQuery(params: ListParams): string {
  const search = new URLSearchParams();
  if (params.q && params.q.trim() !== '') search.set('q', params.q.trim());
  if (params.filter !== undefined && params.filter !== null) search.set('filter', JSON.stringify(params.filter));
  if (params.sort) search.set('sort', params.sort);
  if (params.limit !== undefined) search.set('limit', String(params.limit));
  if (params.cursor) search.set('cursor', params.cursor);
  if (params.deleted) search.set('deleted', 'true');
  return search.toString();
}

/** Options of `ApiClient`. */
export interface ApiClientOptions {
  /** Prefix of every path; `''` for the same origin. */
  readonly baseUrl?: string;
  /** The UI locale, sent as `Accept-Language` so server messages match the screen. */
  readonly locale?: () => string;
  readonly fetch?: typeof fetch;
  /** The session's CSRF token, sent as `x-csrf-token` on POST/PUT/PATCH/DELETE. */
  readonly csrfToken?: () => string | null;
  /** Called when the server answers 401 `AUTH_REQUIRED` (the session ended): the app shows the login page. */
  readonly onUnauthorized?: (error: ApiError) => void;
}

/** How the client authenticates; set by the auth store once it exists (see `state/auth-store.ts`). */
export interface ApiAuthHooks {
  readonly csrfToken: () => string | null;
  readonly onUnauthorized: (error: ApiError) => void;
}

/** The logged-in user (`Me` of the API). */
export interface Me {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly isAdmin: boolean;
  readonly locale: string | null;
  readonly deptIds: readonly string[];
}

/** Answer of login and `GET /api/auth/me`. */
export interface MeResponse {
  readonly user: Me;
  readonly csrfToken: string | null;
}

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const seg = encodeURIComponent;

/**
 * The one place the web app talks HTTP: a method per API route, JSON in and out, errors
 * thrown as `ApiError`.
 *
 * @example const page = await api.listRecords('crm', 'customer', { q: 'acme', limit: 20 });
 */
export class ApiClient {
  readonly #baseUrl: string;
  readonly #locale: () => string;
  readonly #fetch: typeof fetch;
  #auth: ApiAuthHooks;

  constructor(options: ApiClientOptions = {}) {
    this.#baseUrl = options.baseUrl ?? '';
    this.#locale = options.locale ?? (() => 'zh-CN');
    this.#fetch = options.fetch ?? ((...args) => globalThis.fetch(...args));
    this.#auth = { csrfToken: options.csrfToken ?? (() => null), onUnauthorized: options.onUnauthorized ?? (() => undefined) };
  }

  /** Connects the client to the auth state (CSRF token, what to do when the session ended). */
  setAuth(hooks: ApiAuthHooks): void {
    this.#auth = hooks;
  }

  /** The headers an upload or other hand-made request needs: the CSRF token when there is one. */
  authHeaders(): Record<string, string> {
    const token = this.#auth.csrfToken();
    return token ? { 'x-csrf-token': token } : {};
  }

  /** Sends one request and returns the parsed JSON body (or `undefined` for 204). */
  async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json', 'accept-language': this.#locale() };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (MUTATING.has(method)) Object.assign(headers, this.authHeaders());
    let response: Response;
    try {
      response = await this.#fetch(this.#baseUrl + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    } catch (e) {
      throw new ApiError(0, 'NETWORK', `[web] ${method} ${path} did not reach the server (${(e as Error).message}); check the connection and retry`);
    }
    if (!response.ok) {
      const error = await parseErrorResponse(response);
      if (error.status === 401 && error.code === 'AUTH_REQUIRED') this.#auth.onUnauthorized(error);
      throw error;
    }
    if (response.status === 204) return undefined as T;
    const text = await response.text();
    return (text === '' ? undefined : JSON.parse(text)) as T;
  }

  /** `POST /api/auth/login`: sets the session cookie; answers the user and the CSRF token. */
  login(username: string, password: string): Promise<MeResponse> {
    return this.request<MeResponse>('POST', '/api/auth/login', { username, password });
  }

  /** `GET /api/auth/me`: the logged-in user, or `ApiError` 401 `AUTH_REQUIRED`. */
  me(): Promise<MeResponse> {
    return this.request<MeResponse>('GET', '/api/auth/me');
  }

  /** `POST /api/auth/logout`. */
  logout(): Promise<void> {
    return this.request<void>('POST', '/api/auth/logout');
  }

  /** `POST /api/auth/logout-all`: ends every session of the user. */
  logoutAll(): Promise<void> {
    return this.request<void>('POST', '/api/auth/logout-all');
  }

  /** `POST /api/auth/password`: changes the own password (other sessions end). */
  changePassword(currentPassword: string, newPassword: string): Promise<void> {
    return this.request<void>('POST', '/api/auth/password', { currentPassword, newPassword });
  }

  /** `GET /api/apps`. */
  async listApps(): Promise<AppSummary[]> {
    const body = await this.request<unknown>('GET', '/api/apps');
    return normalizeAppList(body);
  }

  /**
   * `GET /api/apps/:app` — the live app's definitions (forms, navigation) for anyone holding
   * a role in it (the export route `…/package` is for designers).
   */
  async getPackage(app: string): Promise<AppPackage> {
    const body = await this.request<{ package: AppPackage }>('GET', `/api/apps/${seg(app)}`);
    return body.package;
  }

  /** `GET /api/apps/:app/forms/:form/records` with paging, sort, search, filter. */
  async listRecords(app: string, form: string, params: ListParams): Promise<RecordPage> {
    const query = listQuery(params);
    const body = await this.request<Partial<RecordPage> & { items: RecordDto[] }>(
      'GET',
      `/api/apps/${seg(app)}/forms/${seg(form)}/records${query ? `?${query}` : ''}`,
    );
    return { items: body.items, total: body.total ?? body.items.length, totalExact: body.totalExact !== false, nextCursor: body.nextCursor ?? null, ...(body.related ? { related: body.related } : {}) };
  }

  getRecord(app: string, form: string, id: string): Promise<RecordDto> {
    return this.request('GET', this.#recordPath(app, form, id));
  }

  createRecord(app: string, form: string, data: Readonly<Record<string, unknown>>): Promise<RecordDto> {
    return this.request('POST', `/api/apps/${seg(app)}/forms/${seg(form)}/records`, { data });
  }

  /** `PATCH` with the version the edit started from; a stale version throws an `ApiError` with status 409. */
  updateRecord(app: string, form: string, id: string, version: number, data: Readonly<Record<string, unknown>>): Promise<RecordDto> {
    return this.request('PATCH', this.#recordPath(app, form, id), { version, data });
  }

  /** Moves a record to the recycle bin. */
  async deleteRecord(app: string, form: string, id: string): Promise<void> {
    await this.request('DELETE', this.#recordPath(app, form, id));
  }

  restoreRecord(app: string, form: string, id: string): Promise<RecordDto> {
    return this.request('POST', `${this.#recordPath(app, form, id)}/restore`);
  }

  #recordPath(app: string, form: string, id: string): string {
    return `/api/apps/${seg(app)}/forms/${seg(form)}/records/${seg(id)}`;
  }
}

/**
 * Accepts the app list as an array or as `{ items }`, each entry either an app summary or
 * `{ app: AppDef, … }`, and returns summaries.
 */
export function normalizeAppList(body: unknown): AppSummary[] {
  const list = Array.isArray(body) ? body : ((body as { items?: unknown[]; apps?: unknown[] } | null)?.items ?? (body as { apps?: unknown[] } | null)?.apps ?? []);
  return list.flatMap((entry): AppSummary[] => {
    if (typeof entry !== 'object' || entry === null) return [];
    const e = entry as Record<string, unknown>;
    const app = (typeof e['app'] === 'object' && e['app'] !== null ? e['app'] : e) as Record<string, unknown>;
    if (typeof app['key'] !== 'string') return [];
    const formCount = typeof e['formCount'] === 'number' ? e['formCount'] : Array.isArray(e['forms']) ? e['forms'].length : undefined;
    return [{ ...(app as unknown as AppSummary), ...(formCount === undefined ? {} : { formCount }) }];
  });
}
