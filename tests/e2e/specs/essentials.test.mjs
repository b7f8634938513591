// Reader essentials: accessibility (axe-core, WCAG 2.1 AA) in both languages and both themes,
// keyboard use, dark mode that follows the system and redraws charts, remembered preferences,
// numbers written as each language writes them, and a printable A4 fact sheet.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { serve } from '../lib/server.mjs';
import { launch, openPage, ARTIFACTS, waitForApp } from '../lib/browser.mjs';

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

let server, browser, catalogue;
before(async () => {
  server = await serve({ prefix: '/a/b/' });
  browser = await launch();
  catalogue = await (await fetch(server.url + 'facts.json')).json();
});
after(async () => { await browser?.close(); await server?.close(); });

const ready = waitForApp;

async function axe(page) {
  // Evaluated through the DevTools protocol, so the page's CSP does not block it.
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ') + ' :: ' + n.failureSummary) }));
  });
}

for (const lang of ['zh', 'en']) {
  for (const scheme of ['light', 'dark']) {
    test(`no axe violations (WCAG 2.1 AA) in ${lang}, ${scheme} theme, with a table, a tooltip and the source panel open`, async () => {
      const { context, page, problems } = await openPage(browser, server.origin, { viewport: { width: 1280, height: 900 }, colorScheme: scheme });
      await page.goto(server.url + `?lang=${lang}&table=gd-finance&fact=gd-clearance-2019`);
      await ready(page);
      await page.locator('[data-chart="sme-shares"] .chart__hit').first().focus();
      await page.locator('.tooltip').waitFor();
      const violations = await axe(page);
      assert.deepEqual(violations, [], JSON.stringify(violations, null, 1));
      await page.screenshot({ path: `${ARTIFACTS}essentials-${lang}-${scheme}.png` });
      assert.deepEqual(problems, { console: [], page: [], foreign: [] });
      await context.close();
    });
  }
}

test('dark mode follows the system, the toggle overrides it, and charts redraw in the theme colours', async () => {
  const { context, page } = await openPage(browser, server.origin, { viewport: { width: 1000, height: 800 }, colorScheme: 'dark' });
  await page.goto(server.url);
  await ready(page);
  const corner = () => page.evaluate(() => {
    const c = document.querySelector('[data-chart="sme-shares"] canvas');
    return [...c.getContext('2d').getImageData(1, 1, 1, 1).data].slice(0, 3);
  });
  const bg = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  const dark = await corner();
  assert.ok(dark.every((v) => v < 60), `dark canvas background ${dark}`);
  assert.equal(await bg(), 'rgb(13, 17, 23)');
  await page.locator('.theme-toggle').click();
  await page.waitForFunction(() => {
    const c = document.querySelector('[data-chart="sme-shares"] canvas');
    return c.getContext('2d').getImageData(1, 1, 1, 1).data[0] > 200;
  });
  assert.match(await page.evaluate(() => location.search), /theme=light/);
  await page.emulateMedia({ colorScheme: 'light' });
  await page.locator('.theme-toggle').click();
  assert.deepEqual((await corner()).map((v) => v < 60), [true, true, true], 'the toggle wins over the system');
  await context.close();
});

test('language and theme are remembered for the next bare visit, and a corrupted store is ignored', async () => {
  const { context, page, problems } = await openPage(browser, server.origin, { viewport: { width: 1000, height: 800 } });
  await page.goto(server.url);
  await ready(page);
  await page.locator('.lang-toggle').click();
  await page.locator('.theme-toggle').click();
  await page.goto(server.url);
  await ready(page);
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.equal(await page.getAttribute('html', 'data-theme'), 'dark');
  // A shared link is not overridden by preferences.
  await page.goto(server.url + '?chart=sme-shares');
  await ready(page);
  assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
  for (const junk of ['lang=fr&theme=%ZZ', '\u0000\u0001garbage', 'x'.repeat(10000)]) {
    await page.evaluate((v) => localStorage.setItem('indicator-dashboard.prefs', v), junk);
    await page.goto(server.url);
    await ready(page);
    assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
  }
  assert.deepEqual(problems, { console: [], page: [], foreign: [] });
  await context.close();
});

test('numbers are written as the reader’s language writes them', async () => {
  const { context, page } = await openPage(browser, server.origin, { viewport: { width: 1280, height: 900 } });
  for (const [lang, expected] of [['zh', ['4.1万座', '2300亿元', '36,988座']], ['en', ['41,000 stations', '230 billion yuan', '36,988 stations']]]) {
    await page.goto(server.url + `?lang=${lang}&table=gd-5g-stations,gd-5g-national-share`);
    await ready(page);
    const cells = await page.locator('td.num').allTextContents();
    for (const e of expected) assert.ok(cells.some((c) => c.includes(e)), `${lang}: ${e} in ${cells.join(' | ')}`);
  }
  await context.close();
});

test('every chart has a text alternative with one sentence per fact, and the canvas is hidden from assistive tech', async () => {
  const { context, page } = await openPage(browser, server.origin, { viewport: { width: 1280, height: 900 } });
  await page.goto(server.url + '?lang=en');
  await ready(page);
  const figures = await page.$$eval('figure[data-chart]', (figs) => figs.map((f) => ({
    id: f.dataset.chart,
    hidden: f.querySelector('canvas').getAttribute('aria-hidden'),
    alt: f.querySelector('.chart__alt')?.textContent ?? '',
    facts: [...f.querySelectorAll('.chart__hit[data-fact]')].map((h) => h.dataset.fact).filter(Boolean),
  })));
  for (const f of figures) {
    assert.equal(f.hidden, 'true', f.id);
    const sentences = f.alt.split(/(?<=\.)\s+/).filter((s) => s.trim());
    assert.ok(sentences.length >= f.facts.length, `${f.id}: ${sentences.length} sentences for ${f.facts.length} facts: ${f.alt}`);
  }
  await context.close();
});

test('printing gives an A4 fact sheet with every chart’s numbers and the source quotes as footnotes', async () => {
  const { context, page } = await openPage(browser, server.origin, { viewport: { width: 1280, height: 900 } });
  await page.goto(server.url);
  await ready(page);
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  const file = `${ARTIFACTS}fact-sheet.pdf`;
  writeFileSync(file, pdf);
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  for (const n of ['36,988座', '4.1万座', '7.8万座', '2300亿元', '93.6%', '94.3%', '50%以上', '超过850万人次']) {
    assert.ok(text.includes(n), `PDF has ${n}`);
  }
  const charted = new Set(await page.$$eval('.chart__hit[data-fact]', (h) => h.map((x) => x.dataset.fact).filter(Boolean)));
  for (const id of charted) {
    const quote = catalogue.facts.find((f) => f.id === id).quote.replace(/\s+/g, '');
    assert.ok(text.includes(quote), `PDF quotes the source of ${id}: ${quote}`);
  }
  const pages = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  assert.match(pages, /Page size:.*\(A4\)/, 'A4');
  await context.close();
});
