// The first-load byte budget, on the release build: the 160 KB gzipped, for everything
// the default page fetches (HTML with the inlined CSS and the prerendered first view, the
// wasm-bindgen glue, the wasm, the icon, the open report's data). Bytes are deterministic (pinned toolchain, wasm-bindgen
// and wasm-opt), so this is a test; the timings are measured by the benchmark (bench/run).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { serve, DIST } from '../lib/server.mjs';
import { launch, openPage, waitForApp } from '../lib/browser.mjs';

const KB = 1000;
const FIRST_LOAD_LIMIT = 160 * KB;

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** The site's files `page` asks for, in order, by their names under the site's address
 * (`index.html` for the address itself); filled in as it asks. */
function filesFetched(page) {
  const fetched = [];
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (u.origin === server.origin) fetched.push(u.pathname.slice(server.url.length - server.origin.length) || 'index.html');
  });
  return fetched;
}

/** Opens `query` and returns the site's files the page asked for (`filesFetched`) once the app has
 * drawn its view, `ready` is on the page (a selector, if given) and the network is idle. */
async function filesOfLoad(query, ready) {
  const { context, page } = await openPage(browser, server.origin, { viewport: { width: 1280, height: 800 } });
  const fetched = filesFetched(page);
  await page.goto(server.url + query);
  await waitForApp(page);
  if (ready) await page.waitForSelector(ready);
  await page.waitForLoadState('networkidle');
  await context.close();
  return fetched;
}

/** Asserts that no file of `fetched` was asked for twice; the icon aside, which Chromium asks for
 * again when the address changes (from the cache). */
function eachOnce(fetched) {
  const again = fetched.filter((f, i) => fetched.indexOf(f) !== i && !/^favicon-/.test(f));
  assert.deepEqual(again, [], `each file once:\n${fetched.join('\n')}`);
}

/** The size of the built file `name`, gzipped. */
const gzip = (name) => gzipSync(readFileSync(join(DIST, name)), { level: 9 }).length;

test(`the first load fetches at most ${FIRST_LOAD_LIMIT / KB} KB gzipped, and none of the on-demand module`, async () => {
  const fetched = await filesOfLoad('');
  const files = [...new Set(fetched)].map((name) => {
    const raw = readFileSync(join(DIST, name));
    return { name, raw: raw.length, gzip: gzipSync(raw, { level: 9 }).length };
  });
  const total = files.reduce((a, f) => a + f.gzip, 0);
  const table = files.map((f) => `${f.name}: ${(f.gzip / KB).toFixed(1)} KB gz (${(f.raw / KB).toFixed(1)} KB raw)`).join('\n');
  console.log(`first load: ${(total / KB).toFixed(1)} KB gzipped (budget ${FIRST_LOAD_LIMIT / KB} KB)\n${table}`);

  assert.ok(files.some((f) => f.name.endsWith('_bg.wasm')), 'the dashboard wasm is part of it');
  assert.ok(files.some((f) => /^reports\/.*\.bin$/.test(f.name)), `the open report's data is part of it:\n${table}`);
  assert.ok(!files.some((f) => f.name.startsWith('extras')), `the on-demand module stays out of the first load:\n${table}`);
  assert.ok(total <= FIRST_LOAD_LIMIT, `first load ${total} B gzipped > ${FIRST_LOAD_LIMIT} B:\n${table}`);
});

// An English link or preference: the Chinese page sends the reader on to the report's English
// page from its head, before it asks for anything, so the first load is the English page's, plus
// the Chinese page's HTML, which has crossed the wire by then; nothing is fetched twice.
test(`in English, the first load is the English page's (at most ${FIRST_LOAD_LIMIT / KB} KB gzipped) and the Chinese page's HTML, each file once`, async () => {
  const fetched = await filesOfLoad('?lang=en');
  assert.equal(fetched[0], 'index.html');
  assert.match(fetched[1], /^[a-z0-9_-]+\.en\.html$/, `the English page next, before anything else:\n${fetched.join('\n')}`);
  eachOnce(fetched);
  const english = [...new Set(fetched.slice(1))].reduce((a, name) => a + gzip(name), 0);
  console.log(`first load in English: ${(english / KB).toFixed(1)} KB gzipped, and the Chinese page's HTML ${(gzip('index.html') / KB).toFixed(1)} KB`);
  assert.ok(english <= FIRST_LOAD_LIMIT, `the English page's first load ${english} B gzipped > ${FIRST_LOAD_LIMIT} B`);
});

// A link to a chart shown as a table: the report's page sends it on to that chart's table page the
// same way, whose first load (its table where the chart's drawing was) keeps to the budget too.
for (const chart of ['sme-shares', 'gd-finance']) {
  test(`a link to ${chart} as a table: the first load is its table page's (at most ${FIRST_LOAD_LIMIT / KB} KB gzipped) and the report's page's HTML, each file once`, async () => {
    const fetched = await filesOfLoad(`?chart=${chart}&table=${chart}`);
    assert.equal(fetched[0], 'index.html');
    assert.match(fetched[1], new RegExp(`^[a-z0-9_-]+\\.table-${chart}\\.html$`), `the table page next, before anything else:\n${fetched.join('\n')}`);
    eachOnce(fetched);
    const total = [...new Set(fetched.slice(1))].reduce((a, name) => a + gzip(name), 0);
    console.log(`first load of ${chart} as a table: ${(total / KB).toFixed(1)} KB gzipped`);
    assert.ok(total <= FIRST_LOAD_LIMIT, `the table page's first load ${total} B gzipped > ${FIRST_LOAD_LIMIT} B`);
  });
}

// A link to a fact's source: the report's page draws its view and asks for the fact's panel (a file
// of its own, the panel alone) as it starts: the first load is the page's and the panel's.
for (const query of ['?fact=gd-clearance-2020-06', '?chart=gd-5g-stations&fact=gd-5g-stations-2019&lang=en']) {
  test(`a link to a fact's source (${query}): the first load is the report's page and the fact's panel (at most ${FIRST_LOAD_LIMIT / KB} KB gzipped), each file once`, async () => {
    const fetched = await filesOfLoad(query, '.source-host aside.source');
    const en = query.includes('lang=en') ? '\\.en' : '';
    const fact = new URLSearchParams(query).get('fact');
    const panels = fetched.filter((f) => f.startsWith('facts/'));
    assert.equal(panels.length, 1, `one panel:\n${fetched.join('\n')}`);
    assert.match(panels[0], new RegExp(`^facts/${fact}${en}\\.html$`), fetched.join('\n'));
    eachOnce(fetched);
    // The page that drew the view (the English one after the Chinese page's hop) and what it loads
    // before the module, which the source panel asks for: counted apart, as the module it is.
    const onDemand = (f) => f.startsWith('extras') || /^reports\/.*\.json$/.test(f);
    const files = [...new Set(fetched.slice(en ? 1 : 0))].filter((f) => !onDemand(f));
    const first = files.reduce((a, name) => a + gzip(name), 0);
    console.log(`${query}: first load ${(first / KB).toFixed(1)} KB gzipped, the panel ${gzip(panels[0])} B`);
    assert.ok(first <= FIRST_LOAD_LIMIT, `a fact link's first load ${first} B gzipped > ${FIRST_LOAD_LIMIT} B:\n${files.join('\n')}`);
  });
}

// A link to an article: the report's page sends it on to the article's reading page, whose first
// load (the article's text where the charts were) keeps to the budget too. The reading view is the
// on-demand module's, which it asks for at once: it is counted apart, as the module it is.
for (const [query, article] of [['?read=guangdong&lang=en', 'guangdong'], ['?read=sme-policy', 'sme-policy']]) {
  test(`a link to an article (${query}): the first load is its reading page's (at most ${FIRST_LOAD_LIMIT / KB} KB gzipped) and the report's page's HTML, each file once; then the module`, async () => {
    const fetched = await filesOfLoad(query, '.desk .reader #reader-title');
    assert.equal(fetched[0], 'index.html');
    const en = query.includes('lang=en') ? '\\.en' : '';
    assert.match(fetched[1], new RegExp(`^[a-z0-9_-]+\\.read-${article}${en}\\.html$`), `the reading page next, before anything else:\n${fetched.join('\n')}`);
    eachOnce(fetched);
    const files = [...new Set(fetched.slice(1))];
    // The module (its JS, its wasm) and what it reads (the report's file, with the text).
    const onDemand = (f) => f.startsWith('extras') || /^reports\/.*\.json$/.test(f);
    assert.ok(files.some((f) => f.startsWith('extras_bg.wasm')), `the module draws the reading view:\n${files.join('\n')}`);
    const first = files.filter((f) => !onDemand(f)).reduce((a, name) => a + gzip(name), 0);
    const module = files.filter(onDemand).reduce((a, name) => a + gzip(name), 0);
    console.log(`${query}: first load ${(first / KB).toFixed(1)} KB gzipped, then the module and the report's text ${(module / KB).toFixed(1)} KB`);
    assert.ok(first <= FIRST_LOAD_LIMIT, `the reading page's first load ${first} B gzipped > ${FIRST_LOAD_LIMIT} B`);
  });
}

test('the on-demand module loads when a reader first asks for a download, and only then', async () => {
  const { context, page } = await openPage(browser, server.origin, { viewport: { width: 1280, height: 800 } });
  const fetched = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  await page.goto(server.url);
  await waitForApp(page);
  assert.ok(!fetched.some((p) => p.includes('extras')));
  await page.locator('figure[data-chart="sme-shares"] .downloads__toggle').click();
  await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.includes('extras_bg.wasm')));
  const wasm = readFileSync(join(DIST, 'extras_bg.wasm'));
  console.log(`on-demand module: ${(gzipSync(wasm, { level: 9 }).length / KB).toFixed(1)} KB gz wasm`);
  await context.close();
});
