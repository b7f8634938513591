// The release build, served under a sub-path: loads cleanly, draws the SME chart crisply at
// several pixel ratios, redraws on resize, and publishes the catalogue.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve } from '../lib/server.mjs';
import { launch, openPage, waitForChart, canvasStats, ARTIFACTS } from '../lib/browser.mjs';

let server, browser;
before(async () => { server = await serve({ prefix: '/a/b/' }); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const CHART = 'sme-shares';

test('page loads under a sub-path with no errors and no request to another origin', async () => {
  const { context, page, problems } = await openPage(browser, server.origin, { viewport: { width: 1280, height: 900 } });
  await page.goto(server.url);
  await waitForChart(page, CHART);
  await page.waitForLoadState('networkidle');
  assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
  assert.match(await page.title(), /中小企业/);
  assert.ok(await page.locator('meta[name="description"]').getAttribute('content'));
  assert.deepEqual(problems, { console: [], page: [], foreign: [] });
  await page.screenshot({ path: ARTIFACTS + 'foundation-1280.png', fullPage: true });
  await context.close();
});

for (const dpr of [1, 2, 3]) {
  test(`chart is drawn at device pixel ratio ${dpr} with a backing store of CSS size × ratio`, async () => {
    const { context, page, problems } = await openPage(browser, server.origin, { viewport: { width: 1000, height: 800 }, deviceScaleFactor: dpr });
    await page.goto(server.url);
    await waitForChart(page, CHART);
    const s = await canvasStats(page, CHART);
    assert.equal(s.dpr, dpr);
    assert.equal(s.width, Math.round(s.cssWidth * dpr));
    assert.equal(s.height, Math.round(s.cssHeight * dpr));
    // Five bars of the bar colour: a real chart, not an empty canvas.
    assert.ok(s.barBlue > 5 * 50 * dpr * dpr, `bar pixels: ${s.barBlue}`);
    assert.deepEqual(problems, { console: [], page: [], foreign: [] });
    if (dpr === 2) await page.screenshot({ path: ARTIFACTS + 'foundation-dpr2.png', fullPage: true });
    await context.close();
  });
}

test('chart redraws at the new width when the window is resized, down to a 360 px phone', async () => {
  const { context, page, problems } = await openPage(browser, server.origin, { viewport: { width: 1280, height: 900 } });
  await page.goto(server.url);
  await waitForChart(page, CHART);
  const wide = await canvasStats(page, CHART);
  await page.setViewportSize({ width: 360, height: 780 });
  await page.waitForFunction(([chart, w]) => document.querySelector(`[data-chart="${chart}"] canvas`).width !== w, [CHART, wide.width]);
  const narrow = await canvasStats(page, CHART);
  assert.ok(narrow.cssWidth < 360, `canvas fits the phone: ${narrow.cssWidth}`);
  assert.equal(narrow.width, Math.round(narrow.cssWidth));
  assert.ok(narrow.barBlue > 500, `bar pixels after resize: ${narrow.barBlue}`);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.equal(overflow, 0, 'no horizontal scrolling on a phone');
  await page.screenshot({ path: ARTIFACTS + 'foundation-360.png', fullPage: true });
  assert.deepEqual(problems, { console: [], page: [], foreign: [] });
  await context.close();
});

test('the page shows each SME share with its qualifier in the text alternative', async () => {
  const { context, page } = await openPage(browser, server.origin);
  await page.goto(server.url);
  await waitForChart(page, CHART);
  const alt = await page.locator(`[data-chart="${CHART}"] .chart__alt`).textContent();
  for (const pct of ['50%以上', '60%以上', '70%以上', '80%以上', '90%以上']) assert.ok(alt.includes(pct), `${pct} in "${alt}"`);
  await context.close();
});

test('a wasm trap (how the release build aborts on a panic) shows the in-page error, not a dead page', async () => {
  const { context, page, problems } = await openPage(browser, server.origin, { viewport: { width: 1280, height: 900 } });
  await page.goto(server.url);
  await waitForChart(page, CHART);
  assert.equal(await page.locator('#fatal').isVisible(), false);
  // An error unrelated to the wasm is not a fatal one.
  await page.evaluate(() => dispatchEvent(new ErrorEvent('error', { error: new TypeError('elsewhere') })));
  assert.equal(await page.locator('#fatal').isVisible(), false);
  await page.evaluate(() => dispatchEvent(new ErrorEvent('error', { error: new WebAssembly.RuntimeError('unreachable') })));
  assert.equal(await page.locator('#fatal').isVisible(), true);
  assert.match(await page.locator('#fatal-detail').textContent(), /RuntimeError: unreachable/);
  assert.equal(await page.locator('#fatal a').getAttribute('href'), './');
  assert.deepEqual(problems.page, []);
  await context.close();
});
