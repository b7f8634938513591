// Exploring the dashboard: every chart draws at desktop and phone widths, tooltips on hover and
// keyboard focus, tables that match the catalogue, the source panel, and search.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve } from '../lib/server.mjs';
import { launch, openPage, waitForAllCharts, inkPerChart, ARTIFACTS } from '../lib/browser.mjs';

let server, browser, catalogue;
before(async () => {
  server = await serve({ prefix: '/a/b/' });
  browser = await launch();
  catalogue = await (await fetch(server.url + 'facts.json')).json();
});
after(async () => { await browser?.close(); await server?.close(); });

const factById = (id) => catalogue.facts.find((f) => f.id === id);


for (const width of [1280, 360]) {
  test(`every chart draws pixels at ${width} px wide, with no errors`, async () => {
    const { context, page, problems } = await openPage(browser, server.origin, { viewport: { width, height: 900 } });
    await page.goto(server.url);
    await waitForAllCharts(page);
    const charts = await inkPerChart(page);
    assert.ok(charts.length >= 10, `${charts.length} charts`);
    for (const c of charts) {
      assert.ok(c.ink > 300, `${c.id} has drawn pixels (${c.ink})`);
      assert.ok(c.cssWidth <= width, `${c.id} fits the viewport`);
    }
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.equal(overflow, 0, 'no horizontal scrolling');
    await page.screenshot({ path: `${ARTIFACTS}explore-${width}.png`, fullPage: true });
    assert.deepEqual(problems, { console: [], page: [], foreign: [] });
    await context.close();
  });
}

test('hovering a bar shows a tooltip with the exact value, qualifier, period and source sentence', async () => {
  const { context, page } = await openPage(browser, server.origin, { viewport: { width: 1280, height: 900 } });
  await page.goto(server.url);
  await waitForAllCharts(page);
  const hit = page.locator('[data-chart="gd-5g-stations"] .chart__hit[data-fact="gd-5g-stations-2019"]');
  await hit.hover();
  const tip = page.locator('.tooltip');
  await tip.waitFor();
  const text = await tip.textContent();
  assert.ok(text.includes('36,988座'), text);
  assert.ok(text.includes('2019年'), text);
  assert.ok(text.includes(factById('gd-5g-stations-2019').quote), text);
  await page.mouse.move(0, 0);
  await tip.waitFor({ state: 'detached' });
  await context.close();
});

test('the tooltip of a chart\'s last bar is shown whole, below the canvas if need be, at phone and desktop widths', async () => {
  for (const width of [360, 1280]) {
    const { context, page } = await openPage(browser, server.origin, { viewport: { width, height: 800 } });
    await page.goto(server.url + '?lang=en');
    await waitForAllCharts(page);
    const hit = page.locator('[data-chart="gd-5g-stations"] .chart__hit').last();
    await hit.scrollIntoViewIfNeeded();
    await hit.focus();
    const tip = page.locator('.tooltip');
    await tip.waitFor();
    await tip.scrollIntoViewIfNeeded();
    // The point just inside the tooltip's bottom edge hits the tooltip, not what lies under it
    // (clipped parts are not hit; the tooltip ignores the pointer, so it is made to take it here).
    const whole = await tip.evaluate((t) => {
      t.style.pointerEvents = 'auto';
      const r = t.getBoundingClientRect();
      const at = document.elementFromPoint(r.left + 8, r.bottom - 3);
      return Boolean(at && t.contains(at));
    });
    assert.ok(whole, `${width} px: the tooltip is cut off`);
    await context.close();
  }
});

test('keyboard focus on a bar shows its tooltip and Esc dismisses it', async () => {
  const { context, page } = await openPage(browser, server.origin, { viewport: { width: 1280, height: 900 } });
  await page.goto(server.url);
  await waitForAllCharts(page);
  const hit = page.locator('[data-chart="sme-shares"] .chart__hit').first();
  await hit.focus();
  const tip = page.locator('.tooltip');
  await tip.waitFor();
  const text = await tip.textContent();
  assert.ok(text.includes('50%以上'), text);
  assert.ok(text.includes('下限'), 'the qualifier is named: ' + text);
  await page.keyboard.press('Escape');
  await tip.waitFor({ state: 'detached' });
  // Tab moves to the next bar, in reading order.
  await page.keyboard.press('Tab');
  const next = await page.evaluate(() => document.activeElement.dataset.fact);
  assert.equal(next, 'sme-share-gdp');
  await context.close();
});

test('each chart’s table shows the same facts and values the chart draws, matching the catalogue', async () => {
  const { context, page } = await openPage(browser, server.origin, { viewport: { width: 1280, height: 900 } });
  await page.goto(server.url);
  await waitForAllCharts(page);
  const ids = await page.$$eval('figure[data-chart]', (figs) => figs.map((f) => f.dataset.chart));
  for (const id of ids) {
    const fig = page.locator(`figure[data-chart="${id}"]`);
    const drawn = await fig.locator('.chart__hit').evaluateAll((hits) => hits.map((h) => h.dataset.fact));
    await fig.locator('button[data-view="table"]').click();
    const rows = await fig.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => ({ fact: tr.dataset.fact, value: Number(tr.querySelector('td.num').dataset.value) })));
    assert.deepEqual(rows.map((r) => r.fact), drawn, `${id}: table rows follow the bars`);
    for (const r of rows.filter((r) => r.fact)) {
      assert.equal(r.value, factById(r.fact).value, `${id}: ${r.fact}`);
    }
    await fig.locator('button[data-view="chart"]').click();
    await fig.locator('canvas').waitFor();
  }
  await context.close();
});

test('choosing a fact opens the source panel with the exact quote highlighted in its paragraph', async () => {
  const { context, page } = await openPage(browser, server.origin, { viewport: { width: 1280, height: 900 } });
  await page.goto(server.url);
  await waitForAllCharts(page);
  await page.locator('[data-chart="gd-clearance"] .chart__hit[data-fact="gd-clearance-2020-06"]').click();
  const panel = page.locator('aside.source');
  await panel.waitFor();
  const fact = factById('gd-clearance-2020-06');
  assert.equal(await panel.locator('mark').textContent(), fact.quote);
  // The quote shows at once; the paragraph around it comes with the on-demand module.
  await page.waitForFunction((q) => document.querySelector('.source__paragraph').textContent.length > q.length, fact.quote);
  assert.equal(await panel.locator('mark').textContent(), fact.quote, 'still the exact quote, now inside its paragraph');
  assert.ok((await panel.textContent()).includes('广东'), 'names the article');
  await page.screenshot({ path: `${ARTIFACTS}explore-source.png` });
  await page.keyboard.press('Escape');
  await panel.waitFor({ state: 'detached' });
  await context.close();
});

test('search narrows the list as you type, in Chinese and English and by number', async () => {
  const { context, page } = await openPage(browser, server.origin, { viewport: { width: 1280, height: 900 } });
  await page.goto(server.url);
  await waitForAllCharts(page);
  const input = page.locator('input[type="search"]');
  const listed = () => page.locator('.fact-list__item').evaluateAll((li) => li.map((l) => l.dataset.fact));
  await input.pressSequentially('贷款');
  await page.waitForFunction(() => document.querySelectorAll('.fact-list__item').length > 0);
  const loans = await listed();
  assert.ok(loans.includes('gd-preferential-loans'), loans.join());
  assert.ok(loans.length < catalogue.facts.length, 'the list is narrowed');
  assert.ok(!loans.includes('sme-share-tax'));
  await input.fill('41,000');
  await page.waitForFunction(() => [...document.querySelectorAll('.fact-list__item')].some((l) => l.dataset.fact === 'gd-5g-stations-2020h1-new'));
  await input.fill('');
  await page.selectOption('select[name="topic"]', 'gd-clearance');
  await page.waitForFunction(() => document.querySelectorAll('.fact-list__item').length > 0);
  const clearance = await listed();
  assert.deepEqual(clearance.sort(), catalogue.facts.filter((f) => f.topic === 'gd-clearance').map((f) => f.id).sort());
  // Charts without a matching fact are hidden while filtering.
  assert.equal(await page.locator('figure[data-chart="sme-shares"]').count(), 0);
  assert.equal(await page.locator('figure[data-chart="gd-clearance"]').count(), 1);
  await context.close();
});
