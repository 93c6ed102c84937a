import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crmPackage } from '@trellis/example-crm';
import { adminRequest, ensureWebBuilt, launchBrowser, loginContext, loginSession, startTrellis, type RunningTrellis } from './harness.js';

/**
 * The administration pages in Chromium: an administrator edits a CRM role in the permission
 * matrix (an action, a row-scope preset) and saves it; the server then holds exactly that
 * role, and the rep it belongs to gets the new right on their very next request.
 */
let trellis: RunningTrellis | undefined;
let base: string;
let browser: Browser;
let page: Page;
let admin: Awaited<ReturnType<typeof adminRequest>>;

type Role = { id: string; key: string; version: number; forms: Record<string, { actions: string[]; scope?: unknown }> };
const role = async (key: string): Promise<Role> => ((await admin('GET', '/api/apps/crm/roles')).items as Role[]).find((r) => r.key === key)!;

describe('administration pages in Chromium', () => {
  beforeAll(async () => {
    ensureWebBuilt();
    trellis = await startTrellis('trellis-e2e-admin-');
    base = trellis.base;
    admin = await adminRequest(base);
    await admin('POST', '/api/apps/import', crmPackage);
    browser = await launchBrowser();
    page = await (await loginContext(browser, base, { locale: 'en-US', viewport: { width: 1400, height: 900 } })).newPage();
    page.setDefaultTimeout(15_000);
  });

  afterAll(async () => {
    await browser?.close();
    await trellis?.close();
  });

  it('edits a role in the permission matrix and saves exactly that change', async () => {
    const before = await role('sales_rep');
    expect(before.forms['contact']!.actions).not.toContain('export');
    await page.goto(`${base}/apps/crm/roles`);
    await page.getByRole('button', { name: 'Sales rep sales_rep', exact: true }).click();
    const exportBox = page.getByRole('checkbox', { name: 'Contact: Export', exact: true });
    await exportBox.check();
    await page.getByRole('combobox', { name: 'Contact: Which records', exact: true }).selectOption('deptTree');
    await page.getByRole('button', { name: 'Save permissions' }).click();
    await expect.poll(() => page.locator('body').innerText()).toContain('saved');

    const after = await role('sales_rep');
    expect(after.version).toBe(before.version + 1);
    expect(after.forms['contact']).toEqual({ ...before.forms['contact'], actions: [...before.forms['contact']!.actions, 'export'], scope: { in: [{ var: 'dept_id' }, { var: '$user.deptTree' }] } });
    // the other forms kept their rights, the customer's custom scope included
    expect(after.forms['customer']).toEqual(before.forms['customer']);
    expect(after.forms['lead']).toEqual(before.forms['lead']);
  });

  it('the rep holding the role may export contacts on their very next request', async () => {
    const user = await admin('POST', '/api/users', { username: 'rep_e2e', displayName: 'Rep E2E', password: 'rep-e2e-password' });
    const rep = await role('sales_rep');
    await admin('PUT', `/api/apps/crm/roles/${rep.id}/members`, { members: [{ userId: user.id }] });
    const { token } = await loginSession(base, 'rep_e2e', 'rep-e2e-password');
    const exportAs = () => fetch(`${base}/api/apps/crm/forms/contact/records/export`, { headers: { cookie: `trellis_session=${token}` } });
    expect((await exportAs()).status).toBe(200);
    // revoke the membership in the page's own API: the next request is refused
    await admin('PUT', `/api/apps/crm/roles/${rep.id}/members`, { members: [] });
    expect((await exportAs()).status).toBe(404);
  });

  it('shows the administration menu to the administrator and lists the departments page', async () => {
    await admin('POST', '/api/departments', { name: '销售部' });
    await page.goto(`${base}/admin/departments`);
    await expect.poll(() => page.locator('body').innerText()).toContain('销售部');
    expect(await page.getByRole('tree').count()).toBe(1);
  });
});
