import { launch } from './lib/browser.mjs';
const browser = await launch();
for (let r = 0; r < 3; r++) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('data:text/html,<p>x</p>');
  const t = await page.evaluate(() => {
    const out = [];
    const opts = [[{ maximumFractionDigits: 0 }], [{ maximumFractionDigits: 1 }], [{ maximumFractionDigits: 2 }], [{ maximumFractionDigits: 2, notation: 'compact', compactDisplay: 'short' }]];
    for (const [o] of opts) { const t0 = performance.now(); const f = new Intl.NumberFormat(['zh-CN'], o); f.format(12345.678); out.push((performance.now() - t0).toFixed(1)); }
    const t0 = performance.now(); new Intl.NumberFormat(['en'], { maximumFractionDigits: 2 }).format(1); out.push('en ' + (performance.now() - t0).toFixed(1));
    return out.join(' ');
  });
  console.log(t);
  await context.close();
}
await browser.close(); process.exit(0);
