import { serve } from './lib/server.mjs';
import { launch } from './lib/browser.mjs';
const browser = await launch();
for (const v of ['base', 'nomod', 'nopreload', 'base', 'nomod', 'nopreload']) {
  const server = await serve({ root: '/tmp/fx/' + v });
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(server.url, { waitUntil: 'load' });
  await page.waitForTimeout(600);
  const r = await page.evaluate(() => ({ fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime, resp: performance.getEntriesByType('navigation')[0].responseEnd, dcl: performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd }));
  console.log(v.padEnd(10), JSON.stringify(r));
  await context.close(); await server.close();
}
await browser.close(); process.exit(0);
