// The second engine: the release build in Debian's Firefox ESR (puppeteer-core, WebDriver BiDi).
// The default view, an English link with a table and a source sentence open, an embed link, a
// hover tooltip, a link to a chart painted before the code, a search and the offline file, each
// with every chart's canvas read back and no console error, page error, policy violation or request
// to another origin; and the page's Trusted Types policy is enforced here too.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { serve, DIST } from '../lib/server.mjs';
import { ARTIFACTS, firstShellBar, tooltipText } from '../lib/browser.mjs';
import { launchFirefox, openFirefoxPage, waitForAppFirefox, inkPerChartFirefox, holdWasmFirefox } from '../lib/firefox.mjs';

let server, browser, catalogue;
before(async () => {
  server = await serve({ prefix: '/a/b/' });
  browser = await launchFirefox();
  catalogue = JSON.parse(readFileSync(join(DIST, 'facts.json'), 'utf8'));
});
after(async () => { await browser?.close(); await server?.close(); });

const factById = (id) => catalogue.facts.find((f) => f.id === id);
const CLEAN = { console: [], page: [], foreign: [] };

/** Every chart on the page has drawn pixels and fits the viewport; returns how many there are. */
async function assertChartsDrawn(page, width) {
  const charts = await inkPerChartFirefox(page);
  for (const c of charts) {
    assert.ok(c.ink > 300, `${c.id} has drawn pixels (${c.ink})`);
    assert.ok(c.cssWidth <= width, `${c.id} fits the viewport (${c.cssWidth} px)`);
  }
  return charts.length;
}

/** A fresh page on the dashboard at `query`, once the app is up with at least `min` charts drawn. */
async function openApp(query, size, min) {
  const opened = await openFirefoxPage(browser, server.origin, size);
  await opened.page.goto(server.url + query);
  await waitForAppFirefox(opened.page, min);
  return opened;
}

test('Firefox: the browser under test is Firefox, not another engine', async () => {
  const version = await browser.version();
  assert.match(version, /firefox/i, version);
});

for (const width of [1280, 360]) {
  test(`Firefox: the default view draws every chart at ${width} px`, async () => {
    const { context, page, problems } = await openApp('', { width, height: 900 }, 10);
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN');
    assert.ok((await assertChartsDrawn(page, width)) >= 10);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.equal(overflow, 0, 'no horizontal scrolling');
    await page.screenshot({ path: `${ARTIFACTS}firefox-zh-${width}.png` });
    assert.deepEqual(problems, CLEAN);
    await context.close();
  });
}

test('Firefox: an English link opens with its table and source sentence', async () => {
  const { context, page, problems } = await openApp('?lang=en&chart=gd-clearance&table=gd-finance&fact=gd-clearance-2019', undefined, 5);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  const rows = await page.$$eval('figure[data-chart="gd-finance"] tbody tr', (trs) => trs.map((tr) => ({
    fact: tr.dataset.fact, value: Number(tr.querySelector('td.num').dataset.value),
  })));
  assert.ok(rows.length > 0, 'the table is shown');
  for (const r of rows.filter((r) => r.fact)) assert.equal(r.value, factById(r.fact).value, r.fact);
  await page.waitForSelector('aside.source[data-fact="gd-clearance-2019"] mark');
  const mark = await page.$eval('aside.source mark', (m) => m.textContent);
  assert.equal(mark, factById('gd-clearance-2019').quote);
  // The paragraph around the quote arrives with the on-demand module.
  await page.waitForFunction((q) => document.querySelector('.source__paragraph')?.textContent.length > q.length,
    { timeout: 15000 }, mark);
  await assertChartsDrawn(page, 1280);
  await page.screenshot({ path: `${ARTIFACTS}firefox-en-1280.png` });
  assert.deepEqual(problems, CLEAN);
  await context.close();
});

test('Firefox: an embed link shows its one chart with a link back', async () => {
  const { context, page, problems } = await openApp('?chart=gd-clearance&embed=1', { width: 640, height: 520 }, 1);
  assert.deepEqual(await page.$$eval('figure[data-chart]', (f) => f.map((x) => x.dataset.chart)), ['gd-clearance']);
  await assertChartsDrawn(page, 640);
  const back = await page.$eval('.embed__back a', (a) => a.getAttribute('href'));
  assert.ok(back.includes('chart=gd-clearance') && !back.includes('embed'), back);
  await page.screenshot({ path: `${ARTIFACTS}firefox-embed.png` });
  assert.deepEqual(problems, CLEAN);
  await context.close();
});

test('Firefox: hovering a bar shows its tooltip; a search narrows the list', async () => {
  const { context, page, problems } = await openApp('', undefined, 10);
  const hit = '[data-chart="gd-5g-stations"] .chart__hit[data-fact="gd-5g-stations-2019"]';
  await page.$eval(hit, (h) => h.scrollIntoView({ block: 'center' }));
  await page.hover(hit);
  await page.waitForSelector('.tooltip');
  const tip = await page.$eval('.tooltip', (t) => t.textContent);
  assert.ok(tip.includes('36,988座'), tip);
  assert.ok(tip.includes(factById('gd-5g-stations-2019').quote), tip);
  await page.screenshot({ path: `${ARTIFACTS}firefox-tooltip.png` });

  await page.mouse.move(0, 0);
  await page.type('input[type="search"]', '贷款');
  await page.waitForFunction(() => document.querySelectorAll('.fact-list__item').length > 0, { timeout: 10000 });
  const listed = await page.$$eval('.fact-list__item', (li) => li.map((l) => l.dataset.fact));
  assert.ok(listed.includes('gd-preferential-loans'), listed.join());
  assert.ok(listed.length < catalogue.facts.length, 'the list is narrowed');
  assert.deepEqual(problems, CLEAN);
  await context.close();
});

test('Firefox: a hover made on the shell before the code arrives is answered once the app takes the chart over', async () => {
  const { context, page, problems } = await openFirefoxPage(browser, server.origin, { width: 1280, height: 800 });
  const release = await holdWasmFirefox(page);
  await page.goto(server.url, { waitUntil: 'domcontentloaded' });
  const bar = await page.evaluate(firstShellBar);
  await page.mouse.move(bar.x, bar.y);
  assert.ok(await page.evaluate(() => !!document.getElementById('boot')), 'the shell is still up: no code yet');
  release();
  await page.waitForFunction(() => !document.getElementById('boot'), { timeout: 20000, polling: 100 });
  await page.waitForFunction(tooltipText, { timeout: 5000, polling: 100 }, bar.id).catch(() => {});
  const tip = await page.evaluate(tooltipText, bar.id);
  assert.match(tip, /50%以上/, 'the first bar\'s tooltip, without the pointer moving again');
  assert.deepEqual(problems, CLEAN);
  await context.close();
});

// In English the Chinese page sends the link on to the report's English page before anything is
// painted, which then shows the link's own address; a chart shown as a table, to its table page.
for (const [lang, asTable] of [['zh', false], ['en', false], ['en', true]]) {
  test(`Firefox: a link to a chart${asTable ? ' as a table' : ''} (${lang}) paints the prerendered report scrolled to it, and the app takes it over in place`, async () => {
    const { context, page, problems } = await openFirefoxPage(browser, server.origin, { width: 360, height: 800 });
    const release = await holdWasmFirefox(page);
    const link = server.url + (lang === 'en' ? '?lang=en&' : '?') + `chart=gd-finance${asTable ? '&table=gd-finance' : ''}&theme=dark`;
    await page.goto(link, { waitUntil: 'domcontentloaded' });
    if (lang === 'en') await page.waitForFunction(() => document.documentElement.lang === 'en', { timeout: 10000, polling: 50 });
    const where = (q) => page.evaluate((q) => {
      const e = document.querySelector(q);
      return e && [Math.round(e.getBoundingClientRect().top), scrollY, document.documentElement.dataset.theme, getComputedStyle(e.closest('.boot__view') ?? e).visibility];
    }, q);
    const [top, y, theme, shown] = await where('#boot figure[data-chart="gd-finance"]');
    assert.ok(y > 1000 && top >= -1 && top < 120, `scrolled to the chart (top ${top}, scrollY ${y})`);
    assert.equal(theme, 'dark');
    assert.equal(shown, 'visible');
    assert.equal(await page.evaluate(() => location.href), link, 'the address is the link');
    const title = await page.evaluate(() => document.querySelector('#boot figure[data-chart="gd-finance"] .chart__title')?.textContent ?? '');
    assert.ok(/[\u4e00-\u9fff]/.test(title) === (lang === 'zh') && title.length > 0, `the chart's title in the link's language: ${title}`);
    const body = (q) => page.evaluate((q) => [!!document.querySelector(`${q} table.chart__table`), !!document.querySelector(`${q} svg, ${q} canvas`)], q);
    assert.deepEqual(await body('#boot figure[data-chart="gd-finance"]'), [asTable, !asTable], 'its table, or its drawing');
    await page.screenshot({ path: `${ARTIFACTS}firefox-link-${asTable ? 'table' : 'chart'}-${lang}-360-dark.png` });
    release();
    await page.waitForFunction(() => !document.getElementById('boot'), { timeout: 20000, polling: 100 });
    const [appTop, appY] = await where('main figure[data-chart="gd-finance"]');
    assert.deepEqual([appTop, appY], [top, y], 'the app\'s chart lies where the shell\'s was, nothing scrolled');
    if (asTable) assert.deepEqual(await body('main figure[data-chart="gd-finance"]'), [true, false], 'the app\'s table');
    assert.deepEqual(problems, CLEAN);
    await context.close();
  });
}

// A link to an article goes to its reading page: the text paints from the HTML at the top of the
// page, and the app, once the module has drawn the article, takes it over where it lies.
for (const [lang, width] of [['en', 360], ['zh', 1280]]) {
  test(`Firefox: a link to an article (${lang}, ${width}px) paints its text first, and the app takes it over in place`, async () => {
    const { context, page, problems } = await openFirefoxPage(browser, server.origin, { width, height: 800 });
    const release = await holdWasmFirefox(page);
    const link = server.url + (lang === 'en' ? '?lang=en&read=guangdong&theme=dark' : '?read=luoning');
    const article = lang === 'en' ? 'guangdong' : 'luoning';
    await page.goto(link, { waitUntil: 'domcontentloaded' });
    await page.waitForFunction((id) => document.querySelector(`#boot .reader[data-read="${id}"]`), { timeout: 10000, polling: 50 }, article);
    const where = (q) => page.evaluate((q) => {
      const r = document.querySelector(q);
      const p = r && r.querySelectorAll('.reader__text p')[2];
      return r && [Math.round(r.getBoundingClientRect().top), Math.round(p.getBoundingClientRect().top), Math.round(scrollY), r.innerText.length];
    }, q);
    const shell = await where('#boot .reader');
    assert.equal(shell[0], 0, `the article at the top of the page: ${shell}`);
    assert.ok(shell[2] > 100 && shell[3] > 500, `scrolled past the masthead, the whole text: ${shell}`);
    assert.equal(await page.evaluate(() => location.href), link, 'the address is the link');
    assert.equal(await page.evaluate(() => document.documentElement.lang), lang === 'en' ? 'en' : 'zh-CN');
    await page.screenshot({ path: `${ARTIFACTS}firefox-link-read-${lang}-${width}.png` });
    release();
    await page.waitForFunction(() => !document.getElementById('boot') && document.querySelector('.desk .reader #reader-title'), { timeout: 20000, polling: 100 });
    assert.deepEqual(await where('main .desk .reader'), shell, 'the app\'s article lies where the shell\'s was, nothing scrolled');
    assert.deepEqual(problems, CLEAN);
    await context.close();
  });
}

// "Read in the report" from a fact: its reading page marks the fact's sentence and brings it to the
// top before the first paint; the module's article, with the same sentence marked, lies where it was.
test('Firefox: a link to a fact\'s sentence paints it marked at the top, and the app takes it over in place', async () => {
  const { context, page, problems } = await openFirefoxPage(browser, server.origin, { width: 360, height: 800 });
  const release = await holdWasmFirefox(page);
  await page.goto(server.url + '?read=guangdong&fact=gd-5g-stations-2019', { waitUntil: 'domcontentloaded' });
  await page.waitForFunction(() => document.querySelector('#boot .reader mark.read__quote'), { timeout: 10000, polling: 50 });
  const where = (q) => page.evaluate((q) => {
    const marks = [...document.querySelectorAll(q)];
    return [Math.round(marks[0].getBoundingClientRect().top), Math.round(scrollY), marks.map((m) => m.textContent).join('')];
  }, q);
  const shell = await where('#boot .reader mark.read__quote');
  // (Firefox aligns an inline box's line, a few pixels above the mark's own box.)
  assert.ok(shell[0] >= 0 && shell[0] <= 8 && shell[1] > 500, `the sentence at the top, far down the article: ${shell}`);
  assert.match(shell[2], /5G基站/, 'the fact\'s sentence');
  release();
  await page.waitForFunction(() => !document.getElementById('boot') && document.querySelector('.desk .reader #reader-title'), { timeout: 20000, polling: 100 });
  assert.deepEqual(await where('main .desk .reader mark.read__quote'), shell, 'the app marks the same words where the shell did');
  await page.screenshot({ path: `${ARTIFACTS}firefox-link-fact-zh-360.png` });
  assert.deepEqual(problems, CLEAN);
  await context.close();
});

// A fact's source: the report from the top with the fact's panel over it (the page asks for the
// panel as it starts: an XMLHttpRequest parsed as a document, which Firefox's policy must allow),
// and the app's panel where the shell's was, with the same words, its close button focused.
test('Firefox: a link to a fact\'s source paints its panel over the report, and the app takes it over in place', async () => {
  const { context, page, problems } = await openFirefoxPage(browser, server.origin, { width: 360, height: 800 });
  const release = await holdWasmFirefox(page);
  await page.goto(server.url + '?lang=en&fact=gd-clearance-2020-06', { waitUntil: 'domcontentloaded' });
  await page.waitForFunction(() => document.querySelector('#boot aside.source mark'), { timeout: 10000, polling: 50 });
  const panel = (q) => page.evaluate((q) => {
    const e = document.querySelector(q), r = e.getBoundingClientRect();
    return { at: [r.left, r.top, r.width].map(Math.round), fact: e.querySelector('.source__fact').textContent, mark: e.querySelector('mark').textContent };
  }, q);
  const shell = await panel('#boot aside.source');
  assert.equal(shell.mark, factById('gd-clearance-2020-06').quote);
  assert.match(shell.fact, /94\.3%/, shell.fact);
  assert.equal(await page.evaluate(() => scrollY), 0, 'the report from the top');
  await page.screenshot({ path: `${ARTIFACTS}firefox-link-source-en-360.png` });
  release();
  await page.waitForFunction(() => !document.getElementById('boot') && document.activeElement?.matches('.source-host .source__close'), { timeout: 20000, polling: 100 });
  assert.deepEqual(await panel('.source-host aside.source[data-fact="gd-clearance-2020-06"]'), shell, 'the app\'s panel where the shell\'s was');
  assert.deepEqual(problems, CLEAN);
  await context.close();
});

// An article with a chart in focus: the chart's view, and the chart stays where it is as the module
// fills the reading view above it (Firefox anchors scrolling by its own rules; the module's
// correction must not add to them).
test('Firefox: a link to an article and a chart paints the chart, which stays in place as the article fills in above', async () => {
  const { context, page, problems } = await openFirefoxPage(browser, server.origin, { width: 1280, height: 800 });
  const release = await holdWasmFirefox(page);
  await page.goto(server.url + '?read=luoning&chart=gd-finance', { waitUntil: 'domcontentloaded' });
  await page.waitForFunction(() => document.querySelector('#boot .boot-target'), { timeout: 10000, polling: 50 });
  const top = (q) => page.evaluate((q) => Math.round(document.querySelector(q).getBoundingClientRect().top), q);
  const shell = await top('#boot figure[data-chart="gd-finance"]');
  assert.ok(shell >= 0 && shell < 120, `the chart at the top: ${shell}`);
  release();
  await page.waitForFunction(() => !document.getElementById('boot') && document.querySelector('.desk .reader #reader-title'), { timeout: 20000, polling: 100 });
  await new Promise((r) => setTimeout(r, 300));
  const app = await top('main figure[data-chart="gd-finance"]');
  assert.ok(Math.abs(app - shell) <= 1, `the app's chart where the shell's was, the article above it: ${shell} → ${app}`);
  assert.ok(await top('main .desk .reader') < 0, 'the article above the chart');
  assert.deepEqual(problems, CLEAN);
  await context.close();
});

test('Firefox: an embed link paints its chart alone from the HTML, and the app takes it over in the same box', async () => {
  const { context, page, problems } = await openFirefoxPage(browser, server.origin, { width: 640, height: 520 });
  const release = await holdWasmFirefox(page);
  await page.goto(server.url + '?chart=gd-clearance&embed=1', { waitUntil: 'domcontentloaded' });
  await page.waitForFunction(() => document.querySelector('#boot .boot-target'), { timeout: 10000, polling: 50 });
  const box = (q) => page.evaluate((q) => {
    const r = document.querySelector(q)?.getBoundingClientRect();
    return r && [r.left, r.top, r.width, r.height].map(Math.round);
  }, q);
  const shown = await page.evaluate(() => {
    const target = document.querySelector('#boot figure[data-chart="gd-clearance"]');
    return [...document.querySelectorAll('#boot *')].filter((e) => !target.contains(e) && !e.contains(target) && e.getClientRects().length > 0).length;
  });
  assert.equal(shown, 0, 'the chart alone');
  const before = await box('#boot figure[data-chart="gd-clearance"]');
  assert.ok(before[1] >= 0 && before[1] < 40 && before[3] > 200, `at the top: ${before}`);
  await page.screenshot({ path: `${ARTIFACTS}firefox-embed-shell.png` });
  release();
  await page.waitForFunction(() => !document.getElementById('boot'), { timeout: 20000, polling: 100 });
  assert.deepEqual(await box('main.embed figure[data-chart="gd-clearance"]'), before, 'the app\'s chart in the shell\'s box');
  assert.deepEqual(problems, CLEAN);
  await context.close();
});

test('Firefox: Trusted Types refuse markup outside the page\'s policy; style attributes in markup do not apply', async () => {
  const { context, page, problems } = await openApp('', undefined, 10);
  const result = await page.evaluate(() => {
    const div = document.createElement('div');
    document.body.append(div);
    let html;
    try { div.innerHTML = '<img src="x" onerror="window.__pwned = 1">'; html = 'assigned'; } catch (e) { html = e.name; }
    window.dashboardSetHtml(div, '<span style="display:block;width:123px">x</span>');
    return { html, children: div.children.length, width: getComputedStyle(div.firstChild).width };
  });
  assert.deepEqual(result, { html: 'TypeError', children: 1, width: 'auto' });
  // Both refusals are reported, nothing else: by the page's violation listener (console) and, in
  // Firefox, by the browser's own error log (page errors). Both arrive a moment later.
  for (let i = 0; i < 50 && (problems.console.length < 2 || problems.page.length < 2); i++) await new Promise((ok) => setTimeout(ok, 100));
  for (const [list, prefix] of [[problems.console, 'CSP violation'], [problems.page, 'Error: Content-Security-Policy']]) {
    assert.equal(list.length, 2, list.join('\n'));
    assert.ok(list.every((m) => m.startsWith(prefix)), list.join('\n'));
  }
  assert.deepEqual(problems.foreign, []);
  await context.close();
});

test('Firefox: offline.html works from file:// with every network request blocked', async () => {
  const { context, page, problems } = await openFirefoxPage(browser, null);
  const network = [];
  await page.setRequestInterception(true);
  page.on('request', (r) => {
    if (/^(file|data|blob):/.test(r.url())) return r.continue();
    network.push(r.url());
    return r.abort();
  });
  await page.goto(pathToFileURL(join(DIST, 'offline.html')).href);
  await waitForAppFirefox(page, 10);
  assert.ok((await assertChartsDrawn(page, 1280)) >= 10);
  await page.click('.lang-toggle');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  await waitForAppFirefox(page, 10);
  await assertChartsDrawn(page, 1280);
  await page.screenshot({ path: `${ARTIFACTS}firefox-offline-en.png` });
  assert.deepEqual(network, []);
  assert.deepEqual(problems, CLEAN);
  await context.close();
});
