// Several reports (#15, #22): the release build of the real report with the three fixture reports
// of tests/fixtures/reports/ (dist-multi/, built by .ci/test with DASHBOARD_SEEDS). Each report is
// a page of its own (every-report.test.mjs runs the reader tasks on them); here, what a site of
// several reports adds: the first load stays that of one report, a report's page reads no other
// report until asked, the series of its indicators across reports, search in every report, draft
// marks, and offline.html as the default report alone. In Chromium and Firefox, with no console
// error, policy violation or request to another origin.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { serve, DIST, MULTI } from '../lib/server.mjs';
import { ARTIFACTS, launch, offlineContext, openPage, waitForApp } from '../lib/browser.mjs';
import { launchFirefox, openFirefoxPage, waitForAppFirefox } from '../lib/firefox.mjs';

const CLEAN = { console: [], page: [], foreign: [] };
// The fixture reports the site is built with (tests/fixtures/reports/), beside the real one.
const FIXTURES = readdirSync(resolve(fileURLToPath(new URL('../../fixtures/reports/', import.meta.url)))).filter((f) => f.endsWith('.facts.toml')).length;

let server, browser;
before(async () => {
  assert.ok(existsSync(join(MULTI, 'index.html')), `no ${MULTI}: build it with DASHBOARD_SEEDS=seeds:tests/fixtures/reports bash .ci/build --dist dist-multi`);
  server = await serve({ root: MULTI });
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

/** Where a page's site block says its report's data is. */
function dataPath(dir, page = 'index.html') {
  const html = readFileSync(join(dir, page), 'utf8');
  const block = html.match(/<script type="application\/json" id="site">([^<]*)<\/script>/);
  assert.ok(block, 'index.html has a site block');
  return JSON.parse(block[1]).data;
}

/** Gzipped bytes of what the default page fetches: the page, the glue, the wasm, the icon and
 * the open report's data. */
function firstLoad(dir) {
  return readdirSync(dir)
    .filter((f) => f === 'index.html' || /^dashboard-.*\.(js|wasm)$/.test(f) || /^favicon-/.test(f))
    .concat([dataPath(dir)])
    .reduce((sum, f) => sum + gzipSync(readFileSync(join(dir, f)), { level: 9 }).length, 0);
}

test('with the fixture reports beside it the first load grows by less than 2 KB and stays within 160 KB: the same wasm and glue, byte for byte, hold no report', async () => {
  const one = firstLoad(DIST), more = firstLoad(MULTI);
  console.log(`first load: 1 report ${one} B, ${FIXTURES + 1} reports ${more} B gzipped (+${more - one} B)`);
  assert.ok(more - one < 2000, `${more - one} B more`);
  assert.ok(more <= 160000, `${more} B gzipped with ${FIXTURES + 1} reports`);
  // extras.js is left out: its minified text varies from one build to the next of the same input
  // (names and order chosen by the minifier), while its wasm does not.
  const code = (dir) => readdirSync(dir).filter((f) => /^(dashboard-.*\.(js|wasm)|extras_bg\.wasm)$/.test(f)).sort();
  assert.deepEqual(code(MULTI), code(DIST), 'the same file names (Trunk names them by content)');
  for (const f of code(DIST)) assert.ok(readFileSync(join(DIST, f)).equals(readFileSync(join(MULTI, f))), `${f} differs`);
  // So are the page's scripts, from two builds: the publish step minifies them the same way each
  // time (Trunk's minifier did not, and the budget moved by a few bytes from build to build).
  const scripts = (dir) => [...readFileSync(join(dir, 'index.html'), 'utf8').matchAll(/<script( type=module)?>([^<]*)<\/script>/g)].map((m) => m[2]);
  assert.equal(scripts(DIST).length, 3, 'the two boot scripts and the loader');
  assert.deepEqual(scripts(MULTI), scripts(DIST));
  const bytes = readFileSync(join(MULTI, code(MULTI).find((f) => f.endsWith('.wasm') && f.startsWith('dashboard')))).toString('latin1');
  for (const text of ['东海省', 'fixture-east-2021q1-3', '清偿进度为98%', '贡献了50%以上的税收', 'sme-share-tax']) {
    assert.ok(!bytes.includes(Buffer.from(text).toString('latin1')), `${text} is not in the wasm`);
  }
});

test('a report\'s page reads its own data, and another report\'s file only when it needs it: the series of its indicators, a search', async () => {
  const { context, page, problems } = await openPage(browser, server.origin, { viewport: { width: 1280, height: 900 } });
  const fetched = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  const files = (re) => fetched.filter((p) => re.test(p));
  // The real report's page is long, and it shares no indicator with another report.
  await page.goto(server.url);
  await waitForApp(page);
  assert.ok(fetched.some((p) => p.endsWith(dataPath(MULTI))), 'its own data, with the page');
  assert.deepEqual(files(/\/reports\/.*\.json$/), [], 'no report file or index on arrival');
  // Near the end of the page: the index, to find the series; no other report has a point of its
  // indicators, so no other report's file.
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => /\/reports\/index\.[0-9a-f]+\.json$/.test(e.name)), null, { timeout: 30000 });
  await page.waitForTimeout(500);
  assert.deepEqual(files(/\/reports\/fixture-[^/]*\.json$/), []);
  // A search reads every report.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.locator('input[type="search"]').pressSequentially('清偿');
  await page.locator('.finder__elsewhere li').first().waitFor({ timeout: 30000 });
  assert.equal(files(/\/reports\/fixture-[^/]*\.json$/).length, FIXTURES);
  // A fixture brief's page: the series of its indicator read the one other report with points of
  // it (the Q3 draft), not the others.
  fetched.length = 0;
  await page.goto(server.url + 'fixture-east-2021q1.html');
  await waitForApp(page);
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await page.locator('#across figure[data-series="east-5g-stations"]').waitFor({ timeout: 30000 });
  assert.equal(files(/\/reports\/fixture-east-2021q3\.[0-9a-f]+\.json$/).length, 1);
  assert.deepEqual(files(/\/reports\/(fixture-west-2021h1|000_)[^/]*\.json$/), []);
  assert.deepEqual(problems, CLEAN);
  await context.close();
});

for (const [lang, width] of [['zh', 1280], ['en', 360]]) {
  test(`the series of a report's indicator across reports (${lang}, ${width} px): every point with its report and sentence, the gap and the bound honest`, async () => {
    const { context, page, problems } = await openPage(browser, server.origin, { viewport: { width, height: 900 } });
    await page.goto(server.url + 'fixture-east-2021q1.html?fact=fixture-east-2021q1-3' + (lang === 'en' ? '&lang=en' : ''));
    await waitForApp(page);
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    const series = page.locator('#across figure[data-series="east-5g-stations"]');
    await series.waitFor({ timeout: 30000 });
    assert.match(await series.textContent(), lang === 'en' ? /3 points from 2 reports[\s\S]*No report gives Jun 2021/ : /3个时点，来自2份报告[\s\S]*缺少2021年6月的数据/);
    assert.equal(await series.locator('svg polygon').count(), 1);
    // The link's fact is marked; each point links to its fact on its report's page.
    assert.equal(await series.locator('tr[data-series-fact="fixture-east-2021q1-3"]').getAttribute('aria-current'), 'true');
    const q3 = series.locator('tr[data-series-fact^="fixture-east-2021q3-"] a').first();
    assert.match(await q3.getAttribute('href'), /^fixture-east-2021q3\.html\?fact=fixture-east-2021q3-/);
    // Drafted points are marked.
    assert.ok(await series.locator('.draft-mark').count() > 0);
    // Interactive: each point a hit target over its drawn point; hover or keyboard focus shows
    // its tip with the value, report and sentence; the link's point is marked.
    await page.keyboard.press('Escape');
    // Three points, and first the Q1 brief's end-2020 figure, which the Q3 brief revised.
    assert.equal(await series.locator('a.series__hit').count(), 4);
    assert.equal(await series.locator('a.series__hit').first().getAttribute('data-revised'), 'earlier');
    const hits = series.locator('a.series__hit:not([data-revised])');
    const dot = await series.locator('svg').evaluate((svg) => {
      const c = [...svg.querySelectorAll('circle')].map((e) => e.getBoundingClientRect());
      return c.map((r) => [r.x + r.width / 2, r.y + r.height / 2]);
    });
    const boxes = await hits.evaluateAll((a) => a.map((e) => { const r = e.getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]; }));
    boxes.forEach(([x, y], i) => assert.ok(Math.abs(x - dot[i][0]) < 3 && Math.abs(y - dot[i][1]) < 3, `point ${i} at ${x},${y}, drawn at ${dot[i]}`));
    assert.equal(await series.locator('a.series__hit[aria-current="true"]').getAttribute('data-series-point'), 'fixture-east-2021q1-3');
    await hits.nth(2).scrollIntoViewIfNeeded();
    await hits.nth(2).hover();
    const tip = hits.nth(2).locator('.series__tip');
    await tip.waitFor({ state: 'visible' });
    assert.match(await tip.textContent(), /7\.4万座|74,000/);
    assert.match(await tip.textContent(), /截至2021年9月末，全省累计建成5G基站7\.4万座/);
    await page.mouse.move(0, 0);
    await hits.nth(0).focus();
    await hits.nth(0).locator('.series__tip').waitFor({ state: 'visible' });
    await series.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${ARTIFACTS}reports-series-${lang}-${width}.png` });
    await q3.click();
    await page.waitForURL((u) => u.pathname.endsWith('/fixture-east-2021q3.html'));
    await waitForApp(page);
    assert.match(new URL(page.url()).searchParams.get('fact'), /^fixture-east-2021q3-/);
    assert.deepEqual(problems, CLEAN);
    await context.close();
  });
}

test('the hand-written report: stations written 座 and 个 are one unit, and its stock and flow agree', async () => {
  const { context, page, problems } = await openPage(browser, server.origin, { viewport: { width: 1280, height: 900 } });
  await page.goto(server.url + 'fixture-west-2021h1.html?table=west-5g-stations&fact=west-5g-stations-2021h1-new');
  await waitForApp(page);
  const figure = page.locator('figure[data-chart="west-5g-stations"]');
  const rows = figure.locator('tbody tr');
  await rows.first().waitFor();
  // The sentence says 3120个, the unit is the stations the other facts count in 座: one axis, one unit.
  assert.match(await page.locator('aside.source[data-fact="west-5g-stations-2021h1-new"] mark').textContent(), /3120个$/);
  // End-2020 stock, the half-year's additions, the stock they add up to, and the stated stock.
  const values = await rows.locator('td.num').allTextContents();
  assert.deepEqual(values, ['9,560座', '+3,120座', '12,680座', '12,680座']);
  assert.equal(await rows.locator('xpath=self::*[@data-fact="west-5g-stations-2021h1-new"]').count(), 1);
  assert.match(await figure.locator('.chart__note').allTextContents().then((t) => t.join(' ')), /9560 \+ 3120 = 12680/);
  assert.match(await figure.locator('.chart__source').textContent(), /西山市通信发展办公室/);
  assert.deepEqual(problems, CLEAN);
  await context.close();
});

test('a drafted report\'s page marks every figure no person has reviewed', async () => {
  const { context, page, problems } = await openPage(browser, server.origin, { viewport: { width: 1280, height: 900 } });
  await page.goto(server.url + 'fixture-east-2021q3.html?table=fixture-east-2021q3-station,fixture-east-2021q3-household,fixture-east-2021q3-percent,fixture-east-2021q3-restated');
  await waitForApp(page);
  const ids = await page.$$eval('figure[data-chart] tbody tr[data-fact]', (r) => r.filter((x) => x.dataset.fact).map((x) => [x.dataset.fact, !!x.querySelector('.draft-mark')]));
  assert.equal(ids.length, 7);
  for (const [id, marked] of ids) assert.ok(marked, `${id} is marked as not yet reviewed`);
  await page.screenshot({ path: `${ARTIFACTS}reports-draft-zh-1280.png` });
  assert.deepEqual(problems, CLEAN);
  await context.close();
});

test('the finder searches every report; a hit in another report opens that report\'s page at the fact', async () => {
  const { context, page, problems } = await openPage(browser, server.origin, { viewport: { width: 1280, height: 900 } });
  await page.goto(server.url);
  await waitForApp(page);
  await page.locator('input[type="search"]').pressSequentially('清偿');
  const hits = page.locator('.finder__elsewhere a[data-report-link]');
  await hits.first().waitFor({ timeout: 30000 });
  assert.equal(await hits.count(), 2);
  assert.match(await page.locator('.finder__elsewhere').textContent(), /其他报告中的2个数字/);
  // The open report's own results are still there.
  assert.ok(await page.locator('.finder__results [data-fact="gd-clearance-2020-06"]').count() > 0);
  await hits.first().click();
  await page.waitForURL((u) => u.pathname.endsWith('/fixture-east-2021q1.html') && u.searchParams.get('fact') === 'fixture-east-2021q1-6');
  await waitForApp(page);
  await page.locator('aside.source[data-fact="fixture-east-2021q1-6"]').waitFor();
  assert.deepEqual(problems, CLEAN);
  await context.close();
});

test('offline.html is the default report alone: no list of other pages, and it works from file:// with the network blocked', async () => {
  const { context, network } = await offlineContext(browser, { viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(pathToFileURL(join(MULTI, 'offline.html')).href + '?fact=gd-5g-stations-2019');
  await page.locator('aside.source[data-fact="gd-5g-stations-2019"]').waitFor({ timeout: 60000 });
  await page.waitForFunction(() => document.querySelector('.source__paragraph')?.textContent.length > 40, null, { timeout: 30000 });
  assert.equal(await page.locator('nav.site-reports').count(), 0);
  assert.deepEqual(network, []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('Firefox: the series across reports on a report\'s page', async () => {
  const firefox = await launchFirefox();
  try {
    const { context, page, problems } = await openFirefoxPage(firefox, server.origin, { width: 1280, height: 900 });
    await page.goto(server.url + 'fixture-east-2021q1.html?lang=en');
    await waitForAppFirefox(page, 1);
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.waitForSelector('#across figure[data-series="east-5g-stations"] svg', { timeout: 30000 });
    const hit = '#across figure[data-series="east-5g-stations"] a.series__hit[data-series-point^="fixture-east-2021q3-"]';
    await page.$eval(hit, (h) => h.scrollIntoView({ block: 'center' }));
    await page.hover(hit);
    await page.waitForFunction((sel) => getComputedStyle(document.querySelector(`${sel} .series__tip`)).display === 'block', {}, hit);
    await page.screenshot({ path: `${ARTIFACTS}firefox-reports-en.png` });
    assert.deepEqual(problems, CLEAN);
    await context.close();
  } finally {
    await firefox.close();
  }
});
