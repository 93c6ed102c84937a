import { EventEmitter } from 'node:events';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { crmPackage } from '@trellis/example-crm';
import type { CliIo } from '../cli-io.js';
import { installShutdown, startCommand, type RunningServer } from './start-command.js';

function capture(): CliIo & { lines: string[] } {
  const lines: string[] = [];
  return { lines, out: (s) => void lines.push(s), err: (s) => void lines.push(s) };
}

let dir: string;
let running: RunningServer | undefined;
const ADMIN_PASSWORD = 'start-test-password';

/** Logs in as the administrator and returns a `fetch` that sends the session cookie. */
async function adminFetch(url: string): Promise<(path: string) => Promise<Response>> {
  const res = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }) });
  expect(res.status).toBe(200);
  const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
  return (path) => fetch(`${url}${path}`, { headers: { cookie } });
}
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'trellis-start-'));
});
afterEach(async () => {
  await running?.stop();
  running = undefined;
  rmSync(dir, { recursive: true, force: true });
});

describe('trellis start', () => {
  it('serves the API on a random port, installs the CRM with demo records on first start only, and prints the URL', async () => {
    const dataDir = join(dir, 'data');
    const io = capture();
    running = await startCommand({ port: 0, host: '127.0.0.1', dataDir }, io, { logLevel: 'silent', webRoot: pathToFileURL(join(dir, 'no-web/')), adminPassword: ADMIN_PASSWORD });
    expect(running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(io.lines.join('\n')).toContain("created the administrator 'admin' with the password from TRELLIS_ADMIN_PASSWORD");
    expect((await fetch(`${running.url}/api/apps`)).status).toBe(401);
    let get = await adminFetch(running.url);
    expect(io.lines.join('\n')).toContain(`Trellis is running at ${running.url}`);
    expect(io.lines.join('\n')).toContain('web app is not built');

    const health = await fetch(`${running.url}/api/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok' });
    const apps = (await (await get('/api/apps')).json()) as { items: { key: string }[] };
    expect(apps.items.map((a) => a.key)).toEqual([crmPackage.app.key]);
    const first = crmPackage.forms[0]!.key;
    const page = (await (await get(`/api/apps/${crmPackage.app.key}/forms/${first}/records?limit=1`)).json()) as { total: number };
    expect(page.total).toBeGreaterThan(0);
    expect(io.lines.join('\n')).not.toMatch(/refused/);
    // the demo contacts name their customer; data linkage filled the relation, and the customer rolls them up
    type Page = { items: { data: Record<string, unknown> }[]; related?: Record<string, Record<string, { title: string | null }>> };
    const contacts = (await (await get(`/api/apps/${crmPackage.app.key}/forms/contact/records?limit=5`)).json()) as Page;
    expect(contacts.items.length).toBeGreaterThan(0);
    for (const c of contacts.items) expect(contacts.related?.['customer']?.[String(c.data['customer'])]?.title).toBe(c.data['customer_name']);
    const customers = (await (await get(`/api/apps/${crmPackage.app.key}/forms/customer/records?limit=20`)).json()) as Page;
    expect(customers.items.every((c) => typeof c.data['contact_count'] === 'number' && typeof c.data['won_amount'] === 'number')).toBe(true);
    expect(customers.items.some((c) => (c.data['contact_count'] as number) > 0)).toBe(true);
    await running.stop();

    const again = capture();
    running = await startCommand({ port: 0, host: '127.0.0.1', dataDir }, again, { logLevel: 'silent' });
    expect(again.lines.join('\n')).not.toContain('First start');
    get = await adminFetch(running.url);
    const reopened = (await (await get(`/api/apps/${crmPackage.app.key}/forms/${first}/records?limit=1`)).json()) as { total: number };
    expect(reopened.total).toBe(page.total);
  }, 120_000);

  it('serves the built web app on the same port', async () => {
    const web = join(dir, 'web');
    mkdirSync(web);
    writeFileSync(join(web, 'index.html'), '<!doctype html><title>Trellis web</title>');
    running = await startCommand({ port: 0, host: '127.0.0.1', dataDir: join(dir, 'data') }, capture(), {
      logLevel: 'silent',
      seed: false,
      webRoot: pathToFileURL(web + '/'),
    });
    const res = await fetch(`${running.url}/apps/crm`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('Trellis web');
    expect((await fetch(`${running.url}/api/nope`)).status).toBe(401);
  });

  it('creates the administrator once with a generated password printed once', async () => {
    const dataDir = join(dir, 'data');
    const first = capture();
    running = await startCommand({ port: 0, host: '127.0.0.1', dataDir }, first, { logLevel: 'silent', seed: false, adminPassword: '' });
    const m = /created the administrator 'admin' with the password (\S+) /.exec(first.lines.join('\n'));
    expect(m).not.toBeNull();
    const login = await fetch(`${running.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: m![1] }) });
    expect(login.status).toBe(200);
    await running.stop();
    const second = capture();
    running = await startCommand({ port: 0, host: '127.0.0.1', dataDir }, second, { logLevel: 'silent', seed: false, adminPassword: '' });
    expect(second.lines.join('\n')).not.toContain('administrator');
  });

  it('stop() closes the server and then the database; calling it twice is harmless', async () => {
    running = await startCommand({ port: 0, host: '127.0.0.1', dataDir: join(dir, 'data') }, capture(), { logLevel: 'silent', seed: false });
    const url = running.url;
    await Promise.all([running.stop(), running.stop()]);
    await expect(fetch(`${url}/api/health`)).rejects.toThrow();
    await expect(running.store.apps.list()).rejects.toThrow();
  });
});

describe('installShutdown', () => {
  it('stops the server on SIGTERM and exits 0', async () => {
    const signals = new EventEmitter();
    const calls: string[] = [];
    const exited = new Promise<number>((resolve) => {
      installShutdown(signals as never, { stop: async () => void calls.push('stop') }, resolve, capture());
    });
    signals.emit('SIGTERM', 'SIGTERM');
    expect(await exited).toBe(0);
    expect(calls).toEqual(['stop']);
  });

  it('exits 1 on a second signal while stopping, and when stopping fails', async () => {
    const signals = new EventEmitter();
    const codes: number[] = [];
    let release!: () => void;
    installShutdown(signals as never, { stop: () => new Promise<void>((r) => (release = r)) }, (c) => codes.push(c), capture());
    signals.emit('SIGINT', 'SIGINT');
    signals.emit('SIGINT', 'SIGINT');
    expect(codes).toEqual([1]);
    release();

    const failing = new EventEmitter();
    const code = await new Promise<number>((resolve) => {
      installShutdown(failing as never, { stop: async () => { throw new Error('disk full'); } }, resolve, capture());
      failing.emit('SIGTERM', 'SIGTERM');
    });
    expect(code).toBe(1);
  });
});
