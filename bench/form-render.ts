/**
 * Form-engine benchmark 1: a 500-field form in Chromium, Trellis `FormRenderer` against
 * `@rjsf/core` (with `@rjsf/validator-ajv8`) rendering the equivalent JSON Schema.
 *
 * Both pages are built here with vite (`form-render/vite.config.ts`, production React),
 * served from a static server on 127.0.0.1 that this script starts and stops, and loaded
 * in the same headless Chromium (playwright-core, `/usr/bin/chromium`), one page at a time,
 * alternating Trellis, rjsf and a bare page (the same inputs as plain DOM, no framework: the
 * floor of this machine) so all see the same machine load. Measured in the page
 * (`form-render/measure.ts`):
 *  - time to first render: `root.render` (in `flushSync`) → the first frame after it;
 *  - keystroke to paint while typing 50 characters into `trigger`, the field that 13
 *    `visibleWhen` conditions (and, when the engine has them, 6 formula fields) read:
 *    the keydown event's timeStamp → the first frame after the DOM update.
 * Every sample is kept; medians, p95 and the ratio rjsf ÷ Trellis are printed. Goal:
 * Trellis p95 ≤ 16 ms and ≥ 10× better than rjsf. The script checks that both pages show
 * the same number of fields before and after typing (the conditions agree) and that the
 * typed text arrived.
 *
 * Run alone: `cd bench && node --import tsx form-render.ts [--rounds N] [--loads N]` (typing runs
 * per page, default 2; page loads per page for the first render, default 5).
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from 'vite';
import { TYPED_TEXT } from './form-render/bench-form.js';
import type { BenchWindow, KeySample } from './form-render/measure.js';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const PAGES = ['trellis', 'rjsf', 'bare'] as const;
type PageName = (typeof PAGES)[number];
/** Where the typed field's input is, per page. */
const TRIGGER_INPUT: Record<PageName, string> = { trellis: '#field-trigger', rjsf: '#root_trigger', bare: '#bare-trigger' };

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.map': 'application/json' };

/** A static file server for the built pages on 127.0.0.1 (a random port). */
async function serveStatic(root: string): Promise<{ server: Server; base: string }> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = join(root, path);
    if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

const quantile = (xs: readonly number[], q: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const i = Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1));
  return s[i]!;
};
const median = (xs: readonly number[]) => quantile(xs, 0.5);
const ms = (n: number) => `${n.toFixed(1).padStart(7)} ms`;

async function openPage(browser: Browser, base: string, name: PageName): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 860 } });
  const page = await context.newPage();
  page.setDefaultTimeout(60_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${base}/${name}.html`);
  await page.waitForFunction(() => window.__bench?.firstRender !== undefined || false).catch((e: unknown) => {
    throw new Error(`[bench] ${name} page did not render: ${errors.join('; ') || String(e)}`);
  });
  return { page, close: () => context.close() };
}

interface FirstRender {
  readonly renderToPaint: number;
  readonly renderToCommit: number;
  readonly navigationToPaint: number;
}

interface KeyRun {
  readonly samples: readonly KeySample[];
  readonly fieldsBefore: number;
  readonly fieldsAfter: number;
  readonly longEvents: number;
}

async function firstRender(browser: Browser, base: string, name: PageName): Promise<{ fr: FirstRender; variant: string; fields: number }> {
  const { page, close } = await openPage(browser, base, name);
  const r = await page.evaluate(() => ({ fr: window.__bench.firstRender!, variant: window.__bench.variant, fields: window.__bench.fieldCount() }));
  await close();
  return r;
}

async function typeRun(browser: Browser, base: string, name: PageName): Promise<KeyRun> {
  const { page, close } = await openPage(browser, base, name);
  const input = page.locator(TRIGGER_INPUT[name]);
  await input.click();
  const fieldsBefore = await page.evaluate(() => window.__bench.fieldCount());
  for (const ch of TYPED_TEXT) {
    await page.evaluate(() => {
      (window as unknown as { __wait: Promise<KeySample> }).__wait = window.__bench.next();
    });
    await page.keyboard.type(ch);
    await page.evaluate(() => (window as unknown as { __wait: Promise<KeySample> }).__wait);
  }
  const typed = await input.inputValue();
  if (typed !== TYPED_TEXT) throw new Error(`[bench] ${name}: the field holds ${JSON.stringify(typed)}, not the typed text`);
  const out = await page.evaluate(() => {
    const b: BenchWindow = window.__bench;
    return {
      samples: b.samples,
      fieldsAfter: b.fieldCount(),
      longEvents: b.eventTimings.filter((e) => e.name === 'keydown' || e.name === 'keypress' || e.name === 'input').length,
    };
  });
  await close();
  return { ...out, fieldsBefore };
}

/** Runs the benchmark and prints the table; returns the figures. */
export async function main(args: readonly string[] = process.argv.slice(2)) {
  const roundsArg = args.indexOf('--rounds');
  const rounds = roundsArg >= 0 ? Math.max(1, Number(args[roundsArg + 1]) || 2) : 2;
  const loadsArg = args.indexOf('--loads');
  const loads = loadsArg >= 0 ? Math.max(1, Number(args[loadsArg + 1]) || 5) : 5;
  const dist = here('./form-render/dist');
  await build({ configFile: here('./form-render/vite.config.ts') });
  const { server, base } = await serveStatic(dist);
  const browser = await chromium.launch({
    executablePath: process.env.TRELLIS_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const first: Record<PageName, FirstRender[]> = { trellis: [], rjsf: [], bare: [] };
    const keys: Record<PageName, KeyRun[]> = { trellis: [], rjsf: [], bare: [] };
    const variants: Record<string, string> = {};
    const fields: Record<string, number> = {};
    // warm-up load of each page (browser caches, JIT of the static server path)
    for (const name of PAGES) await firstRender(browser, base, name);
    for (let i = 0; i < loads; i++) {
      for (const name of PAGES) {
        const r = await firstRender(browser, base, name);
        first[name].push(r.fr);
        variants[name] = r.variant;
        fields[name] = r.fields;
      }
    }
    for (let i = 0; i < rounds; i++) for (const name of PAGES) keys[name].push(await typeRun(browser, base, name));

    console.log(`form render: ${variants['trellis']} vs ${variants['rjsf']} (${variants['trellis']?.includes('formulas') ? 'with formula fields' : 'formula field type not registered: visibility conditions only'})`);
    console.log(`  fields shown at load / after typing: ${PAGES.map((p) => `${p} ${fields[p]} / ${keys[p][0]!.fieldsAfter}`).join(', ')}`);
    if (PAGES.some((p) => fields[p] !== fields['trellis'] || keys[p][0]!.fieldsAfter !== keys.trellis[0]!.fieldsAfter)) {
      console.log('  WARNING: the two pages do not show the same fields; the comparison is not like for like');
    }
    console.log(`  first render (${loads} loads each, median): render → first frame, render → commit, navigation → first frame`);
    const fr = (name: PageName, k: keyof FirstRender) => median(first[name].map((x) => x[k]));
    for (const name of PAGES) console.log(`    ${name.padEnd(8)} ${ms(fr(name, 'renderToPaint'))} ${ms(fr(name, 'renderToCommit'))} ${ms(fr(name, 'navigationToPaint'))}`);
    console.log(`    rjsf ÷ trellis: ${(fr('rjsf', 'renderToPaint') / fr('trellis', 'renderToPaint')).toFixed(2)}x`);
    const all = (name: PageName, k: 'toPaint' | 'toDom') => keys[name].flatMap((r) => r.samples.map((s) => s[k]));
    const n = all('trellis', 'toPaint').length;
    console.log(`  keystroke (${TYPED_TEXT.length} characters × ${rounds} runs = ${n} samples each): median, p95, max`);
    for (const k of ['toPaint', 'toDom'] as const) {
      console.log(`    ${k === 'toPaint' ? 'key → next frame' : 'key → DOM updated'}`);
      for (const name of PAGES) {
        const xs = all(name, k);
        console.log(`      ${name.padEnd(8)} ${ms(median(xs))} ${ms(quantile(xs, 0.95))} ${ms(Math.max(...xs))}`);
      }
      const rm = median(all('rjsf', k)) / median(all('trellis', k));
      const rp = quantile(all('rjsf', k), 0.95) / quantile(all('trellis', k), 0.95);
      console.log(`      rjsf ÷ trellis: median ${rm.toFixed(1)}x, p95 ${rp.toFixed(1)}x`);
    }
    const p95 = quantile(all('trellis', 'toPaint'), 0.95);
    const ratio = quantile(all('rjsf', 'toPaint'), 0.95) / p95;
    console.log(`  Event Timing entries ≥ 16 ms (keydown, keypress, input): ${PAGES.map((p) => `${p} ${keys[p].reduce((a, r) => a + r.longEvents, 0)}`).join(', ')} of ${n * 3}`);
    console.log(`  (bare = the same inputs as plain DOM, no framework: the floor of this machine)`);
    console.log(`  goal: trellis p95 ≤ 16 ms: ${p95 <= 16 ? 'met' : 'NOT met'} (${p95.toFixed(1)} ms); ≥ 10× better than rjsf at p95: ${ratio >= 10 ? 'met' : 'NOT met'} (${ratio.toFixed(1)}x)`);
    return { first, keys, p95, ratio };
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await main();
}
