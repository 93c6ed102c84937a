import { join } from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureWebBuilt, launchBrowser, startTrellis, type RunningTrellis } from './harness.js';
import type { Store } from '@trellis/store';

/**
 * The address cascade, the serial number and a member field in a real Chromium, through a
 * public form: province, city and district are chosen with the keyboard alone, the record is
 * stored with the division codes and the next serial number, and a district outside the
 * chosen city can never be picked (choosing another province clears city and district).
 * Needs the built web app (`pnpm --filter @trellis/web build`).
 */
const SHOTS = process.env.TRELLIS_E2E_SCREENSHOTS;

const pkg = {
  schemaVersion: 1,
  app: { key: 'shops', name: { 'zh-CN': '门店', en: 'Shops' } },
  forms: [
    {
      key: 'shop',
      name: { 'zh-CN': '门店', en: 'Shop' },
      fields: [
        { id: 'f_name', key: 'name', type: 'text', label: { 'zh-CN': '名称', en: 'Name' }, required: true },
        { id: 'f_addr', key: 'address', type: 'address', label: { 'zh-CN': '地址', en: 'Address' }, required: true },
        { id: 'f_no', key: 'no', type: 'serial', label: { 'zh-CN': '编号', en: 'Number' }, options: { prefix: 'MD-', digits: 3 } },
        { id: 'f_mgr', key: 'manager', type: 'member', label: { 'zh-CN': '店长', en: 'Manager' } },
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
let token: string;

describe('address, serial and member fields in Chromium', () => {
  beforeAll(async () => {
    ensureWebBuilt();
    trellis = await startTrellis('trellis-e2e-catalog-');
    ({ store, server, base } = trellis);
    const imported = await trellis!.fetch(`${base}/api/apps/import`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(pkg) });
    expect(imported.status, await imported.clone().text()).toBeLessThan(300);
    const link = await trellis!.fetch(`${base}/api/apps/shops/forms/shop/public-links`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(link.status).toBe(201);
    token = ((await link.json()) as { token: string }).token;
    browser = await launchBrowser();
    page = await (await browser.newContext({ locale: 'zh-CN', viewport: { width: 390, height: 844 } })).newPage();
    page.setDefaultTimeout(15_000);
  });

  afterAll(async () => {
    await browser?.close();
    await trellis?.close();
  });

  it('shows the cascade disabled below the province, the serial number as assigned later, and the id note', async () => {
    await page.goto(`${base}/f/${token}`);
    await page.locator('#field-address').waitFor();
    expect(await page.locator('#field-address-city').isDisabled()).toBe(true);
    expect(await page.locator('#field-address-district').isDisabled()).toBe(true);
    expect(await page.locator('#field-no').innerText()).toContain('提交后自动生成');
    expect(await page.locator('.tr-field-note').first().innerText()).toContain('选人和选部门将随用户与组织功能提供');
  });

  it('chooses province, city and district with the keyboard; another province clears the rest', async () => {
    await page.fill('#field-name', '王府井店');
    await page.locator('#field-address').focus();
    await page.keyboard.press('ArrowDown'); // 北京市
    await expect.poll(() => page.locator('#field-address-city').isDisabled()).toBe(false);
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowDown'); // 北京市 (the city level of the municipality)
    await expect.poll(() => page.locator('#field-address-district').isDisabled()).toBe(false);
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowDown'); // 东城区
    await page.keyboard.press('Tab');
    await page.keyboard.type('王府井大街 1 号');
    expect(await page.locator('#field-address').inputValue()).toBe('110000');
    expect(await page.locator('#field-address-city').inputValue()).toBe('110100');
    expect(await page.locator('#field-address-district').inputValue()).toBe('110101');
    // a new province empties city and district: no district of another city can stay chosen
    await page.locator('#field-address').selectOption('440000');
    expect(await page.locator('#field-address-city').inputValue()).toBe('');
    expect(await page.locator('#field-address-district').isDisabled()).toBe(true);
    await page.locator('#field-address').selectOption('110000');
    await page.locator('#field-address-city').selectOption('110100');
    await page.locator('#field-address-district').selectOption('110101');
    if (SHOTS) await page.screenshot({ path: join(SHOTS, 'catalog-address.png'), fullPage: true });
  });

  it('refuses a manager id that is not a uuid in the browser, then stores the record with codes and the serial number', async () => {
    await page.fill('#field-manager', 'zhang.san');
    await page.getByRole('button', { name: '提交' }).click();
    await page.locator('.tr-field-error[data-field="manager"]').waitFor();
    expect(await page.locator('.tr-field-error[data-field="manager"]').innerText()).toContain('zhang.san');
    await page.fill('#field-manager', '0B6F3A52-8F0E-4C7E-9A43-5D1E0C9B7A11');
    await expect.poll(() => page.locator('.tr-field-error').count()).toBe(0);
    await page.getByRole('button', { name: '提交' }).click();
    await page.getByTestId('public-thank-you').waitFor();
    const res = await trellis!.fetch(`${base}/api/apps/shops/forms/shop/records`);
    const { items } = (await res.json()) as { items: { data: Record<string, unknown> }[] };
    expect(items).toHaveLength(1);
    expect(items[0]!.data).toEqual({
      name: '王府井店',
      address: { province: '110000', city: '110100', district: '110101', detail: '王府井大街 1 号' },
      no: 'MD-001',
      manager: '0b6f3a52-8f0e-4c7e-9a43-5d1e0c9b7a11',
    });
  });
});
