// Moving a view on, in Chromium: the share panel's QR code encodes exactly its link (decoded from
// a screenshot by zbarimg), the system share sheet gets that link where the browser has one,
// "Cite this" in three styles for the page, a chart and a fact, and a chart's image copied to the
// clipboard as a PNG at 2x.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serve, DIST } from '../lib/server.mjs';
import { launch, openPage, ARTIFACTS, waitForApp } from '../lib/browser.mjs';

const CLEAN = { console: [], page: [], foreign: [] };
let server, browser, catalogue;
before(async () => {
  server = await serve({ prefix: '/a/b/' });
  browser = await launch();
  catalogue = JSON.parse(readFileSync(join(DIST, 'facts.json'), 'utf8'));
});
after(async () => { await browser?.close(); await server?.close(); });

async function open(query, options = {}) {
  const opened = await openPage(browser, server.origin, { viewport: { width: 1280, height: 900 }, ...options });
  await opened.page.goto(server.url + query);
  await waitForApp(opened.page);
  return opened;
}

/** Today as the reader's clock has it, in the page: YYYY-MM-DD. */
const today = (page) => page.evaluate(() => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
});

test('every share panel shows a QR code that decodes to exactly the link it shows', async () => {
  const { context, page, problems } = await open('?lang=en&table=gd-finance');
  for (const scope of ['.masthead', 'figure[data-chart="gd-5g-stations"]']) {
    const root = page.locator(scope).first();
    await root.locator('.share__toggle').first().click();
    const link = await root.locator('.share__link').inputValue();
    const svg = root.locator('.share__qr svg[data-qr]');
    await svg.waitFor({ timeout: 20000 });
    assert.equal(await svg.getAttribute('data-qr'), link);
    const file = `${ARTIFACTS}qr-${scope.includes('figure') ? 'chart' : 'page'}.png`;
    await svg.screenshot({ path: file });
    const decoded = execFileSync('zbarimg', ['--raw', '-q', file], { encoding: 'utf8' }).trim();
    assert.equal(decoded, link, 'zbarimg reads back the link');
    await root.locator('.share__toggle').first().click();
  }
  assert.deepEqual(problems, CLEAN);
  await context.close();
});

test('with the Web Share API, the share button hands the system share sheet the link; without it, there is no button', async () => {
  const plain = await open('');
  await plain.page.locator('.masthead .share__toggle').click();
  await plain.page.locator('.masthead .share__link').waitFor();
  assert.equal(await plain.page.locator('.masthead .share__native').isVisible(), false, 'no share sheet, no button');
  await plain.context.close();

  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(() => {
    Object.defineProperty(navigator, 'share', { value: (data) => { window.sharedData = data; return Promise.resolve(); } });
  });
  const page = await context.newPage();
  await page.goto(server.url + '?chart=gd-5g-stations');
  await waitForApp(page);
  const fig = page.locator('figure[data-chart="gd-5g-stations"]');
  await fig.locator('.share__toggle').click();
  const link = await fig.locator('.share__link').inputValue();
  await fig.locator('.share__native').click();
  const shared = await page.evaluate(() => window.sharedData);
  assert.equal(shared.url, link);
  assert.ok(shared.title.length > 0);
  await context.close();
});

test('"Cite this" gives GB/T 7714, APA and BibTeX for the page, a chart and a fact, with article, issuing body, link and access date', async () => {
  const { context, page, problems } = await open('');
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
  const date = await today(page);
  const [y, m, d] = date.split('-').map(Number);
  const apaDate = new Date(Date.UTC(y, m - 1, d)).toLocaleDateString('en-US', { month: 'long', day: 'numeric', year: 'numeric', timeZone: 'UTC' });
  const check = async (root, articles, link, what) => {
    for (const style of ['gbt7714', 'apa', 'bibtex']) {
      const text = await root.locator(`[data-cite="${style}"]`).textContent();
      assert.ok(text.includes(link), `${what} ${style} names the link: ${text}`);
      for (const a of articles) {
        assert.ok(text.includes(a.title_zh), `${what} ${style} names the article: ${text}`);
        assert.ok(text.includes(a.source_zh), `${what} ${style} names the issuing body: ${text}`);
      }
      const when = { gbt7714: `[${date}]`, apa: apaDate, bibtex: `urldate = {${date}}` }[style];
      assert.ok(text.includes(when), `${what} ${style} gives the access date ${when}: ${text}`);
    }
  };
  const article = (id) => catalogue.articles.find((a) => a.id === id);

  // The page.
  const head = page.locator('.masthead');
  await head.locator('.share__toggle').click();
  await head.locator('[data-cite="gbt7714"]').waitFor({ timeout: 20000 });
  await check(head, catalogue.articles, await head.locator('.share__link').inputValue(), 'page');
  // Its copy button puts the reference on the clipboard.
  await head.locator('.cite__copy').first().click();
  await page.waitForFunction(() => navigator.clipboard.readText().then((t) => t.includes('[EB/OL]')));
  await head.locator('.share__toggle').click();

  // A chart.
  const fig = page.locator('figure[data-chart="gd-5g-stations"]');
  await fig.locator('.share__toggle').click();
  await fig.locator('[data-cite="apa"]').waitFor({ timeout: 20000 });
  await check(fig, [article('guangdong')], await fig.locator('.share__link').inputValue(), 'chart');
  await fig.locator('.share__toggle').click();

  // A fact, in its source panel.
  await page.goto(server.url + '?fact=gd-5g-stations-2019');
  await waitForApp(page);
  const panel = page.locator('aside.source');
  await panel.locator('[data-cite="bibtex"]').waitFor({ timeout: 20000 });
  const link = await page.evaluate(() => location.href);
  await check(panel, [article('guangdong')], link, 'fact');
  assert.ok((await panel.locator('[data-cite="gbt7714"]').textContent()).includes(catalogue.facts.find((f) => f.id === 'gd-5g-stations-2019').label_zh));
  assert.deepEqual(problems, CLEAN);
  await context.close();
});

test('"Copy image" puts the chart on the clipboard as a PNG at 2x', async () => {
  const { context, page, problems } = await open('');
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
  const fig = page.locator('figure[data-chart="gd-5g-stations"]');
  await fig.locator('.downloads__toggle').click();
  await fig.locator('[data-format="copy-png"]').click();
  const readImage = () => page.evaluate(async () => {
    try {
      const items = await navigator.clipboard.read();
      const item = items.find((i) => i.types.includes('image/png'));
      if (!item) return null;
      const bmp = await createImageBitmap(await item.getType('image/png'));
      return { width: bmp.width, height: bmp.height };
    } catch (e) { return null; }
  });
  let image = null;
  for (let i = 0; i < 80 && !image; i++) {
    image = await readImage();
    if (!image) await page.waitForTimeout(250);
  }
  assert.ok(image, 'an image is on the clipboard');
  const { width, height } = image;
  assert.equal(width, 1600, 'twice the 800 px download width');
  assert.ok(height > 400, `height ${height}`);
  assert.deepEqual(problems, CLEAN);
  await context.close();
});
