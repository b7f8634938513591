// The first view drawn at build time (crates/publish/src/first_view.rs): shown before the wasm arrives, laid out
// exactly like the app so nothing moves when the app replaces it, and only for the default view.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve } from '../lib/server.mjs';
import { launch, openPage, waitForAllCharts, ARTIFACTS } from '../lib/browser.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const PARTS = ['.masthead .lede', '.headlines', '.finder', '.topic__title', 'figure[data-chart]', '.chart__canvas'];

/** Top and height of each part, inside `root` ('#boot ' for the shell, '' for the app). */
const boxes = (page, root) => page.evaluate(([parts, root]) => parts.map((q) => {
  const e = document.querySelector(root + q);
  if (!e) return null;
  const r = e.getBoundingClientRect();
  return [Math.round(r.top), Math.round(r.height)];
}), [PARTS, root]);

for (const [width, scheme] of [[1280, 'light'], [360, 'light'], [1280, 'dark'], [360, 'dark']]) {
  test(`${width} px, ${scheme}: the shell shows the chart before the wasm, where the app then draws it`, async () => {
    const { context, page, problems } = await openPage(browser, server.origin, { viewport: { width, height: 800 }, colorScheme: scheme });
    // The shell alone: the wasm never arrives.
    await page.route('**/*.wasm', (r) => r.abort());
    await page.goto(server.url);
    const shown = await page.evaluate(() => [...document.querySelectorAll('#boot svg')]
      .filter((s) => getComputedStyle(s).display !== 'none')
      .map((s) => ({ cls: s.getAttribute('class'), bar: getComputedStyle(s.querySelector('[fill="var(--chart-bar)"]')).fill })));
    assert.equal(shown.length, 1, JSON.stringify(shown));
    assert.equal(shown[0].cls, `boot__${width > 700 ? 'wide' : 'narrow'}`);
    // One drawing for both themes: its colours are the theme's (charts::draw::LIGHT and DARK).
    assert.equal(shown[0].bar, scheme === 'dark' ? 'rgb(110, 168, 232)' : 'rgb(31, 95, 168)');
    const text = await page.locator('#boot').innerText();
    for (const n of ['7.8万座', '94.3%', '中小企业对国民经济的贡献']) assert.ok(text.includes(n), n);
    const svgText = await page.locator('#boot svg').first().evaluate((s) => s.textContent);
    assert.match(svgText, /50%以上/);
    await page.screenshot({ path: `${ARTIFACTS}first-view-shell-${width}-${scheme}.png` });
    const shell = await boxes(page, '#boot ');

    const app = await context.newPage();
    await app.goto(server.url);
    await waitForAllCharts(app);
    assert.equal(await app.locator('#boot').count(), 0, 'the shell is gone once the app runs');
    assert.deepEqual(await boxes(app, ''), shell, 'the app lays out exactly like the shell');
    // The wasm request the first page aborted is the only problem expected.
    assert.ok(problems.console.every((m) => /wasm|WebAssembly|fetch|Failed to load/i.test(m)), problems.console.join('\n'));
    await context.close();
  });
}

test('a link with a view, or stored preferences, hide the prerendered view (it is the default one)', async () => {
  const { context, page } = await openPage(browser, server.origin, { viewport: { width: 1280, height: 800 } });
  await page.route('**/*.wasm', (r) => r.abort());
  await page.goto(server.url + '?lang=en');
  assert.equal(await page.locator('#boot .boot__view').isVisible(), false);
  assert.equal(await page.locator('#boot h1').isVisible(), true, 'the masthead still paints');
  await page.goto(server.url);
  assert.equal(await page.locator('#boot .boot__view').isVisible(), true);
  await page.evaluate(() => localStorage.setItem('indicator-dashboard.prefs', 'lang=en'));
  await page.reload();
  assert.equal(await page.locator('#boot .boot__view').isVisible(), false);
  await context.close();
});
