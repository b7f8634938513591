// Indicators a reader can follow (#26): what a figure counts is one press away from a table, a
// tooltip, the source panel, the reading view and a verdict (a card with its name and definition);
// `?indicator=ID` is a view of its own (its series, every point with its sentence, the change
// between points, the indicator close to it side by side, share and the CSV); a figure a later
// report restated is kept and marked with both sentences, and the checker judges by the later one;
// a figure whose indicator has a point in the report before says what changed since, in its
// tooltip, its table row and its source panel. On the real report and the fixture reports, in
// Chromium and Firefox, in both languages; axe finds nothing in the card and the view.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '../lib/server.mjs';
import { launch, openPage, waitForApp, ARTIFACTS } from '../lib/browser.mjs';
import { launchFirefox, openFirefoxPage, waitForAppFirefox } from '../lib/firefox.mjs';

const MULTI = resolve(fileURLToPath(new URL('../../../dist-multi/', import.meta.url)));
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const CLEAN = { console: [], page: [], foreign: [] };

// One report of each kind: the real one (a series inside one report) and a fixture brief (a
// series across reports, a revision, an indicator close to another).
const REPORTS = [
  {
    name: 'the real report', page: '', chart: 'gd-clearance', fact: 'gd-clearance-2020-06', indicator: 'gd-clearance',
    article: 'guangdong', close: null, points: 2,
    words: { zh: { name: '广东省拖欠民营企业中小企业账款清偿进度', definition: '自清欠工作开展以来累计计算' },
      en: { name: "Guangdong's clearance of overdue payments to private firms and SMEs", definition: 'cumulative since the clearance campaign began' } },
  },
  {
    name: 'a fixture brief', page: 'fixture-east-2021q3.html', chart: 'fixture-east-2021q3-station', fact: 'fixture-east-2021q3-1',
    indicator: 'east-5g-stations', article: 'fixture-east-2021q3-article-1', close: 'east-5g-in-service', points: 3,
    words: { zh: { name: '东海省累计建成5G基站', definition: '含已建成尚未开通的基站' },
      en: { name: "East Sea's 5G base stations, cumulative", definition: 'including those built but not yet in service' } },
  },
];
const FIXTURE = REPORTS[1];

let server, chromium, firefox;
before(async () => {
  assert.ok(existsSync(join(MULTI, 'fixture-east-2021q3.html')), `no report pages in ${MULTI}: build it with DASHBOARD_SEEDS=seeds:tests/fixtures/reports bash .ci/build --dist dist-multi`);
  server = await serve({ root: MULTI });
  chromium = await launch();
  firefox = await launchFirefox();
});
after(async () => { await chromium?.close(); await firefox?.close(); await server?.close(); });

async function axe(page, selector) {
  await page.evaluate(AXE);
  return page.evaluate(async (sel) => {
    const r = await window.axe.run({ include: [[sel]] }, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return r.violations.map((v) => ({ id: v.id, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  }, selector);
}

/** Presses `control` and reads the card it opens: its name and definition; Esc closes it and the
 * focus goes back to the control. */
async function cardFrom(page, control, r, lang) {
  await control.click();
  const card = page.locator(`dialog#indicator-card[open] [data-indicator-card="${r.indicator}"]`);
  await card.waitFor({ timeout: 30000 });
  assert.equal(await card.locator('h2').textContent(), r.words[lang].name);
  assert.ok((await card.textContent()).includes(r.words[lang].definition), await card.textContent());
  await page.keyboard.press('Escape');
  await page.locator('dialog#indicator-card[open]').waitFor({ state: 'detached' });
  assert.equal(await control.evaluate((b) => b === document.activeElement), true, 'the focus is back on the control');
}

for (const r of REPORTS) {
  for (const lang of ['zh', 'en']) {
    test(`Chromium, ${r.name}, ${lang}: the definition is one press away from the table, the tooltip, the source panel and the reading view`, async () => {
      const { context, page, problems } = await openPage(chromium, server.origin, { viewport: { width: 1280, height: 900 } });
      await page.goto(`${server.url}${r.page}?lang=${lang}&table=${r.chart}`);
      await waitForApp(page);
      const row = page.locator(`figure[data-chart="${r.chart}"] tr[data-fact="${r.fact}"]`);
      await cardFrom(page, row.locator(`button[data-indicator="${r.indicator}"]`), r, lang);
      // The tooltip of the bar carries the same control.
      await page.goto(`${server.url}${r.page}?lang=${lang}`);
      await waitForApp(page);
      await page.locator(`figure[data-chart="${r.chart}"] .chart__hit[data-fact="${r.fact}"]`).hover();
      await page.locator(`.tooltip button[data-indicator="${r.indicator}"]`).waitFor();
      // The source panel.
      await page.goto(`${server.url}${r.page}?lang=${lang}&fact=${r.fact}`);
      await waitForApp(page);
      await cardFrom(page, page.locator(`aside.source button[data-indicator="${r.indicator}"]`), r, lang);
      // The reading view: under the paragraph, named.
      await page.goto(`${server.url}${r.page}?lang=${lang}&read=${r.article}`);
      await waitForApp(page);
      const inText = page.locator(`.reader__indicators button[data-indicator="${r.indicator}"]`).first();
      await inText.waitFor({ timeout: 30000 });
      assert.equal(await inText.textContent(), r.words[lang].name);
      await inText.click();
      await page.locator('dialog#indicator-card[open]').waitFor();
      assert.deepEqual(await axe(page, '#indicator-card'), []);
      await page.screenshot({ path: `${ARTIFACTS}indicator-card-${r.indicator}-${lang}-1280.png` });
      // The card's link opens the indicator's view in place.
      await page.locator(`#indicator-card a[data-indicator-link="${r.indicator}"]`).click();
      await page.locator(`section[data-indicator-view="${r.indicator}"]`).waitFor({ timeout: 30000 });
      assert.equal(new URL(page.url()).searchParams.get('indicator'), r.indicator);
      assert.deepEqual(problems, CLEAN);
      await context.close();
    });

    test(`Chromium, ${r.name}, ${lang}: ?indicator= is a view with its series, definition, every point and a link to share and a CSV`, async () => {
      const { context, page, problems } = await openPage(chromium, server.origin, { viewport: { width: 1280, height: 900 }, acceptDownloads: true });
      await page.goto(`${server.url}${r.page}?lang=${lang}&indicator=${r.indicator}`);
      await waitForApp(page);
      const view = page.locator(`section[data-indicator-view="${r.indicator}"]`);
      await view.waitFor({ timeout: 30000 });
      assert.equal(await view.locator('#indicator-title').textContent(), r.words[lang].name);
      assert.ok((await view.locator(`[data-indicator-definition="${r.indicator}"]`).textContent()).includes(r.words[lang].definition));
      const figure = view.locator(`figure[data-series="${r.indicator}"]`);
      assert.equal(await figure.locator('tr[data-series-fact]:not([data-revised="earlier"])').count(), r.points);
      // Each point with its sentence, and from the second on its change from the one before.
      assert.equal(await figure.locator('td[data-change="none"]').count(), 1);
      assert.ok(await figure.locator('td[data-change="exact"], td[data-change="at_most"], td[data-change="at_least"]').count() >= 1);
      if (r.close) {
        // The indicator close to it, side by side with its own definition, never one line.
        const close = view.locator(`[data-indicator-column="${r.close}"]`);
        assert.ok(await close.locator(`[data-indicator-definition="${r.close}"]`).count() === 1);
        assert.equal(await close.locator(`figure[data-series="${r.close}"]`).count(), 1);
        const [a, b] = await Promise.all([view.locator(`[data-indicator-column="${r.indicator}"]`).boundingBox(), close.boundingBox()]);
        assert.ok(b.x > a.x + a.width / 2 && Math.abs(b.y - a.y) < 4, `side by side: ${JSON.stringify([a, b])}`);
      }
      // Share: the page's link is this view's, with the code that embeds it and its QR code.
      await page.locator('.masthead .share__toggle').click();
      const link = await page.locator('.masthead .share__link').inputValue();
      assert.equal(new URL(link).searchParams.get('indicator'), r.indicator);
      const embed = await page.locator('.masthead .share__embed').inputValue();
      const src = new URL(embed.match(/src="([^"]+)"/)[1].replace(/&amp;/g, '&'));
      assert.equal(src.searchParams.get('embed'), '1');
      assert.equal(src.searchParams.get('indicator'), r.indicator);
      await page.locator('.masthead .share__qr svg').waitFor();
      await page.locator('.masthead .share__toggle').click();
      // The CSV: every statement of the indicator, with its definition.
      const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 30000 }), view.locator(`[data-indicator-csv="${r.indicator}"]`).click()]);
      assert.equal(dl.suggestedFilename(), `indicator-${r.indicator}.csv`);
      const csv = (await readFile(await dl.path(), 'utf8')).trim().split(/\r\n/);
      assert.ok(csv[0].includes('indicator_definition_zh'), csv[0]);
      assert.ok(csv.length - 1 >= r.points, csv.join('\n'));
      assert.ok(csv.slice(1).every((line) => line.includes(r.indicator)));
      assert.deepEqual(await axe(page, `section[data-indicator-view="${r.indicator}"]`), []);
      // Drawn for the width the page opens at: a phone's, and a wide screen's.
      for (const width of [1280, 360]) {
        await page.setViewportSize({ width, height: 900 });
        await page.goto(`${server.url}${r.page}?lang=${lang}&indicator=${r.indicator}`);
        await waitForApp(page);
        await view.locator('figure svg').first().waitFor({ timeout: 30000 });
        await view.scrollIntoViewIfNeeded();
        await page.screenshot({ path: `${ARTIFACTS}indicator-view-${r.indicator}-${lang}-${width}.png`, fullPage: false });
      }
      // Closing it leaves the link without it.
      await view.locator('.indicator-view__close').click();
      await view.waitFor({ state: 'detached' });
      assert.equal(new URL(page.url()).searchParams.get('indicator'), null);
      assert.deepEqual(problems, CLEAN);
      await context.close();
    });
  }
}

for (const lang of ['zh', 'en']) {
  test(`Chromium, ${lang}: a restated figure is kept and marked with both sentences, and the figure after the report before says what changed`, async () => {
    const { context, page, problems } = await openPage(chromium, server.origin, { viewport: { width: 1280, height: 900 } });
    await page.goto(`${server.url}fixture-east-2021q3.html?lang=${lang}&indicator=east-5g-stations`);
    await waitForApp(page);
    const figure = page.locator('section[data-indicator-view] figure[data-series="east-5g-stations"]');
    await figure.waitFor({ timeout: 30000 });
    const later = figure.locator('tr[data-series-fact="fixture-east-2021q3-6"]');
    const earlier = figure.locator('tr[data-series-fact="fixture-east-2021q1-1"]');
    assert.equal(await later.getAttribute('data-revised'), 'later');
    assert.equal(await earlier.getAttribute('data-revised'), 'earlier');
    assert.ok((await later.textContent()).includes('经最终核实，截至2020年底全省累计建成5G基站5.3万座'));
    assert.ok((await earlier.textContent()).includes('截至2020年底，全省累计建成5G基站5.2万座'));
    // The drawing marks the revised figure apart from the line.
    assert.equal(await figure.locator('a.series__hit[data-revised="earlier"]').count(), 1);
    for (const width of [1280, 360]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`${server.url}fixture-east-2021q3.html?lang=${lang}&indicator=east-5g-stations`);
      await waitForApp(page);
      await figure.locator('svg').waitFor({ timeout: 30000 });
      await figure.locator('tr[data-revised="earlier"]').scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${ARTIFACTS}indicator-revision-${lang}-${width}.png` });
    }
    // The table row and the tooltip of the Q3 figure say what changed since the Q1 brief, with
    // its sentence; the restated figure says what the Q1 brief said.
    await page.goto(`${server.url}fixture-east-2021q3.html?lang=${lang}&table=fixture-east-2021q3-station,fixture-east-2021q3-restated`);
    await waitForApp(page);
    const since = page.locator('tr[data-fact="fixture-east-2021q3-1"] .chart__since');
    assert.equal(await since.getAttribute('data-change'), 'at_most');
    assert.equal(await since.getAttribute('data-change-by'), '14000');
    assert.ok((await since.textContent()).includes('截至2021年3月末累计超过6万座'), await since.textContent());
    const revised = page.locator('tr[data-fact="fixture-east-2021q3-6"] .chart__since[data-change="revised"]');
    assert.ok((await revised.textContent()).includes('截至2020年底，全省累计建成5G基站5.2万座'));
    await page.goto(`${server.url}fixture-east-2021q3.html?lang=${lang}&fact=fixture-east-2021q3-1`);
    await waitForApp(page);
    assert.equal(await page.locator('aside.source .source__since').getAttribute('data-change'), 'at_most');
    await page.locator('figure[data-chart="fixture-east-2021q3-station"] .chart__hit[data-fact="fixture-east-2021q3-1"]').hover();
    assert.equal(await page.locator('.tooltip .tooltip__since').getAttribute('data-change'), 'at_most');
    assert.deepEqual(problems, CLEAN);
    await context.close();
  });
}

test('Chromium: ?indicator=ID&embed=1 is the indicator\'s view alone, for an iframe', async () => {
  const { context, page, problems } = await openPage(chromium, server.origin, { viewport: { width: 640, height: 700 } });
  await page.goto(`${server.url}fixture-east-2021q3.html?indicator=east-5g-stations&embed=1&lang=en`);
  const view = page.locator('section[data-indicator-view="east-5g-stations"]');
  await view.waitFor({ timeout: 30000 });
  // Nothing else of the page shows.
  for (const other of ['.masthead', '.overview', '.finder', '.topic']) {
    assert.equal(await page.locator(other).first().isVisible(), false, other);
  }
  assert.equal(await view.locator('#indicator-title').textContent(), FIXTURE.words.en.name);
  assert.equal(await view.locator('figure[data-series="east-5g-stations"]').count(), 1);
  await page.screenshot({ path: `${ARTIFACTS}indicator-embed-en-640.png` });
  assert.deepEqual(problems, CLEAN);
  await context.close();
});

test('Chromium: the checker judges a restated figure by the later report, says what the earlier said, and its definition is a press away', async () => {
  const { context, page, problems } = await openPage(chromium, server.origin, { viewport: { width: 1280, height: 900 } });
  const sentence = encodeURIComponent('截至2020年底，东海省累计建成5G基站5.2万座');
  await page.goto(`${server.url}fixture-east-2021q1.html?check=${sentence}`);
  await waitForApp(page);
  const claim = page.locator('.claim[data-claim-verdict="inconsistent"]');
  await claim.waitFor({ timeout: 30000 });
  const number = claim.locator('li[data-fact="fixture-east-2021q3-6"]');
  assert.equal(await number.count(), 1, await claim.textContent());
  const note = number.locator('.claim__revised[data-revised="later"]');
  assert.ok((await note.textContent()).includes('5.2万座'), await note.textContent());
  assert.ok((await note.textContent()).includes('截至2020年底，全省累计建成5G基站5.2万座'));
  await cardFrom(page, number.locator('button[data-indicator="east-5g-stations"]'), FIXTURE, 'zh');
  assert.deepEqual(problems, CLEAN);
  await context.close();
});

test('Firefox: the card from a table, the indicator view with its revision, and the checker on a restated figure', async () => {
  const { context, page, problems } = await openFirefoxPage(firefox, server.origin, { width: 1280, height: 900 });
  await page.goto(`${server.url}fixture-east-2021q3.html?lang=en&table=fixture-east-2021q3-station`);
  await waitForAppFirefox(page, 1);
  await page.click('tr[data-fact="fixture-east-2021q3-1"] button[data-indicator="east-5g-stations"]');
  await page.waitForSelector('dialog#indicator-card[open] [data-indicator-card="east-5g-stations"]', { timeout: 30000 });
  const card = await page.$eval('#indicator-card', (d) => d.textContent);
  assert.ok(card.includes(FIXTURE.words.en.definition), card);
  await page.keyboard.press('Escape');
  await page.waitForSelector('dialog#indicator-card[open]', { hidden: true });
  await page.goto(`${server.url}fixture-east-2021q3.html?indicator=east-5g-stations`);
  await waitForAppFirefox(page, 1);
  await page.waitForSelector('section[data-indicator-view] tr[data-revised="earlier"][data-series-fact="fixture-east-2021q1-1"]', { timeout: 30000 });
  assert.equal(await page.$$eval('section[data-indicator-view] [data-indicator-column]', (c) => c.length), 2);
  const sentence = encodeURIComponent('截至2020年底，东海省累计建成5G基站5.2万座');
  await page.goto(`${server.url}fixture-east-2021q1.html?check=${sentence}`);
  await waitForAppFirefox(page, 1);
  await page.waitForSelector('.claim[data-claim-verdict="inconsistent"] .claim__revised[data-revised="later"]', { timeout: 30000 });
  assert.deepEqual(problems, CLEAN);
  await context.close();
});
