// Debian's Firefox ESR driven by puppeteer-core over WebDriver BiDi: a second browser engine,
// never a downloaded browser. The same checks as lib/browser.mjs, in puppeteer's API.
import puppeteer from 'puppeteer-core';

export function launchFirefox() {
  return puppeteer.launch({
    browser: 'firefox',
    executablePath: process.env.FIREFOX ?? '/usr/bin/firefox-esr',
    headless: true,
    // No update checks, telemetry or remote settings: this machine has no network but loopback.
    extraPrefsFirefox: {
      'app.update.enabled': false,
      'browser.safebrowsing.malware.enabled': false,
      'browser.safebrowsing.phishing.enabled': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'network.captive-portal-service.enabled': false,
      'network.connectivity-service.enabled': false,
      'services.settings.server': 'http://127.0.0.1:9/',
    },
  });
}

/**
 * A fresh page (its own browser context) that records console errors, page errors, requests to
 * another origin than `origin` (none at all when `origin` is null) and Content-Security-Policy
 * violations, so a test can assert there were none.
 */
export async function openFirefoxPage(browser, origin, { width = 1280, height = 900 } = {}) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await page.setViewport({ width, height });
  await page.evaluateOnNewDocument(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'}`);
    });
  });
  const problems = { console: [], page: [], foreign: [] };
  page.on('console', (m) => { if (m.type() === 'error') problems.console.push(m.text()); });
  page.on('pageerror', (e) => problems.page.push(String(e)));
  page.on('request', (r) => {
    const u = r.url();
    const local = origin ? u.startsWith(origin + '/') : u.startsWith('file:');
    if (!local && !/^(data|blob):/.test(u)) problems.foreign.push(u);
  });
  return { context, page, problems };
}

/** Every chart canvas on the page is sized and painted, the boot shell gone and no section busy. */
export function waitForAppFirefox(page, min = 1) {
  return page.waitForFunction((n) => {
    const canvases = [...document.querySelectorAll('figure[data-chart] canvas')];
    return canvases.length >= n && !document.getElementById('boot') && !document.querySelector('[aria-busy="true"]') &&
      canvases.every((c) => c.dataset.drawn === '1' && c.width > 0);
  }, { timeout: 30000, polling: 100 }, min);
}

/** Per chart drawn as a chart (not as a table): the pixels read back from its canvas that are not background, and its size. */
export function inkPerChartFirefox(page) {
  return page.evaluate(() => [...document.querySelectorAll('figure[data-chart]')].filter((fig) => fig.querySelector('canvas')).map((fig) => {
    const c = fig.querySelector('canvas');
    const { data } = c.getContext('2d').getImageData(0, 0, c.width, c.height);
    let ink = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i] < 200 || data[i + 1] < 200) ink++;
    return { id: fig.dataset.chart, ink, cssWidth: c.getBoundingClientRect().width, width: c.width };
  }));
}

/** Holds the page's wasm back until the returned `release()` is called: the page shows its
 * prerendered shell alone meanwhile. */
export async function holdWasmFirefox(page) {
  let release;
  const gate = new Promise((ok) => (release = ok));
  await page.setRequestInterception(true);
  page.on('request', async (r) => {
    if (r.url().endsWith('.wasm')) await gate;
    await r.continue();
  });
  return release;
}
