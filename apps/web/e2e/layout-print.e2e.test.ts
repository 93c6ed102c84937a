import { join } from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureWebBuilt, launchBrowser, loginContext, startTrellis, type RunningTrellis } from './harness.js';
import type { AppPackage } from '@trellis/schema';
import type { Store } from '@trellis/store';

/**
 * Layout elements and print in a real Chromium against a real server (PGlite in a temporary
 * folder): a form with a description, two tabs, an option cascade and a read-only field.
 * The tabs are switched by keyboard, the city choices follow the province, a refused submit
 * opens the tab of the error; a record's print page shows its values and `page.pdf()` makes
 * a PDF of it; two records ticked in the list print as two sheets. In the designer a tab
 * group is added, a field dropped into a tab, the tab renamed and the cascade edited.
 */

const choices = (pairs: [string, string][]) => pairs.map(([value, label]) => ({ value, label }));
const pkg: AppPackage = {
  schemaVersion: 1,
  app: { key: 'visits', name: { 'zh-CN': '拜访', en: 'Visits' } },
  forms: [
    {
      key: 'visit',
      name: { 'zh-CN': '拜访记录', en: 'Visit' },
      titleField: 'customer',
      fields: [
        { id: 'f1', key: 'intro', type: 'description', label: 'Intro', options: { text: { 'zh-CN': '请如实填写。', en: 'Fill in truthfully.\n<b>Second line</b>' }, tone: 'info' } },
        { id: 'f2', key: 'customer', type: 'text', label: { 'zh-CN': '客户', en: 'Customer' }, required: true },
        { id: 'f3', key: 'province', type: 'single_select', label: { 'zh-CN': '省份', en: 'Province' }, options: { choices: choices([['zj', 'Zhejiang'], ['js', 'Jiangsu']]) } },
        {
          id: 'f4',
          key: 'city',
          type: 'single_select',
          label: { 'zh-CN': '城市', en: 'City' },
          options: { choices: choices([['hz', 'Hangzhou'], ['nb', 'Ningbo'], ['nj', 'Nanjing']]), cascade: { field: 'province', choices: { zj: ['hz', 'nb'], js: ['nj'] } } },
        },
        { id: 'f5', key: 'summary', type: 'long_text', label: { 'zh-CN': '纪要', en: 'Summary' }, required: true },
        { id: 'f6', key: 'code', type: 'text', label: { 'zh-CN': '编号', en: 'Code' }, defaultValue: 'V-001', readOnlyWhen: true },
      ],
      layout: [
        { kind: 'section', fields: ['intro', 'customer', 'code'] },
        {
          kind: 'tabs',
          tabs: [
            { title: { 'zh-CN': '地点', en: 'Place' }, sections: [{ kind: 'section', columns: 2, fields: ['province', 'city'] }] },
            { title: { 'zh-CN': '纪要', en: 'Notes' }, sections: [{ kind: 'section', fields: ['summary'] }] },
          ],
        },
      ],
      printTemplates: [
        {
          key: 'sheet',
          name: { 'zh-CN': '拜访单', en: 'Visit sheet' },
          paper: 'A5',
          orientation: 'landscape',
          header: 'ACME Visits',
          blocks: [{ kind: 'fields', fields: ['customer', 'province', 'city', 'summary'], columns: 2 }, { kind: 'signature', label: { 'zh-CN': '客户签字', en: 'Customer signature' } }, { kind: 'approvals' }],
        },
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


const records = async () => ((await (await trellis!.fetch(`${base}/api/apps/visits/forms/visit/records`)).json()) as { items: { id: string; data: Record<string, unknown> }[] }).items;
const optionValues = (selector: string) => page.locator(`${selector} option`).evaluateAll((els) => els.map((e) => (e as HTMLOptionElement).value).filter((v) => v !== ''));

describe('tabs, cascades and print in Chromium', () => {
  beforeAll(async () => {
    ensureWebBuilt();
    trellis = await startTrellis('trellis-e2e-layout-');
    ({ store, server, base } = trellis);
    const imported = await trellis!.fetch(`${base}/api/apps/import`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(pkg) });
    expect(imported.status, await imported.clone().text()).toBeLessThan(300);
    browser = await launchBrowser();
    const context = await loginContext(browser, base, { locale: 'en-US', viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${base}/`);
    await page.evaluate(() => localStorage.setItem('trellis.locale', 'en'));
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await trellis?.close();
  });

  it('shows the description as plain text and switches tabs with the keyboard', async () => {
    await page.goto(`${base}/apps/visits/forms/visit/new`);
    const intro = page.locator('.tr-description');
    await intro.waitFor();
    expect(await intro.innerText()).toContain('<b>Second line</b>');
    expect(await page.locator('.tr-description b').count()).toBe(0);
    const place = page.getByRole('tab', { name: 'Place' });
    const notes = page.getByRole('tab', { name: 'Notes' });
    expect(await place.getAttribute('aria-selected')).toBe('true');
    expect(await page.locator('#field-summary').isVisible()).toBe(false);
    await place.focus();
    await page.keyboard.press('ArrowRight');
    expect(await notes.getAttribute('aria-selected')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Notes');
    expect(await page.locator('#field-summary').isVisible()).toBe(true);
    await page.keyboard.press('Home');
    expect(await place.getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('End');
    expect(await notes.getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('ArrowRight');
    expect(await place.getAttribute('aria-selected')).toBe('true');
    // the read-only field shows its default, disabled
    expect(await page.locator('#field-code').isDisabled()).toBe(true);
    expect(await page.locator('#field-code').inputValue()).toBe('V-001');
  });

  it('the city choices follow the province, and a city the new province forbids is cleared', async () => {
    expect(await optionValues('#field-city')).toEqual([]);
    await page.locator('#field-province').selectOption('zj');
    expect(await optionValues('#field-city')).toEqual(['hz', 'nb']);
    await page.locator('#field-city').selectOption('hz');
    await page.locator('#field-province').selectOption('js');
    expect(await optionValues('#field-city')).toEqual(['nj']);
    expect(await page.locator('#field-city').inputValue()).toBe('');
    await page.locator('#field-city').selectOption('nj');
  });

  it('a refused submit marks the tab of the error and opens it; fixed, the record is saved', async () => {
    await page.getByLabel('Customer').fill('华为');
    await page.getByRole('button', { name: 'Create' }).click();
    const notes = page.getByRole('tab', { name: /Notes/ });
    await page.locator('.tr-tab-invalid').waitFor();
    expect(await notes.getAttribute('class')).toContain('tr-tab-invalid');
    await page.waitForFunction(() => document.activeElement?.id === 'field-summary');
    expect(await notes.getAttribute('aria-selected')).toBe('true');
    await page.locator('#field-summary').fill('Discussed the renewal.\nNext visit in May.');
    await page.getByRole('button', { name: 'Create' }).click();
    await page.waitForURL(/\/records\/[0-9a-f-]{36}$/);
    const [saved] = await records();
    expect(saved!.data).toMatchObject({ customer: '华为', province: 'js', city: 'nj', code: 'V-001' });
  });

  it('refuses a city the province does not allow and ignores input for the read-only field (server)', async () => {
    const bad = await trellis!.fetch(`${base}/api/apps/visits/forms/visit/records`, { method: 'POST', headers: { 'content-type': 'application/json', 'accept-language': 'en' }, body: JSON.stringify({ data: { customer: 'X', summary: 's', province: 'zj', city: 'nj' } }) });
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as { error: { details: { path: string; code: string }[] } };
    expect(body.error.details).toEqual([expect.objectContaining({ path: '/data/city', code: 'FIELD_NOT_A_CHOICE' })]);
    const ok = await trellis!.fetch(`${base}/api/apps/visits/forms/visit/records`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ data: { customer: '腾讯', summary: '首次拜访', province: 'zj', city: 'hz', code: 'HACKED' } }) });
    expect(ok.status).toBe(201);
    expect(((await ok.json()) as { data: Record<string, unknown> }).data['code']).toBe('V-001');
  });

  it("a record's print page shows its values with the template, and page.pdf() makes a PDF", async () => {
    const id = (await records()).find((r) => r.data['customer'] === '华为')!.id;
    await page.goto(`${base}/apps/visits/forms/visit/records/${id}/print`);
    const sheet = page.locator('.print-sheet');
    await sheet.waitFor();
    const text = await sheet.innerText();
    for (const s of ['ACME Visits', '华为', 'Jiangsu', 'Nanjing', 'Discussed the renewal.', 'Customer signature', 'No approval history']) expect(text).toContain(s);
    expect(await page.locator('style').evaluateAll((els) => els.map((e) => e.textContent).join(' '))).toContain('size: A5 landscape');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.print-toolbar').isVisible()).toBe(false);
    expect(await page.locator('.side-nav').isVisible()).toBe(false);
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(2000);
    await page.emulateMedia({ media: 'screen' });
    // the default layout prints every field
    await page.getByLabel('Template').selectOption('');
    await page.waitForURL(/template=$/);
    await expect.poll(() => sheet.innerText()).toContain('V-001');
  });

  it('prints the records ticked in the list as one sheet each, with a page break between', async () => {
    await page.goto(`${base}/apps/visits/forms/visit`);
    await page.getByRole('checkbox', { name: 'Select 华为' }).check();
    await page.getByRole('checkbox', { name: 'Select 腾讯' }).check();
    await page.getByTestId('print-selected').click();
    await page.waitForURL(/\/forms\/visit\/print\?ids=/);
    await page.locator('.print-sheet').nth(1).waitFor();
    expect(await page.locator('.print-sheet').count()).toBe(2);
    const titles = await page.locator('.print-title').allInnerTexts();
    expect(titles.sort()).toEqual(['华为', '腾讯'].sort());
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.print-sheet').nth(1).evaluate((el) => getComputedStyle(el).breakBefore)).toBe('page');
    const pdf = await page.pdf({ preferCSSPageSize: true });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await page.emulateMedia({ media: 'screen' });
  });

  it('the designer adds a tab group, takes a dropped field into a tab, renames it, and edits the cascade', async () => {
    // tall enough that nothing scrolls while dragging from the palette to the new tab
    await page.setViewportSize({ width: 1400, height: 2400 });
    await page.goto(`${base}/apps/visits/design/visit`);
    await page.locator('.designer-canvas .designer-tabs').first().waitFor();
    await page.locator('.designer-palette [data-field-type="tabs"]').click();
    const group = page.locator('.designer-canvas .designer-tabs').nth(1);
    await group.getByRole('tab', { name: 'Tab 2' }).click();
    await page.locator('.designer-palette [data-field-type="text"]').dragTo(group.locator('[data-drop-section="4"]'));
    await group.locator('[data-field-key="text"]').waitFor();
    await group.getByLabel('Tab title 2').fill('Extra');
    await expect.poll(() => group.getByRole('tab').allInnerTexts()).toEqual(['Tab 1', 'Extra']);
    // the cascade of the city: tick Nanjing for Zhejiang too
    await page.locator('.designer-canvas [data-field-key="city"] .designer-field-main').click();
    const cascade = page.getByRole('group', { name: /Choices depend on/ });
    expect(await cascade.getByLabel('Parent select').inputValue()).toBe('province');
    await cascade.locator('tr[data-parent-choice="zj"]').getByLabel('Nanjing').check();
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.getByText('Draft saved.').waitFor();
    const draft = (await (await trellis!.fetch(`${base}/api/apps/visits/draft`)).json()) as { package: AppPackage };
    const form = draft.package.forms[0]!;
    expect(form.layout![2]).toEqual({
      kind: 'tabs',
      tabs: [
        { title: { 'zh-CN': '标签页 1', en: 'Tab 1' }, sections: [{ kind: 'section', columns: 1, fields: [] }] },
        { title: { 'zh-CN': '标签页 2', en: 'Extra' }, sections: [{ kind: 'section', columns: 1, fields: ['text'] }] },
      ],
    });
    expect(form.fields.find((f) => f.key === 'city')!.options!['cascade']).toEqual({ field: 'province', choices: { zj: ['hz', 'nb', 'nj'], js: ['nj'] } });
    // undo goes back over the tick, then the rename
    await page.getByRole('button', { name: 'Undo' }).click();
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => group.getByRole('tab').allInnerTexts()).toEqual(['Tab 1', 'Tab 2']);
  });
});
