import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppPackage, FieldDef, FormDef } from '@trellis/schema';
import { localize } from '@trellis/schema';
import { fieldTypes } from '@trellis/forms';
import { buildServer } from '@trellis/server';
import { openStore, type Store } from '@trellis/store';
import { crmPackage } from '@trellis/example-crm';

/**
 * The CRM in a real Chromium against a real server: the built web app (`apps/web/dist`)
 * served by `buildServer` on PGlite in a temporary folder, the CRM imported through the API.
 * One customer goes through its whole life: a refused submit, creation, search, edit,
 * a concurrent-edit conflict, deletion to the recycle bin and restore.
 */
const webRoot = fileURLToPath(new URL('../dist', import.meta.url));
const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const SHOTS = process.env.TRELLIS_E2E_SCREENSHOTS; // a folder, to look at the UI while developing

let dataDir: string;
let store: Store;
let server: Awaited<ReturnType<typeof buildServer>>;
let base: string;
let browser: Browser;
let page: Page;
const pkg = crmPackage as AppPackage;
const customer = pkg.forms.find((f) => f.key === 'customer') as FormDef;
const appName = localize(pkg.app.name, 'en');
const customerName = localize(customer.name, 'en');

/** The field that names a customer (what the list shows first and search finds). */
const titleField = (customer.titleField ? customer.fields.find((f) => f.key === customer.titleField) : undefined) ?? customer.fields.find((f) => f.type === 'text')!;
/** Another text field to edit, when the form has one; otherwise the title itself is edited. */
const editField = customer.fields.find((f) => f !== titleField && f.type === 'text' && !f.visibleWhen) ?? titleField;

async function fill(p: Page, field: FieldDef, value?: string): Promise<void> {
  const input = `#field-${field.key}`;
  const choices = (field.options?.['choices'] ?? []) as { value: string }[];
  switch (field.type) {
    case 'single_select':
      await p.selectOption(input, choices[0]!.value);
      return;
    case 'multi_select':
    case 'boolean':
      await p.check(input);
      return;
    case 'number':
      await p.fill(input, value ?? '12');
      return;
    case 'date':
      await p.fill(input, value ?? '2026-03-01');
      return;
    case 'datetime':
      await p.fill(input, value ?? '2026-03-01T09:30');
      return;
    default:
      await p.fill(input, value ?? 'e2e value');
  }
}

async function shot(name: string): Promise<void> {
  if (SHOTS) await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

async function search(text: string): Promise<void> {
  await page.fill('input[type="search"]', text);
  await page.press('input[type="search"]', 'Enter');
}

describe('the CRM in Chromium', () => {
  beforeAll(async () => {
    if (!existsSync(join(webRoot, 'index.html'))) {
      execFileSync('pnpm', ['--filter', '@trellis/web', 'build'], { cwd: repoRoot, stdio: 'inherit' });
    }
    dataDir = mkdtempSync(join(tmpdir(), 'trellis-e2e-'));
    store = await openStore({ dataDir, catalog: fieldTypes });
    server = await buildServer({ store, webRoot });
    base = await server.listen({ host: '127.0.0.1', port: 0 });
    const imported = await fetch(`${base}/api/apps/import`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(pkg),
    });
    expect(imported.status, await imported.clone().text()).toBeLessThan(300);
    browser = await chromium.launch({
      executablePath: process.env.TRELLIS_CHROMIUM ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 860 } });
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await store?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  const name = `E2E Customer ${Date.now().toString(36)}`;
  let recordUrl = '';

  it('opens the CRM from the list of apps and shows its forms', async () => {
    await page.goto(`${base}/`);
    await page.getByRole('link', { name: new RegExp(appName) }).first().click();
    await page.waitForURL(`${base}/apps/${pkg.app.key}`);
    await page.locator('.side-nav').getByRole('link', { name: customerName }).click();
    await page.waitForURL(`${base}/apps/${pkg.app.key}/forms/customer`);
    await expect.poll(() => page.locator('h1').innerText()).toContain(customerName);
    await shot('01-list');
  });

  it('refuses a customer without its required name in the browser, naming the field, and sends nothing', async () => {
    let posts = 0;
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().includes('/records')) posts++;
    });
    await page.getByRole('button', { name: 'New' }).click();
    await page.waitForURL(/\/forms\/customer\/new$/);
    for (const field of customer.fields) if (field.required && field !== titleField) await fill(page, field);
    await page.press(`#field-${titleField.key}`, 'Enter');
    const error = page.locator(`.tr-field-error[data-field="${titleField.key}"]`);
    await error.waitFor();
    expect(await error.innerText()).toContain(localize(titleField.label, 'en'));
    expect(await page.getAttribute(`#field-${titleField.key}`, 'aria-invalid')).toBe('true');
    expect(page.url()).toMatch(/\/new$/);
    expect(posts).toBe(0);
    await shot('02-required-error');
  });

  it('creates the customer once the name is filled in', async () => {
    await page.fill(`#field-${titleField.key}`, name);
    await expect.poll(() => page.locator(`.tr-field-error[data-field="${titleField.key}"]`).count()).toBe(0);
    await page.press(`#field-${titleField.key}`, 'Enter');
    await page.waitForURL(/\/forms\/customer\/records\/[0-9a-f-]{36}$/);
    recordUrl = page.url();
    await expect.poll(() => page.locator('h1').innerText()).toBe(name);
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
    await row.click();
    await page.waitForURL(recordUrl);
  });

  it('edits the customer and keeps the change after a reload', async () => {
    const edited = editField === titleField ? `${name} Ltd` : 'edited in e2e';
    await page.fill(`#field-${editField.key}`, edited);
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.locator('.page-subtitle').innerText()).toContain('Version 2');
    await page.reload();
    expect(await page.inputValue(`#field-${editField.key}`)).toBe(edited);
    await shot('05-edited');
  });

  it('shows a conflict, not an overwrite, when someone else saved first, and reloads on request', async () => {
    const id = recordUrl.split('/').pop()!;
    const path = `${base}/api/apps/${pkg.app.key}/forms/customer/records/${id}`;
    const current = (await (await fetch(path)).json()) as { version: number };
    const other = await fetch(path, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ version: current.version, data: { [editField.key]: 'changed by someone else' } }),
    });
    expect(other.status).toBe(200);
    await page.fill(`#field-${editField.key}`, 'my stale change');
    await page.getByRole('button', { name: 'Save' }).click();
    const banner = page.locator('.banner-warning');
    await banner.waitFor();
    expect(await banner.innerText()).toContain('Someone else changed this record');
    await shot('06-conflict');
    await banner.getByRole('button', { name: 'Reload' }).click();
    await expect.poll(() => page.inputValue(`#field-${editField.key}`)).toBe('changed by someone else');
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
