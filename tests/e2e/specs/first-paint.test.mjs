// What the first paint takes (#27). Every page paints from its HTML alone (the CSS inlined, the first
// view drawn in it): its size is held to half of what the Chart.js reference page (bench/chartjs/)
// fetches to draw its charts, 86.3 kB gzipped as `bash bench/run` measured it; the total with the
// code is the first-load budget (budget.test.mjs). The plain pages (the whole report without
// scripts) are held too. And a pointer resting on the prerendered chart while the code is on its
// way gets its tooltip once the app takes over: the app draws the chart where the shell did, and
// the engine sends a resting pointer's hover to what comes under it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve, DIST } from '../lib/server.mjs';
import { launch, openPage, waitForApp } from '../lib/browser.mjs';

const MULTI = resolve(fileURLToPath(new URL('../../../dist-multi/', import.meta.url)));
const KB = 1000;
const PAGE_LIMIT = 43 * KB;
const PLAIN_PAGE_LIMIT = 60 * KB;

let server, browser;
before(async () => { server = await serve({ root: DIST }); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const gz = (dir, name) => gzipSync(readFileSync(join(dir, name)), { level: 9 }).length;

test(`every dashboard page paints from at most ${PAGE_LIMIT / KB} KB gzipped of HTML, every plain page is at most ${PLAIN_PAGE_LIMIT / KB} KB`, () => {
  assert.ok(existsSync(join(MULTI, 'index.html')), `build ${MULTI} first (see every-report.test.mjs)`);
  for (const dir of [DIST, MULTI]) {
    const pages = readdirSync(dir).filter((f) => f.endsWith('.html') && f !== 'offline.html');
    const plain = pages.filter((f) => f.includes('.plain.'));
    const dashboards = pages.filter((f) => !f.includes('.plain.') && f !== 'reports.html');
    // Per report: its page, its English twin and two plain pages, a table page per chart and a
    // reading page per article in each language; and the site's address with its twin.
    const views = dashboards.filter((f) => /\.(table|read)-/.test(f));
    const twins = dashboards.filter((f) => f.endsWith('.en.html') && !views.includes(f)).length;
    assert.ok(twins > 1 && dashboards.length - views.length === 2 * twins && plain.length === 2 * (twins - 1), `${dir}: ${pages.join(', ')}`);
    for (const kind of ['table', 'read']) {
      const these = views.filter((f) => f.includes(`.${kind}-`));
      assert.ok(these.length >= twins - 1 && these.length % 2 === 0 && these.every((f) => dashboards.includes(f.replace(/\.html$/, '.en.html')) || f.endsWith('.en.html')), `${dir}: ${kind}: ${these.join(', ')}`);
    }
    for (const f of dashboards) assert.ok(gz(dir, f) <= PAGE_LIMIT, `${dir}/${f}: ${gz(dir, f)} B gzipped`);
    for (const f of plain) assert.ok(gz(dir, f) <= PLAIN_PAGE_LIMIT, `${dir}/${f}: ${gz(dir, f)} B gzipped`);
    console.log(`${dir}: dashboard pages ${dashboards.map((f) => (gz(dir, f) / KB).toFixed(1)).join(', ')} KB; plain pages ${plain.map((f) => (gz(dir, f) / KB).toFixed(1)).join(', ')} KB gzipped`);
  }
});

test('a pointer resting on a bar while the code is on its way gets its tooltip when the app takes over', async () => {
  const { context, page, problems } = await openPage(browser, server.origin, { viewport: { width: 1280, height: 800 } });
  // The wasm waits until the pointer is on the bar.
  let release;
  const held = new Promise((ok) => { release = ok; });
  await page.route(/_bg\.wasm$/, async (route) => { await held; await route.continue(); });
  await page.goto(server.url);
  await page.waitForLoadState('domcontentloaded');
  // The first bar of the shell's chart, as drawn.
  const bar = await page.evaluate(() => {
    const svg = [...document.querySelectorAll('#boot svg')].find((s) => s.getBoundingClientRect().width > 0);
    const r = svg.querySelector('rect[fill="var(--chart-bar)"]').getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  });
  await page.mouse.move(bar.x, bar.y);
  await page.waitForTimeout(300);
  assert.equal(await page.locator('.tooltip').count(), 0, 'no tooltip before the app');
  release();
  await waitForApp(page);
  // Not moved since: the app answers the hover it missed.
  const tip = page.locator('.tooltip');
  await tip.waitFor({ timeout: 5000 });
  assert.ok((await tip.textContent()).length > 0);
  assert.deepEqual([problems.console, problems.page, problems.foreign], [[], [], []]);
  await context.close();
});
