import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureWebBuilt, launchBrowser, loginContext, startTrellis, type RunningTrellis } from './harness.js';
import type { Store } from '@trellis/store';

/**
 * Formula fields in a real Chromium against a real server (PGlite in a temporary folder):
 * the form shows the computed values read-only while the user types, before anything is sent,
 * and the server stores the same values. Needs the built web app (`pnpm --filter @trellis/web build`).
 */

const pkg = {
  schemaVersion: 1,
  app: { key: 'shop', name: { 'zh-CN': '商店', en: 'Shop' } },
  forms: [{
    key: 'sale',
    name: { 'zh-CN': '订单', en: 'Order' },
    fields: [
      { id: 'f_name', key: 'name', type: 'text', label: { 'zh-CN': '客户', en: 'Customer' }, required: true },
      { id: 'f_price', key: 'price', type: 'number', label: { 'zh-CN': '单价', en: 'Price' } },
      { id: 'f_qty', key: 'qty', type: 'number', label: { 'zh-CN': '数量', en: 'Quantity' } },
      { id: 'f_total', key: 'total', type: 'formula', label: { 'zh-CN': '金额', en: 'Total' }, options: { formula: 'ROUND(price * qty, 2)', resultType: 'number', precision: 2 } },
      { id: 'f_grade', key: 'grade', type: 'formula', label: { 'zh-CN': '等级', en: 'Grade' }, options: { formula: 'IF(total > 1000, "A", "B")', resultType: 'text' } },
    ],
  }],
};

let trellis: RunningTrellis | undefined;
let store: Store;
let server: RunningTrellis['server'];
let base: string;
let browser: Browser;
let page: Page;

describe('formula fields in Chromium', () => {
  beforeAll(async () => {
    ensureWebBuilt();
    trellis = await startTrellis('trellis-e2e-formulas-');
    ({ store, server, base } = trellis);
    const imported = await trellis!.fetch(`${base}/api/apps/import`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(pkg) });
    expect(imported.status, await imported.clone().text()).toBeLessThan(300);
    browser = await launchBrowser();
    page = await (await loginContext(browser, base, { locale: 'en-US' })).newPage();
    page.setDefaultTimeout(15_000);
  });

  afterAll(async () => {
    await browser?.close();
    await trellis?.close();
  });

  it('shows the results live as the user types, read-only, and stores what it showed', async () => {
    let posts = 0;
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().includes('/records')) posts++;
    });
    await page.goto(`${base}/apps/shop/forms/sale/new`);
    await page.locator('#field-total').waitFor();
    expect(await page.getAttribute('#field-total', 'readonly')).not.toBeNull();
    await page.fill('#field-price', '12.5');
    await page.fill('#field-qty', '10');
    await expect.poll(() => page.inputValue('#field-total')).toBe('125.00');
    expect(await page.inputValue('#field-grade')).toBe('B');
    await page.fill('#field-qty', '100');
    await expect.poll(() => page.inputValue('#field-total')).toBe('1,250.00');
    expect(await page.inputValue('#field-grade')).toBe('A');
    expect(posts).toBe(0);
    await page.fill('#field-name', 'Formula buyer');
    await page.press('#field-name', 'Enter');
    await page.waitForURL(/\/forms\/sale\/records\/[0-9a-f-]{36}$/);
    const res = await trellis!.fetch(`${base}/api/apps/shop/forms/sale/records?q=${encodeURIComponent('Formula buyer')}`);
    const { items } = (await res.json()) as { items: { data: Record<string, unknown> }[] };
    expect(items.map((i) => i.data)).toEqual([{ name: 'Formula buyer', price: 12.5, qty: 100, total: 1250, grade: 'A' }]);
  });
});
