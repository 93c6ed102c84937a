import { join } from 'node:path';
import { type Browser, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureWebBuilt, launchBrowser, loginContext, startTrellis, type RunningTrellis } from './harness.js';
import type { Store } from '@trellis/store';

/**
 * The form designer in a real Chromium against a real server (PGlite in a temporary
 * folder, the web app built fresh): a new app is started, fields are dragged from the
 * palette onto the canvas with react-dnd's HTML5 backend, a label and "required" are set,
 * the draft is published through the plan dialog, then the new form is filled (refused
 * first, then accepted) and its record found in the list.
 */
const SHOTS = process.env.TRELLIS_E2E_SCREENSHOTS;

let trellis: RunningTrellis | undefined;
let store: Store;
let server: RunningTrellis['server'];
let base: string;
let browser: Browser;
let page: Page;

async function shot(name: string): Promise<void> {
  if (SHOTS) await page.screenshot({ path: join(SHOTS, `designer-${name}.png`), fullPage: true });
}

/** Drags with playwright's dragTo (real HTML5 drag events in Chromium, which react-dnd's backend handles). */
async function drag(source: Locator, target: Locator, half?: 'first' | 'second'): Promise<void> {
  if (half === undefined) return source.dragTo(target);
  const box = (await target.boundingBox())!;
  await source.dragTo(target, { targetPosition: { x: box.width / 2, y: half === 'first' ? 4 : box.height - 4 } });
}

const canvasKeys = () => page.locator('.designer-canvas [data-field-key]').evaluateAll((els) => els.map((e) => e.getAttribute('data-field-key')));

describe('the form designer in Chromium', () => {
  beforeAll(async () => {
    ensureWebBuilt();
    trellis = await startTrellis('trellis-e2e-designer-');
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

  it('starts a new app with an empty form from the home page', async () => {
    await page.goto(`${base}/`);
    await page.getByRole('link', { name: /New app/ }).click();
    await page.waitForURL(`${base}/design/new`);
    await page.getByLabel('App name').fill('Helpdesk');
    await page.getByLabel('App key').fill('helpdesk');
    await page.getByLabel('Form name').fill('Ticket');
    await page.getByLabel('Form key').fill('ticket');
    await page.getByRole('button', { name: 'Create' }).click();
    await page.waitForURL(`${base}/apps/helpdesk/design/ticket`);
    await page.getByText('Drag field types here').waitFor();
    const draft = await (await trellis!.fetch(`${base}/api/apps/helpdesk/draft`)).json();
    expect(draft).toMatchObject({ revision: 1, saved: true, liveVersion: null });
  });

  it('drops fields from the palette onto the canvas, between fields, and reorders them by drag and by buttons', async () => {
    const palette = (type: string) => page.locator(`.designer-palette [data-field-type="${type}"]`);
    await drag(palette('text'), page.locator('[data-drop-section="0"]'));
    await expect.poll(canvasKeys).toEqual(['text']);
    await drag(palette('number'), page.locator('[data-drop-section="0"]'));
    await expect.poll(canvasKeys).toEqual(['text', 'number']);
    // dropped onto the upper half of the first field: goes before it
    await drag(palette('single_select'), page.locator('.designer-canvas [data-field-key="text"]'), 'first');
    await expect.poll(canvasKeys).toEqual(['single_select', 'text', 'number']);
    // reorder by drag: the number field before the select
    await drag(page.locator('.designer-canvas [data-field-key="number"]'), page.locator('.designer-canvas [data-field-key="single_select"]'), 'first');
    await expect.poll(canvasKeys).toEqual(['number', 'single_select', 'text']);
    // the lower half of a field means after it
    await drag(palette('date'), page.locator('.designer-canvas [data-field-key="number"]'), 'second');
    await expect.poll(canvasKeys).toEqual(['number', 'date', 'single_select', 'text']);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(canvasKeys).toEqual(['number', 'single_select', 'text']);
    // and with the buttons
    await page.getByRole('button', { name: /^Move up Text/ }).click();
    await expect.poll(canvasKeys).toEqual(['number', 'text', 'single_select']);
    // palette by keyboard: focus a type and press Enter
    await palette('long_text').focus();
    await page.keyboard.press('Enter');
    await expect.poll(canvasKeys).toEqual(['number', 'text', 'single_select', 'long_text']);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(canvasKeys).toEqual(['number', 'text', 'single_select']);
    await shot('01-canvas');
  });

  it('sets a label, a key and "required" in the properties panel and shows them in the preview', async () => {
    await page.locator('.designer-canvas [data-field-key="text"] .designer-field-main').click();
    const props = page.getByRole('complementary', { name: /Properties/ });
    await props.getByLabel('Label (English)').fill('Subject');
    await props.getByLabel('Label (Chinese)').fill('主题');
    await props.getByLabel('Key', { exact: true }).fill('Bad Key');
    await props.getByRole('alert').waitFor();
    await props.getByLabel('Key', { exact: true }).fill('subject');
    await expect.poll(() => props.getByRole('alert').count()).toBe(0);
    await props.getByLabel('Required').check();
    await expect.poll(canvasKeys).toEqual(['number', 'subject', 'single_select']);
    const preview = page.getByRole('region', { name: 'Preview' });
    await preview.getByText('Subject').first().waitFor();
    await preview.getByRole('radio', { name: 'Phone' }).click();
    expect(await page.locator('[data-preview-width="phone"]').count()).toBe(1);
    await shot('02-properties');
  });

  it('arranges fields in a two-column section and makes one visible only when a condition holds', async () => {
    await drag(page.locator('.designer-palette [data-field-type="section"]'), page.locator('.designer-section-drop'));
    await page.locator('[data-section="1"]').waitFor();
    expect(await page.locator('[data-section="1"] select').inputValue()).toBe('2');
    await drag(page.locator('.designer-canvas [data-field-key="single_select"]'), page.locator('[data-drop-section="1"]'));
    await expect.poll(() => page.locator('[data-section="1"] [data-field-key]').evaluateAll((els) => els.map((e) => e.getAttribute('data-field-key')))).toEqual(['single_select']);

    await page.locator('.designer-canvas [data-field-key="single_select"] .designer-field-main').click();
    const props = page.getByRole('complementary', { name: /Properties/ });
    const when = props.getByRole('group', { name: 'Visible when' });
    await when.getByRole('button', { name: /Add condition/ }).click();
    await when.getByLabel('Field').selectOption('number');
    await when.getByLabel('Operator').selectOption('gt');
    await when.getByLabel('Value').fill('2');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.getByText('Draft saved.').waitFor();
    const draft = await (await trellis!.fetch(`${base}/api/apps/helpdesk/draft`)).json();
    const form = draft.package.forms[0];
    expect(form.fields.find((f: { key: string }) => f.key === 'single_select').visibleWhen).toEqual({ '>': [{ var: 'number' }, 2] });
    expect(form.layout).toEqual([
      { kind: 'section', columns: 1, fields: ['number', 'subject'] },
      { kind: 'section', columns: 2, fields: ['single_select'] },
    ]);
  });

  it('publishes the draft after showing the plan (new table and columns)', async () => {
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText(/New tables: ticket/).waitFor();
    expect(await dialog.innerText()).toContain('A new app is created.');
    await shot('03-plan');
    await dialog.getByRole('button', { name: 'Publish', exact: true }).click();
    await dialog.getByText('Published as version 1.').waitFor();
    await dialog.getByRole('button', { name: 'Open the form' }).click();
    await page.waitForURL(`${base}/apps/helpdesk/forms/ticket`);
  });

  it('fills the new form: refused without the required subject, accepted with it, and found in the list', async () => {
    await page.getByRole('button', { name: 'New' }).click();
    await page.waitForURL(/\/forms\/ticket\/new$/);
    expect(await page.locator('#field-single_select').count()).toBe(0);
    await page.fill('#field-number', '3');
    await page.locator('#field-single_select').waitFor();
    await page.press('#field-number', 'Enter');
    const error = page.locator('.tr-field-error[data-field="subject"]');
    await error.waitFor();
    expect(await error.innerText()).toContain('Subject');
    expect(page.url()).toMatch(/\/new$/);
    await shot('04-refused');
    await page.fill('#field-subject', 'Printer on fire');
    await page.press('#field-subject', 'Enter');
    await page.waitForURL(/\/forms\/ticket\/records\/[0-9a-f-]{36}$/);
    await page.locator('.breadcrumb a').click();
    await page.locator('tbody tr', { hasText: 'Printer on fire' }).waitFor();
    await shot('05-list');
  });

  it('asks for confirmation before publishing a draft that hides a field holding data', async () => {
    await page.goto(`${base}/apps/helpdesk/design/ticket`);
    await page.getByRole('button', { name: /^Remove Subject/ }).click();
    await expect.poll(canvasKeys).toEqual(['number', 'single_select']);
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('alert').waitFor();
    expect(await dialog.getByRole('alert').innerText()).toContain('ticket.subject (1 records)');
    expect(await dialog.innerText()).toContain('Hidden fields (their data is kept): ticket.subject');
    await dialog.getByRole('button', { name: 'Hide and publish' }).click();
    await dialog.getByText('Published as version 2.').waitFor();
    const hidden = await store.db.selectFrom('trellis.app_fields').select(['field_key', 'hidden']).where('app', '=', 'helpdesk').where('field_key', '=', 'subject').executeTakeFirst();
    expect(hidden).toEqual({ field_key: 'subject', hidden: true });
  });
});
