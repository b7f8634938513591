// Turns bench/results/browser.json and bench/results/scale.json into Markdown: printed, and
// written to bench/results/latest.md.
//
//   node bench/report.mjs [--browser FILE] [--scale FILE] [--out FILE]
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { cpus, totalmem } from 'node:os';
import { BENCH } from './server.mjs';

const { values: opt } = parseArgs({
  options: {
    browser: { type: 'string', default: join(BENCH, 'results/browser.json') },
    scale: { type: 'string', default: join(BENCH, 'results/scale.json') },
    out: { type: 'string', default: join(BENCH, 'results/latest.md') },
    command: { type: 'string', default: 'bash bench/run' },
  },
});

const read = (f) => (existsSync(f) ? JSON.parse(readFileSync(f, 'utf8')) : null);
const browser = read(opt.browser);
const scale = read(opt.scale);

const fmtMs = (v) => (v === null || v === undefined ? '–' : v >= 100 ? Math.round(v).toLocaleString('en') : v.toFixed(1));
const fmtKB = (v) => (v === null || v === undefined ? '–' : (v / 1000).toFixed(1));
const fmtMB = (v) => (v === null || v === undefined ? '–' : (v / 1048576).toFixed(2));
const fmtN = (v) => (v === null || v === undefined ? '–' : String(Math.round(v)));
const ratio = (a, b) => (a === null || b === null || a === undefined || b === undefined || b === 0 ? '–' : (a / b).toFixed(2) + '×');

function sh(cmd, args) {
  try {
    return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return '';
  }
}

function machine() {
  const cpuinfo = existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '';
  const model = (cpuinfo.match(/^model name\s*:\s*(.*)$/m) || [])[1] || cpus()[0]?.model || 'unknown';
  const mhz = (cpuinfo.match(/^cpu MHz\s*:\s*(.*)$/m) || [])[1];
  const nproc = sh('nproc', []) || String(cpus().length);
  const commit = sh('git', ['-C', join(BENCH, '..'), 'rev-parse', '--short', 'HEAD']);
  const dirty = sh('git', ['-C', join(BENCH, '..'), 'status', '--porcelain', '--untracked-files=no']) ? ' (working tree has uncommitted changes)' : '';
  return { model, mhz, nproc, mem: (totalmem() / 2 ** 30).toFixed(1), commit: commit + dirty, node: process.version };
}

const lines = [];
const out = (s = '') => lines.push(s);
const table = (head, rows) => {
  out(`| ${head.join(' | ')} |`);
  out(`|${head.map((h, i) => (i === 0 ? '---' : '---:')).join('|')}|`);
  for (const r of rows) out(`| ${r.join(' | ')} |`);
  out();
};

const m = machine();
out('# Performance benchmark: dashboard (Leptos + plotters → wasm) vs Chart.js reference');
out();
out(`Command: \`${opt.command}\`${browser ? ` · ${browser.date}` : ''}`);
out();
out(`- Machine: ${m.nproc} CPUs, ${m.model}${m.mhz ? ` (${Math.round(Number(m.mhz))} MHz)` : ''}, ${m.mem} GiB RAM; shared with other work, so runs alternate A B A B and medians are reported`);
if (browser) {
  out(`- Browser: Chromium ${browser.chromium} (Debian, headless, via playwright-core), viewport ${browser.viewport.width}×${browser.viewport.height} at DPR 1`);
  out(`- Load average before / after the browser runs: ${browser.loadavgBefore.split(' ').slice(0, 3).join(' ')} / ${browser.loadavgAfter.split(' ').slice(0, 3).join(' ')}`);
}
out(`- Node ${m.node}; app commit ${m.commit || 'unknown'}`);
out();

if (browser) {
  const B = browser;
  out(`## Page load (median of ${B.runs} runs each, alternating, fresh context, cache disabled, gzip)`);
  out();
  out('A = the dashboard release build (`dist/`), B = `bench/chartjs/` (six core charts, Chart.js 4 UMD). Times are ms from navigation start; bytes are kB (1000 B) on the wire (CDP `encodedDataLength`, headers included).');
  out();
  for (const [profile, label] of [['normal', 'Normal: this machine, no throttling'], ['slow', 'Slow: CPU 4× throttled, 150 ms latency, 1.6 Mbit/s down, 750 kbit/s up']]) {
    const L = B.loads[profile];
    if (!L) continue;
    const a = L.dashboard.median;
    const b = L.chartjs.median;
    out(`### ${label}`);
    out();
    const row = (name, f, va, vb) => [name, f(va), f(vb), ratio(va, vb)];
    const rows = [
      row('Bytes: wasm', fmtKB, a.bytes.wasm, b.bytes.wasm),
      row('Bytes: js', fmtKB, a.bytes.js, b.bytes.js),
      row('Bytes: css', fmtKB, a.bytes.css, b.bytes.css),
      row('Bytes: html', fmtKB, a.bytes.html, b.bytes.html),
      row('Bytes: json', fmtKB, a.bytes.json, b.bytes.json),
      row('Bytes: other', fmtKB, a.bytes.other, b.bytes.other),
      row('**Bytes: total**', fmtKB, a.bytes.total, b.bytes.total),
      row('**Bytes before every chart is on screen**', fmtKB, a.bytesBeforeAllOnScreen, b.bytesBeforeAllOnScreen),
      row('First contentful paint', fmtMs, a.fcp, b.fcp),
      row('First chart on screen', fmtMs, a.firstDrawn, b.firstDrawn),
      row(`**Charts ready** (first viewport: ${fmtN(a.readyCount)} vs ${fmtN(b.readyCount)} charts; A: drawn at build time, in the HTML)`, fmtMs, a.ready, b.ready),
      row('Charts ready, painted', fmtMs, a.readyPainted, b.readyPainted),
      row('**Interactive charts ready** (first viewport drawn by the page\'s own code: A wasm, B Chart.js)', fmtMs, a.appReady, b.appReady),
      row('**All charts on screen** (every chart of the page painted; A: drawn at build time, in the HTML)', fmtMs, a.allOnScreen, b.allOnScreen),
      row(`All charts drawn by the page's code (${fmtN(a.figureCount)} vs ${fmtN(b.figureCount)})`, fmtMs, a.allDrawn, b.allDrawn),
      row('Long tasks: count', fmtN, a.longtaskCount, b.longtaskCount),
      row('Long tasks: longest', fmtMs, a.longtaskMax, b.longtaskMax),
      row('Long tasks: total blocking (Σ over 50 ms)', fmtMs, a.tbt, b.tbt),
      row('Long tasks after first chart drawn: count', fmtN, a.longtaskAfterFirstChartCount, b.longtaskAfterFirstChartCount),
      row('Long tasks after first chart drawn: longest', fmtMs, a.longtaskAfterFirstChartMax, b.longtaskAfterFirstChartMax),
      row('Long tasks after the first interactive chart: count', fmtN, a.longtaskAfterAppChartCount, b.longtaskAfterAppChartCount),
      row('Long tasks after the first interactive chart: longest', fmtMs, a.longtaskAfterAppChartMax, b.longtaskAfterAppChartMax),
      row('JS heap used after load (MiB, no GC)', fmtMB, a.jsHeapUsed, b.jsHeapUsed),
      row('wasm linear memory after load (MiB)', fmtMB, a.wasmMemory, b.wasmMemory),
      row('CPU check: fixed JS loop after load (ms)', fmtMs, a.calibrationMs, b.calibrationMs),
    ];
    table(['Metric (median)', 'A: dashboard', 'B: Chart.js', 'A / B'], rows);
    const errs = [...(a.errors ?? []), ...(b.errors ?? [])];
    if (errs.length) out(`Console/page errors seen: ${errs.map((e) => '`' + e.slice(0, 120) + '`').join(', ')}\n`);
  }

  for (const [profile, label] of [['normal', 'normal profile'], ['slow', 'slow profile']]) {
    const L = B.loads[profile];
    if (!L?.dashboard_en) continue;
    const [zh, en, b] = [L.dashboard.median, L.dashboard_en.median, L.chartjs.median];
    out(`### A link in English (\`?lang=en\`), ${label}`);
    out();
    out(`The Chinese page sends it to the report's English page from its head (${fmtN(en.hops)} hop); times count from the first request. The bytes are the English page's: what of the Chinese page's HTML crossed the wire before its head stopped it (at most all of it, 15 KB gzipped; \`budget.test.mjs\` counts all of it) has no size in CDP.`);
    out();
    const row = (name, f, k) => [name, f(zh[k]), f(en[k]), f(b[k]), ratio(en[k], b[k])];
    table(['Metric (median)', 'A in Chinese', 'A in English', 'B: Chart.js', 'English / B'], [
      row('First contentful paint', fmtMs, 'fcp'),
      row('Charts ready', fmtMs, 'ready'),
      row('**All charts on screen**', fmtMs, 'allOnScreen'),
      row('**Interactive charts ready**', fmtMs, 'appReady'),
      row('**Bytes before every chart is on screen**', fmtKB, 'bytesBeforeAllOnScreen'),
      ['Bytes: total', fmtKB(zh.bytes.total), fmtKB(en.bytes.total), fmtKB(b.bytes.total), ratio(en.bytes.total, b.bytes.total)],
    ]);
  }

  out('### Where the bytes go (files as served: raw and gzip -9)');
  out();
  const who = (f) => (f.loadedBy ?? []).map((p) => ({ dashboard: 'A', dashboard_en: 'A (en)' })[p] ?? 'B').join(', ') || '—';
  table(['File', 'Loaded by', 'Raw kB', 'gzip kB', 'gzip / raw'], B.files.map((f) => [f.file, who(f), fmtKB(f.raw), fmtKB(f.gzip), (f.gzip / f.raw).toFixed(2)]));
  const aw = B.loads.normal?.dashboard.median.bytes;
  if (aw) out(`The wasm file is ${((100 * aw.wasm) / aw.total).toFixed(0)}% of the dashboard's bytes on the wire.\n`);

  if (B.trace) {
    out(`### Where the main thread goes until every chart is drawn (median of ${B.trace.dashboard.runs ?? 1} traced loads each, normal profile; self thread time in ms)`);
    out();
    const cats = Object.keys(B.trace.dashboard.categories);
    table(
      ['Renderer main thread', 'A: dashboard', 'B: Chart.js'],
      [
        ['**busy in all**', fmtMs(B.trace.dashboard.busyMs), fmtMs(B.trace.chartjs.busyMs)],
        ...cats.map((c) => [c, fmtMs(B.trace.dashboard.categories[c]), fmtMs(B.trace.chartjs.categories[c])]),
      ],
    );
    out('Tracing adds overhead and this machine is shared: read proportions, not absolute times. Top trace events on the dashboard by self time: ' + B.trace.dashboard.top.slice(0, 8).map((t) => `\`${t.name}\` ${fmtMs(t.ms)}`).join(', ') +
      '. On the Chart.js page: ' + B.trace.chartjs.top.slice(0, 6).map((t) => `\`${t.name}\` ${fmtMs(t.ms)}`).join(', ') + '.');
    out();
  }

  for (const profile of ['normal', 'slow']) {
    const L = B.loads[profile];
    if (!L) continue;
    const tasks = L.dashboard.median.longestTasks.slice(0, 5).map((t) => `${fmtMs(t.duration)} ms at ${fmtMs(t.start)}${t.afterFirstChart ? ' (after first chart)' : ''}`);
    const ref = L.chartjs.median.longestTasks.slice(0, 3).map((t) => `${fmtMs(t.duration)} ms at ${fmtMs(t.start)}${t.afterFirstChart ? ' (after first chart)' : ''}`);
    out(`Longest tasks over all ${profile} runs — dashboard: ${tasks.join('; ') || 'none'}. Chart.js: ${ref.join('; ') || 'none'}.`);
    out();
  }

  if (B.interactions) {
    const S = B.interactions.summary;
    out(`## Interactions on the dashboard (normal profile, median of ${S.lang.n} each)`);
    out();
    out('Timed in the page from `performance.now()` just before dispatching the event: the handler returning (sync), the DOM showing the result (a MutationObserver / rAF check), and the next painted frame after that (a rAF, then a message posted from it, which runs after the paint). "Double rAF" is the brief\'s alternative measure; it lands up to a frame later.');
    out();
    const rows = [
      ['Language toggle (`.lang-toggle`; all charts redrawn, visible ones checked)', S.lang],
      ['Chart → table (`button[data-view="table"]`, sme-shares)', S.table],
      ['Table → chart (`button[data-view="chart"]`, canvas redrawn)', S.chart],
      ['Search: type a query into `input[type="search"]` (1 input event)', S.search],
      [`Search listing every fact ("," → ${S.searchAll.rows ?? '?'} rows)`, S.searchAll],
    ].map(([name, s]) => [name, fmtMs(s.sync), fmtMs(s.dom), `**${fmtMs(s.paint)}**`, fmtMs(s.paintP90), fmtMs(s.raf2)]);
    table(['Interaction', 'Handler (sync)', 'DOM updated', 'Next frame painted', 'p90 painted', 'Double rAF'], rows);
  }

  if (B.memory) {
    const M = B.memory;
    out(`## Memory (dashboard, normal profile; after forced GC)`);
    out();
    out(`The wasm memory is read from the \`TrunkApplicationStarted\` event Trunk's loader dispatches with the instance's exports (\`event.detail.wasm.memory\`), captured by a script injected before the page runs; no app change was needed. JS heap: CDP \`Runtime.getHeapUsage\` after \`HeapProfiler.collectGarbage\`. The ${M.interactions} scripted interactions cycle: language toggle ×2, chart→table→chart (five charts in turn), search query then clear, open the source panel by clicking a \`.chart__hit\` then Escape, open and close the page's share panel (${M.churnSeconds.toFixed(0)} s for ${2 * M.interactions}).`);
    out();
    const r = (name, f, k) => [name, f(M.afterLoad[k]), f(M.after[k]), f(M.afterTwice[k]), f(M.chartjsAfterLoad[k])];
    table(
      ['Measure', 'After load', `After ${M.interactions} interactions`, `After ${2 * M.interactions}`, 'Chart.js page after load'],
      [
        r('JS heap used (MiB)', fmtMB, 'jsHeapUsed'),
        r('JS heap total (MiB)', fmtMB, 'jsHeapTotal'),
        r('wasm linear memory (MiB)', fmtMB, 'wasmMemory'),
        r('DOM nodes', fmtN, 'nodes'),
        r('JS event listeners', fmtN, 'listeners'),
      ],
    );
    const g = (k) => M.after[k] - M.afterLoad[k];
    const g2 = (k) => M.afterTwice[k] - M.after[k];
    const verdict = [];
    verdict.push(`wasm memory ${g('wasmMemory') > 0 ? `grew by ${fmtKB(g('wasmMemory'))} kB in the first ${M.interactions}` : 'did not grow in the first ' + M.interactions} and ${g2('wasmMemory') > 0 ? `by ${fmtKB(g2('wasmMemory'))} kB more in the next ${M.interactions}` : `not at all in the next ${M.interactions}`} (linear memory only grows, in 64 KiB pages; it never shrinks)`);
    verdict.push(`JS heap ${g('jsHeapUsed') >= 0 ? '+' : ''}${fmtKB(g('jsHeapUsed'))} kB then ${g2('jsHeapUsed') >= 0 ? '+' : ''}${fmtKB(g2('jsHeapUsed'))} kB`);
    verdict.push(`DOM nodes ${g('nodes') >= 0 ? '+' : ''}${g('nodes')} then ${g2('nodes') >= 0 ? '+' : ''}${g2('nodes')}`);
    out(`Growth: ${verdict.join('; ')}.`);
    out();
    if (M.byKind) {
      out('Which interactions keep wasm memory (each kind alone in a fresh page, GC forced every 20 interactions; linear memory grows in 64 KiB pages, so this resolves about ±64 KiB over the whole run):');
      out();
      table(
        ['Interaction (alone)', 'Count', 'wasm memory before → after (MiB)', 'Growth (KiB)', 'KiB per interaction', 'JS heap Δ (kB)', 'DOM nodes Δ'],
        M.byKind.map((k) => {
          const g = (k.after.wasmMemory - k.before.wasmMemory) / 1024;
          return [k.kind, String(k.interactions), `${fmtMB(k.before.wasmMemory)} → ${fmtMB(k.after.wasmMemory)}`, g.toFixed(0), (g / k.interactions).toFixed(2),
            ((k.after.jsHeapUsed - k.before.jsHeapUsed) / 1000).toFixed(0), String(k.after.nodes - k.before.nodes)];
        }),
      );
    }
  }
}

if (scale) {
  out('## Scale (native, release, opt-level "z"; thread CPU time, median)');
  out();
  out(`Synthetic catalogues repeat the real ${scale.real_facts} facts with new ids (real-sized text); a chart series repeats one real fact with growing values, one bar per point, drawn by the app's own \`layout\` + \`draw\` on plotters' SVG backend. Growth is time(10,000) / time(1,000) (10× is linear); 100,000 is there to tell cache effects and machine noise from the algorithm's own growth.`);
  out();
  const rows = scale.rows;
  const key = (r) => `${r.group}|${r.what}`;
  const groups = [...new Set(rows.map(key))];
  const outRows = [];
  const step = (by, from, to) => {
    const a = by.get(from);
    const b = by.get(to);
    return a && b && a.ms > 0 ? b.ms / a.ms : null;
  };
  const fmtT = (ms) => (ms < 1 ? ms.toFixed(3) : ms < 100 ? ms.toFixed(2) : ms.toFixed(0));
  for (const g of groups) {
    const rs = rows.filter((r) => key(r) === g).sort((a, b) => a.size - b.size);
    const by = new Map(rs.map((r) => [r.size, r]));
    const g1 = step(by, 1000, 10000);
    const g2 = step(by, 10000, 100000);
    let verdict = '';
    if (g1 !== null) {
      const e1 = Math.log10(g1);
      const e2 = g2 === null ? null : Math.log10(g2);
      if (e1 <= 1.1) verdict = 'linear';
      else if (e2 !== null && e2 <= 1.1) verdict = 'linear (1k→10k step inflated by cache/noise; 10k→100k is linear)';
      else if (e1 <= 1.2) verdict = 'about linear';
      else verdict = '**worse than linear**';
    }
    const cells = rs.map((r) => `${r.size.toLocaleString('en')}: ${fmtT(r.ms)}${r.group === 'search' && r.items !== r.size ? ` (${r.items.toLocaleString('en')} hits)` : ''}`);
    const per = by.get(10000);
    const note = rs.map((r) => r.note).filter(Boolean)[rs.length > 2 ? 2 : 0] ?? '';
    outRows.push([
      `${rs[0].group}: ${rs[0].what}`,
      cells.join('<br>'),
      per ? `${((per.ms * 1000) / per.size).toFixed(2)} µs` : '–',
      g1 ? `${g1.toFixed(1)}×` : '–',
      g2 ? `${g2.toFixed(1)}×` : '–',
      verdict,
      note,
    ]);
  }
  table(['What', 'ms by size (n: ms)', 'Per item at 10k', '1k → 10k', '10k → 100k', 'Growth', 'Note (at 10k)'], outRows);
  const wall = rows.filter((r) => r.size === 10000 && r.wall_ms > r.ms * 1.2);
  if (wall.length) out(`Wall time at 10,000 was up to ${Math.max(...wall.map((r) => r.wall_ms / r.ms)).toFixed(1)}× the CPU time here: the other processes on this machine, not the code.\n`);
}

const md = lines.join('\n');
writeFileSync(opt.out, md + '\n');
console.log(md);
