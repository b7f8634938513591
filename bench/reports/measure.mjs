// Measures each built report set (bench/reports/run): first-load bytes (gzipped, what the default
// page fetches), interactive charts ready (median of RUNS loads), opening another report's page (a
// click in the list at the top, and a cold link with its section's id at the site's address, which
// is forwarded to it), a search over every report's facts (the first, which reads every report
// file, and one after it), and the wasm memory of the site's page before and after opening ten
// reports one after another and going Back to it.
// Usage: node measure.mjs RUNS DIST_1 DIST_10 DIST_100  (each directory's name ends in its N)
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { serve, BENCH } from '../server.mjs';

const [runsArg, ...dists] = process.argv.slice(2);
const RUNS = Number(runsArg) || 5;
const HELPERS = join(BENCH, 'page-helpers.js');

/** What the default page fetches: the page, the glue, the wasm, the icon and the open report's data
 * (the file the page's site block names). */
function firstLoadBytes(dir) {
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const site = JSON.parse(html.match(/<script type="application\/json" id="site">([^<]*)<\/script>/)?.[1] ?? '{}');
  return readdirSync(dir)
    .filter((f) => f === 'index.html' || /^dashboard-.*\.(js|wasm)$/.test(f) || /^favicon-/.test(f))
    .concat(site.data ? [site.data] : [])
    .reduce((sum, f) => sum + gzipSync(readFileSync(join(dir, f)), { level: 9 }).length, 0);
}

/** Seconds the release build of this set took (written by bench/reports/run), if known. */
function buildSeconds(dir) {
  try { return Number(readFileSync(`${dir}.build-seconds`, 'utf8')); } catch { return null; }
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });

async function page(url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript({ path: HELPERS });
  const p = await context.newPage();
  await p.goto(url);
  return { context, p };
}

const rows = [];
for (const dist of dists.map((d) => resolve(d))) {
  const n = Number(basename(dist).match(/(\d+)$/)?.[1]);
  const server = await serve({ dist });
  const url = server.dash;
  console.error(`== measuring ${n} report(s): ${dist}`);
  const ready = [];
  // One load first, not counted: the browser's caches of the engine and fonts warm alike for every set.
  for (let i = -1; i < RUNS; i++) {
    const { context, p } = await page(url);
    await p.waitForFunction(() => window.__bench && window.__bench.appReady != null, null, { timeout: 60000 });
    const t = await p.evaluate(() => window.__bench.appReady);
    if (i >= 0) ready.push(t);
    await context.close();
  }
  const last = n > 1 ? `gen-${String(n - 1).padStart(4, '0')}` : null;
  const appReady = (p) => p.waitForFunction(() => window.__bench && window.__bench.appReady != null, null, { timeout: 60000 });
  let open = null, link = null, search = null, searchAgain = null, memory = null;
  if (last) {
    const opens = [], links = [], searches = [], again = [];
    for (let i = 0; i < RUNS; i++) {
      // A click on the next report in the list at the top (a page lists the few after it, and a
      // link to the page of every report): its own page, until its charts are drawn.
      const { context, p } = await page(url);
      await appReady(p);
      await p.locator('nav.site-reports details summary').click();
      const t0 = Date.now();
      await p.locator('nav.site-reports a[data-report-link="gen-0001"]').click();
      await p.waitForURL((u) => u.pathname.endsWith('/gen-0001.html'), { timeout: 60000 });
      await appReady(p);
      opens.push(Date.now() - t0);
      // Search every report from there: the first search reads every report file; then another word.
      const s0 = await p.evaluate(() => performance.now());
      await p.locator('input[type="search"]').fill('清偿');
      await p.waitForFunction(() => /\d/.test(document.querySelector('.finder__elsewhere-title')?.textContent ?? ''), null, { timeout: 120000 });
      searches.push((await p.evaluate(() => performance.now())) - s0);
      const a0 = await p.evaluate(() => performance.now());
      await p.locator('input[type="search"]').fill('基站');
      await p.waitForFunction(() => document.querySelector('.finder__elsewhere li') && !(document.querySelector('.finder__elsewhere')?.textContent ?? '').includes('清偿进度'), null, { timeout: 60000 });
      again.push((await p.evaluate(() => performance.now())) - a0);
      await context.close();
      // A cold link with that report's section at the site's address: forwarded to its page, until
      // its charts are drawn.
      const context2 = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      await context2.addInitScript({ path: HELPERS });
      const p2 = await context2.newPage();
      const l0 = Date.now();
      await p2.goto(`${url}?section=${last}-s`);
      await p2.waitForURL((u) => u.pathname.endsWith(`/${last}.html`), { timeout: 60000 });
      await appReady(p2);
      links.push(Date.now() - l0);
      await context2.close();
    }
    [open, link, search, searchAgain] = [median(opens), median(links), median(searches), median(again)];
    // Memory: ten reports opened one after another from the list, then Back ten times. Each report
    // is its own page, so each has its own wasm memory; what matters is that the page the reader
    // comes back to holds what it held.
    const { context, p } = await page(url);
    await appReady(p);
    const mem = () => p.evaluate(() => window.__bench.wasmMemory?.buffer.byteLength ?? null);
    const first = await mem();
    const seen = [first];
    const names = Array.from({ length: Math.min(10, n - 1) }, (_, i) => `gen-${String(i + 1).padStart(4, '0')}`);
    for (const name of names) {
      await p.locator('nav.site-reports details summary').click();
      await p.locator(`nav.site-reports a[data-report-link="${name}"]`).click();
      await p.waitForURL((u) => u.pathname.endsWith(`/${name}.html`), { timeout: 60000 });
      await appReady(p);
      seen.push(await mem());
    }
    for (let i = 0; i < names.length; i++) await p.goBack();
    await p.waitForURL((u) => !u.pathname.endsWith('.html') || u.pathname.endsWith('/index.html'), { timeout: 60000 });
    await appReady(p);
    const back = await mem();
    memory = { first, back, max: Math.max(...seen.filter((x) => x != null), back ?? 0), opened: names.length };
    await context.close();
  }
  const facts = JSON.parse(readFileSync(join(dist, 'facts.json'), 'utf8')).facts.length;
  rows.push({ n, facts, bytes: firstLoadBytes(dist), build: buildSeconds(dist), ready: median(ready), open, link, search, searchAgain, memory });
  await server.close();
}
await browser.close();

const ms = (v) => (v == null ? '–' : `${Math.round(v)} ms`);
const base = rows[0]?.bytes ?? 0;
const mb = (v) => (v == null ? '?' : `${(v / 1048576).toFixed(1)} MB`);
const mem = (m) => (m == null ? '–' : `${mb(m.first)} → ${mb(m.back)} (max ${mb(m.max)}, ${m.opened} opened)`);
const table = [
  '| reports | facts | release build | first load (gzip) | growth | charts ready | open a report (click) | link to its section (cold) | search all (first) | search all (again) | wasm memory: first page → after ten reports and Back |',
  '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|',
  ...rows.map((r) => `| ${r.n} | ${r.facts} | ${r.build == null ? '–' : `${r.build} s`} | ${(r.bytes / 1000).toFixed(1)} KB | +${r.bytes - base} B | ${ms(r.ready)} | ${ms(r.open)} | ${ms(r.link)} | ${ms(r.search)} | ${ms(r.searchAgain)} | ${mem(r.memory)} |`),
].join('\n');
console.log(table);
writeFileSync(join(BENCH, 'results', 'reports.md'), `# Scale in reports (bash bench/reports/run, ${RUNS} runs, medians)\n\n${table}\n`);
writeFileSync(join(BENCH, 'results', 'reports.json'), JSON.stringify(rows, null, 2));
const growth = (rows.at(-1)?.bytes ?? 0) - base;
if (growth >= 2000) {
  console.error(`first load grows by ${growth} B from 1 to ${rows.at(-1).n} reports (limit 2000)`);
  process.exit(1);
}
