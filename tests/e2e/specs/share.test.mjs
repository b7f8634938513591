// Share links: every view is a URL that reopens exactly that view in a fresh browser, under any
// sub-path; Back/Forward walk through chart changes; hostile links never break the page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { serve } from '../lib/server.mjs';
import { metaContent } from '../lib/html.mjs';
import { launch, openPage, ARTIFACTS, waitForApp } from '../lib/browser.mjs';

let server, browser;
before(async () => { server = await serve({ prefix: '/a/b/' }); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const VIEWPORT = { viewport: { width: 1280, height: 900 } };

const ready = waitForApp;

/** Everything that makes up "the same view", read from the page. */
function snapshot(page, chart) {
  return page.evaluate(async (id) => {
    const fig = document.querySelector(`figure[data-chart="${id}"]`);
    const canvas = fig?.querySelector('canvas');
    let pixels = null;
    if (canvas) {
      const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
      const digest = await crypto.subtle.digest('SHA-256', data);
      pixels = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
    }
    return {
      lang: document.documentElement.lang,
      figure: !!fig,
      table: !!fig?.querySelector('table'),
      pressed: fig?.querySelector('[aria-pressed="true"]')?.dataset.view ?? null,
      fact: document.querySelector('aside.source')?.dataset.fact ?? null,
      title: fig?.querySelector('.chart__title')?.textContent ?? null,
      pixels,
      query: location.search,
    };
  }, chart);
}

async function shareLink(page, chart) {
  const fig = page.locator(`figure[data-chart="${chart}"]`);
  await fig.locator('.share__toggle').click();
  const link = await fig.locator('.share__link').inputValue();
  await fig.locator('.share__toggle').click();
  return link;
}

test('every chart, in both views and both languages, with a fact selected, reopens from its link in a fresh browser', async () => {
  const { context, page, problems } = await openPage(browser, server.origin, VIEWPORT);
  await page.goto(server.url);
  await ready(page);
  const charts = await page.$$eval('figure[data-chart]', (f) => f.map((x) => x.dataset.chart));
  assert.ok(charts.length >= 10);
  let checked = 0;
  for (const lang of ['zh-CN', 'en']) {
    for (const chart of charts) {
      for (const view of ['chart', 'table']) {
        await page.goto(server.url + (lang === 'en' ? '?lang=en' : ''));
        await ready(page);
        const fig = page.locator(`figure[data-chart="${chart}"]`);
        await fig.locator(`button[data-view="${view}"]`).click();
        if (view === 'chart') await fig.locator('.chart__hit[data-fact]:not([data-fact=""])').first().click();
        else await fig.locator('tbody button.link').first().click();
        await page.locator('aside.source').waitFor();
        await page.keyboard.press('Escape'); // closes the panel …
        await page.goBack(); // … and Back reopens it: selecting a fact is a history step.
        await page.locator('aside.source').waitFor();
        await ready(page);
        const before = await snapshot(page, chart);
        const link = await shareLink(page, chart);
        assert.ok(link.startsWith(server.url + '?'), link);

        const fresh = await openPage(browser, server.origin, VIEWPORT);
        await fresh.page.goto(link);
        await ready(fresh.page);
        await fresh.page.locator('aside.source').waitFor();
        const after = await snapshot(fresh.page, chart);
        assert.deepEqual({ ...after, query: null }, { ...before, query: null }, `${chart} ${view} ${lang}: ${link}`);
        assert.equal(before.lang, lang);
        assert.equal(before.table, view === 'table');
        assert.deepEqual(fresh.problems, { console: [], page: [], foreign: [] });
        await fresh.context.close();
        checked++;
      }
    }
  }
  assert.equal(checked, charts.length * 4);
  assert.deepEqual(problems, { console: [], page: [], foreign: [] });
  await context.close();
});

test('links work under another sub-path too', async () => {
  const deep = await serve({ prefix: '/x/y/z/' });
  try {
    const { context, page, problems } = await openPage(browser, deep.origin, VIEWPORT);
    await page.goto(deep.url + '?lang=en&chart=gd-clearance&table=gd-clearance&fact=gd-clearance-2019');
    await ready(page);
    const s = await snapshot(page, 'gd-clearance');
    assert.equal(s.lang, 'en');
    assert.equal(s.table, true);
    assert.equal(s.fact, 'gd-clearance-2019');
    const link = await shareLink(page, 'gd-clearance');
    assert.ok(link.startsWith(deep.url + '?'), link);
    assert.deepEqual(problems, { console: [], page: [], foreign: [] });
    await context.close();
  } finally {
    await deep.close();
  }
});

test('Back and Forward walk through chart changes; small adjustments replace history', async () => {
  const { context, page } = await openPage(browser, server.origin, VIEWPORT);
  await page.goto(server.url);
  await ready(page);
  await page.locator('[data-chart="sme-shares"] .chart__hit[data-fact="sme-share-gdp"]').click();
  await page.keyboard.press('Escape');
  await page.locator('[data-chart="gd-clearance"] .chart__hit[data-fact="gd-clearance-2019"]').click();
  await page.locator('aside.source[data-fact="gd-clearance-2019"]').waitFor();
  // Typing a search replaces the entry instead of adding one per keystroke.
  const length = await page.evaluate(() => history.length);
  await page.locator('input[type="search"]').pressSequentially('5G');
  assert.equal(await page.evaluate(() => history.length), length);
  assert.match(await page.evaluate(() => location.search), /q=5G/);
  await page.goBack();
  await page.waitForFunction(() => !document.querySelector('aside.source'));
  await page.goBack();
  await page.locator('aside.source[data-fact="sme-share-gdp"]').waitFor();
  await page.goForward();
  await page.goForward();
  await page.locator('aside.source[data-fact="gd-clearance-2019"]').waitFor();
  await context.close();
});

test('embed mode shows one chart with its title, source line and a link back', async () => {
  const { context, page, problems } = await openPage(browser, server.origin, { viewport: { width: 640, height: 520 } });
  await page.goto(server.url + '?chart=gd-clearance&embed=1');
  await ready(page);
  assert.equal(await page.locator('figure[data-chart]').count(), 1);
  assert.equal(await page.locator('.masthead').count(), 0);
  assert.ok((await page.locator('.chart__source').textContent()).includes('来源'));
  const back = await page.locator('.embed__back a').getAttribute('href');
  assert.ok(back.includes('chart=gd-clearance') && !back.includes('embed'), back);
  await page.screenshot({ path: `${ARTIFACTS}share-embed.png` });
  assert.deepEqual(problems, { console: [], page: [], foreign: [] });
  await context.close();
});

test('copy link uses the clipboard, and falls back to a selected field when refused', async () => {
  const allowed = await openPage(browser, server.origin, VIEWPORT);
  await allowed.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
  await allowed.page.goto(server.url + '?chart=sme-shares');
  await ready(allowed.page);
  const fig = allowed.page.locator('figure[data-chart="sme-shares"]');
  await fig.locator('.share__toggle').click();
  await fig.locator('.share__copy').click();
  await fig.locator('.share__status', { hasText: '已复制' }).waitFor();
  const copied = await allowed.page.evaluate(() => navigator.clipboard.readText());
  assert.equal(copied, await fig.locator('.share__link').inputValue());
  await allowed.context.close();

  const refused = await openPage(browser, server.origin, VIEWPORT);
  await refused.page.addInitScript(() => {
    Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new Error('denied')) } });
  });
  await refused.page.goto(server.url);
  await ready(refused.page);
  await refused.page.locator('.masthead .share__toggle').click();
  await refused.page.locator('.masthead .share__copy').click();
  await refused.page.locator('.masthead .share__status', { hasText: 'Ctrl+C' }).waitFor();
  const selected = await refused.page.evaluate(() => {
    const el = document.activeElement;
    return el.classList.contains('share__link') && el.selectionStart === 0 && el.selectionEnd === el.value.length;
  });
  assert.ok(selected, 'the link is selected for copying by hand');
  await refused.context.close();
});

test('a link made against another catalogue version names the facts that changed', async () => {
  const { context, page } = await openPage(browser, server.origin, VIEWPORT);
  await page.goto(server.url + '?chart=gd-5g-stations&cv=zzzzzz&cf=zzzzzz');
  await ready(page);
  const text = await page.locator('.notices').textContent();
  assert.ok(/5G/.test(text), text);
  await page.locator('.notices__close').click();
  assert.equal(await page.locator('.notices').count(), 0);
  await context.close();
});

// Hostile links: the closest valid view and a notice, never a panic, a blank page, a console
// error, or URL text interpreted as markup.
const BAD = [
  'chart=<script>window.__pwned=1</script>', 'q=%3Cimg%20src%3Dx%20onerror%3D%22window.__pwned%3D1%22%3E',
  'fact=%3Csvg%20onload%3Dwindow.__pwned%3D1%3E', 'chart=nope', 'fact=nope', 'lang=fr', 'theme=neon', 'embed=yes',
  'embed=1', 'table=nope,,sme-shares', 'topic=%ZZ', 'region=%E4%B8', 'q=' + 'x'.repeat(5000), 'x'.repeat(3000) + '=1',
  'chart=sme-shares&chart=gd-clearance', 'lang=en&lang=zh', '%00=%00', '==&&==', 'q=%', 'q=%%%', 'cv=&cf=',
  'section=../../etc', 'fact=gd-clearance-2019%00', 'q=javascript:alert(1)', 'chart=GD-CLEARANCE', 'utm_source=x',
  'q=%F0%9F%98%80%20emoji', 'table=' + 'sme-shares,'.repeat(200), 'cv=000000&chart=sme-shares&cf=zz',
];
function* hostileLinks(count) {
  let seed = 42;
  const rand = (n) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
  for (const b of BAD) yield '?' + b;
  while (count-- > BAD.length) {
    const parts = Array.from({ length: 1 + rand(4) }, () => BAD[rand(BAD.length)]);
    yield (rand(3) ? '?' : '?&') + parts.join('&');
  }
}

test('a few hundred hostile links each render the closest valid view with a notice', async () => {
  const { context, page, problems } = await openPage(browser, server.origin, VIEWPORT);
  let n = 0;
  for (const query of hostileLinks(200)) {
    await page.goto(server.url + query);
    await page.waitForFunction(() => document.querySelector('main'), null, { timeout: 20000 });
    const state = await page.evaluate(() => ({
      fatal: !document.getElementById('fatal').hidden,
      pwned: window.__pwned === 1,
      injected: !!document.querySelector('main script, main img[src="x"], main svg[onload]'),
      // The page is never blank: the dashboard (or an embedded chart) is there.
      rendered: !!document.querySelector('main .finder, main figure[data-chart]'),
    }));
    assert.deepEqual({ fatal: state.fatal, pwned: state.pwned, injected: state.injected }, { fatal: false, pwned: false, injected: false }, query.slice(0, 200));
    assert.ok(state.rendered, `the page renders for ${query.slice(0, 100)}`);
    n++;
  }
  assert.ok(n >= 200);
  assert.deepEqual(problems, { console: [], page: [], foreign: [] });
  await page.goto(server.url + '?chart=<b>bold</b>&lang=fr');
  await page.locator('.notices').waitFor();
  await page.screenshot({ path: `${ARTIFACTS}share-notice.png` });
  await context.close();
});

test('link previews: Open Graph and Twitter card tags point at a 1200×630 image that is served', async () => {
  const html = await (await fetch(server.url)).text();
  for (const tag of ['og:title', 'og:description', 'og:image', 'twitter:card']) {
    assert.ok(metaContent(html, tag), tag);
  }
  // X takes the card's title, description and image from the og: tags when there are no twitter:
  // ones; a twitter: one that said something else would win.
  for (const tag of ['twitter:title', 'twitter:description', 'twitter:image']) assert.equal(metaContent(html, tag), undefined, tag);
  const image = metaContent(html, 'og:image');
  const png = Buffer.from(await (await fetch(new URL(image, server.url))).arrayBuffer());
  assert.equal(png.subarray(1, 4).toString(), 'PNG');
  assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [1200, 630]);
});
