import { join } from 'node:path';
import { type Browser, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureWebBuilt, launchBrowser, loginContext, startTrellis, type RunningTrellis } from './harness.js';
import type { Store } from '@trellis/store';
import { crmPackage } from '@trellis/example-crm';

/**
 * A relation field and a sub-table end to end in a real Chromium: the CRM is imported, a new
 * form gets a text field, a relation to the CRM's customer form and a sub-table with a
 * required number column by drag-and-drop in the designer, the app is published, a record is
 * created by picking a customer after typing part of its name and adding a line (refused while
 * the line's required cell is empty, then corrected), and the list shows the customer's name
 * (not its id) and the line count.
 */
const SHOTS = process.env.TRELLIS_E2E_SCREENSHOTS;

let trellis: RunningTrellis | undefined;
let store: Store;
let server: RunningTrellis['server'];
let base: string;
let browser: Browser;
let page: Page;

async function shot(name: string): Promise<void> {
  if (SHOTS) await page.screenshot({ path: join(SHOTS, `relation-${name}.png`), fullPage: true });
}
const drag = (source: Locator, target: Locator) => source.dragTo(target);
const canvasKeys = () => page.locator('.designer-canvas [data-field-key]').evaluateAll((els) => els.map((e) => e.getAttribute('data-field-key')));
const post = async (path: string, body: unknown) => {
  const res = await trellis!.fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(res.status, await res.clone().text()).toBeLessThan(300);
  return res.json();
};

describe('a form with a relation and a sub-table in Chromium', () => {
  beforeAll(async () => {
    ensureWebBuilt();
    trellis = await startTrellis('trellis-e2e-relation-');
    ({ store, server, base } = trellis);
    await post('/api/apps/import', crmPackage);
    const customer = (crmPackage as unknown as { forms: { key: string; fields: { key: string; required?: boolean; options?: { choices?: { value: string }[] } }[] }[] }).forms.find((f) => f.key === 'customer')!;
    const industry = customer.fields.find((f) => f.key === 'industry')!.options!.choices![0]!.value;
    const names = ['华为技术有限公司', 'Acme Trading', 'Acme Logistics', 'Globex'];
    for (const [i, name] of names.entries()) await post('/api/apps/crm/forms/customer/records', { data: { name, industry, phone: `1380000000${i}`, city: i === 1 ? 'Shanghai' : 'Beijing' } });
    browser = await launchBrowser();
    const context = await loginContext(browser, base, { locale: 'en-US', viewport: { width: 1400, height: 900 } });
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${base}/`);
    await page.evaluate(() => localStorage.setItem('trellis.locale', 'en'));
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await trellis?.close();
  });

  it('adds a form with a relation to the customer form by drag and drop, and publishes it', async () => {
    await page.goto(`${base}/apps/crm/design`);
    await page.getByRole('button', { name: /New form/ }).click();
    await page.getByLabel('Form name').fill('Visit');
    await page.getByLabel('Form key').fill('visit');
    await page.getByRole('button', { name: 'Create', exact: true }).click();
    await page.waitForURL(`${base}/apps/crm/design/visit`);
    const palette = (type: string) => page.locator(`.designer-palette [data-field-type="${type}"]`);
    await drag(palette('text'), page.locator('[data-drop-section="0"]'));
    await expect.poll(canvasKeys).toEqual(['text']);
    await drag(palette('relation'), page.locator('[data-drop-section="0"]'));
    await expect.poll(canvasKeys).toEqual(['text', 'relation']);

    await page.locator('.designer-canvas [data-field-key="relation"] .designer-field-main').click();
    const props = page.getByRole('complementary', { name: /Properties/ });
    await props.getByLabel('Label (English)').fill('Customer');
    await props.getByLabel('Related form').selectOption('customer');
    await props.getByLabel('Key', { exact: true }).fill('customer');
    await props.getByLabel('City').check();
    await expect.poll(canvasKeys).toEqual(['text', 'customer']);

    // a sub-table, and a required number column dragged into it (the canvas back in view first)
    await page.evaluate(() => window.scrollTo(0, 0));
    await drag(palette('subtable'), page.locator('[data-drop-section="0"]'));
    await expect.poll(canvasKeys).toEqual(['text', 'customer', 'subtable']);
    await drag(palette('number'), page.locator('[data-drop-subtable="subtable"]'));
    await page.locator('[data-column-key="number"] .designer-column-main').click();
    await props.getByLabel('Label (English)').fill('Hours');
    await props.getByLabel('Key', { exact: true }).fill('hours');
    await props.getByLabel('Required').check();
    await page.locator('.designer-canvas [data-field-key="subtable"] .designer-field-main').click();
    await props.getByLabel('Label (English)').fill('Sessions');
    await props.getByLabel('Key', { exact: true }).fill('sessions');
    await expect.poll(canvasKeys).toEqual(['text', 'customer', 'sessions']);
    await shot('01-designer');

    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText(/New tables: .*visit/).waitFor();
    await dialog.getByRole('button', { name: 'Publish', exact: true }).click();
    await dialog.getByText(/Published as version 2\./).waitFor();
    const live = await (await trellis!.fetch(`${base}/api/apps/crm/package`)).json();
    const visit = live.forms.find((f: { key: string }) => f.key === 'visit');
    expect(visit.fields.find((f: { key: string }) => f.key === 'customer')).toMatchObject({ type: 'relation', options: { form: 'customer', displayFields: ['city'] } });
    expect(visit.fields.find((f: { key: string }) => f.key === 'sessions')).toMatchObject({ type: 'subtable', options: { fields: [{ key: 'hours', type: 'number', required: true }] } });
    await dialog.getByRole('button', { name: 'Open the form' }).click();
    await page.waitForURL(`${base}/apps/crm/forms/visit`);
  });

  it('creates a record by typing part of a customer name and picking it, and lists it with the name', async () => {
    await page.getByRole('button', { name: 'New' }).click();
    await page.waitForURL(/\/forms\/visit\/new$/);
    await page.fill('#field-text', 'Quarterly review');
    const picker = page.locator('#field-customer');
    await picker.fill('acme');
    const options = page.getByRole('listbox').getByRole('option');
    // each result shows the title and the display field (the city)
    await expect.poll(() => options.allInnerTexts()).toEqual(['Acme Logistics\nBeijing', 'Acme Trading\nShanghai']);
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.locator('[role="option"][aria-selected="true"] .tr-relation-option-title').innerText()).toBe('Acme Trading');
    await page.keyboard.press('Enter');
    await page.locator('.tr-relation-chip', { hasText: 'Acme Trading' }).waitFor();
    expect(await page.getByRole('listbox').count()).toBe(0);
    expect(page.url()).toMatch(/\/new$/); // Enter picked, it did not submit
    await shot('02-picked');
    // a line with its required cell left empty is refused under that cell; corrected, it saves
    await page.locator('#field-sessions').click();
    await page.getByRole('button', { name: 'Create', exact: true }).click();
    const cellError = page.locator('.tr-field-error[data-field="sessions/0/hours"]');
    await cellError.waitFor();
    expect(await cellError.innerText()).toContain("'Hours' is required");
    expect(page.url()).toMatch(/\/new$/);
    await page.fill('#field-sessions-0-hours', '2');
    await expect.poll(() => cellError.count()).toBe(0);
    await page.getByRole('button', { name: 'Create', exact: true }).click();
    await page.waitForURL(/\/forms\/visit\/records\/[0-9a-f-]{36}$/);
    await page.locator('.tr-relation-chip', { hasText: 'Acme Trading' }).waitFor();
    await page.locator('.breadcrumb a').click();
    const row = page.locator('tbody tr', { hasText: 'Quarterly review' });
    await row.waitFor();
    expect(await row.innerText()).toContain('Acme Trading');
    expect(await row.innerText()).toContain('1 row');
    expect(await row.innerText()).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}/);
    await shot('03-list');
    const page1 = await (await trellis!.fetch(`${base}/api/apps/crm/forms/visit/records`)).json();
    const id = page1.items[0].data.customer;
    expect(page1.related.customer[id].title).toBe('Acme Trading');
    expect(page1.items[0].data.sessions).toEqual([{ id: expect.any(String), hours: 2 }]);
  });

  it('fills the linked customer of a CRM contact by data linkage when its customer name is typed', async () => {
    await page.goto(`${base}/apps/crm/forms/contact/new`);
    await page.fill('#field-customer_name', 'Globex');
    // the record page asks POST …/linkage; the picker then names the id it got (GET …/options?ids=)
    await page.locator('.tr-relation-chip', { hasText: 'Globex' }).waitFor();
    await page.fill('#field-customer_name', 'Acme Logistics');
    await page.locator('.tr-relation-chip', { hasText: 'Acme Logistics' }).waitFor();
    expect(await page.locator('.tr-relation-chip').count()).toBe(1);
    await shot('04-linkage');
  });
});
