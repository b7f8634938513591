// The report beside the charts, in Chromium: the reading view (`?read=`), every number in it a
// control that focuses its chart, "read in the report" from a chart, and the claim checker
// (`?check=`) on the claim set whose verdicts were decided from the report before the checker ran
// (crates/claims/tests/claim_set.json, the same file the native test reads). axe-core on both,
// both languages; screenshots at 360 and 1280 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { serve, DIST } from '../lib/server.mjs';
import { launch, openPage, ARTIFACTS, waitForApp } from '../lib/browser.mjs';

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const CLAIMS = JSON.parse(readFileSync(new URL('../../../crates/claims/tests/claim_set.json', import.meta.url), 'utf8'));
const CLEAN = { console: [], page: [], foreign: [] };

let server, browser, catalogue;
before(async () => {
  server = await serve();
  browser = await launch();
  catalogue = JSON.parse(readFileSync(join(DIST, 'facts.json'), 'utf8'));
});
after(async () => { await browser?.close(); await server?.close(); });

async function open(query, width = 1280) {
  const opened = await openPage(browser, server.origin, { viewport: { width, height: 900 } });
  await opened.page.goto(server.url + query);
  await waitForApp(opened.page);
  return opened;
}

async function axe(page, selector) {
  // Evaluated through the DevTools protocol, so the page's CSP does not block it.
  await page.evaluate(AXE);
  return page.evaluate(async (sel) => {
    const r = await window.axe.run({ include: [[sel]] }, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }, selector);
}

const articleOf = (fact) => catalogue.facts.find((f) => f.id === fact)?.article;

test('the reading view shows each article whole, every fact of it a control with its expression', async () => {
  const { context, page, problems } = await open('?read=guangdong');
  for (const article of [...new Set(catalogue.facts.map((f) => f.article))]) {
    await page.goto(server.url + `?read=${article}`);
    await waitForApp(page);
    await page.locator(`[data-read="${article}"] button[data-fact]`).first().waitFor({ timeout: 20000 });
    const controls = await page.$$eval(`[data-read="${article}"] button[data-fact]`, (b) => b.map((x) => [x.dataset.fact, x.textContent]));
    const expected = catalogue.facts.filter((f) => f.article === article);
    assert.deepEqual(controls.map(([id]) => id).sort(), expected.map((f) => f.id).sort(), article);
    for (const [id, text] of controls) assert.equal(text, catalogue.facts.find((f) => f.id === id).expr, id);
  }
  assert.deepEqual(problems, CLEAN);
  await context.close();
});

test('a number in the report focuses its chart: scrolled into view, bar highlighted, chart= and fact= in the link', async () => {
  const { context, page, problems } = await open('?read=guangdong');
  const control = page.locator('[data-read="guangdong"] button[data-fact="gd-5g-stations-2019"]');
  await control.waitFor({ timeout: 20000 });
  // Focus shows its tooltip, which names the figure.
  await control.focus();
  const tip = page.locator('#tip-gd-5g-stations-2019');
  await tip.waitFor({ state: 'visible' });
  assert.match(await tip.textContent(), /36,988|36988|3\.7万|36988座/);
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => /chart=/.test(location.search) && /fact=gd-5g-stations-2019/.test(location.search));
  const query = await page.evaluate(() => location.search);
  assert.match(query, /read=guangdong/);
  const chart = new URLSearchParams(query).get('chart');
  const fig = page.locator(`figure[data-chart="${chart}"]`);
  await page.waitForFunction((id) => {
    const r = document.querySelector(`figure[data-chart="${id}"]`)?.getBoundingClientRect();
    return r && r.top < innerHeight && r.bottom > 0;
  }, chart);
  // The bar is marked (its target outlined over it), and only that one.
  await fig.locator('.chart__hit[data-fact="gd-5g-stations-2019"][aria-current="true"]').waitFor();
  assert.equal(await page.locator('.chart__hit[aria-current="true"]').count(), 1);
  await page.locator('aside.source[data-fact="gd-5g-stations-2019"]').waitFor();
  assert.deepEqual(problems, CLEAN);
  await context.close();
});

test('"read in the report" on a chart opens the reading view at that sentence, highlighted', async () => {
  const { context, page, problems } = await open('');
  const link = page.locator('figure[data-chart="gd-5g-stations"] a.chart__read');
  await link.waitFor();
  const fact = await link.getAttribute('data-read-fact');
  await link.click();
  await page.locator(`[data-read="${articleOf(fact)}"] mark#read-quote`).waitFor({ timeout: 20000 });
  const marked = await page.$$eval('[data-read] mark.read__quote', (m) => m.map((x) => x.textContent).join(''));
  assert.equal(marked, catalogue.facts.find((f) => f.id === fact).quote);
  assert.equal(new URLSearchParams(await page.evaluate(() => location.search)).get('read'), articleOf(fact));
  // The sentence is on screen.
  const top = await page.$eval('#read-quote', (m) => m.getBoundingClientRect().top);
  assert.ok(top >= 0 && top < 900, `the highlighted sentence is in view (${top})`);
  // Back closes it again.
  await page.goBack();
  await page.waitForFunction(() => !document.querySelector('[data-read]'));
  assert.deepEqual(problems, CLEAN);
  await context.close();
});

test('the claim set gets the verdicts decided from the report, through the page', async () => {
  const { context, page, problems } = await open('');
  await page.locator('.report-tools__check').click();
  const field = page.locator('#check-text');
  await field.waitFor();
  const wrong = [];
  for (const c of CLAIMS) {
    await field.fill(c.sentence);
    // The previous verdicts go first, so the ones read below can only be this sentence's.
    await page.evaluate(() => document.querySelector('.checker__result').replaceChildren());
    await page.locator('.checker__go').click();
    const result = await page.waitForFunction((s) => {
      const r = document.querySelector('.checker__result .claim');
      return r && new URLSearchParams(location.search).get('check') === s && r.dataset.claimVerdict;
    }, c.sentence, { timeout: 20000 });
    const got = await result.jsonValue();
    const first = await page.$eval('.checker__result .claim__number', (li) => li.dataset.fact).catch(() => '');
    if (got !== c.verdict || first !== c.fact) wrong.push(`${c.sentence}: want ${c.verdict} (${c.fact}), got ${got} (${first})`);
  }
  assert.deepEqual(wrong, []);
  assert.deepEqual(problems, CLEAN);
  await context.close();
});

test('Enter checks the sentence and Shift+Enter starts a new line; the verdict is announced by a status line that stays', async () => {
  for (const lang of ['zh', 'en']) {
    const { context, page, problems } = await open(`?lang=${lang}`);
    await page.locator('.report-tools__check').click();
    const field = page.locator('#check-text');
    await field.waitFor();
    assert.equal(await field.getAttribute('aria-describedby'), 'check-hint');
    const status = page.locator('.checker__status[role="status"]');
    // A handle on the element itself: it must be the same one after each check, or a screen
    // reader would not announce what it says.
    const first = await status.elementHandle();
    await field.type('浙江省2019年建成5G基站36988座');
    await field.press('Shift+Enter');
    await field.type('广东减税降费超过1000亿元');
    assert.equal(await field.inputValue(), '浙江省2019年建成5G基站36988座\n广东减税降费超过1000亿元');
    assert.equal(await page.locator('.checker__result .claim').count(), 0, 'Shift+Enter does not check');
    await field.press('Enter');
    await page.waitForFunction(() => document.querySelector('.checker__result .claim')?.dataset.claimVerdict);
    assert.equal(await page.locator('.checker__result .claim').getAttribute('data-claim-verdict'), 'not-found');
    assert.equal(await first.evaluate((el) => el.isConnected), true, 'the status line stayed');
    assert.match(await status.textContent(), lang === 'en' ? /Not found in the report: 2 numbers checked\./ : /报告中未找到：核对了2个数字。/);
    // The wrong place is named, and the number matched is shown with what it was matched on.
    const reasons = await page.locator('.claim__reason').allTextContents();
    assert.match(reasons[0], lang === 'en' ? /is Guangdong's, not Zhejiang's/ : /是广东省的，不是浙江省的/);
    assert.match(await page.locator('.claim__basis').first().textContent(), lang === 'en' ? /place Guangdong/ : /地区 广东/);
    await page.screenshot({ path: `${ARTIFACTS}checker-near-miss-${lang}-1280.png` });
    await field.fill('Guangdong had built 78,000 5G base stations by mid-2020');
    await field.press('Enter');
    await page.waitForFunction(() => new URLSearchParams(location.search).get('check')?.startsWith('Guangdong had built'));
    await page.waitForFunction(() => document.querySelector('.checker__result .claim')?.dataset.claimVerdict === 'consistent');
    assert.equal(await first.evaluate((el) => el.isConnected), true, 'the status line stayed');
    assert.match(await status.textContent(), lang === 'en' ? /Consistent with the report: one number checked\./ : /与报告一致：核对了1个数字。/);
    assert.deepEqual(await axe(page, '#checker'), [], `checker, ${lang}`);
    assert.deepEqual(problems, CLEAN);
    await context.close();
  }
});

test('?check= opens the checker filled in and checked; each verdict shows its fact, sentence and reasoning', async () => {
  for (const lang of ['zh', 'en']) {
    const { context, page, problems } = await open(`?lang=${lang}&check=${encodeURIComponent('广东减税降费超过2000亿元')}`);
    await page.locator('.claim[data-claim-verdict="unsupported"]').waitFor({ timeout: 20000 });
    assert.equal(await page.locator('#check-text').inputValue(), '广东减税降费超过2000亿元');
    const li = page.locator('.claim__number').first();
    assert.equal(await li.getAttribute('data-verdict'), 'unsupported');
    assert.equal(await li.getAttribute('data-fact'), 'gd-tax-fee-cuts');
    assert.equal(await li.locator('.claim__quote').textContent(), `“${catalogue.facts.find((f) => f.id === 'gd-tax-fee-cuts').quote}”`);
    const reason = await li.locator('.claim__reason').textContent();
    assert.match(reason, lang === 'en' ? /The report says only/ : /报告只写了/);
    assert.deepEqual(await axe(page, '#checker'), [], `checker, ${lang}`);
    assert.deepEqual(problems, CLEAN);
    await context.close();
  }
});

test('a sentence without a number is said to be unjudged, not guessed', async () => {
  const { context, page, problems } = await open(`?check=${encodeURIComponent('广东推动产业链现代化')}`);
  await page.locator('.claim[data-claim-verdict="no-number"]').waitFor({ timeout: 20000 });
  assert.equal(await page.locator('.claim__number').count(), 0);
  assert.deepEqual(problems, CLEAN);
  await context.close();
});

test('the reading view and the checker pass axe in both languages, and look right at 360 and 1280 px', async () => {
  for (const lang of ['zh', 'en']) {
    for (const width of [360, 1280]) {
      const query = `?lang=${lang}&read=guangdong&fact=gd-5g-stations-2019&check=${encodeURIComponent(lang === 'en' ? 'Guangdong had about 78,000 5G base stations by June 2020' : '中小企业贡献了40%的税收')}`;
      const { context, page, problems } = await open(query, width);
      await page.locator('[data-read="guangdong"] mark#read-quote').waitFor({ timeout: 20000 });
      await page.locator('.claim[data-claim-verdict]').waitFor({ timeout: 20000 });
      assert.deepEqual(await axe(page, '.desk'), [], `${lang} ${width}`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.equal(overflow, 0, `no horizontal scrolling at ${width}`);
      await page.evaluate(() => scrollTo(0, 0));
      await page.screenshot({ path: `${ARTIFACTS}report-${lang}-${width}.png`, fullPage: width === 360 ? false : false });
      await page.locator('#read-quote').scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${ARTIFACTS}reader-${lang}-${width}.png` });
      assert.deepEqual(problems, CLEAN);
      await context.close();
    }
  }
});

test('the reading view prints as the article: its text on paper, no controls or tooltips', async () => {
  const { context, page, problems } = await open('?read=luoning');
  await page.locator('[data-read="luoning"] button[data-fact]').first().waitFor({ timeout: 20000 });
  await page.emulateMedia({ media: 'print' });
  const file = `${ARTIFACTS}reader-luoning.pdf`;
  writeFileSync(file, await page.pdf({ format: 'A4', printBackground: true }));
  const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  const fact = catalogue.facts.find((f) => f.id === 'luoning-broadband-ports');
  assert.ok(text.includes(fact.quote.replace(/\s+/g, '')), 'the sentence is printed');
  assert.ok(!text.includes('核对一句话'), 'no checker button on paper');
  assert.ok(!text.includes('确切值·截至'), 'no tooltip on paper');
  assert.deepEqual(problems, CLEAN);
  await context.close();
});
