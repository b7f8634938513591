import { serve } from './lib/server.mjs';
import { launch, waitForApp } from './lib/browser.mjs';
const server = await serve(process.env.ROOT ? { root: process.env.ROOT } : {});
const browser = await launch();
const agg = new Map();
for (let run = 0; run < 3; run++) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  await page.goto(server.url);
  await waitForApp(page);
  await page.waitForTimeout(300);
  const { profile } = await cdp.send('Profiler.stop');
  const dt = new Map();
  const ids = new Map(profile.nodes.map((n) => [n.id, n]));
  for (let i = 0; i < profile.samples.length; i++) {
    const n = ids.get(profile.samples[i]);
    const key = n.callFrame.functionName || `(${n.callFrame.url.split('/').pop()})`;
    agg.set(key, (agg.get(key) || 0) + profile.timeDeltas[i] / 1000 / 3);
  }
  await context.close();
}
const top = [...agg.entries()].sort((a, b) => b[1] - a[1]).slice(0, 35);
for (const [k, v] of top) console.log(v.toFixed(1).padStart(7), k);
await browser.close(); process.exit(0);
