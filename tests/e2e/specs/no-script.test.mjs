// With scripts off, every report is still read whole (#27): a dashboard page sends the browser to
// the report's plain page, where every chart is drawn, each chart's numbers open in a table that
// quotes each number's sentence and links to it in the report's text, and the other language,
// the other reports, the interactive dashboard and the downloads are links. Chromium (scripts off
// for the context) and Firefox (scripts off by preference at launch), for the real report (dist/)
// and the fixture reports (dist-multi/), at 360, 600, 1024 and 1280 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { serve, DIST } from '../lib/server.mjs';
import { ARTIFACTS, launch } from '../lib/browser.mjs';

const MULTI = resolve(fileURLToPath(new URL('../../../dist-multi/', import.meta.url)));

/** The report files of a built site: each report's name, catalogue and whether it is the default. */
function reportsOf(dir) {
  const files = readdirSync(join(dir, 'reports')).filter((f) => f.endsWith('.json') && !f.startsWith('index'));
  const site = JSON.parse(readFileSync(join(dir, 'index.html'), 'utf8').match(/<script type="?application\/json"? id="?site"?>(.*?)<\/script>/s)[1]);
  return files.map((f) => JSON.parse(readFileSync(join(dir, 'reports', f), 'utf8')).report)
    .map((r) => ({ name: r.name, catalogue: r.catalogue, page: r.name === site.name ? '' : `${r.name}.html` }));
}

let servers, chromium;
before(async () => {
  assert.ok(existsSync(join(MULTI, 'index.html')), `build ${MULTI} first (see every-report.test.mjs)`);
  servers = { [DIST]: await serve({ root: DIST }), [MULTI]: await serve({ root: MULTI }) };
  chromium = await launch();
});
after(async () => { await chromium?.close(); for (const s of Object.values(servers ?? {})) await s.close(); });

const SITES = [
  { label: 'the real report', dir: DIST, only: null },
  { label: 'the fixture reports', dir: MULTI, only: (r) => r.name !== '000_51d79537997213ea' },
];

/** What a reader without scripts can do on one report's plain page. `read` runs a function in
 *  the page through the driver (the page's own scripts are off), `click` clicks a selector. */
async function checkPlainPage({ report, lang, width, read, click, shot }) {
  const c = report.catalogue;
  const state = await read(() => ({
    lang: document.documentElement.lang,
    href: location.href,
    scripts: document.scripts.length,
    overflow: document.documentElement.scrollWidth - window.innerWidth,
    figures: [...document.querySelectorAll('figure[data-chart]')].map((f) => {
      const svg = [...f.querySelectorAll('svg')].find((s) => s.getBoundingClientRect().width > 0);
      const box = svg?.getBoundingClientRect();
      const labels = svg ? [...svg.querySelectorAll('text')].map((t) => t.getBoundingClientRect().height) : [];
      return { id: f.dataset.chart, width: box?.width ?? 0, height: box?.height ?? 0, smallest: Math.min(...labels), largest: Math.max(...labels) };
    }),
    links: [...document.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')),
  }));
  assert.match(state.href, new RegExp(`${report.name}\\.plain${lang === 'en' ? '\\.en' : ''}\\.html$`), state.href);
  assert.equal(state.lang, lang === 'en' ? 'en' : 'zh-CN');
  assert.equal(state.scripts, 0, 'the plain page has no script');
  assert.ok(state.overflow <= 0, `${report.name} ${lang} ${width}px: the page is ${state.overflow}px wider than the window`);
  // Every chart is drawn, fits the window and its labels are legible (at least 8 CSS px high).
  assert.deepEqual(state.figures.map((f) => f.id).sort(), c.charts.map((ch) => ch.id).sort(), report.name);
  for (const f of state.figures) {
    assert.ok(f.width > 0 && f.height > 0 && f.width <= width, `${report.name} ${f.id}: ${f.width}×${f.height}`);
    assert.ok(f.smallest >= 8, `${report.name} ${f.id} at ${width}px: a label ${f.smallest}px high`);
    assert.ok(f.largest <= 26, `${report.name} ${f.id} at ${width}px: a label ${f.largest}px high`);
  }
  // The downloads, the other language and the dashboard are links that resolve.
  const here = new URL(state.href);
  for (const href of ['facts.csv', 'facts.json', `${report.name}.plain${lang === 'en' ? '' : '.en'}.html`, ...state.links.filter((h) => /\.html$|^\.\/$/.test(h))]) {
    const res = await fetch(new URL(href, here));
    assert.equal(res.status, 200, `${href} from ${here}`);
  }
  // Each chart's table opens without scripts and each row quotes its sentence and links to it.
  const first = c.charts[0];
  if (first) {
    await click(`#chart-${first.id} summary`);
    const rows = await read((id) => [...document.querySelectorAll(`#chart-${id} tr[data-fact]`)].map((tr) => ({
      fact: tr.dataset.fact,
      visible: tr.getBoundingClientRect().height > 0,
      quote: tr.querySelector('q')?.textContent ?? null,
      link: tr.querySelector('a[href^="#fact-"]')?.getAttribute('href') ?? null,
    })), first.id);
    const stated = rows.filter((r) => r.fact);
    assert.ok(stated.length > 0, `${report.name} ${first.id}: its table has rows`);
    for (const r of stated) {
      const fact = c.facts.find((f) => f.id === r.fact);
      assert.ok(r.visible, `${r.fact}: its row shows once the table is open`);
      assert.equal(r.quote, fact.quote, `${r.fact}: its row quotes its sentence`);
      assert.equal(r.link, `#fact-${r.fact}`);
    }
    // Following the link lands on the number in the report's text.
    await click(`#chart-${first.id} tr[data-fact="${stated[0].fact}"] a[href^="#fact-"]`);
    const where = (id) => {
      const el = document.getElementById(`fact-${id}`);
      const box = el?.getBoundingClientRect();
      return { hash: location.hash, inView: !!box && box.bottom > 0 && box.top < window.innerHeight, text: el?.textContent ?? '' };
    };
    let target = await read(where, stated[0].fact);
    for (let i = 0; i < 20 && !target.inView; i++) {
      await new Promise((r) => setTimeout(r, 100));
      target = await read(where, stated[0].fact);
    }
    assert.equal(target.hash, `#fact-${stated[0].fact}`);
    assert.ok(target.inView, `#fact-${stated[0].fact} is scrolled to`);
    assert.ok(target.text.length > 0);
  }
  // Every number's tip in the text, shown as hover or focus shows it, stays inside the window.
  const outside = await read(() => [...document.querySelectorAll('.read__tip')].filter((t) => {
    t.style.display = 'block';
    const r = t.getBoundingClientRect();
    t.style.display = '';
    return r.left < 0 || r.right > window.innerWidth;
  }).map((t) => t.id));
  assert.deepEqual(outside, [], `${report.name} ${lang} ${width}px: tips past the window's edge`);
  if (shot) await shot();
}

for (const site of SITES) {
  for (const [width, lang] of [[1280, 'zh'], [360, 'en'], [1024, 'en'], [600, 'zh']]) {
    test(`Chromium, scripts off, ${site.label}, ${lang} at ${width}px: every chart, its table, its sentences and the links`, async () => {
      const server = servers[site.dir];
      const reports = reportsOf(site.dir).filter((r) => !site.only || site.only(r));
      assert.ok(reports.length > 0);
      for (const report of reports) {
        const context = await chromium.newContext({ javaScriptEnabled: false, viewport: { width, height: 800 } });
        const page = await context.newPage();
        const foreign = [];
        page.on('request', (r) => { if (!r.url().startsWith(server.origin + '/')) foreign.push(r.url()); });
        // The dashboard's address sends a browser without scripts to the plain page.
        await page.goto(server.url + report.page);
        await page.waitForURL(/\.plain\.html$/);
        if (lang === 'en') {
          await page.locator('.plain__tools a[lang="en"]').click();
          await page.waitForURL(/\.plain\.en\.html$/);
        }
        await checkPlainPage({
          report, lang, width,
          read: (fn, arg) => page.evaluate(fn, arg),
          click: (selector) => page.locator(selector).first().click(),
          shot: () => page.screenshot({ path: join(ARTIFACTS, `no-script-${report.name}-${lang}-${width}.png`), fullPage: false }),
        });
        assert.deepEqual(foreign, []);
        await context.close();
      }
    });
  }
}

// A reading page opened as it is (its address shared, or saved) sends a browser without scripts
// to that article in the plain page, in the page's language.
test('Chromium, scripts off: an article\'s reading page sends it to the article in the plain page', async () => {
  for (const site of SITES) {
    const server = servers[site.dir];
    for (const report of reportsOf(site.dir).filter((r) => !site.only || site.only(r)).slice(0, 2)) {
      const articles = report.catalogue.articles.map((a) => a.id);
      for (const [article, en] of [[articles[articles.length - 1], false], [articles[0], true]]) {
        const context = await chromium.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 800 } });
        const page = await context.newPage();
        await page.goto(server.url + `${report.name}.read-${article}${en ? '.en' : ''}.html`);
        await page.waitForURL(new RegExp(`\\.plain${en ? '\\.en' : ''}\\.html#article-${article}$`));
        await page.waitForLoadState('load');
        const where = await page.evaluate((id) => {
          const a = document.getElementById(`article-${id}`);
          return a && { top: Math.round(a.getBoundingClientRect().top), y: Math.round(scrollY), end: document.documentElement.scrollHeight - innerHeight };
        }, article);
        // At its top, or as far as the page goes (an article that ends the page).
        assert.ok(where && (Math.abs(where.top) <= 2 || (where.top > 0 && Math.abs(where.y - where.end) <= 2)), `${report.name} ${article}: scrolled to the article ${JSON.stringify(where)}`);
        await context.close();
      }
    }
  }
});

test('Firefox, scripts off by preference: the dashboard sends it to the plain page, every chart drawn, tables and sentences', async () => {
  const firefox = await puppeteer.launch({
    browser: 'firefox',
    executablePath: process.env.FIREFOX ?? '/usr/bin/firefox-esr',
    headless: true,
    extraPrefsFirefox: {
      'javascript.enabled': false,
      'app.update.enabled': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'network.captive-portal-service.enabled': false,
      'network.connectivity-service.enabled': false,
      'services.settings.server': 'http://127.0.0.1:9/',
    },
  });
  try {
    for (const site of SITES) {
      const server = servers[site.dir];
      const report = reportsOf(site.dir).filter((r) => !site.only || site.only(r))[0];
      for (const [width, lang] of [[1280, 'zh'], [360, 'en']]) {
        const page = await firefox.newPage();
        await page.setViewport({ width, height: 800 });
        // The driver's own evaluation still runs with the page's scripts off; its element handles
        // and waits do not, so both are done here through it, and clicks are real pointer clicks.
        const read = (fn, arg) => page.evaluate(fn, arg);
        const until = async (fn, arg) => {
          for (let i = 0; i < 100; i++) {
            if (await read(fn, arg).catch(() => false)) return;
            await new Promise((r) => setTimeout(r, 100));
          }
          throw new Error(`never true: ${fn}`);
        };
        const click = async (selector) => {
          const at = await read((q) => {
            const el = document.querySelector(q);
            el.scrollIntoView({ block: 'center' });
            const r = el.getBoundingClientRect();
            return { x: r.left + Math.min(r.width / 2, 20), y: r.top + r.height / 2 };
          }, selector);
          await page.mouse.click(at.x, at.y);
        };
        await page.goto(server.url + report.page);
        await until(() => /\.plain\.html$/.test(location.href));
        if (lang === 'en') {
          await click('.plain__tools a[lang="en"]');
          await until(() => /\.plain\.en\.html$/.test(location.href) && document.readyState === 'complete');
        }
        await checkPlainPage({
          report, lang, width, read, click,
          shot: () => page.screenshot({ path: join(ARTIFACTS, `no-script-firefox-${report.name}-${lang}-${width}.png`) }),
        });
        await page.close();
      }
    }
  } finally {
    await firefox.close();
  }
});
