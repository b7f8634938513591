// A link into a section or a chart (what the share panel writes) paints that view first: the page's
// own script scrolls the prerendered report to the target before the first paint, and the app takes
// it over where it stands, with nothing moving. An embed of a chart paints that chart alone. In English, the report's English page does it, at
// the link's address; a chart shown as a table, that chart's table page; an article, its reading
// page; a fact's source, that fact's panel over the view. A link to a view no page
// prerendered (several tables, a search, a stale or unknown target) keeps the prerendered view
// hidden, since the app's view will differ. On the real report and a fixture report's page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '../lib/server.mjs';
import { launch, openPage, waitForApp, holdWasm, ARTIFACTS } from '../lib/browser.mjs';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const MULTI = resolve(fileURLToPath(new URL('../../../dist-multi/', import.meta.url)));
const FIXTURE_PAGE = existsSync(MULTI) ? readdirSync(MULTI).find((f) => /^fixture-[a-z0-9-]+\.html$/.test(f)) : undefined;

/** A page whose wasm waits for `release()`, recording layout shifts from the start. */
async function heldPage(origin, width, extra = {}) {
  const opened = await openPage(browser, origin, { viewport: { width, height: 800 }, ...extra });
  await opened.context.addInitScript(() => {
    window.__shift = 0;
    // What moved, and when, should the total not be 0: the assertion's message says it.
    window.__shifted = [];
    const named = (n) => (n ? `${n.nodeName.toLowerCase()}${n.id ? '#' + n.id : ''}${typeof n.className === 'string' && n.className ? '.' + n.className.split(' ').join('.') : ''}` : '?');
    const box = (r) => [r.x, r.y, r.width, r.height].map(Math.round).join(',');
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) {
        if (e.hadRecentInput) continue;
        window.__shift += e.value;
        window.__shifted.push(`${Math.round(e.startTime)} ms ${e.value.toFixed(4)}: ${e.sources.map((s) => `${named(s.node)} ${box(s.previousRect)} → ${box(s.currentRect)}`).join('; ')}`);
      }
    })
      .observe({ type: 'layout-shift', buffered: true });
  });
  return { ...opened, release: await holdWasm(opened.page) };
}

/** Asserts that the page (`heldPage`) has had no layout shift, naming what moved otherwise. */
async function noShift(page, label = 'no layout shift') {
  const { total, what } = await page.evaluate(() => ({ total: window.__shift, what: window.__shifted.join(' | ') }));
  assert.equal(total, 0, `${label}: ${what}`);
}

/** Where the target of `selector` is in the viewport: its top, rounded, or null when absent. */
const topOf = (page, selector) => page.evaluate((q) => {
  const e = document.querySelector(q);
  return e ? Math.round(e.getBoundingClientRect().top) : null;
}, selector);

/** The canonical link the app writes for `query` on `url` (it stamps the version and the figures'
 * fingerprints into the address bar). */
async function appLink(origin, url, query) {
  const { context, page } = await openPage(browser, origin, { viewport: { width: 1280, height: 800 } });
  await page.goto(url + query);
  await waitForApp(page);
  const search = await page.evaluate(() => location.search);
  await context.close();
  return search;
}

/** Opens `url + query` with the wasm held: the shell shows the target at the top, scrolled there
 * before the first paint; then the app takes it over in the same place, shifting nothing. With
 * `article` (the link also opens an article), the chart stays there as well once the on-demand
 * module has drawn the article in the desk above it. */
async function linkedView(origin, url, query, kind, id, width, { shot, scheme, table, article, source } = {}) {
  const { context, page, problems, release } = await heldPage(origin, width, scheme ? { colorScheme: scheme } : {});
  await page.goto(url + query);
  const en = /(^|[?&])lang=en(&|$)/.test(query);
  await page.waitForFunction((lang) => document.documentElement.lang === lang, en ? 'en' : 'zh-CN');
  assert.equal(await page.evaluate(() => location.href), url + query, `${query}: the address is the link`);
  const shellTarget = kind === 'chart' ? `#boot figure[data-chart="${id}"]` : `#boot section[data-section="${id}"]`;
  const appTarget = kind === 'chart' ? `main figure[data-chart="${id}"]` : `main section[id="${id}"]`;
  assert.equal(await page.locator('#boot .boot__view').isVisible(), true, `${query}: the prerendered view shows`);
  // A chart shown as a table: its table, and no drawing, in the shell (`tables` below).
  if (table) await shellTable(page, id, query);
  const y = await page.evaluate(() => scrollY);
  assert.ok(y > 0, `${query} at ${width} px: scrolled down to the target (scrollY ${y})`);
  const before = await topOf(page, shellTarget);
  // At the top, unless the page ends first (the last chart of the report).
  const end = await page.evaluate(() => Math.abs(scrollY + innerHeight - document.documentElement.scrollHeight) <= 1);
  assert.ok(before !== null && before >= -1 && (before < 120 || (end && before < 700)), `${query} at ${width} px: the target is in view (${before})`);
  // With a fact, its source panel over the chart (`shellSource`).
  const panel = source && await shellSource(page, source, query);
  if (shot) await page.screenshot({ path: `${ARTIFACTS}${shot}.png` });
  release();
  await page.waitForFunction(() => !document.getElementById('boot'), null, { timeout: 20000 });
  if (source) await appSource(page, source, panel, query);
  const after = await topOf(page, appTarget);
  assert.equal(after, before, `${query} at ${width} px: the app's target lies where the shell's was`);
  assert.equal(await page.evaluate(() => scrollY), y, 'nothing scrolled at the hand-over');
  await waitForApp(page);
  // (With an article, the module may have filled the desk above by now: the page then scrolls by
  // the desk's height, which is fractional, in whole pixels.)
  const near = async () => {
    const now = await topOf(page, appTarget);
    return Math.abs(now - before) <= (article ? 1 : 0) ? before : now;
  };
  assert.equal(await near(), before, 'nor once every section is built');
  if (table) assert.equal(await page.locator(`${appTarget} table.chart__table`).isVisible(), true, `${query}: the app's table`);
  if (article) {
    await page.waitForFunction((a) => document.querySelector(`main .desk .reader[data-read="${a}"] #reader-title`), article, { timeout: 20000 });
    assert.equal(await near(), before, `${query} at ${width} px: the chart stays where it was as the article fills the desk above it`);
    assert.ok(await topOf(page, 'main .desk .reader') < 0, `${query}: the article above it`);
  }
  await noShift(page);
  assert.deepEqual(problems, { console: [], page: [], foreign: [] });
  await context.close();
}

/** Opens an embed of `chart` (`embed=1`, what the share panel's embed code names) with the wasm
 * held: the shell shows that chart alone, with no page chrome, where the app's embed view puts it;
 * then the app takes it over in the same box, shifting nothing. */
async function linkedEmbed(origin, url, query, chart, width, shot) {
  const { context, page, problems, release } = await heldPage(origin, width);
  await page.goto(url + query);
  await page.waitForFunction(() => document.readyState !== 'loading');
  assert.equal(await page.evaluate(() => location.href), url + query, `${query}: the address is the link`);
  const box = (q) => page.evaluate((q) => {
    const e = document.querySelector(q);
    if (!e) return null;
    const r = e.getBoundingClientRect();
    return [r.left, r.top, r.width, r.height].map(Math.round);
  }, q);
  const shell = `#boot figure[data-chart="${chart}"]`;
  assert.equal(await page.locator(shell).isVisible(), true, `${query} at ${width} px: the chart shows`);
  // Nothing else of the page shows: no masthead, heading, other chart or list of the site's reports.
  const others = await page.evaluate((q) => {
    const target = document.querySelector(q);
    return [...document.querySelectorAll('#boot *, .site-reports')]
      .filter((e) => !target.contains(e) && !e.contains(target) && e.getClientRects().length > 0)
      .map((e) => `${e.tagName.toLowerCase()}.${e.className}`);
  }, shell);
  assert.deepEqual(others, [], `${query} at ${width} px: the chart alone`);
  const before = await box(shell);
  assert.ok(before[1] >= 0 && before[1] < 40, `${query} at ${width} px: at the top (${before})`);
  assert.equal(await page.evaluate(() => scrollY), 0);
  if (shot) await page.screenshot({ path: `${ARTIFACTS}${shot}.png` });
  release();
  await page.waitForFunction(() => !document.getElementById('boot'), null, { timeout: 20000 });
  assert.deepEqual(await box(`main.embed figure[data-chart="${chart}"]`), before, `${query} at ${width} px: the app's chart is the shell's box`);
  await waitForApp(page);
  assert.deepEqual(await box(`main.embed figure[data-chart="${chart}"]`), before, 'once drawn too');
  assert.equal(await page.locator('.site-reports').isVisible().catch(() => false), false, 'no list of reports in the app\'s embed either');
  await noShift(page);
  assert.deepEqual(problems, { console: [], page: [], foreign: [] });
  await context.close();
}

/** The shell shows a source panel, one, over its view, with `fact`'s sentence marked (`quote`,
 * from facts.json); returns its box and words. */
async function shellSource(page, fact, query) {
  await page.waitForSelector('#boot aside.source', { timeout: 5000 });
  const shell = await page.evaluate(() => {
    // Its words, but for "Cite this", which the on-demand module adds below them.
    const words = (e) => [...e.children].filter((c) => !c.matches('.source__cite')).map((c) => c.innerText).join('\n');
    const shown = [...document.querySelectorAll('#boot aside.source')].filter((e) => e.getClientRects().length > 0);
    const r = shown[0]?.getBoundingClientRect();
    return {
      shown: shown.length,
      box: r && [r.left, r.top, r.width, r.height].map(Math.round),
      text: shown[0] && words(shown[0]),
      quote: shown[0]?.querySelector('.source__paragraph mark')?.textContent,
    };
  });
  assert.equal(shell.shown, 1, `${query}: the shell shows one panel`);
  assert.ok(shell.box[1] >= 0 && shell.box[1] + shell.box[3] <= await page.evaluate(() => innerHeight), `${query}: the panel in view (${shell.box})`);
  assert.equal(shell.quote, fact.quote, `${query}: the fact's sentence marked`);
  return shell;
}

/** After the hand-over, the app's panel of `fact` is the shell's: the same place and words (the
 * module may have filled in the paragraph around the sentence, and "Cite this" below, by then). */
async function appSource(page, fact, shell, query) {
  const app = await page.evaluate(({ id }) => {
    // Its words as the shell has them: the paragraph by its marked sentence alone. (Read, never
    // written: shortening the module's paragraph here would move what is below it, a shift of
    // the test's own making.)
    const words = (e) => [...e.children].filter((c) => !c.matches('.source__cite'))
      .map((c) => (c.matches('.source__paragraph') ? c.querySelector('mark')?.innerText : c.innerText)).join('\n');
    const e = document.querySelector(`.source-host aside.source[data-fact="${id}"]`);
    const r = e?.getBoundingClientRect();
    return { box: r && [r.left, r.top, r.width, r.height].map(Math.round), text: e && words(e), paragraph: e?.querySelector('.source__paragraph')?.innerText };
  }, { id: fact.id });
  // Its top, left and width; it may have grown downwards by the module's "Cite this".
  assert.deepEqual(app.box.slice(0, 3), shell.box.slice(0, 3), `${query}: the app's panel where the shell's was (${app.box}, ${shell.box})`);
  assert.ok(app.box[3] >= shell.box[3], `${query}: nothing gone from it (${app.box}, ${shell.box})`);
  assert.equal(app.text, shell.text, `${query}: the same words`);
  assert.ok(app.paragraph?.includes(fact.quote), `${query}: the sentence in its paragraph`);
}

/** Opens `url + query` with the wasm held (`heldPage`, in `scheme` if given), once the page is
 * parsed, and checks that the address is the link; with the documents the browser asked for (a
 * hop to another page shows there) and whether the link is in English. */
async function openedLink(origin, url, query, width, scheme) {
  const opened = await heldPage(origin, width, scheme ? { colorScheme: scheme } : {});
  const documents = [];
  opened.page.on('request', (r) => { if (r.resourceType() === 'document') documents.push(r.url().slice(origin.length)); });
  await opened.page.goto(url + query);
  await opened.page.waitForFunction(() => document.readyState !== 'loading');
  assert.equal(await opened.page.evaluate(() => location.href), url + query, `${query}: the address is the link`);
  return { ...opened, documents, en: /(^|[?&])lang=en(&|$)/.test(query) };
}

/** Opens a link to `fact`'s source (`?fact=ID`, what a headline or a search result writes) with the
 * wasm held: the report's page shows the report from the top and the fact's panel over it, where
 * the app opens its own; then the app takes the panel over with the same words in the same place,
 * shifting nothing. `fact` is the fact as facts.json has it. */
async function linkedSource(origin, url, query, fact, width, { shot, scheme } = {}) {
  const { context, page, problems, release, documents, en } = await openedLink(origin, url, query, width, scheme);
  // The report's page (in English, its English page: one hop).
  assert.equal(documents.length, en ? 2 : 1, documents.join(' → '));
  assert.equal(await page.evaluate(() => document.documentElement.lang), en ? 'en' : 'zh-CN');
  assert.equal(await page.locator('#boot .boot__view').isVisible(), true, `${query}: the report shows`);
  assert.equal(await page.evaluate(() => scrollY), 0, `${query}: from the top`);
  const shell = await shellSource(page, fact, query);
  if (shot) await page.screenshot({ path: `${ARTIFACTS}${shot}-shell.png` });
  release();
  await page.waitForFunction(() => !document.getElementById('boot'), null, { timeout: 20000 });
  await appSource(page, fact, shell, query);
  await waitForApp(page);
  // The close button has the focus, as when the panel opens, and closes it.
  await page.waitForFunction(() => document.activeElement?.classList.contains('source__close'), null, { timeout: 5000 });
  await noShift(page, `${query}: no layout shift`);
  if (shot) await page.screenshot({ path: `${ARTIFACTS}${shot}-app.png` });
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !document.querySelector('.source-host aside.source'));
  assert.equal(new URL(page.url()).searchParams.get('fact'), null, `${query}: closed, the link has no fact`);
  assert.deepEqual(problems, { console: [], page: [], foreign: [] });
  await context.close();
}

/** The last section, and its last chart, of the page at `url` (the farthest targets). */
async function targets(origin, url) {
  const { context, page } = await heldPage(origin, 1280);
  await page.goto(url);
  const t = await page.evaluate(() => {
    const sections = [...document.querySelectorAll('#boot section[data-section]')];
    const last = sections[sections.length - 1];
    const charts = [...last.querySelectorAll('figure[data-chart]')];
    const first = document.querySelector('#boot figure[data-chart]').dataset.chart;
    return { section: last.dataset.section, middle: sections[Math.floor(sections.length / 2)].dataset.section, chart: charts[charts.length - 1].dataset.chart, first };
  });
  await context.close();
  return t;
}

/** The real report's page, or a fixture report's on the six-report site (served on its own: `close`
 * it after); null when that site is not built. */
async function reportPage(which) {
  if (which === 'the real report') return { ...server, name: 'real', close: async () => {} };
  if (!FIXTURE_PAGE) return null;
  const multi = await serve({ root: MULTI });
  return { origin: multi.origin, url: multi.url + FIXTURE_PAGE, name: 'fixture', close: () => multi.close() };
}
const NOT_BUILT = 'the six-report site is not built (DASHBOARD_SEEDS=seeds:tests/fixtures/reports bash .ci/build --dist dist-multi)';

for (const page of ['the real report', 'a fixture report']) {
  test(`${page}: a link to a chart or a section paints it first and the app takes it over in place`, async (t) => {
    const site = await reportPage(page);
    if (!site) return t.skip(NOT_BUILT);
    const { origin, url, name } = site;
    try {
      const { section, middle, chart } = await targets(origin, url);
      // The app's own link, with its version and fingerprints: what a reader shares.
      const shared = await appLink(origin, url, `?chart=${chart}`);
      assert.match(shared, /[?&]cv=[0-9a-z]{6}/, 'the shared link carries the version');
      for (const width of [1280, 360]) {
        await linkedView(origin, url, shared, 'chart', chart, width, { shot: `link-chart-${name}-${width}` });
        await linkedView(origin, url, `?section=${section}`, 'section', section, width);
      }
      await linkedView(origin, url, `?section=${middle}&theme=dark`, 'section', middle, 360, { shot: `link-section-dark-${name}-360` });
      // The same in English: the app's English link, and a section.
      const english = await appLink(origin, url, `?lang=en&chart=${chart}`);
      assert.match(english, /^\?lang=en&/, english);
      for (const width of [1280, 360]) {
        await linkedView(origin, url, english, 'chart', chart, width, { shot: `link-chart-en-${name}-${width}` });
      }
      await linkedView(origin, url, `?lang=en&section=${middle}&theme=dark`, 'section', middle, 360, { shot: `link-section-en-dark-${name}-360` });
      // An embed of the last chart, as an iframe would open it: in each language, and dark.
      await linkedEmbed(origin, url, `?chart=${chart}&embed=1`, chart, 1280, `link-embed-${name}-1280`);
      await linkedEmbed(origin, url, `?lang=en&chart=${chart}&embed=1&theme=dark`, chart, 360, `link-embed-en-dark-${name}-360`);
      await linkedEmbed(origin, url, `?embed=1&chart=${chart}&section=${section}`, chart, 600);
    } finally {
      await site.close();
    }
  });
}

/** The shell shows `chart` as its table (the rows of its numbers, in the page's language) and
 * draws every other chart. */
async function shellTable(page, chart, query) {
  const shell = await page.evaluate((id) => ({
    tables: [...document.querySelectorAll('#boot table')].map((t) => t.closest('figure').dataset.chart),
    rows: document.querySelectorAll(`#boot figure[data-chart="${id}"] tbody tr`).length,
    drawn: document.querySelectorAll(`#boot figure[data-chart="${id}"] svg`).length,
    pressed: document.querySelector(`#boot figure[data-chart="${id}"] .chart__switch [aria-pressed="true"]`)?.textContent,
  }), chart);
  assert.deepEqual(shell.tables, [chart], `${query}: the shell's one table is the chart's`);
  assert.ok(shell.rows > 0 && shell.drawn === 0, `${query}: ${JSON.stringify(shell)}`);
  assert.ok(['表格', 'Table'].includes(shell.pressed), `${query}: the switch says table (${shell.pressed})`);
}

// A chart shown as a table (what the share panel writes for it) is its table page's view: the
// report's page sends the link there from its head, in the link's language, and the table page
// shows the report's page's address. The table paints first, where the app puts it.
for (const page of ['the real report', 'a fixture report']) {
  test(`${page}: a link to a chart shown as a table paints the table first and the app takes it over in place`, async (t) => {
    const site = await reportPage(page);
    if (!site) return t.skip(NOT_BUILT);
    const { origin, url, name } = site;
    try {
      const { chart, first } = await targets(origin, url);
      const shared = await appLink(origin, url, `?chart=${chart}&table=${chart}`);
      assert.match(shared, /[?&]table=/, shared);
      for (const width of [1280, 360]) {
        await linkedView(origin, url, shared, 'chart', chart, width, { table: true, shot: `link-table-${name}-${width}` });
      }
      const english = await appLink(origin, url, `?lang=en&chart=${chart}&table=${chart}`);
      await linkedView(origin, url, english, 'chart', chart, 360, { table: true, scheme: 'dark', shot: `link-table-en-dark-${name}-360` });
      // The first chart as a table, with nothing to scroll to: the report from the top.
      for (const query of [`?table=${first}`, `?lang=en&table=${first}&theme=dark`]) {
        const { context, page: p, problems, release } = await heldPage(origin, 1280);
        const documents = [];
        p.on('request', (r) => { if (r.resourceType() === 'document') documents.push(r.url().slice(origin.length)); });
        await p.goto(url + query);
        await p.waitForFunction(() => document.readyState !== 'loading');
        assert.equal(await p.evaluate(() => location.href), url + query, `${query}: the address is the link`);
        assert.equal(documents.length, 2, `${query}: one hop, to the table page: ${documents.join(' → ')}`);
        assert.match(documents[1], new RegExp(`\\.table-${first}${query.includes('lang=en') ? '\\.en' : ''}\\.html\\?`), documents.join(' → '));
        assert.equal(await p.evaluate(() => scrollY), 0);
        await shellTable(p, first, query);
        const box = () => topOf(p, `figure[data-chart="${first}"]`);
        const before = await box();
        release();
        await p.waitForFunction(() => !document.getElementById('boot'), null, { timeout: 20000 });
        assert.equal(await box(), before, `${query}: the app's table where the shell's was`);
        await waitForApp(p);
        assert.equal(await p.locator(`main figure[data-chart="${first}"] table.chart__table`).isVisible(), true);
        await noShift(p);
        assert.deepEqual(problems, { console: [], page: [], foreign: [] });
        await context.close();
      }
    } finally {
      await site.close();
    }
  });
}

// A link to an article of the report (`?read=ID`, what the masthead's links write, and with a fact,
// `&fact=ID`, what "Read in the report" writes) is its reading page's view: the report's page sends
// it there from its head, in the link's language, and the reading page shows the report's page's
// address. The article's text paints first, at the top of the page as the app's reading view puts
// it, or with the fact's sentence marked at the top; the app, once the on-demand module has drawn
// the article, takes it over with nothing moving, and its numbers answer.
async function linkedArticle(origin, url, query, article, width, { shot, scheme } = {}) {
  const { context, page, problems, release, documents, en } = await openedLink(origin, url, query, width, scheme);
  assert.equal(documents.length, 2, `${query}: one hop, to the reading page: ${documents.join(' → ')}`);
  assert.match(documents[1], new RegExp(`\\.read-${article}${en ? '\\.en' : ''}\\.html\\?`), documents.join(' → '));
  assert.equal(await page.evaluate(() => document.documentElement.lang), en ? 'en' : 'zh-CN');
  // Where the reader is: the article's box, a paragraph a screen down, and the page's scroll.
  // ...and the marked sentence: where its first mark is, and its words (every mark's, in order).
  const where = (q) => page.evaluate((q) => {
    const r = document.querySelector(q);
    const p = r?.querySelectorAll('.reader__text p')[2] ?? r?.querySelector('.reader__text p:last-of-type');
    const marks = r ? [...r.querySelectorAll('mark.read__quote')] : [];
    return r && {
      top: Math.round(r.getBoundingClientRect().top), p: Math.round(p.getBoundingClientRect().top), y: Math.round(scrollY), text: r.innerText,
      mark: marks.length ? Math.round(marks[0].getBoundingClientRect().top) : null, marked: marks.map((m) => m.textContent).join(''),
    };
  }, q);
  const fact = new URLSearchParams(query).get('fact');
  const shell = await where(`#boot .reader[data-read="${article}"]`);
  assert.ok(shell, `${query}: the shell shows the article`);
  assert.equal(await page.locator(`#boot .reader[data-read="${article}"]`).isVisible(), true);
  assert.equal(await page.locator('#boot figure').count(), 0, `${query}: the article alone, no chart`);
  // Scrolled to the article, or to the fact's sentence, as the app's reading view is, as far as
  // the page's length allows.
  const end = await page.evaluate(() => document.documentElement.scrollHeight - innerHeight);
  const at = fact ? shell.mark : shell.top;
  assert.ok(at === 0 || shell.y === end, `${query}: at the ${fact ? 'sentence' : 'article'} (${JSON.stringify({ ...shell, text: '' })}, end ${end})`);
  assert.ok(shell.text.length > 200, `${query}: its text`);
  if (fact) assert.ok(shell.marked.length > 4, `${query}: a sentence marked: ${JSON.stringify(shell.marked)}`);
  else assert.equal(shell.mark, null, `${query}: nothing marked`);
  // Nothing in it reachable by keyboard or announced twice (the English glosses' summaries too).
  await page.evaluate(AXE);
  const violations = await page.evaluate(async () => (await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }))
    .violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`));
  assert.deepEqual(violations, [], `${query}: axe on the shell`);
  if (shot) await page.screenshot({ path: `${ARTIFACTS}${shot}-shell.png` });
  release();
  // The module's article has the heading's id, which the shell's copy lacks.
  await page.waitForFunction(() => !document.getElementById('boot') && document.querySelector('.desk .reader #reader-title'), null, { timeout: 20000 });
  const app = await where('main .desk .reader');
  assert.deepEqual({ ...app, text: '' }, { ...shell, text: '' }, `${query}: the app's article lies where the shell's was, nothing scrolled`);
  assert.equal(app.text, shell.text, `${query}: the same words`);
  await waitForApp(page);
  // Its heading takes focus, as when the reading view opens, and the page stays where it was.
  await page.waitForFunction(() => document.activeElement?.id === 'reader-title', null, { timeout: 5000 });
  assert.deepEqual({ ...(await where('main .desk .reader')), text: '' }, { ...shell, text: '' }, `${query}: focused in place`);
  // Its numbers answer now: a hover shows the figure's tip.
  const number = page.locator('main .desk .read__num').first();
  await number.scrollIntoViewIfNeeded();
  await number.hover();
  await page.waitForFunction(() => [...document.querySelectorAll('.desk .read__tip')].some((t) => t.getClientRects().length > 0), null, { timeout: 5000 });
  await noShift(page, `${query}: no layout shift`);
  if (shot) await page.screenshot({ path: `${ARTIFACTS}${shot}-app.png` });
  assert.deepEqual(problems, { console: [], page: [], foreign: [] });
  await context.close();
}

for (const page of ['the real report', 'a fixture report']) {
  test(`${page}: a link to an article paints its text first and the app takes it over in place`, async (t) => {
    const site = await reportPage(page);
    if (!site) return t.skip(NOT_BUILT);
    const { origin, url, name } = site;
    try {
      const { articles, report } = await (async () => {
        const { context, page: p } = await heldPage(origin, 1280);
        await p.goto(url);
        const site = await p.evaluate(() => ({ articles: window.dashboardSite.views.read.split(' '), report: window.dashboardSite.name }));
        await context.close();
        return site;
      })();
      assert.ok(articles.length > 0 && articles.every((a) => /^[a-z0-9-]+$/.test(a)), articles.join());
      const [first, last] = [articles[0], articles[articles.length - 1]];
      // The masthead's link, as the app writes it (with the report's version).
      const shared = await appLink(origin, url, `?read=${last}`);
      assert.match(shared, /^\?read=[a-z0-9-]+&cv=[0-9a-z]{6}$/, shared);
      for (const width of [1280, 360]) {
        await linkedArticle(origin, url, shared, last, width, { shot: `link-read-${name}-${width}` });
      }
      await linkedArticle(origin, url, `?lang=en&read=${first}&theme=dark`, first, 360, { scheme: 'dark', shot: `link-read-en-dark-${name}-360` });
      await linkedArticle(origin, url, `?read=${first}&lang=en`, first, 1280);
      // With a chart, the chart's view (the report's page, the chart at the top; the app keeps it
      // there as the article fills the desk above); with a section, the article's.
      const { chart, section } = await targets(origin, url);
      for (const width of [1280, 360]) {
        await linkedView(origin, url, `?read=${last}&chart=${chart}`, 'chart', chart, width, { article: last });
      }
      await linkedArticle(origin, url, `?section=${section}&read=${first}`, first, 360);
      // "Read in the report" from a fact whose sentence is far down its article: the last one its
      // reading page lists (crates/publish/src/reading_quotes.rs), as the app writes the link.
      const reading = await (await fetch(new URL(`${report}.read-${last}.html`, url))).text();
      const listed = reading.match(/data-quotes=(?:"([^"]*)"|([^\s>]+))/);
      const places = (listed?.[1] ?? listed?.[2] ?? '').split(' ').filter((p) => p.includes('/'));
      assert.ok(places.length > 0, `${report}.read-${last}.html lists its facts' sentences`);
      const fact = places[places.length - 1].split('/')[0].split(',')[0];
      const readIn = await appLink(origin, url, `?read=${last}&fact=${fact}`);
      assert.match(readIn, /^\?fact=[a-z0-9-]+&read=[a-z0-9-]+&cv=[0-9a-z]{6}&cf=[0-9a-z_]+$/, readIn);
      for (const width of [1280, 360]) {
        await linkedArticle(origin, url, readIn, last, width, { shot: `link-fact-${name}-${width}` });
      }
      await linkedArticle(origin, url, `?lang=en&${readIn.slice(1)}&theme=dark`, last, 360, { scheme: 'dark', shot: `link-fact-en-dark-${name}-360` });
    } finally {
      await site.close();
    }
  });
}

// A link to a fact's source (`?fact=ID`: what a headline, a search result or a bar writes, the last
// with the chart it was chosen in, a table's "Source" with the table) is the view of the page it
// lands on with the fact's panel over it: the page asks for the panel as it starts and shows it
// when it comes, where the app opens its own, which takes it over unchanged.
for (const page of ['the real report', 'a fixture report']) {
  test(`${page}: a link to a fact's source paints the panel first and the app takes it over in place`, async (t) => {
    const site = await reportPage(page);
    if (!site) return t.skip(NOT_BUILT);
    const { origin, url, name } = site;
    try {
      const report = await (async () => {
        const { context, page: p } = await heldPage(origin, 1280);
        await p.goto(url);
        const n = await p.evaluate(() => window.dashboardSite.name);
        await context.close();
        return n;
      })();
      // The report's facts, as the site publishes them.
      const published = await (await fetch(new URL('facts.json', url))).json();
      const facts = published.facts.filter((f) => f.report === report);
      assert.ok(facts.length > 2, `${report}: ${facts.length} facts`);
      const [middle, last] = [facts[Math.floor(facts.length / 2)], facts[facts.length - 1]];
      const shared = await appLink(origin, url, `?fact=${last.id}`);
      assert.match(shared, /^\?fact=[a-z0-9-]+&cv=[0-9a-z]{6}&cf=[0-9a-z_]+$/, shared);
      for (const width of [1280, 360]) {
        await linkedSource(origin, url, shared, last, width, { shot: `link-source-${name}-${width}` });
      }
      await linkedSource(origin, url, `?lang=en&fact=${middle.id}&theme=dark`, middle, 360, { scheme: 'dark', shot: `link-source-en-dark-${name}-360` });
      // A reader who has tabbed to "skip to the charts" before the code arrived keeps the focus
      // there: the app's panel takes it only from no one.
      {
        const { context, page: p, problems, release } = await heldPage(origin, 1280);
        await p.goto(url + shared);
        await p.waitForSelector('#boot aside.source');
        await p.keyboard.press('Tab');
        assert.equal(await p.evaluate(() => document.activeElement?.className), 'skip-link');
        release();
        await p.waitForFunction(() => !document.getElementById('boot') && document.querySelector('.source-host aside.source'), null, { timeout: 20000 });
        await waitForApp(p);
        assert.equal(await p.evaluate(() => document.activeElement?.className), 'skip-link', 'the focus stays where the reader put it');
        assert.deepEqual(problems, { console: [], page: [], foreign: [] });
        await context.close();
      }
      // Chosen in a chart: the chart brought into view, the panel over it.
      const { chart } = await targets(origin, url);
      const inChart = await appLink(origin, url, `?chart=${chart}&fact=${last.id}`);
      for (const width of [1280, 360]) {
        await linkedView(origin, url, inChart, 'chart', chart, width, { source: last, shot: `link-source-chart-${name}-${width}` });
      }
      // Chosen in the chart's table (its "Source"): the table page, the panel over it.
      const inTable = await appLink(origin, url, `?chart=${chart}&table=${chart}&fact=${last.id}`);
      await linkedView(origin, url, inTable, 'chart', chart, 1280, { table: true, source: last, shot: `link-source-table-${name}-1280` });
    } finally {
      await site.close();
    }
  });
}

test('a link\'s theme, or a stored one, is set before the first paint, on the prerendered view', async () => {
  const { context, page, release } = await heldPage(server.origin, 1280);
  await page.goto(server.url + '?theme=dark');
  assert.equal(await page.locator('#boot .boot__view').isVisible(), true);
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
  // The shell's bars in the dark theme's colour (charts::draw::DARK), not the light one's.
  const barFill = () => page.evaluate(() => {
    const s = [...document.querySelectorAll('#boot svg')].find((e) => getComputedStyle(e).display !== 'none');
    return getComputedStyle(s.querySelector('[fill="var(--chart-bar)"]')).fill;
  });
  assert.equal(await barFill(), 'rgb(110, 168, 232)');
  // A bare visit whose stored preference is the light theme, under a dark system setting.
  await page.goto(server.url);
  await page.evaluate(() => localStorage.setItem('indicator-dashboard.prefs', 'theme=light'));
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.reload();
  assert.equal(await page.locator('#boot .boot__view').isVisible(), true);
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'light');
  assert.equal(await barFill(), 'rgb(31, 95, 168)', 'light, although the system is dark');
  assert.equal(await page.evaluate(() => scrollY), 0, 'stored preferences bring nothing into view');
  release();
  await context.close();
  // Storage that throws (disabled, or a sandboxed frame): a bare visit is the prerendered view.
  const blocked = await heldPage(server.origin, 1280);
  await blocked.context.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('denied', 'SecurityError'); } });
  });
  await blocked.page.goto(server.url);
  assert.equal(await blocked.page.locator('#boot .boot__view').isVisible(), true, 'shown without storage');
  blocked.release();
  await waitForApp(blocked.page);
  assert.deepEqual(blocked.problems.page, [], 'the app starts without storage too');
  await blocked.context.close();
});

test('a link to a view the page did not prerender keeps the prerendered view hidden', async () => {
  const { section, chart, first } = await targets(server.origin, server.url);
  const { context, page, release } = await heldPage(server.origin, 1280);
  for (const query of [
    `?lang=en&table=${chart},${first}`, '?lang=fr', `?lang=en&lang=en&chart=${chart}`, `?chart=${chart}&table=${chart},${first}`, '?table=no-such-chart', `?table=${chart}&q=5G`, '?chart=no-such-chart', '?section=no-such-section',
    `?chart=${chart}&chart=${chart}`, `?chart=${chart}&cv=zzzzzz`, '?q=5G', `?section=${section}&read=a1`, '?CHART=x', '?embed=1', `?section=${section}&embed=1`,
    `?chart=${chart}&embed=2`, `?chart=${chart}&embed=1&embed=1`, `?indicator=x&embed=1`, '?read=no-such-article',
    '?read=guangdong&fact=GD_5G', '?fact=gd-5g-stations-2019&fact=gd-clearance-2019',
    // (The page hides its view when it finds no panel for the fact: one the report does not have
    // is the app's to answer, with a notice.)
    '?fact=no-such-fact', '?lang=en&fact=no-such-fact', '?chart=no-such-chart&fact=gd-5g-stations-2019',
    // (These two go to the article's reading page, whose script hides its view: a fact the article
    // does not have is the app's to answer.)
    '?read=guangdong&fact=no-such-fact', '?read=luoning&fact=gd-5g-stations-2019',
    '?read=guangdong&fact=gd-5g-stations-2019&fact=gd-clearance-2019', '?read=guangdong&q=5G', '?read=guangdong&read=luoning', '?read=guangdong,luoning',
    '?chart=%E4%B8%AD', '?theme=blue',
  ]) {
    await page.goto(server.url + query);
    if (/^\?(lang=en&)?fact=/.test(query)) await page.waitForFunction(() => document.documentElement.classList.contains('boot-plain'));
    assert.equal(await page.evaluate(() => location.href), server.url + query, `${query}: not sent to another page`);
    assert.equal(await page.locator('#boot .boot__view').isVisible(), false, `${query}: hidden`);
    assert.equal(await page.locator('#boot h1').isVisible(), true, `${query}: the masthead still paints`);
  }
  // What the app ignores silently, the page does too: empty pairs and values.
  await page.goto(server.url + `?&chart=${chart}&section=&`);
  assert.equal(await page.locator('#boot .boot__view').isVisible(), true, 'empty pairs are nothing');
  release();
  await context.close();
});

// Scrolled a screen at a time, as a wheel or a finger does: each section is laid out as it nears the
// viewport (content-visibility), so the shell's page is as long as the app's. (A jump straight to the
// end skips laying out the sections in between, which the shell then counts at an estimated height.)
test('a reader who scrolled to the end of the prerendered report before the code arrived stays there', async () => {
  const { section } = await targets(server.origin, server.url);
  for (const width of [1280, 360]) {
    const { context, page, problems, release } = await heldPage(server.origin, width);
    await page.goto(server.url);
    await page.evaluate(async () => {
      const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      while (scrollY + innerHeight < document.documentElement.scrollHeight - 1) {
        window.scrollBy(0, innerHeight / 2);
        await frame();
      }
    });
    const shellTop = await topOf(page, `#boot section[data-section="${section}"]`);
    const y = await page.evaluate(() => scrollY);
    assert.ok(y > 1000, `${width} px: scrolled to the end (${y})`);
    // The hand-over's shifts, not the scroll's (a section laid out as it nears the viewport may
    // move what is below it when a frame comes late on a busy machine).
    await page.evaluate(() => { window.__shift = 0; window.__shifted = []; });
    release();
    await page.waitForFunction(() => !document.getElementById('boot'), null, { timeout: 20000 });
    assert.equal(await page.evaluate(() => scrollY), y, `${width} px: nothing scrolled at the hand-over`);
    assert.equal(await topOf(page, `main section[id="${section}"]`), shellTop, `${width} px: the last section where it was`);
    await waitForApp(page);
    await noShift(page);
    assert.deepEqual(problems, { console: [], page: [], foreign: [] });
    await context.close();
  }
});
