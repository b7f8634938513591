// Several reports (#15): the release build of the real report with the three fixture reports of
// tests/fixtures/reports/ (dist-multi/, built by .ci/test with DASHBOARD_SEEDS). The first load is
// the real report's, a few hundred bytes of code aside; the others are listed at the end of the
// page, opened in place from their own files, found by the finder, reached by links (also from
// offline.html, which carries them inline), with draft marks and the series across reports. In
// Chromium and Firefox, with no console error, policy violation or request to another origin.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { serve, DIST } from '../lib/server.mjs';
import { ARTIFACTS, launch, offlineContext, openPage, waitForApp } from '../lib/browser.mjs';
import { launchFirefox, openFirefoxPage, waitForAppFirefox } from '../lib/firefox.mjs';

const MULTI = resolve(fileURLToPath(new URL('../../../dist-multi/', import.meta.url)));
const CLEAN = { console: [], page: [], foreign: [] };
const LINK = '?chart=east-2021q1-stations&fact=fixture-east-2021q1-3';

let server, browser;
before(async () => {
  assert.ok(existsSync(join(MULTI, 'index.html')), `no ${MULTI}: build it with DASHBOARD_SEEDS=seeds:tests/fixtures/reports bash .ci/build --dist dist-multi`);
  server = await serve({ root: MULTI });
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

/** Where the page's site block says the open report's data is. */
function dataPath(dir) {
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
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

test('with three more reports the first load grows by less than 2 KB: the same wasm and glue, byte for byte, hold no report', async () => {
  const one = firstLoad(DIST), four = firstLoad(MULTI);
  console.log(`first load: 1 report ${one} B, 4 reports ${four} B gzipped (+${four - one} B)`);
  assert.ok(four - one < 2000, `${four - one} B more`);
  // extras.js is left out: its minified text varies from one build to the next of the same input
  // (names and order chosen by the minifier), while its wasm does not.
  const code = (dir) => readdirSync(dir).filter((f) => /^(dashboard-.*\.(js|wasm)|extras_bg\.wasm)$/.test(f)).sort();
  assert.deepEqual(code(MULTI), code(DIST), 'the same file names (Trunk names them by content)');
  for (const f of code(DIST)) assert.ok(readFileSync(join(DIST, f)).equals(readFileSync(join(MULTI, f))), `${f} differs`);
  const bytes = readFileSync(join(MULTI, code(MULTI).find((f) => f.endsWith('.wasm') && f.startsWith('dashboard')))).toString('latin1');
  for (const text of ['东海省', 'fixture-east-2021q1-3', '清偿进度为98%', '贡献了50%以上的税收', 'sme-share-tax']) {
    assert.ok(!bytes.includes(Buffer.from(text).toString('latin1')), `${text} is not in the wasm`);
  }
});

test('the other reports are listed at the end of the page; one opens in place, read from its own file', async () => {
  const { context, page, problems } = await openPage(browser, server.origin, { viewport: { width: 1280, height: 900 } });
  const fetched = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  await page.goto(server.url);
  await waitForApp(page);
  const open = dataPath(MULTI);
  assert.ok(fetched.some((p) => p.endsWith(open)), 'the open report\'s data, with the page');
  assert.ok(!fetched.some((p) => p.includes('/reports/') && !p.endsWith(open)), 'no other report file before the reader gets near the list');
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await page.waitForSelector('details[data-report="fixture-east-2021q1"]', { timeout: 30000 });
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  const draft = page.locator('details[data-report="fixture-east-2021q3"] summary');
  assert.match(await draft.textContent(), /4个数字未审核/);
  assert.ok(!fetched.some((p) => /fixture-east-2021q3\.[0-9a-f]+\.json$/.test(p)), 'a report file only once it is opened');
  await draft.click();
  const body = page.locator('[data-report-body="fixture-east-2021q3"]');
  await body.locator('figure[data-chart] svg').first().waitFor({ timeout: 30000 });
  assert.ok(fetched.some((p) => /fixture-east-2021q3\.[0-9a-f]+\.json$/.test(p)));
  assert.match(await body.locator('.report__draft').textContent(), /4个数字尚未经人工审核/);
  // Every number with its sentence, each marked as not yet reviewed.
  const rows = await body.locator('figure[data-chart] tr[data-away-fact]').evaluateAll((r) => r.map((x) => [x.dataset.awayFact, x.querySelector('q')?.textContent, !!x.querySelector('.draft-mark')]));
  assert.equal(rows.length, 4);
  for (const [id, quote, marked] of rows) assert.ok(quote && marked, `${id}: sentence and mark`);
  await page.screenshot({ path: `${ARTIFACTS}reports-draft-zh-1280.png` });
  assert.deepEqual(problems, CLEAN);
  await context.close();
});

for (const [lang, width] of [['zh', 1280], ['en', 360]]) {
  test(`a link into another report (${lang}, ${width} px) opens it at the fact, and keeps its place in the link`, async () => {
    const { context, page, problems } = await openPage(browser, server.origin, { viewport: { width, height: 900 } });
    await page.goto(server.url + LINK + (lang === 'en' ? '&lang=en' : ''));
    await waitForApp(page);
    const row = page.locator('[data-report-body="fixture-east-2021q1"] figure[data-chart] tr[data-away-fact="fixture-east-2021q1-3"]');
    await row.waitFor({ timeout: 30000 });
    assert.equal(await row.getAttribute('aria-current'), 'true');
    assert.ok(await page.locator('details[data-report="fixture-east-2021q1"]').evaluate((d) => d.open));
    await page.waitForFunction(() => {
      const r = document.querySelector('[data-report-body="fixture-east-2021q1"] tr[aria-current="true"]')?.getBoundingClientRect();
      return r && r.top < innerHeight && r.bottom > 0;
    }, null, { timeout: 10000 });
    const params = new URL(page.url()).searchParams;
    assert.equal(params.get('chart'), 'east-2021q1-stations');
    assert.equal(params.get('fact'), 'fixture-east-2021q1-3');
    // The series across the two briefs: three points, June 2021 missing, the bound an arrow.
    const series = page.locator('figure[data-series="east-5g-stations"]').first();
    assert.match(await series.textContent(), lang === 'en' ? /3 points from 2 reports[\s\S]*No report gives Jun 2021/ : /3个时点，来自2份报告[\s\S]*缺少2021年6月的数据/);
    assert.equal(await series.locator('svg polygon').count(), 1);
    await page.screenshot({ path: `${ARTIFACTS}reports-link-${lang}-${width}.png` });
    await series.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${ARTIFACTS}reports-series-${lang}-${width}.png` });
    assert.deepEqual(problems, CLEAN);
    await context.close();
  });
}

test('the hand-written report: a link opens its chart at the fact; stations written 座 and 个 are one unit, and its stock and flow agree', async () => {
  const { context, page, problems } = await openPage(browser, server.origin, { viewport: { width: 1280, height: 900 } });
  await page.goto(server.url + '?chart=west-5g-stations&fact=west-5g-stations-2021h1-new');
  await waitForApp(page);
  const figure = page.locator('[data-report-body="fixture-west-2021h1"] figure[data-chart="west-5g-stations"]').first();
  const row = figure.locator('tr[data-away-fact="west-5g-stations-2021h1-new"]');
  await row.waitFor({ timeout: 30000 });
  assert.equal(await row.getAttribute('aria-current'), 'true');
  // The sentence says 3120个, the unit is the stations the other facts count in 座: one axis, one unit.
  assert.match(await row.locator('q').textContent(), /3120个$/);
  const values = await figure.locator('tr[data-away-fact] td.num').allTextContents();
  assert.deepEqual(values, ['9,560座', '3,120座', '12,680座']);
  assert.match(await figure.locator('.chart__note').allTextContents().then((t) => t.join(' ')), /9560 \+ 3120 = 12680/);
  assert.match(await figure.locator('.chart__source').textContent(), /西山市通信发展办公室/);
  assert.deepEqual(problems, CLEAN);
  await context.close();
});

for (const [lang, width] of [['zh', 1280], ['en', 360]]) {
  test(`the reports at the top (${lang}, ${width} px): each with its issuing body, the open one current; a link opens another at its first section`, async () => {
    const { context, page, problems } = await openPage(browser, server.origin, { viewport: { width, height: 900 } });
    await page.goto(server.url + (lang === 'en' ? '?lang=en' : ''));
    await waitForApp(page);
    const links = page.locator('nav.site-reports a[data-report-link]');
    assert.equal(await links.count(), 4);
    assert.equal(await links.first().getAttribute('aria-current'), 'page');
    assert.equal(await page.locator('nav.site-reports [aria-current]').count(), 1);
    // The nav comes first on the page, before the masthead.
    assert.ok(await page.evaluate(() => document.querySelector('nav.site-reports').compareDocumentPosition(document.querySelector('.masthead')) & Node.DOCUMENT_POSITION_FOLLOWING));
    // The others are behind one disclosure that says how many.
    const others = page.locator('nav.site-reports details.site-reports__others');
    assert.equal(await others.locator('summary').innerText(), lang === 'en' ? '3 other reports' : '另有3份报告');
    await others.locator('summary').click();
    const west = page.locator('nav.site-reports a[data-report-link="fixture-west-2021h1"]');
    assert.equal(await west.innerText(), lang === 'en' ? 'West Hill city telecom brief (first half of 2021) West Hill Communications Development Office' : '西山市信息通信业发展简报（2021年上半年） 西山市通信发展办公室');
    await west.click();
    await page.waitForFunction(() => new URLSearchParams(location.search).get('section') === 'west-2021h1');
    await page.locator('[data-report-body="fixture-west-2021h1"] figure[data-chart="west-5g-stations"] svg').first().waitFor({ timeout: 30000 });
    assert.ok(await page.locator('details[data-report="fixture-west-2021h1"]').evaluate((d) => d.open));
    await page.screenshot({ path: `${ARTIFACTS}reports-top-${lang}-${width}.png` });
    assert.deepEqual(problems, CLEAN);
    await context.close();
  });
}

test('the finder searches every report; a hit in another report opens it and goes into the link', async () => {
  const { context, page, problems } = await openPage(browser, server.origin, { viewport: { width: 1280, height: 900 } });
  await page.goto(server.url);
  await waitForApp(page);
  await page.locator('input[type="search"]').pressSequentially('清偿');
  const hits = page.locator('.finder__elsewhere a[data-away]');
  await hits.first().waitFor({ timeout: 30000 });
  assert.equal(await hits.count(), 2);
  assert.match(await page.locator('.finder__elsewhere').textContent(), /其他报告中的2个数字/);
  // The built-in report's own results are still there.
  assert.ok(await page.locator('.finder__results [data-fact="gd-clearance-2020-06"]').count() > 0);
  await hits.first().click();
  await page.waitForFunction(() => new URLSearchParams(location.search).get('fact') === 'fixture-east-2021q1-6');
  await page.locator('[data-report-body="fixture-east-2021q1"] tr[data-away-fact="fixture-east-2021q1-6"][aria-current="true"]').first().waitFor({ timeout: 30000 });
  assert.deepEqual(problems, CLEAN);
  await context.close();
});

test('a link to a chart no report has says so, as for the built-in report', async () => {
  const { context, page, problems } = await openPage(browser, server.origin, { viewport: { width: 1280, height: 900 } });
  await page.goto(server.url + '?chart=no-such-chart');
  await waitForApp(page);
  await page.waitForFunction(() => /no-such-chart/.test(document.querySelector('.notices-host')?.textContent ?? ''), null, { timeout: 30000 });
  assert.deepEqual(problems, CLEAN);
  await context.close();
});

test('offline.html carries every report: a link into one works from file:// with the network blocked', async () => {
  const { context, network } = await offlineContext(browser, { viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(pathToFileURL(join(MULTI, 'offline.html')).href + LINK);
  await page.locator('[data-report-body="fixture-east-2021q1"] tr[aria-current="true"]').first().waitFor({ timeout: 60000 });
  assert.deepEqual(network, []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('Firefox: a link into another report opens it at the fact', async () => {
  const firefox = await launchFirefox();
  try {
    const { context, page, problems } = await openFirefoxPage(firefox, server.origin, { width: 1280, height: 900 });
    await page.goto(server.url + LINK + '&lang=en');
    await waitForAppFirefox(page, 1);
    await page.waitForSelector('[data-report-body="fixture-east-2021q1"] figure tr[data-away-fact="fixture-east-2021q1-3"][aria-current="true"]', { timeout: 30000 });
    const svgs = await page.$$eval('[data-report-body="fixture-east-2021q1"] svg', (s) => s.length);
    assert.ok(svgs >= 3, `${svgs} drawings`);
    await page.screenshot({ path: `${ARTIFACTS}firefox-reports-en.png` });
    assert.deepEqual(problems, CLEAN);
    await context.close();
  } finally {
    await firefox.close();
  }
});
