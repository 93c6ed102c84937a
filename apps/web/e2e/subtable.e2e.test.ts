import { join } from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureWebBuilt, launchBrowser, loginContext, startTrellis, type RunningTrellis } from './harness.js';
import type { Store } from '@trellis/store';

/**
 * Sub-tables end to end in a real Chromium against a real server (PGlite in a temporary
 * folder, the web app built fresh): a new form gets a text field and a sub-table by drag and
 * drop, a number column is dragged into the sub-table and made required, the draft is
 * published (the plan names the child table), the form is filled with two rows, a row cell is
 * refused and corrected, rows are reordered by keyboard, the record is saved, found in the
 * list ("2 rows") and opened again with both rows.
 */
const SHOTS = process.env.TRELLIS_E2E_SCREENSHOTS;

let trellis: RunningTrellis | undefined;
let store: Store;
let server: RunningTrellis['server'];
let base: string;
let browser: Browser;
let page: Page;

async function shot(name: string): Promise<void> {
  if (SHOTS) await page.screenshot({ path: join(SHOTS, `subtable-${name}.png`), fullPage: true });
}

const canvasKeys = () => page.locator('.designer-canvas [data-field-key]').evaluateAll((els) => els.map((e) => e.getAttribute('data-field-key')));
const columnKeys = () => page.locator('.designer-canvas [data-subtable="subtable"] [data-column-key]').evaluateAll((els) => els.map((e) => e.getAttribute('data-column-key')));
const palette = (type: string) => page.locator(`.designer-palette [data-field-type="${type}"]`);

describe('sub-tables in Chromium', () => {
  beforeAll(async () => {
    ensureWebBuilt();
    trellis = await startTrellis('trellis-e2e-subtable-');
    ({ store, server, base } = trellis);
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

  it('builds a form with a text field and a sub-table, and drags a number column into the sub-table', async () => {
    await page.goto(`${base}/design/new`);
    await page.getByLabel('App name').fill('Orders');
    await page.getByLabel('App key').fill('orders');
    await page.getByLabel('Form name').fill('Purchase');
    await page.getByLabel('Form key').fill('purchase');
    await page.getByRole('button', { name: 'Create' }).click();
    await page.waitForURL(`${base}/apps/orders/design/purchase`);

    await palette('text').dragTo(page.locator('[data-drop-section="0"]'));
    await expect.poll(canvasKeys).toEqual(['text']);
    await palette('subtable').dragTo(page.locator('[data-drop-section="0"]'));
    await expect.poll(canvasKeys).toEqual(['text', 'subtable']);
    await page.locator('[data-subtable="subtable"]').getByText('Drag a field type here to add a column').waitFor();

    // into the sub-table: a column, not a field of the form
    await palette('number').dragTo(page.locator('[data-drop-subtable="subtable"]'));
    await expect.poll(columnKeys).toEqual(['number']);
    await expect.poll(canvasKeys).toEqual(['text', 'subtable']);
    // a second column before it (left half of the chip), then removed again; undo brings it back, redo removes it
    await palette('date').dragTo(page.locator('[data-column-key="number"]'), { targetPosition: { x: 4, y: 8 } });
    await expect.poll(columnKeys).toEqual(['date', 'number']);
    await page.getByRole('button', { name: /^Move column right Date/ }).click();
    await expect.poll(columnKeys).toEqual(['number', 'date']);
    await page.getByRole('button', { name: /^Remove column Date/ }).click();
    await expect.poll(columnKeys).toEqual(['number']);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(columnKeys).toEqual(['number', 'date']);
    await page.getByRole('button', { name: 'Redo' }).click();
    await expect.poll(columnKeys).toEqual(['number']);
    // without a mouse: the column type list of the sub-table card
    await page.getByLabel('Add a column to “Sub-table”').selectOption('long_text');
    await expect.poll(columnKeys).toEqual(['number', 'long_text']);
    await page.getByRole('button', { name: /^Remove column Long text/ }).press('Enter');
    await expect.poll(columnKeys).toEqual(['number']);

    // the properties panel edits the selected column
    await page.locator('[data-column-key="number"] .designer-column-main').click();
    const props = page.getByRole('complementary', { name: /Properties/ });
    await props.getByLabel('Label (English)').fill('Qty');
    await props.getByLabel('Key', { exact: true }).fill('qty');
    await expect.poll(columnKeys).toEqual(['qty']);
    await props.getByLabel('Required').check();
    await page.locator('.designer-canvas [data-field-key="subtable"] .designer-field-main').click();
    await props.getByLabel('Label (English)').fill('Items');
    await props.getByLabel('Key', { exact: true }).fill('items');
    await expect.poll(canvasKeys).toEqual(['text', 'items']);
    await page.locator('.designer-canvas [data-field-key="text"] .designer-field-main').click();
    await props.getByLabel('Label (English)').fill('Title');
    await props.getByLabel('Key', { exact: true }).fill('title');
    await shot('01-designer');
  });

  it('publishes, the plan listing the child table', async () => {
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('New sub-table tables: purchase.items (qty)').waitFor();
    await dialog.getByRole('button', { name: 'Publish', exact: true }).click();
    await dialog.getByText('Published as version 1.').waitFor();
    const pkg = (await store.apps.get('orders')).package;
    expect(pkg.forms[0]!.fields[1]).toMatchObject({ key: 'items', type: 'subtable', options: { fields: [{ key: 'qty', type: 'number', required: true }] } });
    await dialog.getByRole('button', { name: 'Open the form' }).click();
    await page.waitForURL(`${base}/apps/orders/forms/purchase`);
  });

  it('fills two rows: an empty required cell is refused under that cell, corrected, reordered by keyboard and saved', async () => {
    await page.getByRole('button', { name: 'New' }).click();
    await page.waitForURL(/\/forms\/purchase\/new$/);
    await page.fill('#field-title', 'First order');
    await page.locator('#field-items').click(); // "Add row": the first cell of the new row gets the focus
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('field-items-0-qty');
    await page.keyboard.type('2');
    await page.locator('#field-items').click();
    await page.press('#field-title', 'Enter');
    const cellError = page.locator('.tr-field-error[data-field="items/1/qty"]');
    await cellError.waitFor();
    expect(await cellError.innerText()).toContain("'Items' row 2: 'Qty' is required");
    expect(await page.locator('#field-items-1-qty').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('.tr-field-error[data-field="items/0/qty"]').count()).toBe(0);
    expect(page.url()).toMatch(/\/new$/);
    await shot('02-refused');

    await page.fill('#field-items-1-qty', '5');
    await expect.poll(() => cellError.count()).toBe(0);
    // keyboard: move row 1 down, the focus stays with the row's button
    await page.getByRole('button', { name: 'Move row 1 down' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(async () => [await page.inputValue('#field-items-0-qty'), await page.inputValue('#field-items-1-qty')]).toEqual(['5', '2']);
    await page.press('#field-title', 'Enter');
    await page.waitForURL(/\/forms\/purchase\/records\/[0-9a-f-]{36}$/);
    const id = page.url().split('/').pop()!;
    const stored = await store.records.get('orders', 'purchase', id);
    expect(stored.data['items']).toEqual([
      { id: expect.any(String), qty: 5 },
      { id: expect.any(String), qty: 2 },
    ]);
  });

  it('finds the record in the list with its row count, and opens it with both rows', async () => {
    await page.locator('.breadcrumb a').click();
    const row = page.locator('tbody tr', { hasText: 'First order' });
    await row.waitFor();
    expect(await row.innerText()).toContain('2 rows');
    await shot('03-list');
    await row.getByRole('link').first().click();
    await page.waitForURL(/\/forms\/purchase\/records\/[0-9a-f-]{36}$/);
    await page.locator('#field-items-1-qty').waitFor();
    expect([await page.inputValue('#field-items-0-qty'), await page.inputValue('#field-items-1-qty')]).toEqual(['5', '2']);
    expect(await page.locator('#field-items-2-qty').count()).toBe(0);
    await shot('04-record');
  });
});
