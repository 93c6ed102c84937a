import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crmPackage, DEMO_PASSWORD, organisationApiOver, seedDemoOrganisation, type SeededOrganisation } from '@trellis/example-crm';
import { adminRequest, ensureWebBuilt, launchBrowser, loginContext, startTrellis, type RunningTrellis } from './harness.js';

/**
 * Row scopes and field masking as people meet them: the CRM with its demo organisation, a
 * few customers given to demo accounts, and the web app in Chromium logged in as each person.
 * A Shanghai rep sees only their own customers; the East China manager sees every customer
 * of their region (their department tree) and no other; the marketing specialist sees phones masked.
 */
let trellis: RunningTrellis | undefined;
let base: string;
let browser: Browser;
let org: SeededOrganisation;

const CUSTOMERS = [
  { name: 'E2E 上海孙丽客户', owner: 'sunli', phone: '13812345678' },
  { name: 'E2E 上海李强客户', owner: 'liqiang', phone: '13900001111' },
  { name: 'E2E 杭州周杰客户', owner: 'zhoujie', phone: '13700002222' },
  { name: 'E2E 北京郑宇客户', owner: 'zhengyu', phone: '13600003333' },
];

async function customerPageAs(username: string): Promise<Page> {
  const context = await loginContext(browser, base, { locale: 'en-US', viewport: { width: 1280, height: 860 } }, { username, password: DEMO_PASSWORD });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await page.goto(`${base}/apps/${crmPackage.app.key}/forms/customer`);
  try {
    await page.locator('tbody tr').first().waitFor();
  } catch (e) {
    throw new Error(`the customer list of ${username} did not show: ${await page.locator('body').innerText()}`, { cause: e });
  }
  return page;
}

const visibleNames = async (page: Page): Promise<string[]> =>
  (await page.locator('tbody tr').allInnerTexts()).map((t) => CUSTOMERS.find((c) => t.includes(c.name))?.name).filter((n): n is string => n !== undefined).sort();

describe('row scopes and masking in Chromium', () => {
  beforeAll(async () => {
    ensureWebBuilt();
    trellis = await startTrellis('trellis-e2e-permissions-');
    base = trellis.base;
    const admin = await adminRequest(base);
    await admin('POST', '/api/apps/import', crmPackage);
    org = await seedDemoOrganisation(organisationApiOver(admin), crmPackage.app.key);
    for (const c of CUSTOMERS) {
      await admin('POST', `/api/apps/${crmPackage.app.key}/forms/customer/records`, { data: { name: c.name, industry: 'it', phone: c.phone, owner: org.userIds[c.owner] } });
    }
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await trellis?.close();
  });

  it('a sales rep sees only their own customers, and no export', async () => {
    const page = await customerPageAs('sunli');
    expect(await visibleNames(page)).toEqual(['E2E 上海孙丽客户']);
    expect(await page.getByTestId('total').innerText()).toBe('Total: 1');
    expect(await page.getByTestId('export-csv').count()).toBe(0);
    await page.context().close();
  });

  it('the East China manager sees the customers of their whole region and none of North China', async () => {
    const page = await customerPageAs('qianwei');
    expect(await visibleNames(page)).toEqual(['E2E 上海孙丽客户', 'E2E 上海李强客户', 'E2E 杭州周杰客户'].sort());
    await page.context().close();
  });

  it('the sales director exports the searched customers as CSV from the list', async () => {
    const page = await customerPageAs('zhaomin');
    await page.fill('input[type="search"]', '上海');
    await page.press('input[type="search"]', 'Enter');
    await expect.poll(() => visibleNames(page)).toEqual(['E2E 上海孙丽客户', 'E2E 上海李强客户'].sort());
    const link = page.getByTestId('export-csv');
    await expect.poll(() => link.getAttribute('href')).toContain('q=');
    const res = await page.request.get(`${base}${await link.getAttribute('href')}`);
    expect(res.status()).toBe(200);
    const csv = await res.text();
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toContain('E2E 上海孙丽客户');
    expect(csv).toContain('13812345678');
    expect(csv).not.toContain('北京郑宇');
    await page.context().close();
  });

  it('a customer outside the rep\'s scope is "not found", even by its address', async () => {
    const north = (await (await trellis!.fetch(`${base}/api/apps/crm/forms/customer/records?q=${encodeURIComponent('北京郑宇')}`)).json()) as { items: { id: string }[] };
    const page = await customerPageAs('sunli');
    await page.goto(`${base}/apps/crm/forms/customer/records/${north.items[0]!.id}`);
    await expect.poll(() => page.locator('body').innerText()).toMatch(/not found|does not exist|no longer exists/i);
    expect(await page.locator('body').innerText()).not.toContain('北京郑宇');
    await page.context().close();
  });

  it('the marketing specialist reads customers with phones masked, in the page and in the raw API answer', async () => {
    const page = await customerPageAs('wangfang');
    const responses: string[] = [];
    page.on('response', async (r) => {
      if (r.url().includes('/forms/customer/records')) responses.push(await r.text());
    });
    await page.reload();
    await page.locator('tbody tr', { hasText: 'E2E 上海孙丽客户' }).waitFor();
    const row = await page.locator('tbody tr', { hasText: 'E2E 上海孙丽客户' }).innerText();
    expect(row).not.toContain('13812345678');
    await expect.poll(() => responses.length).toBeGreaterThan(0);
    for (const body of responses) expect(body).not.toContain('13812345678');
    expect(responses.join('')).toContain('138****5678');
    await page.context().close();
  });

  it('a rep edits their own customer in the record page and the save goes through', async () => {
    const page = await customerPageAs('sunli');
    await page.locator('tbody tr', { hasText: 'E2E 上海孙丽客户' }).click();
    await page.waitForURL(/\/forms\/customer\/records\/[0-9a-f-]{36}$/);
    await page.fill('#field-name', 'E2E 上海孙丽客户（改）');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => page.locator('body').innerText()).toContain('Saved.');
    expect(await page.locator('h1').innerText()).toBe('E2E 上海孙丽客户（改）');
    await page.context().close();
  });

  it('customer service sees no revenue, cannot change the name, and saves notes', async () => {
    const page = await customerPageAs('chenjing');
    expect(await page.locator('thead').innerText()).not.toMatch(/revenue/i);
    await page.locator('tbody tr', { hasText: 'E2E 北京郑宇客户' }).click();
    await page.waitForURL(/\/forms\/customer\/records\/[0-9a-f-]{36}$/);
    await page.locator('#field-notes').waitFor();
    expect(await page.locator('#field-annual_revenue').count()).toBe(0);
    expect(await page.locator('#field-name').isEditable()).toBe(false);
    await page.fill('#field-notes', '已回访，客户满意');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => page.locator('body').innerText()).toContain('Saved.');
    const saved = (await (await trellis!.fetch(`${base}/api/apps/crm/forms/customer/records?q=${encodeURIComponent('北京郑宇')}`)).json()) as { items: { data: Record<string, unknown> }[] };
    expect(saved.items[0]!.data['notes']).toBe('已回访，客户满意');
    expect(saved.items[0]!.data['name']).toBe('E2E 北京郑宇客户');
    await page.context().close();
  });
});
