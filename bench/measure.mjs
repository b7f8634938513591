// Browser half of the benchmark: page loads of the dashboard (A) and the Chart.js reference (B),
// alternating A B A B, in a normal and a slow profile; interaction timings and memory on the
// dashboard. Writes JSON (bench/results/browser.json by default); bench/report.mjs turns it into
// Markdown.
//
//   node bench/measure.mjs --dist DIR [--runs 5] [--out FILE] [--interactions 10] [--memory 200]
import { chromium } from 'playwright-core';
import { readdir, stat, writeFile, mkdir } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { dirname, join, extname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { serve, load, BENCH } from './server.mjs';

const { values: opt } = parseArgs({
  options: {
    dist: { type: 'string' },
    runs: { type: 'string', default: '5' },
    out: { type: 'string', default: join(BENCH, 'results/browser.json') },
    interactions: { type: 'string', default: '10' },
    memory: { type: 'string', default: '200' },
    verbose: { type: 'boolean', default: false },
  },
});
if (!opt.dist) throw new Error('--dist DIR is required (a copy of the release dist/)');
const RUNS = Number(opt.runs);
const N_INTERACT = Number(opt.interactions);
const N_MEMORY = Number(opt.memory);
const VIEWPORT = { width: 1280, height: 800 };
const HELPERS = join(BENCH, 'page-helpers.js');

/** null = the machine as it is; slow = Lighthouse's "slow 4G" mobile: 4x CPU, 150 ms RTT, 1.6 Mbit/s. */
const PROFILES = {
  normal: null,
  slow: { cpu: 4, latency: 150, down: 1.6e6 / 8, up: 750e3 / 8 },
};

const log = (...a) => console.error('[bench]', ...a);
const median = (xs) => {
  const v = xs.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return null;
  const m = v.length >> 1;
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
};
const quantile = (xs, q) => {
  const v = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return null;
  return v[Math.min(v.length - 1, Math.ceil(q * v.length) - 1)];
};

function typeOf(url, mime) {
  const path = new URL(url).pathname;
  const ext = extname(path);
  if (ext === '.wasm' || mime === 'application/wasm') return 'wasm';
  if (ext === '.js' || ext === '.mjs' || /javascript/.test(mime ?? '')) return 'js';
  if (ext === '.css' || mime === 'text/css') return 'css';
  if (ext === '.html' || path.endsWith('/') || mime === 'text/html') return 'html';
  if (ext === '.json' || mime === 'application/json') return 'json';
  return 'other';
}

async function newPage(browser, profile) {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  await context.addInitScript({ path: HELPERS });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (profile) {
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpu });
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: profile.latency,
      downloadThroughput: profile.down,
      uploadThroughput: profile.up,
    });
  }
  return { context, page, cdp, errors };
}

/** A fixed busy loop, timed in the page after everything else: shows the CPU throttle is on. */
const calibrate = (page) =>
  page.evaluate(() => {
    const t = performance.now();
    let x = 0;
    for (let i = 0; i < 1e7; i++) x = (x + i * 7) % 1000003;
    return performance.now() - t + (x < 0 ? 1 : 0);
  });

async function loadRun(browser, url, profile, label) {
  const { context, page, cdp, errors } = await newPage(browser, profile);
  const requests = new Map();
  cdp.on('Network.requestWillBeSent', (p) => {
    if (!requests.has(p.requestId)) requests.set(p.requestId, { url: p.request.url, type: p.type, wallTime: p.wallTime });
  });
  cdp.on('Network.responseReceived', (p) => {
    const r = requests.get(p.requestId);
    if (r) {
      r.mime = p.response.mimeType;
      r.status = p.response.status;
      r.encoding = p.response.headers['content-encoding'] ?? p.response.headers['Content-Encoding'] ?? null;
    }
  });
  cdp.on('Network.loadingFinished', (p) => {
    const r = requests.get(p.requestId);
    if (r) r.bytes = p.encodedDataLength;
  });
  cdp.on('Network.loadingFailed', (p) => {
    const r = requests.get(p.requestId);
    if (r) r.failed = p.errorText;
  });

  const timeout = profile ? 120000 : 60000;
  await page.goto(url, { waitUntil: 'load', timeout });
  await page.waitForFunction(
    () => window.__bench.allDrawn !== null && window.__bench.readyPainted !== null && window.__bench.allOnScreen !== null &&
      performance.getEntriesByName('first-contentful-paint').length > 0,
    null,
    { timeout, polling: 50 },
  );
  // Let trailing work (resize-driven redraws, deferred effects) show up as long tasks.
  await page.waitForTimeout(profile ? 3000 : 1500);
  const m = await page.evaluate(() => {
    const B = window.__bench;
    const nav = performance.getEntriesByType('navigation')[0];
    const fcp = performance.getEntriesByName('first-contentful-paint')[0];
    return {
      fcp: fcp ? fcp.startTime : null,
      responseEnd: nav ? nav.responseEnd : null,
      domContentLoaded: nav ? nav.domContentLoadedEventEnd : null,
      loadEvent: nav ? nav.loadEventEnd : null,
      appStarted: B.appStarted,
      firstDrawn: B.firstDrawn,
      appFirstDrawn: B.appFirstDrawn,
      ready: B.ready,
      appReady: B.appReady,
      readyPainted: B.readyPainted,
      readyCount: B.readyCount,
      allDrawn: B.allDrawn,
      allOnScreen: B.allOnScreen,
      // What had arrived (on the wire, headers included) by the time every chart was on screen.
      bytesBeforeAllOnScreen: B.allOnScreen === null ? null : [nav, ...performance.getEntriesByType('resource')]
        .filter((e) => e && e.responseEnd <= B.allOnScreen)
        .reduce((a, e) => a + (e.transferSize || 0), 0),
      figureCount: B.figureCount,
      longtasks: B.longtasks,
      wasmMemory: B.wasmMemory ? B.wasmMemory.buffer.byteLength : null,
    };
  });
  // A link that a page sends on to another (a link in English: the Chinese page's head sends it to
  // the English page): its times count from the first page's request, not from the second page's
  // navigation. (Its bytes cannot include what the first page had received: CDP gives no size for
  // a document cut short.)
  const documents = [...requests.values()].filter((r) => r.type === 'Document');
  m.hops = documents.length - 1;
  if (m.hops > 0) {
    const offset = (await page.evaluate(() => performance.timeOrigin)) - documents[0].wallTime * 1000;
    for (const k of ['fcp', 'responseEnd', 'domContentLoaded', 'loadEvent', 'appStarted', 'firstDrawn', 'appFirstDrawn', 'ready', 'appReady', 'readyPainted', 'allDrawn', 'allOnScreen']) {
      if (m[k] !== null) m[k] += offset;
    }
    for (const t of m.longtasks) t.start += offset;
  }
  const heap = await cdp.send('Runtime.getHeapUsage');
  m.jsHeapUsed = heap.usedSize;
  m.calibrationMs = await calibrate(page);

  const bytes = { wasm: 0, js: 0, css: 0, html: 0, json: 0, other: 0 };
  const files = [];
  for (const r of requests.values()) {
    if (r.url.startsWith('data:')) continue;
    const t = typeOf(r.url, r.mime);
    bytes[t] += r.bytes ?? 0;
    files.push({ path: new URL(r.url).pathname, type: t, bytes: r.bytes ?? 0, status: r.status, encoding: r.encoding, failed: r.failed });
  }
  bytes.total = Object.values(bytes).reduce((a, b) => a + b, 0);
  m.bytes = bytes;
  m.requests = files;
  m.errors = errors;

  const lt = m.longtasks;
  const after = m.firstDrawn === null ? [] : lt.filter((t) => t.start >= m.firstDrawn);
  m.longtaskCount = lt.length;
  m.longtaskMax = lt.length ? Math.max(...lt.map((t) => t.duration)) : 0;
  m.longtaskTotal = lt.reduce((a, t) => a + t.duration, 0);
  m.tbt = lt.reduce((a, t) => a + Math.max(0, t.duration - 50), 0);
  m.longtaskAfterFirstChartCount = after.length;
  m.longtaskAfterFirstChartMax = after.length ? Math.max(...after.map((t) => t.duration)) : 0;
  // ...and after the page's own first canvas (the dashboard's interactive chart).
  const afterApp = m.appFirstDrawn === null ? [] : lt.filter((t) => t.start >= m.appFirstDrawn);
  m.longtaskAfterAppChartCount = afterApp.length;
  m.longtaskAfterAppChartMax = afterApp.length ? Math.max(...afterApp.map((t) => t.duration)) : 0;
  await context.close();
  if (opt.verbose) log(label, JSON.stringify({ fcp: m.fcp, ready: m.ready, all: m.allDrawn, bytes: m.bytes.total, lt: m.longtaskCount, cal: m.calibrationMs }));
  return m;
}

const METRICS = [
  'fcp', 'firstDrawn', 'appFirstDrawn', 'ready', 'appReady', 'readyPainted', 'allDrawn', 'allOnScreen', 'bytesBeforeAllOnScreen',
  'longtaskAfterAppChartCount', 'longtaskAfterAppChartMax', 'appStarted', 'domContentLoaded', 'loadEvent',
  'longtaskCount', 'longtaskMax', 'longtaskTotal', 'tbt', 'longtaskAfterFirstChartCount', 'longtaskAfterFirstChartMax',
  'jsHeapUsed', 'wasmMemory', 'calibrationMs', 'readyCount', 'figureCount', 'hops',
];

function summarise(runs) {
  const s = {};
  for (const k of METRICS) s[k] = median(runs.map((r) => r[k]));
  s.bytes = {};
  for (const k of Object.keys(runs[0].bytes)) s.bytes[k] = median(runs.map((r) => r.bytes[k]));
  // Every long task seen in any run, longest first: where the main thread goes.
  s.longestTasks = runs
    .flatMap((r, i) => r.longtasks.map((t) => ({ run: i, start: t.start, duration: t.duration, afterFirstChart: r.firstDrawn !== null && t.start >= r.firstDrawn })))
    .sort((a, b) => b.duration - a.duration)
    .slice(0, 8);
  s.errors = [...new Set(runs.flatMap((r) => r.errors))];
  return s;
}

// ---- interactions ----------------------------------------------------------------------------

async function openDashboard(browser, dash) {
  const p = await newPage(browser, null);
  await p.page.goto(dash, { waitUntil: 'load' });
  await p.page.waitForFunction(() => window.__bench.allDrawn !== null, null, { timeout: 60000 });
  await p.page.waitForTimeout(800);
  return p;
}

const settle = (page, ms = 60) => page.evaluate((ms) => window.__bench.nextFrame().then(() => new Promise((r) => setTimeout(r, ms))), ms);

async function interact(page, kind, arg) {
  const r = await page.evaluate(([k, a]) => window.__bench.interact(k, a), [kind, arg]);
  if (r.timeout) throw new Error(`interaction ${kind}(${arg ?? ''}) did not finish`);
  return r;
}

const QUERIES = ['5G', '贷款', '洛宁', '基站', '税收', '41,000', '94.3%', 'loans', 'clearance', 'sme', '广东', '2019'];

async function interactions(browser, dash) {
  const { context, page, errors } = await openDashboard(browser, dash);
  const out = { lang: [], table: [], chart: [], search: [], searchAll: [] };
  const chartId = 'sme-shares';
  for (let i = 0; i < N_INTERACT; i++) {
    out.lang.push(await interact(page, 'lang'));
    await settle(page);
  }
  if (N_INTERACT % 2) await interact(page, 'lang'); // back to Chinese
  await settle(page, 200);
  for (let i = 0; i < N_INTERACT; i++) {
    out.table.push(await interact(page, 'table', chartId));
    await settle(page);
    out.chart.push(await interact(page, 'chart', chartId));
    await settle(page);
  }
  for (let i = 0; i < N_INTERACT; i++) {
    out.search.push(await interact(page, 'search', QUERIES[i % QUERIES.length]));
    await settle(page);
    await interact(page, 'search', '');
    await settle(page);
  }
  // "," normalises to no term, so every fact is listed: the largest list the real catalogue gives.
  for (let i = 0; i < N_INTERACT; i++) {
    out.searchAll.push(await interact(page, 'search', ','));
    await settle(page);
    await interact(page, 'search', '');
    await settle(page);
  }
  const rows = await page.evaluate(() => {
    const i = document.querySelector('input[type="search"]');
    i.value = ',';
    i.dispatchEvent(new Event('input', { bubbles: true }));
    return new Promise((r) => requestAnimationFrame(() => r(document.querySelectorAll('.fact-list__item').length)));
  });
  await context.close();
  const summary = {};
  for (const [k, xs] of Object.entries(out)) {
    summary[k] = {
      n: xs.length,
      sync: median(xs.map((x) => x.sync)),
      dom: median(xs.map((x) => x.dom)),
      paint: median(xs.map((x) => x.paint)),
      paintP90: quantile(xs.map((x) => x.paint), 0.9),
      raf2: median(xs.map((x) => x.raf2)),
      max: Math.max(...xs.map((x) => x.paint)),
    };
  }
  summary.searchAll.rows = rows;
  return { summary, samples: out, errors };
}

// ---- memory ----------------------------------------------------------------------------------

async function snapshot(page, cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  const dom = await cdp.send('Memory.getDOMCounters').catch(() => ({}));
  const wasm = await page.evaluate(() => (window.__bench.wasmMemory ? window.__bench.wasmMemory.buffer.byteLength : null));
  return { jsHeapUsed: heap.usedSize, jsHeapTotal: heap.totalSize, wasmMemory: wasm, nodes: dom.nodes ?? null, listeners: dom.jsEventListeners ?? null };
}

/** Cycles language, table, search, source panel and share toggles: `n` interactions in all. */
async function churn(page, n, counter) {
  const charts = ['sme-shares', 'gd-clusters', 'gd-5g-stations', 'gd-finance', 'gd-clearance'];
  const steps = [
    () => ['lang'], () => ['lang'],
    (k) => ['table', charts[k % charts.length]], (k) => ['chart', charts[k % charts.length]],
    (k) => ['search', QUERIES[k % QUERIES.length]], () => ['search', ''],
    () => ['source-open'], () => ['source-close'],
    () => ['share'], () => ['share'],
  ];
  for (let i = 0; i < n; i++) {
    const [kind, arg] = steps[counter.i % steps.length](Math.floor(counter.i / steps.length));
    counter.i++;
    await interact(page, kind, arg);
    if (i % 10 === 9) await settle(page, 30);
  }
}

/** wasm memory growth per kind of interaction, each in a fresh page: which interaction keeps memory. */
async function memoryByKind(browser, dash, pairs) {
  const kinds = {
    'language toggle': [['lang'], ['lang']],
    'chart ⇄ table': [['table', 'sme-shares'], ['chart', 'sme-shares']],
    'search, then clear': [['search', '5G'], ['search', '']],
    'source panel open / Escape': [['source-open'], ['source-close']],
    'share panel open / close': [['share'], ['share']],
  };
  const out = [];
  for (const [name, steps] of Object.entries(kinds)) {
    const { context, page, cdp } = await openDashboard(browser, dash);
    const before = await snapshot(page, cdp);
    for (let i = 0; i < pairs; i++) {
      for (const [k, a] of steps) await interact(page, k, a);
      // Collect garbage as we go, so anything freed only by JS finalizers is freed in time to be reused.
      if (i % 10 === 9) await cdp.send('HeapProfiler.collectGarbage');
    }
    await settle(page, 200);
    const after = await snapshot(page, cdp);
    await context.close();
    out.push({ kind: name, interactions: 2 * pairs, before, after });
  }
  return out;
}

async function memory(browser, dash, chartjs) {
  const { context, page, cdp, errors } = await openDashboard(browser, dash);
  const counter = { i: 0 };
  const afterLoad = await snapshot(page, cdp);
  const t0 = Date.now();
  await churn(page, N_MEMORY, counter);
  await settle(page, 300);
  const after1 = await snapshot(page, cdp);
  await churn(page, N_MEMORY, counter);
  await settle(page, 300);
  const after2 = await snapshot(page, cdp);
  const churnSeconds = (Date.now() - t0) / 1000;
  const wasmBindings = await page.evaluate(() => typeof window.wasmBindings);
  await context.close();

  // The reference page's JS heap after load, for scale.
  const ref = await newPage(browser, null);
  await ref.page.goto(chartjs, { waitUntil: 'load' });
  await ref.page.waitForFunction(() => window.__bench.allDrawn !== null, null, { timeout: 60000 });
  await ref.page.waitForTimeout(500);
  const chartjsAfterLoad = await snapshot(ref.page, ref.cdp);
  await ref.context.close();
  const byKind = await memoryByKind(browser, dash, Math.round(N_MEMORY / 4));
  return { interactions: N_MEMORY, afterLoad, after: after1, afterTwice: after2, churnSeconds, chartjsAfterLoad, byKind, wasmBindings, errors };
}

// ---- where the main thread's time goes: one traced load per page ------------------------------

const CATEGORIES = [
  ['wasm compile + instantiate', (n) => /^(v8\.)?wasm\./i.test(n)],
  ['JS parse + compile', (n) => /^V8\.(Compile|Parse|PreParse)|^v8\.(compile|parseOnBackground)/.test(n)],
  ['garbage collection', (n) => /GC|Scavenge|MarkCompact|MinorMS/.test(n)],
  ['style', (n) => /recalcStyle|updateStyle|UpdateLayoutTree|RecalculateStyles|StyleEngine/.test(n)],
  ['layout + text shaping', (n) => /Layout|InlineNode|Shape|LayoutObject|performLayout|FontCache/.test(n)],
  ['paint + canvas', (n) => /Paint|Canvas|Raster|Layeri[sz]e|Commit|CompositeLayers|UpdateLayer|FinalizeFrame|Image/.test(n)],
  ['HTML parse', (n) => /ParseHTML|HTMLDocumentParser/.test(n)],
  ['script (JS + wasm running)', (n) => /FunctionCall|callFunction|EvaluateScript|evaluateModule|V8\.Execute|v8\.run|Microtask|TimerFire|FireAnimationFrame|EventDispatch|v8\.callModuleMethod/.test(n)],
];

async function traceOnce(browser, url) {
  const { context, page } = await newPage(browser, null);
  await browser.startTracing(page, {
    categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.wasm', 'blink', 'blink.user_timing', 'loading', 'toplevel'],
  });
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(() => window.__bench.allDrawn !== null, null, { timeout: 60000, polling: 100 });
  await page.waitForTimeout(300);
  const trace = JSON.parse((await browser.stopTracing()).toString());
  await context.close();
  const events = trace.traceEvents ?? trace;
  const threadName = new Map();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') threadName.set(`${e.pid}:${e.tid}`, e.args.name);
  // The window: from the first main-thread event to the mark set when every chart is drawn.
  const mark = events.find((e) => e.name === 'bench:allDrawn');
  const cutoff = mark ? mark.ts : Infinity;
  const perThread = new Map();
  for (const e of events) {
    if (e.ph !== 'X' || typeof e.dur !== 'number' || e.ts > cutoff) continue;
    const key = `${e.pid}:${e.tid}`;
    if (threadName.get(key) !== 'CrRendererMain') continue;
    if (!perThread.has(key)) perThread.set(key, []);
    // Nesting by wall time; cost by thread time (tdur) where the trace has it, so time the
    // thread spent descheduled on this busy machine is not charged to whatever was running.
    const cost = typeof e.tdur === 'number' ? e.tdur : e.dur;
    perThread.get(key).push({ name: e.name, ts: e.ts, dur: e.dur, cost, self: cost });
  }
  // Self time: each event's cost minus its direct children's.
  const byName = new Map();
  let busy = 0;
  for (const list of perThread.values()) {
    list.sort((a, b) => a.ts - b.ts || b.dur - a.dur);
    const stack = [];
    for (const e of list) {
      while (stack.length && stack[stack.length - 1].ts + stack[stack.length - 1].dur <= e.ts) stack.pop();
      if (stack.length) stack[stack.length - 1].self -= e.cost;
      else busy += e.cost;
      stack.push(e);
    }
    for (const e of list) byName.set(e.name, (byName.get(e.name) ?? 0) + Math.max(0, e.self) / 1000);
  }
  const categories = Object.fromEntries(CATEGORIES.map(([c]) => [c, 0]));
  categories.other = 0;
  for (const [name, ms] of byName) {
    const hit = CATEGORIES.find(([, test]) => test(name));
    categories[hit ? hit[0] : 'other'] += ms;
  }
  return { busyMs: busy / 1000, categories, byName: Object.fromEntries(byName), windowEndsAtMark: !!mark };
}

/** `runs` traced loads per page, alternating; medians per category and per event name. */
async function traceBreakdown(browser, pages, runs) {
  const all = Object.fromEntries(Object.keys(pages).map((p) => [p, []]));
  for (let i = 0; i < runs; i++) for (const [p, url] of Object.entries(pages)) all[p].push(await traceOnce(browser, url));
  const out = {};
  for (const [p, rs] of Object.entries(all)) {
    const categories = {};
    for (const c of Object.keys(rs[0].categories)) categories[c] = median(rs.map((r) => r.categories[c]));
    const names = new Set(rs.flatMap((r) => Object.keys(r.byName)));
    const top = [...names]
      .map((name) => ({ name, ms: median(rs.map((r) => r.byName[name] ?? 0)) }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 12);
    out[p] = { runs: rs.length, busyMs: median(rs.map((r) => r.busyMs)), categories, top, windowEndsAtMark: rs.every((r) => r.windowEndsAtMark) };
  }
  return out;
}

// ---- main ------------------------------------------------------------------------------------

async function fileSizes(dist) {
  const out = [];
  const add = async (label, file) => {
    const e = await load(file);
    out.push({ file: label, raw: e.raw.length, gzip: e.gz ? e.gz.length : e.raw.length });
  };
  // Every file of the site, those under reports/ too (directories are not files to size).
  for (const f of (await readdir(dist, { recursive: true })).sort()) {
    if ((await stat(join(dist, f))).isFile()) await add(`dist/${f}`, join(dist, f));
  }
  await add('chart.js/dist/chart.umd.min.js', join(BENCH, 'node_modules/chart.js/dist/chart.umd.min.js'));
  await add('bench/chartjs/ref.js', join(BENCH, 'chartjs/ref.js'));
  await add('bench/chartjs/index.html', join(BENCH, 'chartjs/index.html'));
  return out;
}

async function main() {
  const dist = resolve(opt.dist);
  const server = await serve({ dist });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
  const started = Date.now();
  const result = {
    date: new Date().toISOString(),
    chromium: browser.version(),
    viewport: VIEWPORT,
    runs: RUNS,
    profiles: PROFILES,
    loadavgBefore: readFileSync('/proc/loadavg', 'utf8').trim(),
    files: await fileSizes(dist),
    loads: {},
  };
  try {
    const pages = { dashboard: server.dash, chartjs: server.chartjs };
    // The dashboard opened by a link in English, which its page sends on to its English twin.
    const loaded = { ...pages, dashboard_en: `${server.dash}?lang=en` };
    for (const [name, profile] of Object.entries(PROFILES)) {
      // One untimed load of each page first: process start-up and disk cache are not what we measure.
      for (const url of Object.values(loaded)) await loadRun(browser, url, profile, 'warm-up');
      const runs = Object.fromEntries(Object.keys(loaded).map((page) => [page, []]));
      for (let i = 0; i < RUNS; i++) {
        for (const [page, url] of Object.entries(loaded)) {
          log(`${name} run ${i + 1}/${RUNS}: ${page}`);
          runs[page].push(await loadRun(browser, url, profile, `${name}/${page}/${i}`));
        }
      }
      result.loads[name] = Object.fromEntries(Object.entries(runs).map(([page, rs]) => [page, { median: summarise(rs), runs: rs }]));
      for (const f of result.files) {
        const name = f.file.split('/').pop();
        f.loadedBy = f.loadedBy ?? [];
        for (const [page, rs] of Object.entries(runs)) {
          if (rs.some((r) => r.requests.some((q) => q.path.endsWith('/' + name))) && !f.loadedBy.includes(page)) f.loadedBy.push(page);
        }
      }
    }
    log('trace breakdown');
    result.trace = await traceBreakdown(browser, pages, 3);
    log('interactions');
    result.interactions = await interactions(browser, server.dash);
    log('memory');
    result.memory = await memory(browser, server.dash, server.chartjs);
  } finally {
    await browser.close();
    await server.close();
  }
  result.loadavgAfter = readFileSync('/proc/loadavg', 'utf8').trim();
  result.seconds = (Date.now() - started) / 1000;
  await mkdir(dirname(opt.out), { recursive: true });
  await writeFile(opt.out, JSON.stringify(result, null, 1));
  log(`browser measurements written to ${opt.out} (${result.seconds.toFixed(0)} s)`);
}

await main();
