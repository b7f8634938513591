// Trust: the release build runs under its strict Content-Security-Policy with no violation and no
// request to another origin across every flow; offline.html works from file:// with all network
// blocked; index.html uses only relative URLs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { serve, DIST, MULTI } from '../lib/server.mjs';
import { elements, inlineScripts, inlineStyles } from '../lib/html.mjs';
import { launch, offlineContext, openPage, waitForChart, waitForAllCharts, inkPerChart, ARTIFACTS } from '../lib/browser.mjs';

let server, browser, catalogue;
before(async () => {
  server = await serve({ prefix: '/a/b/' });
  browser = await launch();
  catalogue = JSON.parse(readFileSync(join(DIST, 'facts.json'), 'utf8'));
});
after(async () => { await browser?.close(); await server?.close(); });

/** Records every CSP violation on window.__csp, from before the first script runs. */
function recordViolations() {
  window.__csp = [];
  window.addEventListener('securitypolicyviolation', (e) => {
    window.__csp.push({ directive: e.effectiveDirective, blocked: e.blockedURI, sample: e.sample, at: `${e.sourceFile}:${e.lineNumber}` });
  }, true);
}

async function openRecorded(origin, options = { viewport: { width: 1280, height: 900 } }) {
  const opened = await openPage(browser, origin, options);
  await opened.page.addInitScript(recordViolations);
  return opened;
}

const violations = (page) => page.evaluate(() => window.__csp);


/** The policy of a built page, parsed: { directive: [sources] }. */
function policyOf(html) {
  const metas = elements(html).filter((e) => e.name === 'meta' && e.attrs['http-equiv'] === 'Content-Security-Policy');
  assert.equal(metas.length, 1, 'one CSP meta');
  const policy = {};
  for (const d of metas[0].attrs.content.split(';').map((s) => s.trim()).filter(Boolean)) {
    const [name, ...sources] = d.split(/\s+/);
    policy[name] = sources;
  }
  return policy;
}

const sha256 = (text) => `'sha256-${createHash('sha256').update(text.replace(/\r\n?/g, '\n'), 'utf8').digest('base64')}'`;

// The app's code is asked for as early as the page can know it stays: its preloads follow the first
// script, which only decides whether this page draws the view or sends the reader to its twin, and
// come before the second, which starts the data's fetch
// (page::with_preloads_after_first_script). Every report page, in both languages, of the real
// report's site and of the site with the fixture reports. (The order of the requests themselves is
// the network's, not the page's.)
test('every report page asks for the app\'s code right after the script that decides the page', () => {
  const pages = [DIST, MULTI].flatMap((dir) => readdirSync(dir)
    .filter((f) => /\.html$/.test(f) && !/\.plain(\.en)?\.html$|^offline\.html$|^reports\.html$/.test(f))
    .map((f) => join(dir, f)));
  assert.ok(pages.length >= 12 && pages.some((f) => f.endsWith('dist/index.en.html')), pages.join(' '));
  for (const name of pages) {
    const order = elements(readFileSync(name, 'utf8'))
      .filter((e) => e.name === 'script' || (e.name === 'link' && /preload/.test(e.attrs.rel)))
      .filter((e) => e.attrs.type !== 'application/json');
    const kinds = order.map((e) => (e.name === 'link' ? e.attrs.rel : e.attrs.type === 'module' ? 'module' : 'script'));
    // An article's reading page then asks for the on-demand module's two files and the report's
    // file, and has one script more, its own (crates/publish/src/reading_page.rs).
    const reading = /\.read-[a-z0-9-]+(\.en)?\.html$/.test(name);
    assert.deepEqual(kinds, ['script', 'modulepreload', 'preload', 'script', 'module', ...(reading ? ['preload', 'preload', 'preload', 'script'] : [])], `${name}: ${kinds.join(' ')}`);
    if (reading) {
      assert.deepEqual(order.slice(5, 8).map((e) => e.attrs.href.replace(/\?v=.*$|\.[0-9a-f]+\.json$/, '')), ['extras.js', 'extras_bg.wasm', `reports/${name.split('/').pop().split('.')[0]}`], name);
      assert.match(order[8].text, /boot__desk/, `${name}: the reading page's own script`);
    }
    assert.match(order[0].text, /location\.replace/, `${name}: the first script decides the page`);
    assert.match(order[2].attrs.href, /_bg\.wasm$/, name);
  }
});

test('index.html has a strict CSP meta, first in <head>, that allows exactly its inline loader', async () => {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const policy = policyOf(html);
  const scripts = inlineScripts(html);
  // Three inline scripts: index.html's two (the first decides which page draws the view and hides
  // the prerendered one for other views; the second fetches the data and shows the in-page error
  // for a wasm trap) and Trunk's loader.
  assert.equal(scripts.length, 3, 'the two boot scripts and Trunk\'s loader');
  assert.match(scripts[0], /location\.replace/);
  assert.match(scripts[1], /RuntimeError/);
  assert.match(scripts[2], /TrunkApplicationStarted/);
  assert.deepEqual(policy['script-src'], ["'self'", "'wasm-unsafe-eval'", ...scripts.map(sha256)]);
  assert.ok(!policy['script-src'].includes("'unsafe-inline'"));
  assert.ok(!Object.values(policy).flat().includes("'unsafe-eval'"));
  assert.deepEqual(policy['default-src'], ["'self'"]);
  // Styles: the site's own files and each inline <style> by its hash; no style attribute applies.
  // (One: the publish step joins the page's styles, one hash less in the policy.)
  assert.ok(inlineStyles(html).length >= 1, 'the inlined stylesheets');
  assert.deepEqual(policy['style-src'], ["'self'", ...inlineStyles(html).map(sha256)]);
  assert.ok(!Object.values(policy).flat().includes("'unsafe-inline'"), 'no unsafe-inline anywhere');
  assert.deepEqual(policy['require-trusted-types-for'], ["'script'"]);
  assert.deepEqual(policy['trusted-types'], ['dashboard']);
  assert.ok(elements(html).every((e) => !('style' in e.attrs)), 'no style attribute in the page');
  assert.deepEqual(policy['img-src'], ["'self'", 'data:', 'blob:']);
  assert.deepEqual(policy['connect-src'], ["'self'"]);
  for (const d of ['object-src', 'base-uri', 'form-action']) assert.deepEqual(policy[d], ["'none'"], d);
  // It must come before anything that loads or runs: right after <meta charset>.
  const head = elements(html).filter((e) => e.parent === 'head');
  assert.equal(head[0].attrs.charset, 'utf-8');
  assert.equal(head[1].attrs['http-equiv'], 'Content-Security-Policy');
});

test('index.html refers to its files by relative URLs only, so dist/ works under any sub-path', () => {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const urls = [...html.matchAll(/\b(?:src|href)\s*=\s*["']?([^"'\s>]*)/gi)].map((m) => m[1]);
  assert.ok(urls.length >= 4, urls.join());
  for (const u of urls) assert.ok(!u.startsWith('/') && !/^[a-z][a-z0-9+.-]*:/i.test(u), `relative: ${u}`);
});

test('the policy is enforced: injected inline script, inline handler and string eval are refused and reported', async () => {
  const { context, page } = await openRecorded(server.origin);
  await page.goto(server.url);
  await waitForChart(page, 'sme-shares');
  // Code evaluated by the test driver itself is exempt from CSP, so each probe hands a string to
  // the page to run: a <script> element, an onclick attribute, and setTimeout with a string
  // (compiled like eval). Trusted Types refuse each string at its sink (a TypeError), before
  // script-src would; either way none of them runs, and each is reported.
  const ran = await page.evaluate(async () => {
    const attempt = (f) => { try { f(); } catch (e) { if (!(e instanceof TypeError)) throw e; } };
    attempt(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__element = true;';
      document.body.append(s);
    });
    attempt(() => {
      const b = document.createElement('button');
      b.setAttribute('onclick', 'window.__attribute = true;');
      document.body.append(b);
      b.click();
    });
    attempt(() => setTimeout('window.__eval = true;', 0));
    await new Promise((ok) => setTimeout(ok, 100));
    return [window.__element, window.__attribute, window.__eval].map(Boolean);
  });
  assert.deepEqual(ran, [false, false, false]);
  await page.waitForFunction(() => window.__csp.length >= 3);
  const directives = (await violations(page)).map((v) => v.directive);
  assert.ok(directives.length >= 3, directives.join());
  for (const d of directives) assert.ok(['require-trusted-types-for', 'script-src', 'script-src-attr', 'script-src-elem'].includes(d), d);
  await context.close();
});

test('Trusted Types are enforced: markup, a script URL or a policy of its own outside the page\'s one policy is refused', async () => {
  const { context, page } = await openRecorded(server.origin);
  await page.goto(server.url);
  await waitForChart(page, 'sme-shares');
  const result = await page.evaluate(() => {
    const out = {};
    const div = document.createElement('div');
    document.body.append(div);
    try { div.innerHTML = '<img src="x" onerror="window.__pwned = 1">'; out.html = 'assigned'; } catch (e) { out.html = e.name; }
    out.children = div.children.length;
    try { document.createElement('script').src = 'data:text/javascript,window.__pwned=1'; out.src = 'assigned'; } catch (e) { out.src = e.name; }
    try { trustedTypes.createPolicy('other', { createHTML: (s) => s }); out.policy = 'created'; } catch (e) { out.policy = e.name; }
    // The page's own policy is how the app writes markup, and a style attribute in it has no effect.
    window.dashboardSetHtml(div, '<span class="probe" style="display:block;width:123px">x</span>');
    out.own = div.querySelector('.probe')?.textContent;
    out.width = getComputedStyle(div.firstChild).width;
    out.pwned = Boolean(window.__pwned);
    return out;
  });
  assert.deepEqual(result, { html: 'TypeError', children: 0, src: 'TypeError', policy: 'TypeError', own: 'x', width: 'auto', pwned: false });
  await page.waitForFunction(() => window.__csp.length >= 4);
  const directives = (await violations(page)).map((v) => v.directive).sort();
  assert.deepEqual(directives, ['require-trusted-types-for', 'require-trusted-types-for', 'style-src-attr', 'trusted-types']);
  await context.close();
});

test('no CSP violation and no request to another origin across every flow', async () => {
  const { context, page, problems } = await openRecorded(server.origin);
  const step = async (name, fn) => {
    await fn();
    assert.deepEqual(await violations(page), [], `violations after: ${name}`);
  };
  await step('load', async () => {
    await page.goto(server.url);
    await waitForAllCharts(page);
    await page.waitForLoadState('networkidle');
  });
  await step('hover a bar', async () => {
    await page.locator('[data-chart="gd-5g-stations"] .chart__hit').first().hover();
    await page.locator('.tooltip').waitFor();
  });
  await step('toggle a table', async () => {
    const fig = page.locator('figure[data-chart="gd-finance"]');
    await fig.locator('button[data-view="table"]').click();
    await fig.locator('tbody tr').first().waitFor();
    await fig.locator('button[data-view="chart"]').click();
    await waitForChart(page, 'gd-finance');
  });
  await step('open a source panel', async () => {
    await page.locator('[data-chart="gd-clearance"] .chart__hit[data-fact]:not([data-fact=""])').first().click();
    await page.locator('aside.source mark').waitFor();
  });
  await step('search typing', async () => {
    await page.keyboard.press('Escape');
    await page.locator('input[type="search"]').pressSequentially('贷款');
    await page.waitForFunction(() => document.querySelectorAll('.fact-list__item').length > 0);
    await page.locator('input[type="search"]').fill('');
  });
  await step('language toggle', async () => {
    await page.locator('.lang-toggle').click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await page.locator('.lang-toggle').click();
    await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
  });
  await step('share panel', async () => {
    const fig = page.locator('figure[data-chart="sme-shares"]');
    await fig.locator('.share__toggle').click();
    assert.match(await fig.locator('.share__link').inputValue(), /chart=sme-shares/);
    await fig.locator('.share__toggle').click();
  });
  await step('embed mode', async () => {
    await page.goto(server.url + '?chart=gd-clearance&embed=1');
    await waitForChart(page, 'gd-clearance');
    await page.locator('[data-chart="gd-clearance"] .chart__hit').first().hover();
    await page.waitForLoadState('networkidle');
  });
  assert.deepEqual(problems, { console: [], page: [], foreign: [] });
  await context.close();
});

test('offline.html works from file:// with every network request blocked', async () => {
  const { context, network } = await offlineContext(browser, { viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(recordViolations);
  const problems = { console: [], page: [], requests: [] };
  page.on('console', (m) => { if (m.type() === 'error') problems.console.push(m.text()); });
  page.on('pageerror', (e) => problems.page.push(String(e)));
  page.on('request', (r) => { if (!/^(file|data|blob):/.test(r.url())) problems.requests.push(r.url()); });

  const file = pathToFileURL(join(DIST, 'offline.html')).href;
  const html = readFileSync(join(DIST, 'offline.html'), 'utf8');
  const markup = html.replace(/(<script[^>]*>)[\s\S]*?<\/script>/g, '$1</script>');
  for (const [, u] of markup.matchAll(/\b(?:src|href)\s*=\s*["']?([^"'\s>]*)/gi)) {
    // Inline data, the page itself (`?`), or a place in it ("skip to the charts": `#main`).
    assert.ok(u.startsWith('data:') || u === '?' || u.startsWith('#'), `offline.html refers to another file: ${u}`);
  }
  const policy = policyOf(html);
  assert.deepEqual(policy['default-src'], ["'none'"]);
  assert.deepEqual(policy['script-src'].slice(0, 1), ["'wasm-unsafe-eval'"]);
  assert.deepEqual(policy['script-src'].slice(1), inlineScripts(html).map(sha256));
  assert.ok(!Object.values(policy).flat().includes("'unsafe-eval'"));
  assert.deepEqual(policy['style-src'], inlineStyles(html).map(sha256));
  assert.ok(!Object.values(policy).flat().includes("'unsafe-inline'"));
  assert.deepEqual(policy['require-trusted-types-for'], ["'script'"]);
  assert.deepEqual(policy['trusted-types'], ['dashboard']);

  await page.goto(file);
  await waitForAllCharts(page);
  for (const c of await inkPerChart(page)) assert.ok(c.ink > 300, `${c.id} has drawn pixels (${c.ink})`);

  const fig = page.locator('figure[data-chart="gd-finance"]');
  await fig.locator('button[data-view="table"]').click();
  const rows = await fig.locator('tbody tr').count();
  assert.ok(rows > 0, 'the table shows rows');

  await page.locator('.lang-toggle').click();
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  assert.equal((await page.locator('.lang-toggle').textContent()).trim(), '中文');

  await page.locator('input[type="search"]').pressSequentially('贷款');
  await page.waitForFunction(() => document.querySelectorAll('.fact-list__item').length > 0);
  const listed = await page.locator('.fact-list__item').evaluateAll((li) => li.map((l) => l.dataset.fact));
  assert.ok(listed.includes('gd-preferential-loans'), listed.join());
  assert.ok(listed.length < catalogue.facts.length, 'search narrows the list');
  await page.screenshot({ path: ARTIFACTS + 'trust-offline.png' });

  // The on-demand module (downloads, source paragraphs) is inlined too: a download and the
  // paragraph around a quote work with the network blocked.
  const finance = page.locator('figure[data-chart="gd-finance"]');
  await finance.locator('.downloads__toggle').click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    finance.locator('.downloads__item[data-format="csv"]').click(),
  ]);
  assert.match(download.suggestedFilename(), /\.csv$/);
  await page.locator('.fact-list__item button').first().click();
  const quote = await page.locator('.source__quote').textContent();
  await page.waitForFunction((q) => document.querySelector('.source__paragraph').textContent.length > q.length, quote);

  // Share controls explain that links need the hosted page, instead of offering a file:// link.
  await page.locator('.masthead .share__toggle').click();
  const note = await page.locator('.masthead .share__offline').textContent();
  assert.match(note, /hosted|托管/);
  assert.equal(await page.locator('.masthead .share__link').count(), 0);

  assert.deepEqual(await violations(page), []);
  assert.deepEqual(network, []);
  assert.deepEqual(problems, { console: [], page: [], requests: [] });
  // Its own policy is in force from file:// too.
  const injected = await page.evaluate(async () => {
    const s = document.createElement('script');
    try { s.textContent = 'window.__element = true;'; } catch (e) { if (!(e instanceof TypeError)) throw e; }
    document.body.append(s);
    try { document.body.innerHTML += '<img src="x" onerror="window.__element = true">'; } catch (e) { if (!(e instanceof TypeError)) throw e; }
    await new Promise((ok) => setTimeout(ok, 100));
    return Boolean(window.__element);
  });
  assert.equal(injected, false);
  // Refused by Trusted Types at both sinks (the script's text and innerHTML).
  assert.deepEqual((await violations(page)).map((v) => v.directive), ['require-trusted-types-for', 'require-trusted-types-for']);
  await context.close();
});
