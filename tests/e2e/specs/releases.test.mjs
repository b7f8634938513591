// Statistical releases (#25): a fixture release (tests/fixtures/reports/fixture-release-2020m11, on
// its own page of dist-multi/) draws a decline to the left of its baseline and a growth rate on its
// own axis, in Chromium and Firefox, read back from the layout (hit targets) and the canvas's
// pixels; its tooltip and table say each change in words; axe finds nothing in either language.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '../lib/server.mjs';
import { launch, openPage, waitForApp } from '../lib/browser.mjs';
import { launchFirefox, openFirefoxPage, waitForAppFirefox } from '../lib/firefox.mjs';

const MULTI = resolve(fileURLToPath(new URL('../../../dist-multi/', import.meta.url)));
const PAGE = 'fixture-release-2020m11.html';
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const CLEAN = { console: [], page: [], foreign: [] };

let server, chromium, firefox;
before(async () => {
  assert.ok(existsSync(join(MULTI, PAGE)), `no ${PAGE} in ${MULTI}: build it with DASHBOARD_SEEDS=seeds:tests/fixtures/reports bash .ci/build --dist dist-multi`);
  server = await serve({ root: MULTI });
  chromium = await launch();
  firefox = await launchFirefox();
});
after(async () => { await chromium?.close(); await firefox?.close(); await server?.close(); });

const facts = JSON.parse(readFileSync(join(MULTI, 'facts.json'), 'utf8')).facts;
const fact = (id) => facts.find((f) => f.id === id);

// Where each bar of a chart is drawn, in CSS px: the run of bar-coloured pixels across the middle
// of its hit target; where the value axis runs (its first and last grid lines, across the first
// bar's row); and the canvas's width. Runs in the page, the same code in both engines.
function barRuns({ chart, ids }) {
  const fig = document.querySelector(`figure[data-chart="${chart}"]`);
  const canvas = fig.querySelector('canvas');
  const box = canvas.getBoundingClientRect();
  const scale = canvas.width / box.width;
  const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
  const runs = {};
  for (const id of ids) {
    const hit = fig.querySelector(`.chart__hit[data-fact="${id}"]`).getBoundingClientRect();
    const y = Math.round((hit.top + hit.height / 2 - box.top) * scale);
    let from = -1, to = -1;
    for (let x = 0; x < canvas.width; x++) {
      const i = (y * canvas.width + x) * 4;
      const [r, g, b] = [data[i], data[i + 1], data[i + 2]];
      // The light theme's bar colour.
      if (Math.abs(r - 31) < 8 && Math.abs(g - 95) < 8 && Math.abs(b - 168) < 8) {
        if (from < 0) from = x;
        to = x;
      }
    }
    runs[id] = { from: from / scale, to: to / scale, hitLeft: hit.left - box.left, hitRight: hit.right - box.left, y };
  }
  // The light theme's grid lines (216, 222, 228, lighter where a line falls between two device
  // pixels), along the first bar's row: its bar and text cover only part of it.
  let gridFrom = -1, gridTo = -1;
  const y = runs[ids[0]].y;
  for (let x = 0; x < canvas.width; x++) {
    const i = (y * canvas.width + x) * 4;
    const [r, g, b] = [data[i], data[i + 1], data[i + 2]];
    if (r >= 212 && r <= 242 && g >= r + 2 && b >= g + 2 && b - r <= 14) {
      if (gridFrom < 0) gridFrom = x;
      gridTo = x;
    }
  }
  return { width: box.width, axis: { from: gridFrom / scale, to: gridTo / scale }, runs };
}

const GROWTH = 'beiling-2020m11-growth';
const GROWTH_IDS = ['beiling-2020m11-revenue-growth', 'beiling-2020m11-mobile-data-growth', 'beiling-2020m11-power-growth'];
const CHANGES = 'beiling-2020m11-changes';
const NET = 'beiling-2020m11-mobile-subscribers-change';

function assertDrawnAsChanges(growth, changes, engine) {
  const [revenue, data, power] = GROWTH_IDS.map((id) => growth.runs[id]);
  for (const [id, r] of Object.entries(growth.runs)) assert.ok(r.from >= 0 && r.to > r.from, `${engine}: no bar drawn for ${id}: ${JSON.stringify(r)}`);
  // Growth (+3.8%, +34.9%) starts at the baseline; the decline (-1.8%) ends there, to its left.
  assert.ok(Math.abs(revenue.from - data.from) <= 1.5, `${engine}: gains start at one baseline: ${JSON.stringify(growth)}`);
  assert.ok(Math.abs(power.to - revenue.from) <= 2, `${engine}: the decline ends at the baseline: ${JSON.stringify(growth)}`);
  assert.ok(power.from < revenue.from - 3, `${engine}: the decline runs left of the baseline: ${JSON.stringify(growth)}`);
  // Its value is written on its left, where the hit target reaches.
  assert.ok(power.hitLeft < power.from - 10, `${engine}: the decline's value is on its left: ${JSON.stringify(power)}`);
  // The growth rates have their own axis: it runs below zero, and 34.9% takes most of it past zero
  // (on a 0–100 share axis it would take 35%).
  const { axis } = growth;
  assert.ok(axis.from >= 0 && axis.from < revenue.from - 5, `${engine}: the axis runs below zero: ${JSON.stringify(growth)}`);
  assert.ok((data.to - revenue.from) / (axis.to - revenue.from) > 0.5, `${engine}: 34.9% on its own axis: ${JSON.stringify(growth)}`);
  // The net decrease of 1.34 million subscribers runs left from a baseline at the plot's right.
  const net = changes.runs[NET];
  assert.ok(net.to > 0.6 * changes.width && net.from < net.to - 20, `${engine}: the net decrease runs left: ${JSON.stringify(changes)}`);
}

test('Chromium: a release draws its declines to the left of the baseline and its growth rates on their own axis', async () => {
  assert.equal(fact('beiling-2020m11-power-growth').value, -1.8, 'the decline is stored signed');
  const { context, page, problems } = await openPage(chromium, server.origin, { viewport: { width: 1280, height: 900 } });
  await page.goto(server.url + PAGE);
  await waitForApp(page);
  const growth = await page.evaluate(barRuns, { chart: GROWTH, ids: GROWTH_IDS });
  const changes = await page.evaluate(barRuns, { chart: CHANGES, ids: [NET] });
  assertDrawnAsChanges(growth, changes, 'Chromium');
  assert.deepEqual(problems, CLEAN);
  await context.close();
});

test('Firefox: a release draws its declines to the left of the baseline and its growth rates on their own axis', async () => {
  const { context, page, problems } = await openFirefoxPage(firefox, server.origin, { width: 1280, height: 900 });
  await page.goto(server.url + PAGE);
  await waitForAppFirefox(page, 3);
  const growth = await page.evaluate(barRuns, { chart: GROWTH, ids: GROWTH_IDS });
  const changes = await page.evaluate(barRuns, { chart: CHANGES, ids: [NET] });
  assertDrawnAsChanges(growth, changes, 'Firefox');
  assert.deepEqual(problems, CLEAN);
  await context.close();
});

for (const [lang, words, table] of [
  ['zh', '同比下降1.8%', '比上年末减少134万户'],
  ['en', 'down 1.8% year on year', 'down 1.34 million subscribers since the end of last year'],
]) {
  test(`${lang}: the tooltip and the table say a change in words, and axe finds nothing`, async () => {
    for (const width of [360, 1280]) {
      const { context, page, problems } = await openPage(chromium, server.origin, { viewport: { width, height: 900 } });
      await page.goto(server.url + PAGE + `?lang=${lang}`);
      await waitForApp(page);
      const hit = page.locator(`figure[data-chart="${GROWTH}"] .chart__hit[data-fact="beiling-2020m11-power-growth"]`);
      await hit.focus();
      const tip = page.locator('.tooltip');
      await tip.waitFor();
      assert.ok((await tip.textContent()).includes(words), `${width}px: ${await tip.textContent()}`);
      await page.keyboard.press('Escape');
      await page.goto(server.url + PAGE + `?lang=${lang}&table=${CHANGES}`);
      await waitForApp(page);
      const row = page.locator(`figure[data-chart="${CHANGES}"] tr[data-fact="${NET}"] td.num`);
      assert.equal(await row.getAttribute('data-value'), '-1340000');
      assert.equal((await row.textContent()).trim(), table);
      await page.evaluate(AXE);
      const violations = await page.evaluate(async () => {
        const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
        return r.violations.map((v) => ({ id: v.id, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
      });
      assert.deepEqual(violations, [], `${width}px`);
      assert.deepEqual(problems, CLEAN);
      await context.close();
    }
  });
}
