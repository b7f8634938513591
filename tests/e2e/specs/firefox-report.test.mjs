// The report beside the charts in Firefox ESR (puppeteer-core, WebDriver BiDi): the reading view
// with every fact a control that focuses its chart, the whole claim set through the checker box,
// and the share panel's QR code and references, with no console error or policy violation.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serve, DIST } from '../lib/server.mjs';
import { ARTIFACTS } from '../lib/browser.mjs';
import { launchFirefox, openFirefoxPage, waitForAppFirefox } from '../lib/firefox.mjs';

const CLAIMS = JSON.parse(readFileSync(new URL('../../../crates/claims/tests/claim_set.json', import.meta.url), 'utf8'));
const CLEAN = { console: [], page: [], foreign: [] };
let server, browser, catalogue;
before(async () => {
  server = await serve();
  browser = await launchFirefox();
  catalogue = JSON.parse(readFileSync(join(DIST, 'facts.json'), 'utf8'));
});
after(async () => { await browser?.close(); await server?.close(); });

async function openApp(query, width = 1280) {
  const opened = await openFirefoxPage(browser, server.origin, { width, height: 900 });
  await opened.page.goto(server.url + query);
  await waitForAppFirefox(opened.page, 1);
  return opened;
}

test('Firefox: the reading view has every fact of its article as a control; one focuses its chart', async () => {
  const { context, page, problems } = await openApp('?lang=en&read=luoning');
  await page.waitForSelector('[data-read="luoning"] button[data-fact]', { timeout: 30000 });
  const ids = await page.$$eval('[data-read="luoning"] button[data-fact]', (b) => b.map((x) => x.dataset.fact));
  assert.deepEqual(ids.sort(), catalogue.facts.filter((f) => f.article === 'luoning').map((f) => f.id).sort());
  const first = ids.find((id) => id === 'luoning-broadband-ports') ?? ids[0];
  await page.click(`[data-read="luoning"] button[data-fact="${first}"]`);
  await page.waitForFunction((id) => new URLSearchParams(location.search).get('fact') === id && new URLSearchParams(location.search).get('chart'), {}, first);
  await page.waitForSelector(`.chart__hit[data-fact="${first}"][aria-current="true"]`, { timeout: 10000 });
  await page.screenshot({ path: `${ARTIFACTS}firefox-reader-en.png` });
  assert.deepEqual(problems, CLEAN);
  await context.close();
});

test('Firefox: the claim set gets the verdicts decided from the report', async () => {
  const { context, page, problems } = await openApp('');
  await page.click('.report-tools__check');
  await page.waitForSelector('#check-text', { timeout: 30000 });
  const wrong = [];
  for (const c of CLAIMS) {
    // The previous verdicts go first, so the ones read below can only be this sentence's.
    await page.$eval('#check-text', (t, s) => { t.value = s; document.querySelector('.checker__result').replaceChildren(); }, c.sentence);
    await page.click('.checker__go');
    await page.waitForFunction((s) => new URLSearchParams(location.search).get('check') === s &&
      document.querySelector('.checker__result .claim'), { timeout: 20000 }, c.sentence);
    const got = await page.$eval('.checker__result .claim', (r) => r.dataset.claimVerdict);
    const fact = await page.$$eval('.checker__result .claim__number', (li) => li[0]?.dataset.fact ?? '');
    if (got !== c.verdict || fact !== c.fact) wrong.push(`${c.sentence}: want ${c.verdict} (${c.fact}), got ${got} (${fact})`);
  }
  assert.deepEqual(wrong, []);
  await page.screenshot({ path: `${ARTIFACTS}firefox-checker.png` });
  assert.deepEqual(problems, CLEAN);
  await context.close();
});

test('Firefox: the share panel shows a QR code of its link and the three references', async () => {
  const { context, page, problems } = await openApp('?chart=gd-5g-stations');
  await page.click('figure[data-chart="gd-5g-stations"] .share__toggle');
  await page.waitForSelector('figure[data-chart="gd-5g-stations"] .share__qr svg[data-qr]', { timeout: 30000 });
  const [link, qr] = await page.$eval('figure[data-chart="gd-5g-stations"]', (f) => [f.querySelector('.share__link').value, f.querySelector('svg[data-qr]').dataset.qr]);
  assert.equal(qr, link);
  const styles = await page.$$eval('figure[data-chart="gd-5g-stations"] [data-cite]', (e) => e.map((x) => x.dataset.cite));
  assert.deepEqual(styles, ['gbt7714', 'apa', 'bibtex']);
  assert.deepEqual(problems, CLEAN);
  await context.close();
});

test('Firefox: "Share via…" hands the system share sheet the link; "Copy image" writes a 2x PNG to the clipboard', async () => {
  const opened = await openFirefoxPage(browser, server.origin, { width: 1280, height: 900 });
  const { context, page, problems } = opened;
  // Firefox on Linux has no share sheet and keeps the clipboard to itself: both are recorded here,
  // behind the page's own calls (Firefox's real ClipboardItem carries the image).
  await page.evaluateOnNewDocument(() => {
    Object.defineProperty(navigator, 'share', { value: (data) => { window.sharedData = data; return Promise.resolve(); } });
    Object.defineProperty(navigator.clipboard, 'write', {
      value: async (items) => {
        const blob = await items[0].getType('image/png');
        const bmp = await createImageBitmap(blob);
        window.copiedImage = { width: bmp.width, height: bmp.height };
      },
    });
  });
  await page.goto(server.url + '?chart=gd-5g-stations');
  await waitForAppFirefox(page, 1);
  const fig = 'figure[data-chart="gd-5g-stations"]';
  await page.click(`${fig} .share__toggle`);
  await page.waitForSelector(`${fig} .share__native`, { timeout: 30000 });
  const link = await page.$eval(`${fig} .share__link`, (i) => i.value);
  await page.click(`${fig} .share__native`);
  await page.waitForFunction(() => window.sharedData, { timeout: 10000 });
  assert.equal(await page.evaluate(() => window.sharedData.url), link);
  await page.click(`${fig} .share__toggle`);
  await page.click(`${fig} .downloads__toggle`);
  await page.click(`${fig} [data-format="copy-png"]`);
  await page.waitForFunction(() => window.copiedImage, { timeout: 20000 });
  assert.equal(await page.evaluate(() => window.copiedImage.width), 1600);
  assert.deepEqual(problems, CLEAN);
  await context.close();
});
