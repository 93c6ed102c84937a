import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { TrellisError } from '@trellis/schema';
import { createHttpApp } from './http-app.js';

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function echoApp(options: Parameters<typeof createHttpApp>[0] = {}): Promise<FastifyInstance> {
  app = await createHttpApp(options, (a) => {
    a.post(
      '/api/echo',
      {
        schema: {
          querystring: { type: 'object', properties: { limit: { type: 'integer', minimum: 1 } }, additionalProperties: false },
          body: { type: 'object', required: ['version'], additionalProperties: false, properties: { version: { type: 'integer' }, data: { type: 'object' } } },
        },
      },
      async (request) => request.body,
    );
    a.get('/api/conflict', async () => {
      throw new TrellisError('RECORD_VERSION_CONFLICT', 409, '[store] stale', [{ path: '/version', message: 'stale' }]);
    });
    a.get('/api/crash', async () => {
      throw new Error('password=hunter2 at /secret/path');
    });
  });
  return app;
}

describe('the HTTP shell', () => {
  it('answers GET /api/health with status ok', async () => {
    const res = await (await echoApp()).inject('/api/health');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok' });
  });

  it('maps a TrellisError to its status and the error body', async () => {
    const res = await (await echoApp()).inject('/api/conflict');
    expect(res.statusCode).toBe(409);
    expect(res.json()).toEqual({ error: { code: 'RECORD_VERSION_CONFLICT', message: '[store] stale', details: [{ path: '/version', message: 'stale' }] } });
  });

  it('answers an unexpected exception with 500 and does not leak its message', async () => {
    const res = await (await echoApp()).inject('/api/crash');
    expect(res.statusCode).toBe(500);
    expect(res.json().error.code).toBe('SERVER_INTERNAL');
    expect(res.body).not.toContain('hunter2');
    expect(res.body).not.toContain('/secret/path');
  });

  it('reports every schema problem of a body with its path, and refuses unknown properties', async () => {
    const res = await (await echoApp()).inject({ method: 'POST', url: '/api/echo', payload: { version: 'x', extra: 1 } });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.error.code).toBe('SERVER_REQUEST_INVALID');
    expect(body.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['/extra', '/version']);
  });

  it('prefixes query-string problems with /query', async () => {
    const res = await (await echoApp()).inject({ method: 'POST', url: '/api/echo?limit=0', payload: { version: 1 } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe('/query/limit');
  });

  it('answers malformed JSON with 400 in the error format', async () => {
    const res = await (await echoApp()).inject({ method: 'POST', url: '/api/echo', headers: { 'content-type': 'application/json' }, payload: '{"version": 1,' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('SERVER_REQUEST_INVALID');
  });

  it('refuses a body over the limit with 413', async () => {
    const a = await echoApp({ bodyLimit: 1000 });
    const res = await a.inject({ method: 'POST', url: '/api/echo', payload: { version: 1, data: { note: 'x'.repeat(2000) } } });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('SERVER_BODY_TOO_LARGE');
  });

  it('accepts a body just under the limit', async () => {
    const a = await echoApp({ bodyLimit: 1000 });
    const res = await a.inject({ method: 'POST', url: '/api/echo', payload: { version: 1, data: { note: 'x'.repeat(900) } } });
    expect(res.statusCode).toBe(200);
  });

  it('refuses a non-JSON body with 415', async () => {
    const res = await (await echoApp()).inject({ method: 'POST', url: '/api/echo', headers: { 'content-type': 'text/xml' }, payload: '<a/>' });
    expect(res.statusCode).toBe(415);
    expect(res.json().error.code).toBe('SERVER_MEDIA_TYPE_UNSUPPORTED');
  });

  it('answers an unknown API route with 404 in the error format', async () => {
    const res = await (await echoApp()).inject('/api/nope?x=1');
    expect(res.statusCode).toBe(404);
    expect(res.json().error).toMatchObject({ code: 'SERVER_ROUTE_NOT_FOUND', details: [] });
    expect(res.json().error.message).toContain('/api/nope');
  });

  it('serves the OpenAPI document with the routes and the Swagger UI', async () => {
    const a = await echoApp();
    const doc = (await a.inject('/api/openapi.json')).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/health', '/api/echo']));
    expect(Object.keys(doc.paths)).not.toContain('/api/openapi.json');
    const ui = await a.inject('/api/docs/');
    expect(ui.statusCode).toBe(200);
    expect(ui.headers['content-type']).toContain('text/html');
  });
});

describe('serving the web app', () => {
  function webRoot(): string {
    const dir = mkdtempSync(join(tmpdir(), 'trellis-web-'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Trellis</title>');
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'assets', 'app.js'), 'console.log(1)');
    return dir;
  }

  it('serves index.html at / and static assets by path', async () => {
    const a = await echoApp({ webRoot: webRoot() });
    const index = await a.inject('/');
    expect(index.statusCode).toBe(200);
    expect(index.body).toContain('<title>Trellis</title>');
    const asset = await a.inject('/assets/app.js');
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['content-type']).toContain('javascript');
  });

  it('falls back to index.html for client-side routes', async () => {
    const a = await echoApp({ webRoot: webRoot() });
    const res = await a.inject('/apps/crm/forms/customer');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('<title>Trellis</title>');
  });

  it('still answers unknown /api paths with the JSON 404', async () => {
    const a = await echoApp({ webRoot: webRoot() });
    const res = await a.inject('/api/nope');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('SERVER_ROUTE_NOT_FOUND');
  });
});
