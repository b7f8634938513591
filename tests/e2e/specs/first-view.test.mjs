// The first view drawn at build time (crates/publish/src/first_view.rs): shown before the wasm
// arrives, laid out exactly like the app so nothing moves when the app replaces it, and only for a
// view it shows (the report from the top, in Chinese on its page and in English on its English
// page; links to a section or chart: link-first-paint.test.mjs).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '../lib/server.mjs';
import { launch, openPage, waitForAllCharts, waitForApp, firstShellBar, tooltipText, holdWasm, ARTIFACTS } from '../lib/browser.mjs';

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

/** Every chart's figure and drawing box, by chart: top and height (page coordinates). */
const chartBoxes = (page, root) => page.evaluate((root) => Object.fromEntries(
  [...document.querySelectorAll(`${root} figure[data-chart]`)].map((f) => {
    const box = (e) => { const r = e.getBoundingClientRect(); return [Math.round(r.top + scrollY), Math.round(r.height)]; };
    return [f.dataset.chart, [...box(f), ...box(f.querySelector('.chart__canvas'))]];
  })), root);

/** The shell's drawings as shown: per chart, the one drawing displayed, its text's smallest and
 * largest rendered size, whether it fits its box, and its bar colour. */
const shownDrawings = (page) => page.evaluate(() => [...document.querySelectorAll('#boot figure[data-chart]')].map((f) => {
  const shown = [...f.querySelectorAll('svg')].filter((s) => getComputedStyle(s).display !== 'none');
  const s = shown[0];
  const box = f.querySelector('.chart__canvas').getBoundingClientRect();
  const sizes = s ? [...s.querySelectorAll('text')].map((t) => t.getBoundingClientRect().height).filter((h) => h > 0) : [];
  const bar = s?.querySelector('[fill="var(--chart-bar)"]');
  const r = s?.getBoundingClientRect();
  return {
    id: f.dataset.chart, count: shown.length, cls: s?.getAttribute('class'),
    smallest: Math.min(...sizes), largest: Math.max(...sizes),
    fits: !!r && r.width <= box.width + 0.5 && r.height <= box.height + 0.5,
    bar: bar && getComputedStyle(bar).fill,
  };
}));

/** Opens `url`'s shell alone (the wasm never arrives) and checks every chart shows legibly in it,
 * then opens the app and checks it lays every chart out where the shell did. */
async function shellThenApp(server, url, width, scheme, shot) {
  const { context, page, problems } = await openPage(browser, server.origin, { viewport: { width, height: 800 }, colorScheme: scheme });
  await page.route('**/*.wasm', (r) => r.abort());
  await page.goto(url);
  const shown = await shownDrawings(page);
  assert.ok(shown.length >= 1, 'charts in the shell');
  for (const d of shown) {
    assert.equal(d.count, 1, `${d.id}: one drawing shows`);
    assert.ok(d.fits, `${d.id}: the drawing fits its box`);
    // Legible: fitted, never enlarged (the 11 px ticks to the 14 px titles, scaled down to no less than 8 px).
    assert.ok(d.smallest >= 8 * 0.95 && d.largest <= 22, `${d.id}: text ${d.smallest}..${d.largest} px`);
    // One drawing for both themes: its colours are the theme's (charts::draw::LIGHT and DARK).
    assert.equal(d.bar, scheme === 'dark' ? 'rgb(110, 168, 232)' : 'rgb(31, 95, 168)', d.id);
  }
  // At the widths the drawings were made for, the first chart's is that width's.
  if (width === 1280 || width === 360) assert.equal(shown[0].cls, `prerendered prerendered--${width > 700 ? 'desktop' : 'phone'}`);
  if (shot) await page.screenshot({ path: `${ARTIFACTS}${shot}.png` });
  // The shell skips laying out the sections below the first until a reader scrolls near them
  // (content-visibility); measured as the reader finds them then.
  await page.evaluate(() => { for (const s of document.querySelectorAll('#boot .topic')) s.style.contentVisibility = 'visible'; });
  const shell = await boxes(page, '#boot ');
  const shellCharts = await chartBoxes(page, '#boot');

  const app = await context.newPage();
  await app.goto(url);
  await waitForAllCharts(app, shown.length);
  assert.equal(await app.locator('#boot').count(), 0, 'the shell is gone once the app runs');
  assert.equal(await app.locator('.chart__standin').count(), 0, 'every drawing the app adopted is replaced by its canvas');
  assert.deepEqual(await boxes(app, ''), shell, 'the app lays out exactly like the shell');
  const appCharts = await chartBoxes(app, 'main');
  assert.deepEqual(Object.keys(appCharts), Object.keys(shellCharts), 'the shell has every chart the app draws, in order');
  assert.deepEqual(appCharts, shellCharts, 'every chart lies where the shell drew it, as high');
  // The wasm request the first page aborted is the only problem expected.
  assert.ok(problems.console.every((m) => /wasm|WebAssembly|fetch|Failed to load/i.test(m)), problems.console.join('\n'));
  await context.close();
}

for (const [width, scheme] of [[1280, 'light'], [360, 'light'], [1280, 'dark'], [360, 'dark'], [320, 'light'], [600, 'dark'], [1024, 'light'], [1100, 'light'], [1920, 'light']]) {
  test(`${width} px, ${scheme}: the shell shows every chart before the wasm, where the app then draws it`, async () => {
    const { context, page } = await openPage(browser, server.origin, { viewport: { width, height: 800 } });
    await page.route('**/*.wasm', (r) => r.abort());
    await page.goto(server.url);
    assert.equal((await shownDrawings(page)).length, 10, 'the report\'s ten charts');
    const text = await page.locator('#boot').innerText();
    for (const n of ['7.8万座', '94.3%', '中小企业对国民经济的贡献', '洛宁']) assert.ok(text.includes(n), n);
    assert.match(await page.locator('#boot svg').first().evaluate((s) => s.textContent), /50%以上/);
    await context.close();
    await shellThenApp(server, server.url, width, scheme, `first-view-shell-${width}-${scheme}`);
  });
}

// In English: the Chinese page sends the link on to the report's English page, drawn in English
// and laid out as the English app.
for (const [width, scheme] of [[1280, 'light'], [360, 'dark'], [320, 'light'], [1024, 'dark']]) {
  test(`${width} px, ${scheme}: in English, the shell shows every chart before the wasm, where the app then draws it`, async () => {
    const { context, page } = await openPage(browser, server.origin, { viewport: { width, height: 800 } });
    await page.route('**/*.wasm', (r) => r.abort());
    await page.goto(server.url + '?lang=en');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    assert.equal((await shownDrawings(page)).length, 10, 'the report\'s ten charts');
    const text = await page.locator('#boot').innerText();
    for (const n of ['78,000', '94.3%', 'Luoning']) assert.ok(text.includes(n), n);
    assert.ok(!/[\u4e00-\u9fff]/.test(await page.locator('#boot .boot__view .topic__title').first().innerText()), 'headings in English');
    await context.close();
    await shellThenApp(server, server.url + '?lang=en', width, scheme, `first-view-shell-en-${width}-${scheme}`);
  });
}

// Every report's page has its own shell (`with_first_view` with that report open): the fixture
// reports' too, on the six-report site.
const MULTI = resolve(fileURLToPath(new URL('../../../dist-multi/', import.meta.url)));
const FIXTURE_PAGES = existsSync(MULTI) ? readdirSync(MULTI).filter((f) => /^fixture-[a-z0-9-]+\.html$/.test(f)) : [];
test('the six-report site is built (DASHBOARD_SEEDS=seeds:tests/fixtures/reports bash .ci/build --dist dist-multi)', () => {
  assert.ok(FIXTURE_PAGES.length >= 4, FIXTURE_PAGES.join(' '));
});
for (const name of FIXTURE_PAGES) {
  test(`${name}: its shell shows its every chart, where the app then draws it (360 and 1280 px, both languages)`, async () => {
    const multi = await serve({ root: MULTI });
    try {
      for (const [width, scheme] of [[360, 'dark'], [1280, 'light'], [800, 'light']]) await shellThenApp(multi, multi.url + name, width, scheme);
      for (const [width, scheme] of [[360, 'light'], [1280, 'dark']]) await shellThenApp(multi, multi.url + name + '?lang=en', width, scheme);
    } finally {
      await multi.close();
    }
  });
}

/** A pointer resting on a bar of the shell's drawing, before any code arrived: once the app takes
 * the chart over, that bar's tooltip shows without the pointer moving again. */
async function hoverBeforeTheApp(server, url, width) {
  const { context, page, problems } = await openPage(browser, server.origin, { viewport: { width, height: 800 } });
  const release = await holdWasm(page);
  await page.goto(url);
  const bar = await page.evaluate(firstShellBar);
  await page.mouse.move(bar.x, bar.y);
  assert.equal(await page.locator('#boot').count(), 1, 'the shell is still up: no code yet');
  release();
  await page.waitForFunction(() => !document.getElementById('boot'), null, { timeout: 20000 });
  await page.waitForFunction(tooltipText, bar.id, { timeout: 5000 }).catch(() => {});
  const tip = await page.evaluate(tooltipText, bar.id);
  assert.ok(tip.length > 10, `${url} at ${width} px: the bar hovered before the app shows its tooltip (got "${tip}")`);
  assert.deepEqual(problems, { console: [], page: [], foreign: [] });
  await context.close();
  return tip;
}

test('a hover made on the shell before the code arrives is answered once the app takes the chart over', async () => {
  for (const width of [1280, 360]) {
    const tip = await hoverBeforeTheApp(server, server.url, width);
    assert.match(tip, /50%以上/, 'the first bar\'s value, with its source sentence');
  }
  // The same on a fixture report's page (the six-report site), when it is built.
  if (FIXTURE_PAGES.length > 0) {
    const multi = await serve({ root: MULTI });
    try {
      await hoverBeforeTheApp(multi, multi.url + FIXTURE_PAGES[0], 1280);
    } finally {
      await multi.close();
    }
  }
});

test('the hand-over leaves no chart blank: each is the app\'s drawn canvas, or the shell\'s drawing in its place', async () => {
  for (const width of [1280, 360]) {
    const { context, page } = await openPage(browser, server.origin, { viewport: { width, height: 800 } });
    // In every frame from the shell's removal on, just before it is painted, every chart the reader
    // could scroll to is checked: a painted canvas, or one drawing from the shell showing in its
    // box. "Just before": after the app's resize observers (a canvas learns its width from one, and
    // is drawn or covered in the effects that follow), which run before one created in the frame.
    await page.addInitScript(() => {
      window.__blank = [];
      const check = () => {
        if (document.getElementById('boot') || !document.querySelector('main')) return;
        for (const f of document.querySelectorAll('main figure[data-chart]')) {
          const c = f.querySelector('canvas');
          const drawn = c && c.dataset.drawn === '1' && !c.hidden;
          const svgs = [...f.querySelectorAll('svg')].filter((s) => getComputedStyle(s).display !== 'none' && s.getBoundingClientRect().height > 0);
          if (!drawn && svgs.length !== 1) window.__blank.push(`${f.dataset.chart}: canvas ${c ? (c.hidden ? 'hidden' : 'undrawn') : 'none'}, ${svgs.length} drawings`);
        }
        for (const s of document.querySelectorAll('main section.topic')) {
          if (!s.querySelector('figure[data-chart]')) window.__blank.push(`${s.id}: no chart`);
        }
      };
      const frame = () => {
        const last = new ResizeObserver(() => { last.disconnect(); check(); });
        last.observe(document.documentElement);
        requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    });
    await page.goto(server.url);
    await waitForApp(page);
    // A few frames more, over the charts drawn when idle.
    await page.evaluate(() => new Promise((r) => setTimeout(r, 300)));
    const blank = await page.evaluate(() => [...new Set(window.__blank)]);
    assert.deepEqual(blank, [], blank.join('\n'));
    await context.close();
  }
});

test('a chart built again later (a search hid it) is drawn, never covered by the first view\'s drawing', async () => {
  const { context, page } = await openPage(browser, server.origin, { viewport: { width: 1280, height: 800 } });
  await page.goto(server.url);
  await waitForApp(page);
  const search = page.locator('input[type="search"]');
  // Only the first section's charts stay; clearing the search builds every other section again.
  await search.fill('税收');
  await page.waitForFunction(() => document.querySelectorAll('main figure[data-chart]').length < 5);
  // Every drawing from the shell added to the page from here on.
  await page.evaluate(() => {
    window.__standIns = 0;
    new MutationObserver((records) => {
      for (const r of records) for (const n of r.addedNodes) if (n.classList?.contains('chart__standin')) window.__standIns++;
    }).observe(document.body, { childList: true, subtree: true });
  });
  await search.fill('');
  await page.waitForFunction(() => document.querySelectorAll('main figure[data-chart]').length >= 10);
  await waitForAllCharts(page);
  assert.equal(await page.evaluate(() => window.__standIns), 0, 'no drawing from the shell stands in once the app has built the chart');
  await context.close();
});

test('an English link, or a stored English preference, paint the report drawn in English at the address given', async () => {
  const { context, page, problems } = await openPage(browser, server.origin, { viewport: { width: 1280, height: 800 } });
  await page.route('**/*.wasm', (r) => r.abort());
  const shell = () => page.evaluate(() => ({
    lang: document.documentElement.lang,
    shown: !!document.querySelector('#boot .boot__view')?.checkVisibility(),
    title: document.querySelector('#boot h1')?.textContent,
    address: location.href,
  }));
  await page.goto(server.url + '?lang=en');
  const en = await shell();
  assert.deepEqual({ ...en, title: /[\u4e00-\u9fff]/.test(en.title) }, { lang: 'en', shown: true, title: false, address: server.url + '?lang=en' });
  // No language, or Chinese: the Chinese page, which the English one sends such a link back to.
  await page.goto(server.url);
  assert.deepEqual({ ...(await shell()), title: undefined }, { lang: 'zh-CN', shown: true, title: undefined, address: server.url });
  const englishPage = await page.evaluate(() => window.dashboardSite.en);
  assert.equal(englishPage, 'index.en.html');
  await page.goto(server.url + englishPage + '?lang=zh&theme=dark');
  await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
  assert.deepEqual({ ...(await shell()), title: undefined }, { lang: 'zh-CN', shown: true, title: undefined, address: server.url + '?lang=zh&theme=dark' });
  // A bare visit, with English stored as the reader's language (and a theme).
  await page.evaluate(() => localStorage.setItem('indicator-dashboard.prefs', 'lang=en&theme=dark'));
  await page.goto(server.url);
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  assert.deepEqual({ ...(await shell()), title: undefined }, { lang: 'en', shown: true, title: undefined, address: server.url });
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
  // The default report's own page (also `NAME.html`) has its own twin, which puts that address back.
  await page.evaluate(() => localStorage.clear());
  const own = await page.evaluate(() => window.dashboardSite.name + '.html');
  await page.goto(server.url + own + '?lang=en');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  assert.deepEqual({ ...(await shell()), title: undefined }, { lang: 'en', shown: true, title: undefined, address: server.url + own + '?lang=en' });
  // offline.html has no twin beside it: its Chinese view stays hidden, and the app draws English.
  await page.goto(server.url + 'offline.html?lang=en', { waitUntil: 'domcontentloaded' });
  assert.deepEqual(await page.evaluate(() => [document.documentElement.classList.contains('boot-plain'), location.pathname.endsWith('/offline.html')]), [true, true]);
  // Nothing failed on the way but the wasm this test holds back (the Chinese page asks for nothing
  // before it goes: budget.test.mjs).
  assert.ok(problems.page.every((m) => /Failed to fetch/.test(m)), problems.page.join('\n'));
  assert.ok(problems.console.every((m) => /wasm|WebAssembly|fetch|Failed to load/i.test(m)), problems.console.join('\n'));
  await context.close();
});
