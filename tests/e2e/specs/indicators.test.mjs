// Indicators (#26, first part): a series across reports is titled by its indicator's declared
// name, with the definition (口径) under the title, in Chromium and Firefox and in both languages,
// and each point says its change from the point before (a bound where a figure is one);
// "all facts" carries each fact's indicator with its name and definition; axe finds nothing in the
// series. Run on the site of several reports (dist-multi/).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '../lib/server.mjs';
import { launch, openPage, waitForApp } from '../lib/browser.mjs';
import { launchFirefox, openFirefoxPage, waitForAppFirefox } from '../lib/firefox.mjs';

const MULTI = resolve(fileURLToPath(new URL('../../../dist-multi/', import.meta.url)));
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const CLEAN = { console: [], page: [], foreign: [] };
const SERIES = '#across figure[data-series="east-5g-stations"]';
const WORDS = {
  zh: { name: '东海省累计建成5G基站', definition: '全省自建设以来累计建成的5G基站数' },
  en: { name: "East Sea's 5G base stations, cumulative", definition: '5G base stations built in the province since the first' },
};

let server, chromium, firefox;
before(async () => {
  assert.ok(existsSync(join(MULTI, 'fixture-east-2021q1.html')), `no report pages in ${MULTI}: build it with DASHBOARD_SEEDS=seeds:tests/fixtures/reports bash .ci/build --dist dist-multi`);
  server = await serve({ root: MULTI });
  chromium = await launch();
  firefox = await launchFirefox();
});
after(async () => { await chromium?.close(); await firefox?.close(); await server?.close(); });

// The series' title and its definition, read from the page (the same code in both engines).
function readSeries(selector) {
  const fig = document.querySelector(selector);
  const definition = fig?.querySelector('.chart__definition[data-indicator="east-5g-stations"]');
  return { title: fig?.querySelector('.chart__title')?.textContent ?? '', definition: definition?.textContent ?? '' };
}

for (const lang of ['zh', 'en']) {
  test(`Chromium, ${lang}: a series is titled by its indicator with the definition under it; axe finds nothing there`, async () => {
    const { context, page, problems } = await openPage(chromium, server.origin, { viewport: { width: 1280, height: 900 } });
    await page.goto(server.url + `fixture-east-2021q1.html?lang=${lang}`);
    await waitForApp(page);
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.locator(SERIES).waitFor({ timeout: 30000 });
    const seen = await page.evaluate(readSeries, SERIES);
    assert.equal(seen.title, WORDS[lang].name);
    assert.ok(seen.definition.includes(WORDS[lang].definition), seen.definition);
    // Each point's change from the one before: 超过6万 then 7.4万 is at most +1.4万, never exact.
    const change = page.locator(`${SERIES} tr[data-series-fact="fixture-east-2021q3-1"] td[data-change]`);
    assert.equal(await change.getAttribute('data-change'), 'at_most');
    assert.equal(await change.getAttribute('data-change-by'), '14000');
    assert.match(await change.textContent(), lang === 'zh' ? /至多\+1\.4万座/ : /at most \+14,000 stations/);
    await page.evaluate(AXE);
    const violations = await page.evaluate(async (sel) => {
      const r = await window.axe.run({ include: [[sel]] }, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
      return r.violations.map((v) => ({ id: v.id, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
    }, SERIES);
    assert.deepEqual(violations, []);
    assert.deepEqual(problems, CLEAN);
    await context.close();
  });
}

test('Firefox: a series is titled by its indicator with the definition under it', async () => {
  const { context, page, problems } = await openFirefoxPage(firefox, server.origin, { width: 1280, height: 900 });
  await page.goto(server.url + 'fixture-east-2021q1.html?lang=en');
  await waitForAppFirefox(page, 2);
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await page.waitForSelector(SERIES, { timeout: 30000 });
  const seen = await page.evaluate(readSeries, SERIES);
  assert.equal(seen.title, WORDS.en.name);
  assert.ok(seen.definition.includes(WORDS.en.definition), seen.definition);
  assert.deepEqual(problems, CLEAN);
  await context.close();
});

test('"all facts" carries each fact\'s indicator with its declared name and definition', async () => {
  const { context, page, problems } = await openPage(chromium, server.origin, { viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  await page.goto(server.url + 'fixture-release-2020m11.html');
  await waitForApp(page);
  const fig = page.locator('figure[data-chart="beiling-2020m11-levels"]');
  await fig.locator('.downloads__toggle').click();
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 30000 }), fig.locator('button[data-format="all-json"]').click()]);
  const all = JSON.parse(await readFile(await dl.path(), 'utf8'));
  // Declared in the October release, named by the November one's fact.
  const revenue = all.facts.find((f) => f.id === 'beiling-2020m11-revenue');
  assert.equal(revenue.indicator, 'beiling-telecom-revenue');
  assert.equal(revenue.indicator_name_en, 'Beiling telecom revenue, year to date');
  assert.ok(revenue.indicator_definition_zh.includes('自1月起累计至报告月'), revenue.indicator_definition_zh);
  const stations = all.facts.find((f) => f.id === 'fixture-east-2021q3-1');
  assert.equal(stations.indicator_name_zh, WORDS.zh.name);
  assert.deepEqual(problems, CLEAN);
  await context.close();
});
