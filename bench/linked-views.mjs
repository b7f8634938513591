// A link to a view the site draws before the app arrives, opened as built and with that view's
// files switched off, alternating, in the normal and the slow profile (measure.mjs's):
//
// - An article of the report (`?read=ARTICLE`): when its text is first on screen, and when its
//   numbers answer (the on-demand module has drawn the reading view and the page shows the app).
//   For a link to a fact's sentence in it (`?fact=ID&read=ARTICLE`, what "Read in the report"
//   writes), the text on screen is the sentence, marked, in the viewport.
//     drawn first   the report's page sends the link to the article's reading page, whose HTML
//                   holds the text (crates/publish/src/reading_page.rs);
//     app only      the site block lists no article, so the report's page keeps the link and the
//                   app draws the view once the module has arrived: how reading links opened
//                   before reading pages.
// - A fact's source (`?fact=ID`, alone or with a chart): when its panel is on screen with the
//   sentence marked, and when the app's panel is up (the page shows the app).
//     drawn first   the report's page shows the fact's panel file over its view
//                   (crates/publish/src/fact_panels.rs);
//     app only      no panel files (facts/ removed): the page hides its view and the app opens
//                   the panel: how fact links opened before the files.
//
//   node bench/linked-views.mjs --dist DIR [--runs 7] [--query '?read=guangdong'] [--out FILE]
//
// Prints a Markdown section; with --out, writes the raw times as JSON.
import { chromium } from 'playwright-core';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { serve } from './server.mjs';

const { values: opt } = parseArgs({
  options: {
    dist: { type: 'string' },
    runs: { type: 'string', default: '7' },
    query: { type: 'string', default: '?read=guangdong' },
    out: { type: 'string' },
  },
});
if (!opt.dist) throw new Error('--dist DIR is required (a copy of the release dist/)');
const RUNS = Number(opt.runs);
const PROFILES = { normal: null, slow: { cpu: 4, latency: 150, down: 1.6e6 / 8, up: 750e3 / 8 } };
const log = (...a) => console.error('[linked view]', ...a);
const median = (xs) => {
  const v = [...xs].sort((a, b) => a - b);
  const m = v.length >> 1;
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
};

// Which view: an article (with a fact, its sentence), unless a chart is in focus; else a fact's source.
const params = new URLSearchParams(opt.query);
const reading = params.has('read') && !params.has('chart');
if (!reading && !params.has('fact')) throw new Error(`${opt.query}: neither an article nor a fact's source`);
// The same site without that view's files.
const appOnly = mkdtempSync(join(tmpdir(), 'bench-linked-'));
cpSync(opt.dist, appOnly, { recursive: true });
if (reading) {
  // Its address's site block lists no article.
  const index = join(appOnly, 'index.html');
  const html = readFileSync(index, 'utf8');
  const listed = html.match(/"read":"[^"]*"/);
  if (!listed) throw new Error(`${index}: no article list in the site block`);
  writeFileSync(index, html.replace(listed[0], '"read":""'));
} else {
  rmSync(join(appOnly, 'facts'), { recursive: true });
}

const ways = { 'drawn first': await serve({ dist: opt.dist }), 'app only': await serve({ dist: appOnly }) };
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

/** One load: ms from the request to the text on screen, and to the numbers answering. */
async function load(url, profile) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (profile) {
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpu });
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: profile.latency, downloadThroughput: profile.down, uploadThroughput: profile.up });
  }
  // Checked every frame, in wall-clock time (a link sent on to another page starts a new clock).
  await context.addInitScript((reading) => {
    const times = (window.__reading = {});
    const sentence = new URLSearchParams(location.search).has('fact');
    const [shown, live] = reading
      ? [sentence ? '.reader mark.read__quote' : '.reader', '.desk .reader #reader-title']
      : ['aside.source mark.source__quote', '.source-host aside.source'];
    const frame = () => {
      const text = [...document.querySelectorAll(shown)].some((r) => {
        const box = r.getBoundingClientRect();
        return box.height > 0 && box.top < innerHeight && box.bottom > 0 && getComputedStyle(r).visibility === 'visible';
      });
      if (text && !times.text) times.text = performance.timeOrigin + performance.now();
      if (!document.getElementById('boot') && document.querySelector(live)) times.live = performance.timeOrigin + performance.now();
      if (!times.live) requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  }, reading);
  const start = Date.now();
  await page.goto(url);
  await page.waitForFunction(() => window.__reading && window.__reading.live, null, { timeout: 120000 });
  const t = await page.evaluate(() => window.__reading);
  await context.close();
  return { text: t.text - start, live: t.live - start };
}

const result = { date: new Date().toISOString(), query: opt.query, runs: RUNS, profiles: {} };
try {
  for (const [name, profile] of Object.entries(PROFILES)) {
    for (const server of Object.values(ways)) await load(server.dash + opt.query, profile);
    const runs = Object.fromEntries(Object.keys(ways).map((w) => [w, []]));
    for (let i = 0; i < RUNS; i++) {
      for (const [way, server] of Object.entries(ways)) {
        log(`${name} ${i + 1}/${RUNS}: ${way}`);
        runs[way].push(await load(server.dash + opt.query, profile));
      }
    }
    result.profiles[name] = runs;
  }
} finally {
  await browser.close();
  for (const s of Object.values(ways)) await s.close();
  rmSync(appOnly, { recursive: true, force: true });
}
if (opt.out) writeFileSync(opt.out, JSON.stringify(result, null, 1));

const ms = (x) => `${Math.round(x).toLocaleString('en')}`;
const fact = params.has('fact');
const [title, about, labels] = reading
  ? [fact ? 'a fact\'s sentence in an article' : 'an article',
    'The reading page (its HTML holds the text) against the same site with reading pages switched off (the app draws the view once the on-demand module has arrived).',
    [fact ? 'the sentence on screen, marked' : 'the article\'s text on screen', 'its numbers answer (module drawn, app shown)']]
  : ['a fact\'s source',
    'The report\'s page with the fact\'s panel file shown over its view, against the same site without panel files (the page hides its view and the app opens the panel).',
    ['the panel on screen, its sentence marked', 'the app\'s panel up (app shown)']];
const lines = [
  `### A link to ${title} (\`${opt.query}\`), medians of ${RUNS}`,
  '',
  `${about} Times from the request, in ms.`,
  '',
  '| Metric (median) | profile | drawn first | app only | ratio |',
  '|---|---|---:|---:|---:|',
];
for (const [name, runs] of Object.entries(result.profiles)) {
  for (const [metric, label] of [['text', labels[0]], ['live', labels[1]]]) {
    const [a, b] = ['drawn first', 'app only'].map((w) => median(runs[w].map((r) => r[metric])));
    lines.push(`| ${label} | ${name} | ${ms(a)} | ${ms(b)} | ${(a / b).toFixed(2)}× |`);
  }
}
console.log(lines.join('\n'));
