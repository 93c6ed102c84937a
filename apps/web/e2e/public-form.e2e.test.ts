import { join } from 'node:path';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureWebBuilt, launchBrowser, loginContext, startTrellis, type RunningTrellis } from './harness.js';
import type { AppPackage, FormDef } from '@trellis/schema';
import { localize } from '@trellis/schema';
import type { Store } from '@trellis/store';
import { crmPackage } from '@trellis/example-crm';

/**
 * A public form in a real Chromium against a real server (PGlite in a temporary folder, the
 * CRM imported through the API): a link is created through the API, a visitor with a fresh
 * browser context (no session) fills the form, sees a validation error, fixes it and gets the
 * thank-you page; the record is then found through the API. The form also works inside the
 * iframe snippet. Switched off in the Share panel, the page says "not available" and the
 * API answers 404.
 */
const SHOTS = process.env.TRELLIS_E2E_SCREENSHOTS;

let trellis: RunningTrellis | undefined;
let store: Store;
let server: RunningTrellis['server'];
let base: string;
let browser: Browser;
let visitorContext: BrowserContext;
let visitor: Page;
const pkg = crmPackage as AppPackage;
const customer = pkg.forms.find((f) => f.key === 'customer') as FormDef;
const LINKS = () => `${base}/api/apps/${pkg.app.key}/forms/customer/public-links`;
let link: { id: string; token: string };

/** Newest modification time of any file under a folder. */

async function shot(page: Page, name: string): Promise<void> {
  if (SHOTS) await page.screenshot({ path: join(SHOTS, `public-${name}.png`), fullPage: true });
}

describe('a public form in Chromium', () => {
  beforeAll(async () => {
    ensureWebBuilt();
    trellis = await startTrellis('trellis-e2e-public-');
    ({ store, server, base } = trellis);
    const imported = await trellis!.fetch(`${base}/api/apps/import`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(pkg) });
    expect(imported.status, await imported.clone().text()).toBeLessThan(300);
    const created = await trellis!.fetch(LINKS(), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ fields: ['name', 'phone', 'email'], thankYou: { en: 'Thanks, we will call you soon.', 'zh-CN': '谢谢，我们会尽快联系您。' } }),
    });
    expect(created.status).toBe(201);
    link = (await created.json()) as { id: string; token: string };
    browser = await launchBrowser();
    visitorContext = await browser.newContext({ locale: 'en-US', viewport: { width: 390, height: 844 } });
    visitor = await visitorContext.newPage();
    visitor.setDefaultTimeout(15_000);
  });

  afterAll(async () => {
    await browser?.close();
    await trellis?.close();
  });

  const name = `Public Visitor ${Date.now().toString(36)}`;

  it('shows only the shared fields, without the app header or menu, with a language switch and a hidden honeypot', async () => {
    await visitor.goto(`${base}/f/${link.token}`);
    await expect.poll(() => visitor.locator('h1').innerText()).toBe(localize(customer.name, 'en'));
    expect(await visitor.locator('.app-header, .side-nav').count()).toBe(0);
    expect(await visitor.getByLabel('Language').count()).toBe(1);
    for (const key of ['name', 'industry', 'phone', 'email']) expect(await visitor.locator(`#field-${key}`).count(), key).toBe(1);
    expect(await visitor.locator('#field-tier, #field-notes').count()).toBe(0);
    const trap = visitor.locator('input[name="website"]');
    expect(await trap.getAttribute('tabindex')).toBe('-1');
    expect(await trap.getAttribute('autocomplete')).toBe('off');
    expect(await visitor.locator('.public-honeypot').getAttribute('aria-hidden')).toBe('true');
    const box = await trap.boundingBox();
    expect(box === null || box.x + box.width < 0).toBe(true);
    await shot(visitor, '01-form');
  });

  it('refuses a wrong phone and a missing name in the browser, sending nothing', async () => {
    let posts = 0;
    visitor.on('request', (r) => {
      if (r.method() === 'POST') posts++;
    });
    await visitor.selectOption('#field-industry', 'it');
    await visitor.fill('#field-phone', '12345');
    await visitor.getByRole('button', { name: 'Submit' }).click();
    await visitor.locator('.tr-field-error[data-field="name"]').waitFor();
    expect(await visitor.locator('.tr-field-error[data-field="phone"]').innerText()).toContain('11-digit mobile number');
    expect(await visitor.locator('.banner-error').innerText()).toContain('Please correct the fields');
    expect(posts).toBe(0);
    await shot(visitor, '02-errors');
  });

  it('sends the corrected form and shows the thank-you page', async () => {
    await visitor.fill('#field-name', name);
    await visitor.fill('#field-phone', '13800138000');
    await expect.poll(() => visitor.locator('.tr-field-error').count()).toBe(0);
    await visitor.getByRole('button', { name: 'Submit' }).click();
    const thanks = visitor.getByTestId('public-thank-you');
    await thanks.waitFor();
    expect(await thanks.innerText()).toContain('Thanks, we will call you soon.');
    await shot(visitor, '03-thank-you');
  });

  it('stored the record, created anonymously, as the API shows', async () => {
    const res = await trellis!.fetch(`${base}/api/apps/${pkg.app.key}/forms/customer/records?q=${encodeURIComponent(name)}`);
    const { items } = (await res.json()) as { items: { createdBy: string | null; data: Record<string, unknown> }[] };
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ createdBy: null, data: { name, phone: '13800138000', industry: 'it' } });
  });

  it('works inside the iframe embed snippet', async () => {
    const host = await visitorContext.newPage();
    await host.setContent(`<h1>Partner site</h1><iframe src="${base}/f/${link.token}?embed=1" title="form" width="100%" height="700"></iframe>`);
    const frame = host.frameLocator('iframe');
    await frame.locator('#field-name').waitFor();
    expect(await frame.locator('.public-embedded').count()).toBe(1);
    await host.close();
  });

  it('switched off in the Share panel of the list, the page says "not available" and the API answers 404', async () => {
    const staff = await (await loginContext(browser, base, { locale: 'en-US', viewport: { width: 1280, height: 860 } })).newPage();
    staff.setDefaultTimeout(15_000);
    await staff.goto(`${base}/apps/${pkg.app.key}/forms/customer`);
    await staff.getByRole('button', { name: 'Share' }).click();
    const panel = staff.getByRole('dialog');
    const entry = panel.locator(`[data-link-id="${link.id}"]`);
    await entry.waitFor();
    expect(await entry.getByLabel('Public link', { exact: true }).inputValue()).toBe(`${base}/f/${link.token}`);
    expect(await entry.getByLabel('Embed code').inputValue()).toContain(`src="${base}/f/${link.token}?embed=1"`);
    await shot(staff, '04-share-panel');
    // a second link made in the panel: one submission per phone, without the email field
    await panel.getByLabel('One submission per').selectOption('phone');
    await panel.getByText('Fields shown: all').click();
    await panel.getByLabel('Email', { exact: true }).uncheck();
    await panel.getByRole('button', { name: 'Create public link' }).click();
    await panel.getByRole('region', { name: 'Public link 2' }).waitFor();
    const made = ((await (await trellis!.fetch(LINKS())).json()) as { items: { id: string; onePerField: string | null; fields: string[] | null }[] }).items;
    expect(made).toHaveLength(2);
    expect(made[1]!.onePerField).toBe('phone');
    expect(made[1]!.fields).not.toContain('email');
    expect(made[1]!.fields).toContain('name');
    await entry.getByRole('button', { name: 'Switch off' }).click();
    await entry.getByText('Off', { exact: true }).waitFor();
    await staff.close();

    await visitor.goto(`${base}/f/${link.token}`);
    const gone = visitor.getByTestId('public-unavailable');
    await gone.waitFor();
    expect(await gone.innerText()).toContain('This form is not available');
    const api = await trellis!.fetch(`${base}/api/public/forms/${link.token}`);
    expect(api.status).toBe(404);
    expect(((await api.json()) as { error: { code: string } }).error.code).toBe('PUBLIC_FORM_NOT_FOUND');
    await shot(visitor, '05-unavailable');
  });

  it('switches the public page to Chinese', async () => {
    await visitor.getByLabel('Language').selectOption('zh-CN');
    await visitor.getByText('此表单不可用').waitFor();
  });
});
