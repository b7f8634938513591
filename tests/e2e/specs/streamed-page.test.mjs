// A page that arrives a little at a time, as over a slow network, moves nothing while it arrives.
// The browser paints what it has parsed whenever the network pauses; painted then, a half-parsed
// row moved when the rest of it came (a select with half its options, a toolbar with half its
// buttons, a lone chart whose section's end was still on its way). Each page holds its first paint
// until its first screen is parsed (index.html's `rel=expect` and the mark the publish step puts
// after that screen, page::FIRST_SCREEN_END), and what follows it only adds below.
//
// Every kind of page, of the real report and of a fixture report: the report from the top in
// either language, a chart shown as a table, an article's reading page, a fact's source, the page
// for browsers without scripts. Chromium only: Firefox measures no layout shifts, and holds no
// paint for `rel=expect`.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { serve, DIST, MULTI } from '../lib/server.mjs';
import { launch, openPage, holdWasm } from '../lib/browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const FIXTURE_PAGE = existsSync(MULTI) ? readdirSync(MULTI).find((f) => /^fixture-[a-z0-9-]+\.html$/.test(f)) : undefined;

/** Opens `address` (on a server that sends pages a packet at a time) with the wasm held, the page
 * alone; returns the layout shifts it had, when its first paint came and when its first screen's
 * end was parsed. */
async function streamed(origin, address, width) {
  const { context, page, problems } = await openPage(browser, origin, { viewport: { width, height: 800 } });
  await context.addInitScript(() => {
    window.__streamed = { shifts: [], end: null };
    const named = (n) => (n ? `${n.nodeName.toLowerCase()}${typeof n.className === 'string' && n.className ? '.' + n.className.split(' ').join('.') : ''}` : '?');
    const box = (r) => [r.x, r.y, r.width, r.height].map(Math.round).join(',');
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) {
        window.__streamed.shifts.push(`${Math.round(e.startTime)} ms ${e.value.toFixed(4)}: ${e.sources.map((s) => `${named(s.node)} ${box(s.previousRect)} → ${box(s.currentRect)}`).join('; ')}`);
      }
    }).observe({ type: 'layout-shift', buffered: true });
    // When the parser inserts the mark (observed from the start of the document).
    new MutationObserver((_, o) => {
      if (document.getElementById('first-screen-end')) {
        window.__streamed.end = performance.now();
        o.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  await holdWasm(page);
  await page.goto(address);
  await page.waitForLoadState('load');
  // The last frames after the last packet.
  await page.waitForTimeout(300);
  const seen = await page.evaluate(() => ({
    ...window.__streamed,
    paint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
  }));
  await context.close();
  return { ...seen, problems };
}

for (const which of ['the real report', 'a fixture report']) {
  test(`${which}: every kind of page, arriving a packet at a time, moves nothing and paints its first screen whole`, async (t) => {
    if (which === 'a fixture report' && !FIXTURE_PAGE) return t.skip('the six-report site is not built (DASHBOARD_SEEDS=seeds:tests/fixtures/reports bash .ci/build --dist dist-multi)');
    const root = which === 'the real report' ? DIST : MULTI;
    const page = which === 'the real report' ? '' : FIXTURE_PAGE;
    // What to open, from the pages as they are.
    const probe = await serve({ root });
    let views;
    try {
      const url = probe.url + page;
      const html = await (await fetch(url)).text();
      const report = JSON.parse(html.match(/<script type="application\/json" id="site">([^<]*)<\/script>/)[1]).name;
      const published = await (await fetch(new URL('facts.json', url))).json();
      const facts = published.facts.filter((f) => f.report === report);
      const charts = [...html.matchAll(/<figure class=chart data-chart=([a-z0-9-]+)/g)].map((m) => m[1]);
      assert.ok(facts.length > 2 && charts.length > 1, `${report}: ${facts.length} facts, ${charts.length} charts`);
      const fact = facts[Math.floor(facts.length / 2)];
      // Addresses under the site's root.
      views = [
        page, `${page}?lang=en`, `${page}?table=${charts[charts.length - 1]}`, `${page}?lang=en&read=${fact.article}`, `${page}?fact=${fact.id}`,
        // The report's page for browsers without scripts (where its <noscript> sends them).
        html.match(/<noscript><meta http-equiv="refresh" content="0; url=([a-z0-9_.-]+)">/)[1],
      ];
    } finally {
      await probe.close();
    }
    // Two packet sizes, so that the pauses fall at different places in each page.
    for (const [i, bytes] of [613, 1021].entries()) {
      const server = await serve({ root, trickle: { bytes, ms: 20 } });
      try {
        for (const view of views) {
          // Each view at both widths, one per packet size.
          const width = [360, 1280][(i + views.indexOf(view)) % 2];
          const label = `${view || '/'} at ${width} px, ${bytes} bytes a packet`;
          const seen = await streamed(server.origin, server.url + view, width);
          assert.deepEqual(seen.shifts, [], `${label}: nothing moved`);
          assert.ok(seen.end != null && seen.paint != null, `${label}: the mark parsed (${seen.end}) and a paint (${seen.paint})`);
          assert.ok(seen.paint >= seen.end, `${label}: the first paint (${seen.paint} ms) after the first screen was parsed (${seen.end} ms)`);
          assert.deepEqual(seen.problems, { console: [], page: [], foreign: [] }, label);
        }
      } finally {
        await server.close();
      }
    }
  });
}
