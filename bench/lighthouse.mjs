// Lighthouse (mobile: its default emulated phone and slow 4G) on the release build, every category,
// in Debian's Chromium, served gzipped from 127.0.0.1 by ./server.mjs. Prints the scores, writes the
// report to results/lighthouse.json, and exits non-zero if any category is below --min (99).
//
//   node bench/lighthouse.mjs --dist DIR [--min 99] [--runs 3]
//
// Each category's score is the median of the runs (Lighthouse's own advice: one run varies).
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { serve, BENCH } from './server.mjs';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const dist = opt('dist', join(BENCH, '..', 'dist'));
const min = Number(opt('min', '99'));
const runs = Number(opt('runs', '3'));

const server = await serve({ dist });
const url = `${server.origin}/dash/`;
const chrome = await chromeLauncher.launch({
  chromePath: '/usr/bin/chromium',
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'],
});
const scores = {};
let last;
try {
  for (let run = 0; run < runs; run++) {
    const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error' });
    last = result.lhr;
    for (const [id, category] of Object.entries(last.categories)) (scores[id] ??= []).push(Math.round(category.score * 100));
  }
} finally {
  await chrome.kill();
  await server.close();
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
mkdirSync(join(BENCH, 'results'), { recursive: true });
writeFileSync(join(BENCH, 'results', 'lighthouse.json'), JSON.stringify(last, null, 1));
let failed = false;
console.log(`Lighthouse ${last.lighthouseVersion}, ${last.configSettings.formFactor}, ${runs} run(s), median:`);
for (const [id, list] of Object.entries(scores)) {
  const m = median(list);
  console.log(`  ${id}: ${m} (${list.join(', ')})`);
  if (m < min) failed = true;
}
for (const id of ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index']) {
  console.log(`  ${id}: ${last.audits[id].displayValue}`);
}
// What cost points, so a score below the bar says why.
for (const category of Object.values(last.categories)) {
  for (const ref of category.auditRefs) {
    const audit = last.audits[ref.id];
    if (ref.weight > 0 && audit.score !== null && audit.score < 1) console.log(`  ${category.id} / ${ref.id}: ${audit.score} ${audit.displayValue ?? ''}`);
  }
}
process.exit(failed ? 1 : 0);
