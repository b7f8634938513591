import { serve } from './lib/server.mjs';
import { launch } from './lib/browser.mjs';
const server = await serve();
const browser = await launch();
for (const block of [false, true, false, true]) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  if (block) await page.route('**/*.wasm', (r) => r.abort());
  await page.goto(server.url, { waitUntil: 'load' });
  await page.waitForTimeout(800);
  const r = await page.evaluate(() => ({ fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime, fp: performance.getEntriesByName('first-paint')[0]?.startTime, resp: performance.getEntriesByType('navigation')[0].responseEnd, dcl: performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd }));
  console.log(block ? 'no-wasm' : 'wasm   ', JSON.stringify(r));
  await context.close();
}
await browser.close(); process.exit(0);
