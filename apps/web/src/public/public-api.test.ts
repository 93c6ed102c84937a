import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/api-client.js';
import { publicApi } from './public-api.js';

/** Replaces fetch with one that records the request and answers `status` with `body`. */
function answer(status: number, body: unknown) {
  const calls: { url: string; init: RequestInit }[] = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  });
  return calls;
}

afterEach(() => vi.unstubAllGlobals());

describe('publicApi', () => {
  it('sends the honeypot only when something is in it', async () => {
    const calls = answer(201, { status: 'received', thankYou: null });
    await publicApi.submit('to/ken', { name: 'A' }, '');
    await publicApi.submit('to/ken', { name: 'A' }, 'http://spam');
    expect(calls[0]!.url).toBe('/api/public/forms/to%2Fken/submissions');
    expect(JSON.parse(String(calls[0]!.init.body))).toEqual({ data: { name: 'A' } });
    expect(JSON.parse(String(calls[1]!.init.body))).toEqual({ data: { name: 'A' }, website: 'http://spam' });
  });

  it('turns the 404 of an unavailable form into an ApiError that says not found', async () => {
    answer(404, { error: { code: 'PUBLIC_FORM_NOT_FOUND', message: 'gone', details: [] } });
    const error = await publicApi.getForm('x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).isNotFound).toBe(true);
  });

  it('manages the links of a form under the app', async () => {
    const calls = answer(200, { items: [] });
    expect(await publicApi.listLinks('crm', 'lead')).toEqual([]);
    await publicApi.updateLink('crm', 'lead', 'id-1', { enabled: false });
    expect(calls.map((c) => `${c.init.method} ${c.url}`)).toEqual([
      'GET /api/apps/crm/forms/lead/public-links',
      'PATCH /api/apps/crm/forms/lead/public-links/id-1',
    ]);
    expect(JSON.parse(String(calls[1]!.init.body))).toEqual({ enabled: false });
  });
});
