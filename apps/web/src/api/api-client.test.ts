import { describe, expect, it } from 'vitest';
import { ApiClient, ApiError, listQuery, normalizeAppList, parseErrorResponse } from './api-client.js';

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('parseErrorResponse', () => {
  it('reads code, message and details of the Trellis error body', async () => {
    const e = await parseErrorResponse(
      json(400, { error: { code: 'RECORD_INVALID', message: '[forms] 1 problem', details: [{ path: '/data/name', message: 'required', code: 'FIELD_REQUIRED' }] } }),
    );
    expect(e).toBeInstanceOf(ApiError);
    expect([e.status, e.code, e.message]).toEqual([400, 'RECORD_INVALID', '[forms] 1 problem']);
    expect(e.details).toEqual([{ path: '/data/name', message: 'required', code: 'FIELD_REQUIRED' }]);
  });

  it('turns a body that is not the error format into an HTTP_<status> error that quotes it', async () => {
    const e = await parseErrorResponse(new Response('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' }));
    expect(e.code).toBe('HTTP_502');
    expect(e.message).toContain('502 Bad Gateway: <html>Bad gateway</html>');
    expect(e.details).toEqual([]);
  });

  it('reads Retry-After of a refusal', async () => {
    const e = await parseErrorResponse(new Response(JSON.stringify({ error: { code: 'AUTH_RATE_LIMITED', message: 'm', details: [] } }), { status: 429, headers: { 'retry-after': '42' } }));
    expect(e.retryAfter).toBe(42);
    expect((await parseErrorResponse(json(400, { error: { code: 'X', message: 'm', details: [] } }))).retryAfter).toBeUndefined();
  });

  it('drops malformed details instead of failing', async () => {
    const e = await parseErrorResponse(json(400, { error: { code: 'X', message: 'm', details: [null, { message: 'no path' }, 'text'] } }));
    expect(e.details).toEqual([{ path: '', message: 'no path' }]);
  });
});

describe('listQuery', () => {
  it('sends the filter as JSON and leaves out empty parameters', () => {
    const q = new URLSearchParams(listQuery({ q: '  ', filter: { '==': [{ var: 'status' }, 'open'] }, sort: '-name', limit: 20, deleted: true }));
    expect(Object.fromEntries(q)).toEqual({ filter: '{"==":[{"var":"status"},"open"]}', sort: '-name', limit: '20', deleted: 'true' });
  });

  it('is empty when nothing is asked', () => {
    expect(listQuery({})).toBe('');
  });
});

describe('normalizeAppList', () => {
  it('accepts an array, { items } and entries wrapping the app definition', () => {
    expect(normalizeAppList([{ key: 'crm', name: 'CRM' }])).toEqual([{ key: 'crm', name: 'CRM' }]);
    expect(normalizeAppList({ items: [{ app: { key: 'crm', name: 'CRM' }, forms: [{}, {}] }] })).toEqual([{ key: 'crm', name: 'CRM', formCount: 2 }]);
    expect(normalizeAppList({ items: [{ nokey: true }, 3] })).toEqual([]);
  });
});

describe('ApiClient', () => {
  const recorded: { url: string; init: RequestInit | undefined }[] = [];
  const client = (respond: () => Response) =>
    new ApiClient({
      locale: () => 'en',
      fetch: async (url, init) => {
        recorded.push({ url: String(url), init });
        return respond();
      },
    });

  it('sends PATCH with version and changed data, and the UI language', async () => {
    recorded.length = 0;
    const api = client(() => json(200, { id: 'r1', version: 4, data: {} }));
    const saved = await api.updateRecord('crm', 'customer', 'r1', 3, { name: 'Acme' });
    expect(saved.version).toBe(4);
    expect(recorded[0]!.url).toBe('/api/apps/crm/forms/customer/records/r1');
    expect(recorded[0]!.init!.method).toBe('PATCH');
    expect(JSON.parse(String(recorded[0]!.init!.body))).toEqual({ version: 3, data: { name: 'Acme' } });
    expect((recorded[0]!.init!.headers as Record<string, string>)['accept-language']).toBe('en');
  });

  it('does not take a duplicate value (409 RECORD_DUPLICATE) for a stale version, and keeps the detail codes and record ids', async () => {
    const api = client(() => json(409, { error: { code: 'RECORD_DUPLICATE', message: 'dup', details: [{ path: '/data/phone', code: 'FIELD_DUPLICATE', recordId: 'r1', message: 'm' }] } }));
    const error = await api.createRecord('crm', 'customer', { phone: '13800138000' }).catch((e: unknown) => e);
    expect((error as ApiError).isConflict).toBe(false);
    expect((error as ApiError).details).toEqual([{ path: '/data/phone', code: 'FIELD_DUPLICATE', recordId: 'r1', message: 'm' }]);
  });

  it('throws a 409 as a conflict', async () => {
    const api = client(() => json(409, { error: { code: 'RECORD_VERSION_CONFLICT', message: 'stale', details: [] } }));
    const error = await api.updateRecord('crm', 'customer', 'r1', 1, {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).isConflict).toBe(true);
  });

  it('reports an unreachable server as NETWORK', async () => {
    const api = new ApiClient({ fetch: async () => Promise.reject(new TypeError('Failed to fetch')) });
    const error = (await api.listApps().catch((e: unknown) => e)) as ApiError;
    expect([error.status, error.code]).toEqual([0, 'NETWORK']);
  });

  it('reads a list page and treats a missing totalExact as exact', async () => {
    const api = client(() => json(200, { items: [{ id: 'a' }], total: 1, nextCursor: null }));
    expect(await api.listRecords('crm', 'customer', { q: 'x' })).toEqual({ items: [{ id: 'a' }], total: 1, totalExact: true, nextCursor: null });
    expect(recorded.at(-1)!.url).toBe('/api/apps/crm/forms/customer/records?q=x');
  });

  it('accepts an empty 204 answer to DELETE', async () => {
    const api = client(() => new Response(null, { status: 204 }));
    await expect(api.deleteRecord('crm', 'customer', 'r1')).resolves.toBeUndefined();
  });
});
