// Regenerates style/og-image.png, the link-preview card (1200×630), from the release build:
// the SME chart in embed mode. Run after `trunk build --release`: node tests/e2e/make-preview.mjs
import { fileURLToPath } from 'node:url';
import { serve } from './lib/server.mjs';
import { launch } from './lib/browser.mjs';

const out = fileURLToPath(new URL('../../style/og-image.png', import.meta.url));
const server = await serve({ prefix: '/' });
const browser = await launch();
try {
  const page = await browser.newPage({ viewport: { width: 1200, height: 630 }, deviceScaleFactor: 1 });
  await page.goto(server.url + '?chart=sme-shares&embed=1');
  await page.waitForFunction(() => document.querySelector('figure canvas')?.dataset.drawn === '1');
  await page.screenshot({ path: out, clip: { x: 0, y: 0, width: 1200, height: 630 } });
  console.log('wrote', out);
} finally {
  await browser.close();
  await server.close();
}
