// Chart downloads: every format of a chart's "下载 / Download" menu, captured as real downloads and
// checked for content: PNG size and pixels, SVG text, CSV and JSON against facts.json, the
// whole catalogue, keyboard use, Blob URLs revoked, and no console errors.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { parse } from 'csv-parse/sync';
import { serve } from '../lib/server.mjs';
import { launch, openPage, waitForChart, ARTIFACTS } from '../lib/browser.mjs';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let server, browser, catalogue, catalogueCsv;
before(async () => {
  server = await serve({ prefix: '/a/b/' });
  browser = await launch();
  catalogue = await (await fetch(server.url + 'facts.json')).json();
  catalogueCsv = Buffer.from(await (await fetch(server.url + 'facts.csv')).arrayBuffer());
});
after(async () => { await browser?.close(); await server?.close(); });

const factById = (id) => catalogue.facts.find((f) => f.id === id);
// Kept in the JSON only: where the quote is in the text, and the expression as written.
const JSON_ONLY = ['quote_offset', 'expr'];
const KEYS = () => Object.keys(catalogue.facts[0]).filter((k) => !JSON_ONLY.includes(k));
/** A fact of facts.json as a download from the page has it: its link a full address (the page's
 * own, up to its last '/'), since the file may go anywhere. */
const asDownloaded = (fact) => ({ ...fact, link: server.url + fact.link });
const CSS_WIDTH = 800;
const PNG_SCALE = 2;

/** Counts Blob URLs made and revoked by the page. */
function countBlobUrls() {
  const made = [], revoked = [];
  const create = URL.createObjectURL.bind(URL), revoke = URL.revokeObjectURL.bind(URL);
  URL.createObjectURL = (b) => { const u = create(b); made.push(u); return u; };
  URL.revokeObjectURL = (u) => { revoked.push(u); return revoke(u); };
  window.__blobUrls = { made, revoked };
}

async function open(lang = 'zh', colorScheme = 'light') {
  const opened = await openPage(browser, server.origin, { viewport: { width: 1280, height: 900 }, acceptDownloads: true, colorScheme });
  await opened.page.addInitScript(countBlobUrls);
  await opened.page.goto(server.url + (lang === 'en' ? '?lang=en' : ''));
  return opened;
}

/** Opens the chart's menu (if closed), clicks one format, and returns the downloaded file. */
async function download(page, chart, format) {
  const fig = page.locator(`figure[data-chart="${chart}"]`);
  const toggle = fig.locator('.downloads__toggle');
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  const [dl] = await Promise.all([
    page.waitForEvent('download', { timeout: 15000 }),
    fig.locator(`button[data-format="${format}"]`).click(),
  ]);
  assert.equal(await dl.failure(), null, `${chart} ${format}: download failed`);
  const buf = await readFile(await dl.path());
  // The menu closes after a choice and gives focus back to its button.
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  return { name: dl.suggestedFilename(), buf };
}

/** Reads a published CSV strictly: CRLF between records (a bare LF outside quotes is an error),
 * every record as long as the header, quotes only where RFC 4180 allows them. */
function parseCsv(text) {
  if (!text.endsWith('\r\n')) throw new Error('CSV does not end with CRLF');
  return parse(text, { record_delimiter: '\r\n', relax_quotes: false, relax_column_count: false, skip_empty_lines: false });
}

function csvRows(buf) {
  assert.deepEqual([...buf.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'CSV starts with a UTF-8 byte-order mark');
  const [header, ...rows] = parseCsv(buf.subarray(3).toString('utf8'));
  assert.deepEqual(header, KEYS(), 'CSV columns are the keys of facts.json');
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}

function assertRowMatches(row, fact, where) {
  for (const [k, v] of Object.entries(asDownloaded(fact)).filter(([k]) => !JSON_ONLY.includes(k))) {
    if (typeof v === 'number') assert.equal(Number(row[k]), v, `${where}: ${fact.id}.${k}`);
    else assert.equal(row[k], v, `${where}: ${fact.id}.${k}`);
  }
}

/** The chart's facts and shown values, read from its table view. */
async function tableOf(page, chart) {
  const fig = page.locator(`figure[data-chart="${chart}"]`);
  await fig.locator('button[data-view="table"]').click();
  const rows = await fig.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => ({
    fact: tr.dataset.fact,
    text: tr.querySelector('td.num').textContent.trim(),
  })));
  await fig.locator('button[data-view="chart"]').click();
  await waitForChart(page, chart);
  return {
    facts: rows.map((r) => r.fact).filter(Boolean),
    derived: rows.filter((r) => !r.fact).length,
    values: rows.map((r) => r.text),
    title: (await fig.locator('.chart__title').textContent()).trim(),
  };
}

/** Decodes a PNG in the page and counts pixels in the bar colour and non-white pixels. */
function pngPixels(page, base64) {
  return page.evaluate(async (b64) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const bmp = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const c = new OffscreenCanvas(bmp.width, bmp.height);
    const ctx = c.getContext('2d');
    ctx.drawImage(bmp, 0, 0);
    const { data } = ctx.getImageData(0, 0, bmp.width, bmp.height);
    let ink = 0, bar = 0;
    for (let i = 0; i < data.length; i += 4) {
      const [r, g, b] = [data[i], data[i + 1], data[i + 2]];
      if (!(r > 250 && g > 250 && b > 250)) ink++;
      if (Math.abs(r - 31) < 6 && Math.abs(g - 95) < 6 && Math.abs(b - 168) < 6) bar++;
    }
    return { width: bmp.width, height: bmp.height, ink, bar };
  }, base64);
}

/** The text of every <text> in an SVG, parsed by the browser: in a blank page of the same context,
 * since the dashboard's own policy (Trusted Types) refuses a string handed to DOMParser. */
async function svgTexts(page, svg) {
  const blank = await page.context().newPage();
  try {
    return await blank.evaluate((src) => {
      const doc = new DOMParser().parseFromString(src, 'image/svg+xml');
      if (doc.querySelector('parsererror')) return { error: doc.querySelector('parsererror').textContent };
      const root = doc.documentElement;
      return {
        root: root.localName,
        width: Number(root.getAttribute('width')),
        texts: [...doc.querySelectorAll('text')].map((t) => t.textContent.trim()),
      };
    }, svg);
  } finally {
    await blank.close();
  }
}

const squash = (s) => s.replace(/\s+/g, '');

for (const { chart, lang } of [
  { chart: 'sme-shares', lang: 'zh' },
  { chart: 'gd-5g-stations', lang: 'zh' },
  { chart: 'gd-finance', lang: 'en' },
]) {
  test(`${chart} (${lang}): PNG, SVG, CSV and JSON hold what the chart shows`, async () => {
    const { context, page, problems } = await open(lang);
    await waitForChart(page, chart);
    const table = await tableOf(page, chart);
    assert.ok(table.facts.length >= 2, `${chart} has facts`);
    const stem = `${chart}_${lang}`;

    // PNG: 2x the download width, decodable, with the chart's bars in it.
    const png = await download(page, chart, 'png');
    assert.equal(png.name, `${stem}.png`);
    assert.deepEqual([...png.buf.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'PNG signature');
    assert.equal(png.buf.subarray(12, 16).toString('latin1'), 'IHDR');
    const width = png.buf.readUInt32BE(16), height = png.buf.readUInt32BE(20);
    assert.equal(width, CSS_WIDTH * PNG_SCALE, 'PNG is twice the CSS width');
    assert.ok(height > 300 && height < 4000, `PNG height ${height}`);
    assert.ok(png.buf.length > 20000, `PNG is ${png.buf.length} bytes`);
    await writeFile(`${ARTIFACTS}downloads-${png.name}`, png.buf);
    const px = await pngPixels(page, png.buf.toString('base64'));
    assert.equal(px.width, width);
    assert.ok(px.bar > 5000, `bars are drawn (${px.bar} bar-coloured pixels)`);
    assert.ok(px.ink > px.bar, 'text and axes are drawn too');

    // SVG: the title, every value the table shows, the notes and the source line.
    const svg = await download(page, chart, 'svg');
    assert.equal(svg.name, `${stem}.svg`);
    await writeFile(`${ARTIFACTS}downloads-${svg.name}`, svg.buf);
    const parsed = await svgTexts(page, svg.buf.toString('utf8'));
    assert.equal(parsed.error, undefined, parsed.error);
    assert.equal(parsed.root, 'svg');
    assert.equal(parsed.width, CSS_WIDTH);
    const all = squash(parsed.texts.join(''));
    assert.ok(all.includes(squash(table.title)), `title ${table.title} in ${parsed.texts.slice(0, 4)}`);
    for (const v of table.values) assert.ok(parsed.texts.includes(v), `${chart}: value ${v} in the SVG`);
    const fig = page.locator(`figure[data-chart="${chart}"]`);
    for (const note of await fig.locator('.chart__note').allTextContents()) {
      assert.ok(all.includes(squash(note)), `note ${note}`);
    }
    // The source line as printed: without the page's "read in the report" link beside it.
    const source = await fig.locator('.chart__source').evaluate((p) =>
      [...p.childNodes].filter((n) => !n.classList?.contains('chart__read')).map((n) => n.textContent).join('').trim());
    assert.ok(all.includes(squash(source)), 'source line');

    // CSV: one row per chart fact, every column as in facts.json.
    const csv = await download(page, chart, 'csv');
    assert.equal(csv.name, `${stem}.csv`);
    const rows = csvRows(csv.buf);
    assert.deepEqual(rows.map((r) => r.id), table.facts);
    for (const r of rows) assertRowMatches(r, factById(r.id), `${chart}.csv`);

    // JSON: exactly the chart's facts, as in facts.json.
    const json = await download(page, chart, 'json');
    assert.equal(json.name, `${stem}.json`);
    const doc = JSON.parse(json.buf.toString('utf8'));
    assert.equal(doc.chart, chart);
    assert.equal(doc.lang, lang);
    assert.equal(doc.title, table.title);
    assert.deepEqual(doc.facts.map((f) => f.id), table.facts);
    for (const f of doc.facts) assert.deepEqual(f, asDownloaded(factById(f.id)));
    // Computed bars (the table's rows without a fact) are listed apart, marked as derived.
    assert.equal(doc.derived.length, table.derived);
    assert.equal(doc.derived.length, chart === 'gd-5g-stations' ? 1 : 0);

    await page.waitForTimeout(2000);
    const blobs = await page.evaluate(() => window.__blobUrls);
    assert.equal(blobs.made.length, 4, 'one Blob URL per download');
    assert.deepEqual([...blobs.revoked].sort(), [...blobs.made].sort(), 'every Blob URL is revoked');
    assert.deepEqual(problems, { console: [], page: [], foreign: [] });
    await context.close();
  });
}

test('the whole catalogue downloads as CSV and JSON, one entry per fact of facts.json', async () => {
  const { context, page, problems } = await open('zh');
  await waitForChart(page, 'gd-clusters');
  const csv = await download(page, 'gd-clusters', 'all-csv');
  assert.equal(csv.name, 'all-facts.csv');
  const rows = csvRows(csv.buf);
  assert.equal(rows.length, catalogue.facts.length);
  assert.deepEqual(rows.map((r) => r.id), catalogue.facts.map((f) => f.id));
  rows.forEach((r, i) => assertRowMatches(r, catalogue.facts[i], 'all-facts.csv'));
  // The published facts.csv, byte for byte, but for the links, which the page writes in full.
  const published = catalogueCsv.toString('utf8').replace(/(^|,)([A-Za-z0-9_-]+\.html\?fact=)/gm, `$1${server.url}$2`);
  assert.equal(csv.buf.toString('utf8'), published, 'the published facts.csv, links in full');

  const json = await download(page, 'gd-clusters', 'all-json');
  assert.equal(json.name, 'all-facts.json');
  assert.deepEqual(JSON.parse(json.buf.toString('utf8')), { ...catalogue, facts: catalogue.facts.map(asDownloaded) });
  assert.deepEqual(problems, { console: [], page: [], foreign: [] });
  await context.close();
});

test('the menu works from the keyboard and closes on Escape', async () => {
  const { context, page, problems } = await open('en');
  await waitForChart(page, 'gd-clearance');
  const fig = page.locator('figure[data-chart="gd-clearance"]');
  const toggle = fig.locator('.downloads__toggle');
  assert.equal((await toggle.textContent()).trim(), 'Download');
  await toggle.focus();
  await page.keyboard.press('Enter');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  const formats = await fig.locator('.downloads__item').evaluateAll((b) => b.map((x) => x.dataset.format));
  assert.deepEqual(formats, ['png', 'copy-png', 'svg', 'csv', 'json', 'all-csv', 'all-json']);
  await page.screenshot({ path: `${ARTIFACTS}downloads-menu.png`, clip: await fig.boundingBox() });

  // Escape closes the menu and leaves focus on its button.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.format), 'png');
  await page.keyboard.press('Escape');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  assert.equal(await fig.locator('.downloads__item').count(), 0);
  assert.ok(await toggle.evaluate((b) => b === document.activeElement), 'focus is back on the button');

  // Space opens it, Tab reaches a format, Enter downloads it.
  await page.keyboard.press('Space');
  for (let i = 0; i < 4; i++) await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.format), 'csv');
  const [dl] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  assert.equal(dl.suggestedFilename(), 'gd-clearance_en.csv');
  // The reference line's fact (the national requirement) is in the chart's data too.
  const rows = csvRows(await readFile(await dl.path()));
  assert.deepEqual(rows.map((r) => r.id), ['gd-clearance-2019', 'gd-clearance-2020-06', 'national-clearance-requirement-2019']);

  // Tabbing out of the open menu closes it.
  await page.keyboard.press('Space');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  for (let i = 0; i < 8; i++) await page.keyboard.press('Tab');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  assert.deepEqual(problems, { console: [], page: [], foreign: [] });
  await context.close();
});

for (const scheme of ['light', 'dark']) {
  test(`the open menu has no axe violations (WCAG 2.1 AA), ${scheme} theme`, async () => {
    const { context, page, problems } = await open('zh', scheme);
    await waitForChart(page, 'sme-shares');
    const fig = page.locator('figure[data-chart="sme-shares"]');
    await fig.locator('.downloads__toggle').click();
    await fig.locator('.downloads__item').first().hover();
    assert.equal((await fig.locator('.downloads__toggle').textContent()).trim(), '下载');
    await page.evaluate(AXE);
    const violations = await page.evaluate(async () => {
      const r = await window.axe.run({ include: [['figure[data-chart="sme-shares"] .downloads']] }, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
      return r.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.target.join(' ') + ' :: ' + n.failureSummary) }));
    });
    assert.deepEqual(violations, [], JSON.stringify(violations, null, 1));
    await page.screenshot({ path: `${ARTIFACTS}downloads-menu-${scheme}.png`, clip: await fig.boundingBox() });
    assert.deepEqual(problems, { console: [], page: [], foreign: [] });
    await context.close();
  });
}
