import { join } from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureWebBuilt, launchBrowser, loginContext, startTrellis, type RunningTrellis } from './harness.js';
import type { AppPackage, FieldDef, FormDef } from '@trellis/schema';
import { localize } from '@trellis/schema';
import type { Store } from '@trellis/store';
import { crmPackage } from '@trellis/example-crm';

/**
 * The CRM in a real Chromium against a real server: the built web app (`apps/web/dist`)
 * served by `buildServer` on PGlite in a temporary folder, the CRM imported through the API.
 * One customer goes through its whole life: a refused submit, creation, search, edit,
 * a concurrent-edit conflict, deletion to the recycle bin and restore.
 */
const SHOTS = process.env.TRELLIS_E2E_SCREENSHOTS; // a folder, to look at the UI while developing

let trellis: RunningTrellis | undefined;
let store: Store;
let server: RunningTrellis['server'];
let base: string;
let browser: Browser;
let page: Page;
const pkg = crmPackage as AppPackage;
const customer = pkg.forms.find((f) => f.key === 'customer') as FormDef;
const appName = localize(pkg.app.name, 'en');
const customerName = localize(customer.name, 'en');

const field = (key: string): FieldDef => customer.fields.find((f) => f.key === key)!;

async function shot(name: string): Promise<void> {
  if (SHOTS) await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

async function search(text: string): Promise<void> {
  await page.fill('input[type="search"]', text);
  await page.press('input[type="search"]', 'Enter');
}

describe('the CRM in Chromium', () => {
  beforeAll(async () => {
    ensureWebBuilt();
    trellis = await startTrellis('trellis-e2e-');
    ({ store, server, base } = trellis);
    const imported = await trellis!.fetch(`${base}/api/apps/import`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(pkg),
    });
    expect(imported.status, await imported.clone().text()).toBeLessThan(300);
    browser = await launchBrowser();
    const context = await loginContext(browser, base, { locale: 'en-US', viewport: { width: 1280, height: 860 } });
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
  });

  afterAll(async () => {
    await browser?.close();
    await trellis?.close();
  });

  const name = `E2E Customer ${Date.now().toString(36)}`;
  let recordUrl = '';

  it('opens the CRM from the list of apps and shows its forms', async () => {
    await page.goto(`${base}/`);
    await page.getByRole('link', { name: new RegExp(appName) }).first().click();
    await page.waitForURL(`${base}/apps/${pkg.app.key}`);
    await page.locator('.side-nav').getByRole('link', { name: customerName, exact: true }).click();
    await page.waitForURL(`${base}/apps/${pkg.app.key}/forms/customer`);
    await expect.poll(() => page.locator('h1').innerText()).toContain(customerName);
    await shot('01-list');
  });

  it('refuses a customer without its required name and with a malformed phone in the browser, sending nothing', async () => {
    let posts = 0;
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().includes('/records')) posts++;
    });
    await page.getByRole('button', { name: 'New' }).click();
    await page.waitForURL(/\/forms\/customer\/new$/);
    await page.selectOption('#field-industry', 'it');
    await page.fill('#field-phone', '12345');
    await page.press('#field-phone', 'Enter');
    const nameError = page.locator('.tr-field-error[data-field="name"]');
    await nameError.waitFor();
    expect(await nameError.innerText()).toContain(localize(field('name').label, 'en'));
    expect(await page.locator('.tr-field-error[data-field="phone"]').innerText()).toContain('11-digit mobile number');
    expect(await page.getAttribute('#field-name', 'aria-invalid')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('field-name');
    expect(page.url()).toMatch(/\/new$/);
    expect(posts).toBe(0);
    await shot('02-required-error');
  });

  it('creates the customer once the name and phone are right', async () => {
    await page.fill('#field-name', name);
    await page.fill('#field-phone', '13800138000');
    await expect.poll(() => page.locator('.tr-field-error').count()).toBe(0);
    await page.press('#field-name', 'Enter');
    await page.waitForURL(/\/forms\/customer\/records\/[0-9a-f-]{36}$/);
    recordUrl = page.url();
    await expect.poll(() => page.locator('h1').innerText()).toBe(name);
    expect(await page.inputValue('#field-phone')).toBe('13800138000');
    await shot('03-created');
  });

  it('finds the customer in the list by searching', async () => {
    await page.locator('.breadcrumb a').click();
    await search(name);
    const row = page.locator('tbody tr', { hasText: name });
    await row.waitFor();
    expect(await page.locator('tbody tr').count()).toBe(1);
    expect(await page.getByTestId('total').innerText()).toBe('Total: 1');
    await shot('04-search');
  });

  it('narrows the list with the filter builder, evaluated by the server', async () => {
    const row = page.locator('tbody tr', { hasText: name });
    const panel = page.getByRole('region', { name: 'Filter' });
    const applyIndustry = async (industry: string) => {
      await page.getByRole('button', { name: /^Filter/ }).click();
      if ((await panel.getByLabel('Field').count()) === 0) await panel.getByRole('button', { name: /Add condition/ }).click();
      await panel.getByLabel('Field').selectOption('industry');
      await panel.getByLabel('Operator').selectOption('eq');
      await panel.getByLabel('Value').selectOption(industry);
      await panel.getByRole('button', { name: 'Apply' }).click();
    };
    await applyIndustry('it');
    await row.waitFor();
    expect(await page.getByRole('button', { name: 'Filter (1)' }).count()).toBe(1);
    await applyIndustry('finance');
    await page.getByText('No records match').waitFor();
    await shot('05-filter');
    await page.getByRole('button', { name: /^Filter/ }).click();
    await panel.getByRole('button', { name: 'Clear' }).click();
    await row.waitFor();
  });

  it('edits the customer and keeps the change after a reload', async () => {
    await page.locator('tbody tr', { hasText: name }).click();
    await page.waitForURL(recordUrl);
    const edited = 'Hangzhou';
    await page.fill('#field-city', edited);
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.locator('.page-subtitle').innerText()).toContain('Version 2');
    await page.reload();
    expect(await page.inputValue('#field-city')).toBe(edited);
    await shot('06-edited');
  });

  it('shows a conflict, not an overwrite, when someone else saved first, and reloads on request', async () => {
    const id = recordUrl.split('/').pop()!;
    const path = `${base}/api/apps/${pkg.app.key}/forms/customer/records/${id}`;
    const current = (await (await trellis!.fetch(path)).json()) as { version: number };
    const other = await trellis!.fetch(path, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ version: current.version, data: { city: 'changed by someone else' } }),
    });
    expect(other.status).toBe(200);
    await page.fill('#field-city', 'my stale change');
    await page.getByRole('button', { name: 'Save' }).click();
    const banner = page.locator('.banner-warning');
    await banner.waitFor();
    expect(await banner.innerText()).toContain('Someone else changed this record');
    await shot('07-conflict');
    await banner.getByRole('button', { name: 'Reload' }).click();
    await expect.poll(() => page.inputValue('#field-city')).toBe('changed by someone else');
    expect(await page.locator('.banner-warning').count()).toBe(0);
  });

  it('deletes the customer to the recycle bin after confirmation', async () => {
    await page.getByRole('button', { name: 'Delete' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await shot('07-confirm-delete');
    await dialog.getByRole('button', { name: 'Delete' }).click();
    await page.waitForURL(`${base}/apps/${pkg.app.key}/forms/customer`);
    await search(name);
    await page.getByText('No records match').waitFor();
  });

  it('finds the customer in the recycle bin and restores it to the list', async () => {
    await page.getByRole('button', { name: 'Recycle bin' }).click();
    await search(name);
    const row = page.locator('tbody tr', { hasText: name });
    await row.waitFor();
    await shot('08-recycle-bin');
    await row.getByRole('button', { name: 'Restore' }).click();
    await page.getByText('The recycle bin is empty.').waitFor();
    await page.getByRole('button', { name: 'Recycle bin' }).click();
    await search(name);
    await page.locator('tbody tr', { hasText: name }).waitFor();
    await shot('09-restored');
  });

  it('switches the interface to Chinese and remembers the choice', async () => {
    await page.getByLabel('Language').selectOption('zh-CN');
    await page.getByRole('button', { name: '新建' }).waitFor();
    await page.reload();
    await page.getByRole('button', { name: '新建' }).waitFor();
    expect(await page.evaluate(() => localStorage.getItem('trellis.locale'))).toBe('zh-CN');
    await shot('10-chinese');
  });
});
