import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2E_ADMIN_PASSWORD, ensureWebBuilt, launchBrowser, startTrellis, type RunningTrellis } from './harness.js';

/**
 * Logging in and out in a real Chromium: an anonymous visitor sees the login page at any
 * address, a wrong password says so, the right one opens the page, the user menu logs out
 * back to the login page. Needs the built web app (`pnpm --filter @trellis/web build`).
 */

let trellis: RunningTrellis | undefined;
let base: string;
let browser: Browser;
let page: Page;

describe('login in Chromium', () => {
  beforeAll(async () => {
    ensureWebBuilt();
    trellis = await startTrellis('trellis-e2e-login-');
    base = trellis.base;
    browser = await launchBrowser();
    page = await (await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 860 } })).newPage();
    page.setDefaultTimeout(15_000);
  });

  afterAll(async () => {
    await browser?.close();
    await trellis?.close();
  });

  it('shows the login page to an anonymous visitor and says when the password is wrong', async () => {
    await page.goto(`${base}/`);
    await page.getByRole('heading', { name: 'Log in to Trellis' }).waitFor();
    await page.getByLabel('Username').fill('admin');
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByLabel('Password').press('Enter');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toBe('The username or password is wrong.');
    expect(await page.getByLabel('Password').inputValue()).toBe('');
  });

  it('lands on the apps after the right password, with the user in the header', async () => {
    await page.getByLabel('Username').fill('admin');
    await page.getByLabel('Password').fill(E2E_ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('heading', { name: 'Apps' }).waitFor();
    expect(page.url()).toBe(`${base}/`);
    await page.getByText('Administrator', { exact: true }).waitFor();
    // A reload keeps the session (the cookie), and state-changing calls carry the CSRF token.
    await page.reload();
    await page.getByRole('heading', { name: 'Apps' }).waitFor();
  });

  it('changes the password on the account page', async () => {
    await page.getByLabel('Account menu of Administrator').click();
    await page.getByRole('link', { name: 'Change password' }).click();
    await page.getByRole('heading', { name: 'My account' }).waitFor();
    await page.getByLabel('Current password').fill(E2E_ADMIN_PASSWORD);
    await page.getByLabel('New password', { exact: true }).fill('a-new-e2e-password');
    await page.getByLabel('Repeat the new password').fill('a-new-e2e-password');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByRole('status').filter({ hasText: 'Password changed' }).waitFor();
  });

  it('logs out from the user menu back to the login page', async () => {
    await page.goto(`${base}/`);
    await page.getByLabel('Account menu of Administrator').click();
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.getByRole('heading', { name: 'Log in to Trellis' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Log in to Trellis' }).waitFor();
    const me = await trellis!.store.audit.list({ action: ['login', 'logout', 'password_change', 'login_failed'], limit: 10 });
    expect(me.map((e) => e.action)).toEqual(['logout', 'password_change', 'login', 'login_failed']);
  });
});
