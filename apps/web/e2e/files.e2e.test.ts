import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureWebBuilt, launchBrowser, loginContext, startTrellis, type RunningTrellis } from './harness.js';
import type { Store } from '@trellis/store';

/**
 * Attachments in a real Chromium against a real server (PGlite in a temporary folder): a
 * form with an attachment, an image and a signature field is imported; a file is chosen and
 * uploaded with its progress bar, a file that is too large is refused before upload in the
 * user's language, the signature is typed (and, on another record, drawn with the pointer),
 * the record is saved, opened again, its file downloaded with the same bytes, and the list shows
 * names, a thumbnail and "Signed". A visitor of a public form uploads a file anonymously.
 */
const SHOTS = process.env.TRELLIS_E2E_SCREENSHOTS;


const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

const pkg = {
  schemaVersion: 1,
  app: { key: 'legal', name: { 'zh-CN': '法务', en: 'Legal' } },
  forms: [
    {
      key: 'contract',
      name: { 'zh-CN': '合同', en: 'Contract' },
      fields: [
        { id: 'f_title', key: 'title', type: 'text', label: { 'zh-CN': '标题', en: 'Title' }, required: true },
        { id: 'f_files', key: 'files', type: 'attachment', label: { 'zh-CN': '附件', en: 'Files' }, options: { maxSize: 4096 } },
        { id: 'f_photos', key: 'photos', type: 'image', label: { 'zh-CN': '照片', en: 'Photos' } },
        { id: 'f_sig', key: 'sig', type: 'signature', label: { 'zh-CN': '签名', en: 'Signature' } },
      ],
    },
  ],
};

let trellis: RunningTrellis | undefined;
let store: Store;
let server: RunningTrellis['server'];
let base: string;
let browser: Browser;
let page: Page;
let recordUrl: string;
const content = `Contract text ${Date.now()} — 合同正文`;

async function shot(name: string): Promise<void> {
  if (SHOTS) await page.screenshot({ path: join(SHOTS, `files-${name}.png`), fullPage: true });
}

describe('attachments in Chromium', () => {
  beforeAll(async () => {
    ensureWebBuilt();
    trellis = await startTrellis('trellis-e2e-files-');
    ({ store, server, base } = trellis);
    const imported = await trellis!.fetch(`${base}/api/apps/import`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(pkg) });
    expect(imported.status, await imported.clone().text()).toBeLessThan(300);
    browser = await launchBrowser();
    const context = await loginContext(browser, base, { locale: 'en-US', viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${base}/`);
    await page.evaluate(() => localStorage.setItem('trellis.locale', 'en'));
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await trellis?.close();
  });

  it('refuses a file over the limit before uploading it, in the user language', async () => {
    let uploads = 0;
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().includes('/files')) uploads++;
    });
    await page.goto(`${base}/apps/legal/forms/contract/new`);
    await page.locator('#field-title').fill('Supply agreement');
    await page.locator('#field-files').setInputFiles({ name: 'huge.bin', mimeType: 'application/octet-stream', buffer: Buffer.alloc(5000, 1) });
    expect(await page.locator('.tr-file-problems').innerText()).toContain("'huge.bin' is larger than the limit of 4 KB");
    expect(uploads).toBe(0);
  });

  it('uploads a file with a progress bar, an image with a thumbnail, and a typed signature, then saves', async () => {
    // hold the server's answer so the upload's progress bar can be seen
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    await page.route('**/fields/files/files', async (route) => {
      await held;
      await route.continue();
    });
    await page.locator('#field-files').setInputFiles({ name: '合同.txt', mimeType: 'text/plain', buffer: Buffer.from(content) });
    await page.locator('progress.tr-file-progress[aria-label="Uploading 合同.txt"]').waitFor();
    release();
    await page.locator('.tr-file a.tr-file-name', { hasText: '合同.txt' }).waitFor();
    expect(await page.locator('progress.tr-file-progress').count()).toBe(0);
    await page.unroute('**/fields/files/files');
    expect(await page.locator('.tr-file-problems').count()).toBe(0);
    await page.locator('#field-photos').setInputFiles({ name: 'dot.png', mimeType: 'image/png', buffer: PNG });
    await page.locator('.tr-files-images img.tr-file-thumb').waitFor();
    await page.locator('#field-sig').fill('Li Lei');
    await page.getByRole('button', { name: 'Use signature' }).click();
    await page.locator('img.tr-signature-image').waitFor();
    await shot('01-filled');
    await page.getByRole('button', { name: 'Create' }).click();
    await page.waitForURL(/\/records\/[0-9a-f-]{36}$/);
    recordUrl = page.url();
  });

  it('opens the record again and downloads the file with the same bytes', async () => {
    await page.goto(recordUrl);
    const link = page.locator('.tr-file a.tr-file-name', { hasText: '合同.txt' });
    await link.waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe('合同.txt');
    expect(readFileSync((await download.path())!, 'utf8')).toBe(content);
    // the stored image and signature are shown from the server
    const thumb = page.locator('.tr-files-images img.tr-file-thumb');
    await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1);
    await expect.poll(() => page.locator('img.tr-signature-image').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    await shot('02-record');
  });

  it('lists the record with the file name, a thumbnail and "Signed"', async () => {
    await page.goto(`${base}/apps/legal/forms/contract`);
    const row = page.locator('tr', { hasText: 'Supply agreement' });
    await row.waitFor();
    expect(await row.innerText()).toContain('合同.txt');
    expect(await row.innerText()).toContain('Signed');
    expect(await row.locator('img.tr-cell-thumb').count()).toBe(1);
  });

  it('signs by drawing on the pad with the pointer', async () => {
    await page.goto(`${base}/apps/legal/forms/contract/new`);
    await page.locator('#field-title').fill('Drawn signature');
    const pad = page.locator('canvas.tr-signature-pad');
    const box = (await pad.boundingBox())!;
    await page.getByRole('button', { name: 'Use signature' }).click();
    expect(await page.locator('.tr-signature .tr-file-error').innerText()).toBe('Sign or type your name first');
    await page.mouse.move(box.x + 20, box.y + box.height / 2);
    await page.mouse.down();
    for (let i = 1; i <= 10; i++) await page.mouse.move(box.x + 20 + i * 25, box.y + box.height / 2 + (i % 2 === 0 ? -20 : 20));
    await page.mouse.up();
    await page.getByRole('button', { name: 'Use signature' }).click();
    await page.locator('img.tr-signature-image').waitFor();
    await page.getByRole('button', { name: 'Create' }).click();
    await page.waitForURL(/\/records\/[0-9a-f-]{36}$/);
    const id = page.url().split('/').pop()!;
    const record = (await (await trellis!.fetch(`${base}/api/apps/legal/forms/contract/records/${id}`)).json()) as { data: { sig: { id: string; type: string; size: number } } };
    expect(record.data.sig).toMatchObject({ type: 'image/png' });
    const png = Buffer.from(await (await trellis!.fetch(`${base}/api/files/${record.data.sig.id}`)).arrayBuffer());
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.length).toBe(record.data.sig.size);
  });

  it('a visitor of a public form uploads a file without logging in, and it is attached on submit', async () => {
    const link = (await (await trellis!.fetch(`${base}/api/apps/legal/forms/contract/public-links`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ fields: ['title', 'files'] }) })).json()) as { token: string };
    const visitorContext = await browser.newContext({ locale: 'en-US' });
    const visitor = await visitorContext.newPage();
    visitor.setDefaultTimeout(15_000);
    try {
      await visitor.goto(`${base}/f/${link.token}`);
      await visitor.locator('#field-title').fill('From the website');
      await visitor.locator('#field-files').setInputFiles({ name: 'cv.txt', mimeType: 'text/plain', buffer: Buffer.from('my cv') });
      await visitor.locator('.tr-file .tr-file-name', { hasText: 'cv.txt' }).waitFor();
      await visitor.getByRole('button', { name: 'Submit' }).click();
      await visitor.getByTestId('public-thank-you').waitFor();
    } finally {
      await visitorContext.close();
    }
    const res = await trellis!.fetch(`${base}/api/apps/legal/forms/contract/records?q=${encodeURIComponent('From the website')}`);
    const { items } = (await res.json()) as { items: { data: { files: { id: string; name: string }[] } }[] };
    expect(items).toHaveLength(1);
    expect(items[0]!.data.files.map((f) => f.name)).toEqual(['cv.txt']);
    expect(await (await trellis!.fetch(`${base}/api/files/${items[0]!.data.files[0]!.id}`)).text()).toBe('my cv');
  });

  it('shows attachment, image and signature in the designer palette', async () => {
    await page.goto(`${base}/apps/legal/design/contract`);
    for (const type of ['attachment', 'image', 'signature']) await page.locator(`[data-field-type="${type}"]`).waitFor();
  });
});
