// Debian's Chromium driven by playwright-core: never a downloaded browser.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));
mkdirSync(ARTIFACTS, { recursive: true });

export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
}

/**
 * Opens a fresh context and page that record every console error, page error and request to
 * another origin than `origin`, so a test can assert there were none.
 */
export async function openPage(browser, origin, contextOptions = {}) {
  const context = await browser.newContext(contextOptions);
  // Every flow of every spec fails on a Content-Security-Policy violation: it is reported as a
  // console error, which each spec asserts there are none of.
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'}`);
    });
  });
  const page = await context.newPage();
  const problems = { console: [], page: [], foreign: [] };
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    // A link naming a fact no report has asks for that fact's panel (index.html's first script),
    // which is not there: the browser logs the 404, and the page shows the app's view, whose notice
    // says so. Any other failed request is a problem.
    if (/^Failed to load resource: .*\b404\b/.test(m.text()) && /\/facts\/[0-9a-z-]+(\.en)?\.html$/.test(m.location().url)) return;
    problems.console.push(m.text());
  });
  page.on('pageerror', (e) => problems.page.push(String(e)));
  page.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(origin + '/') && !u.startsWith('data:') && !u.startsWith('blob:')) problems.foreign.push(u);
  });
  return { context, page, problems };
}

/** Waits until the chart's canvas has been sized and painted. */
export async function waitForChart(page, id) {
  await page.waitForFunction((chart) => {
    const c = document.querySelector(`[data-chart="${chart}"] canvas`);
    return c && c.width > 0 && c.dataset.drawn === '1';
  }, id, { timeout: 20000 });
}

/** Reads the canvas back: size, style size, and how many pixels are not the background. */
export function canvasStats(page, id) {
  return page.evaluate((chart) => {
    const c = document.querySelector(`[data-chart="${chart}"] canvas`);
    const ctx = c.getContext('2d');
    const { data } = ctx.getImageData(0, 0, c.width, c.height);
    let ink = 0, barBlue = 0;
    for (let i = 0; i < data.length; i += 4) {
      const [r, g, b] = [data[i], data[i + 1], data[i + 2]];
      if (!(r > 250 && g > 250 && b > 250)) ink++;
      if (Math.abs(r - 31) < 6 && Math.abs(g - 95) < 6 && Math.abs(b - 168) < 6) barBlue++;
    }
    const rect = c.getBoundingClientRect();
    return { width: c.width, height: c.height, cssWidth: rect.width, cssHeight: rect.height, ink, barBlue, dpr: devicePixelRatio };
  }, id);
}

/** Waits until every chart canvas on the page has been sized and painted (at least `min` of them). */
export async function waitForAllCharts(page, min = 10) {
  await page.waitForFunction((n) => {
    const canvases = [...document.querySelectorAll('figure[data-chart] canvas')];
    return canvases.length >= n && canvases.every((c) => c.dataset.drawn === '1' && c.width > 0);
  }, min, { timeout: 30000 });
}

/** The app is up and settled: its view is mounted (the boot shell gone), every section rendered
 * (they follow the first view one per frame: aria-busy until then) and every canvas drawn. */
export async function waitForApp(page) {
  await page.waitForFunction(() => {
    const canvases = [...document.querySelectorAll('figure[data-chart] canvas')];
    return document.querySelector('main') && !document.getElementById('boot') &&
      !document.querySelector('[aria-busy="true"]') && canvases.every((c) => c.dataset.drawn === '1');
  }, null, { timeout: 30000 });
}

/** Holds the page's wasm back until the returned `release()` is called: the page shows its
 * prerendered shell alone meanwhile. */
export async function holdWasm(page) {
  let release;
  const gate = new Promise((ok) => (release = ok));
  await page.route('**/*.wasm', async (r) => { await gate; await r.continue(); });
  return release;
}

/** In the page (for `page.evaluate`, in either engine's driver): scrolls the boot shell's first
 * chart into view and returns its id and the centre of its first bar as shown. */
export function firstShellBar() {
  const figure = document.querySelector('#boot figure[data-chart]');
  figure.scrollIntoView({ block: 'center' });
  const shown = [...figure.querySelectorAll('svg')].find((s) => getComputedStyle(s).display !== 'none');
  const r = shown.querySelector('[fill="var(--chart-bar)"]').getBoundingClientRect();
  return { id: figure.dataset.chart, x: r.left + r.width / 2, y: r.top + r.height / 2 };
}

/** In the page: the text of the tooltip chart `id` shows ('' for none). */
export function tooltipText(id) {
  return document.querySelector(`figure[data-chart="${id}"] .chart__canvas`)?.children[2]?.textContent ?? '';
}

/** Per chart: how many pixels are drawn (not near-white), and the canvas size. */
export function inkPerChart(page) {
  return page.evaluate(() => [...document.querySelectorAll('figure[data-chart]')].map((fig) => {
    const c = fig.querySelector('canvas');
    const { data } = c.getContext('2d').getImageData(0, 0, c.width, c.height);
    let ink = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i] < 200 || data[i + 1] < 200) ink++;
    return { id: fig.dataset.chart, ink, cssWidth: c.getBoundingClientRect().width, width: c.width };
  }));
}

/**
 * A context in which every request other than for a `file:` URL is blocked, as for a page opened
 * from disk with no network; the blocked URLs are collected in `network`.
 */
export async function offlineContext(browser, contextOptions = {}) {
  const context = await browser.newContext(contextOptions);
  const network = [];
  await context.route('**', (r) => {
    if (r.request().url().startsWith('file:')) return r.continue();
    network.push(r.request().url());
    return r.abort();
  });
  return { context, network };
}
