// The page brings the open report's data (the wasm holds no report): the site block names the
// data file, the boot script fetches it while the wasm arrives, and the app mounts once it is in.
// A data file that cannot be fetched, or arrives damaged, gets a message in the page naming the
// report and what went wrong, never a blank page; the prerendered first view stays readable.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, DIST } from '../lib/server.mjs';
import { launch, openPage, waitForApp } from '../lib/browser.mjs';
import { launchFirefox, openFirefoxPage } from '../lib/firefox.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const site = JSON.parse(readFileSync(join(DIST, 'index.html'), 'utf8').match(/<script type="application\/json" id="site">([^<]*)<\/script>/)[1]);

test('the site block names the open report, its data, its report file and no index for one report', () => {
  assert.match(site.data, /^reports\/[\w.-]+\.[0-9a-f]{10}\.bin$/);
  assert.match(site.report, /^reports\/[\w.-]+\.[0-9a-f]{10}\.json$/);
  assert.equal(site.index, '');
  assert.ok(site.data.startsWith(`reports/${site.name}.`) && site.report.startsWith(`reports/${site.name}.`));
});

test('the data is fetched once, while the wasm arrives, and the app mounts with it', async () => {
  const { context, page, problems } = await openPage(browser, server.origin, { viewport: { width: 1280, height: 900 } });
  const fetched = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  await page.goto(server.url);
  await waitForApp(page);
  assert.equal(fetched.filter((p) => p.endsWith(site.data)).length, 1, fetched.join('\n'));
  assert.ok(fetched.findIndex((p) => p.endsWith(site.data)) < fetched.findIndex((p) => p.endsWith('_bg.wasm')) + 2, 'requested with the wasm, not after it');
  assert.deepEqual(problems, { console: [], page: [], foreign: [] });
  await context.close();
});

for (const [what, reply, expected] of [
  ['cannot be fetched', (route) => route.fulfill({ status: 404, body: 'gone' }), /HTTP 404/],
  ['arrives cut short', (route) => route.fulfill({ status: 200, contentType: 'application/octet-stream', body: readFileSync(join(DIST, site.data)).subarray(0, 1000) }), /damaged/],
]) {
  test(`data that ${what} gets a message naming the report, and the first view stays`, async () => {
    const { context, page } = await openPage(browser, server.origin, { viewport: { width: 1280, height: 900 } });
    await page.route(`**/${site.data}`, reply);
    await page.goto(server.url);
    const box = page.locator('#fatal');
    await box.waitFor({ state: 'visible', timeout: 30000 });
    const text = await page.locator('#fatal-detail').textContent();
    assert.match(text, new RegExp(`报告“${site.name}”的数据无法读取`));
    assert.match(text, /cannot be read/);
    assert.match(text, expected);
    // The prerendered first view is still there to read.
    assert.ok(await page.locator('#boot figure').count() > 0);
    await context.close();
  });
}

test('Firefox: data that cannot be fetched gets the same message', async () => {
  // A copy of the site whose data file is missing.
  const copy = mkdtempSync(join(tmpdir(), 'dist-nodata-'));
  cpSync(DIST, copy, { recursive: true });
  rmSync(join(copy, site.data));
  const broken = await serve({ root: copy });
  const firefox = await launchFirefox();
  try {
    const { context, page } = await openFirefoxPage(firefox, broken.origin, { width: 1280, height: 900 });
    await page.goto(broken.url);
    await page.waitForSelector('#fatal:not([hidden])', { timeout: 30000 });
    const text = await page.$eval('#fatal-detail', (d) => d.textContent);
    assert.match(text, new RegExp(`The data of report “${site.name}” cannot be read: .*HTTP 404`));
    await context.close();
  } finally {
    await firefox.close();
    await broken.close();
    rmSync(copy, { recursive: true, force: true });
  }
});
