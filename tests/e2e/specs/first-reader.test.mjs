// What a new reader tripped over in an afternoon (#24), at 360 and 1280 px, in Chinese and
// English, with the keyboard alone where it is about keys (those in Chromium and in Firefox):
// a link past the masthead, focus back where the source panel was opened, arrows in the download
// menu, phone tables and charts, the header's spacing, the reading view's top, the English
// cross-check line, bar names and quotation marks, and a linked chart shown as the one meant.
// axe finds nothing in either language at either width.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { serve } from '../lib/server.mjs';
import { ARTIFACTS, launch, openPage, waitForApp } from '../lib/browser.mjs';
import { launchFirefox, openFirefoxPage, waitForAppFirefox } from '../lib/firefox.mjs';

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const CLEAN = { console: [], page: [], foreign: [] };

let server, chromium, firefox;
before(async () => { server = await serve(); chromium = await launch(); firefox = await launchFirefox(); });
after(async () => { await chromium?.close(); await firefox?.close(); await server?.close(); });

// The two drivers differ in how waitForFunction takes its argument; the rest used here is common.
const BROWSERS = {
  chromium: {
    async open(query, width = 1280, height = 900) {
      const opened = await openPage(chromium, server.origin, { viewport: { width, height } });
      await opened.page.goto(server.url + query);
      await waitForApp(opened.page);
      return opened;
    },
    until: (page, fn, arg) => page.waitForFunction(fn, arg, { timeout: 20000 }),
  },
  firefox: {
    async open(query, width = 1280, height = 900) {
      const opened = await openFirefoxPage(firefox, server.origin, { width, height });
      await opened.page.goto(server.url + query);
      await waitForAppFirefox(opened.page, 1);
      return opened;
    },
    until: (page, fn, arg) => page.waitForFunction(fn, { timeout: 20000 }, arg),
  },
};

const focused = (page) => page.evaluate(() => {
  const a = document.activeElement;
  return { tag: a?.tagName, cls: a?.className ?? '', fact: a?.dataset?.fact ?? '', format: a?.dataset?.format ?? '', text: a?.innerText ?? '' };
});

for (const [name, b] of Object.entries(BROWSERS)) {
  test(`${name}: the first Tab reaches "skip to the charts", which lands at the first section: its first bar is a few Tabs on`, async () => {
    for (const lang of ['zh', 'en']) {
      const { context, page, problems } = await b.open(`?lang=${lang}`);
      await page.keyboard.press('Tab');
      const skip = await focused(page);
      assert.equal(skip.cls, 'skip-link', JSON.stringify(skip));
      assert.equal(skip.text.trim(), lang === 'en' ? 'Skip to the charts' : '跳到图表');
      const shown = await page.evaluate(() => { const r = document.activeElement.getBoundingClientRect(); return r.left >= 0 && r.width > 0; });
      assert.ok(shown, 'the focused skip link is on screen');
      await page.keyboard.press('Enter');
      await b.until(page, () => document.activeElement?.classList.contains('topic__title'));
      let presses = 0;
      while (presses < 8 && !(await focused(page)).cls.includes('chart__hit')) {
        await page.keyboard.press('Tab');
        presses += 1;
      }
      assert.ok((await focused(page)).cls.includes('chart__hit'), `a bar within 8 Tabs after the skip link (${lang})`);
      assert.deepEqual(problems, CLEAN);
      await context.close();
    }
  });

  test(`${name}: closing the source panel (Esc or ×) gives the focus back to the bar that opened it, and the page stays put`, async () => {
    const { context, page, problems } = await b.open('?lang=en&chart=gd-finance');
    const bar = 'figure[data-chart="gd-finance"] .chart__hit[data-fact="gd-preferential-loan-firms"]';
    for (const close of ['Escape', 'button']) {
      await page.evaluate((sel) => { const e = document.querySelector(sel); e.scrollIntoView({ block: 'center' }); e.focus(); }, bar);
      const y = await page.evaluate(() => scrollY);
      await page.keyboard.press('Enter');
      await b.until(page, () => document.activeElement?.classList.contains('source__close'));
      if (close === 'Escape') await page.keyboard.press('Escape');
      else await page.keyboard.press('Enter');
      await b.until(page, () => !document.querySelector('aside.source'));
      const now = await focused(page);
      assert.equal(now.fact, 'gd-preferential-loan-firms', `${close}: ${JSON.stringify(now)}`);
      assert.ok(now.cls.includes('chart__hit'), `${close}: ${JSON.stringify(now)}`);
      const after = await page.evaluate(() => scrollY);
      assert.ok(Math.abs(after - y) < 200, `${close}: the page stayed (${y} -> ${after})`);
    }
    assert.deepEqual(problems, CLEAN);
    await context.close();
  });

  test(`${name}: arrow keys, Home and End move through the download menu's formats, round the ends, without scrolling`, async () => {
    const { context, page, problems } = await b.open('?lang=en&chart=sme-shares');
    const toggle = 'figure[data-chart="sme-shares"] .downloads__toggle';
    await page.evaluate((sel) => { const e = document.querySelector(sel); e.scrollIntoView({ block: 'center' }); e.focus(); }, toggle);
    await page.keyboard.press('Enter');
    await b.until(page, () => document.querySelector('figure[data-chart="sme-shares"] .downloads__panel'));
    const y = await page.evaluate(() => scrollY);
    // The arrows are answered by the on-demand module, which the menu starts loading as it opens.
    for (let i = 0; i < 50 && (await focused(page)).format === ''; i++) {
      await page.keyboard.press('ArrowDown');
      if ((await focused(page)).format === '') await new Promise((r) => setTimeout(r, 100));
    }
    const formats = await page.evaluate(() => [...document.querySelectorAll('figure[data-chart="sme-shares"] .downloads__item:not([disabled])')].map((i) => i.dataset.format));
    assert.equal((await focused(page)).format, formats[0], 'ArrowDown from the button: the first format');
    await page.keyboard.press('ArrowDown');
    assert.equal((await focused(page)).format, formats[1]);
    await page.keyboard.press('End');
    assert.equal((await focused(page)).format, formats.at(-1));
    await page.keyboard.press('ArrowDown');
    assert.equal((await focused(page)).format, formats[0], 'round the end');
    await page.keyboard.press('ArrowUp');
    assert.equal((await focused(page)).format, formats.at(-1), 'round the start');
    await page.keyboard.press('Home');
    assert.equal((await focused(page)).format, formats[0]);
    assert.equal(await page.evaluate(() => scrollY), y, 'the arrows did not scroll the page');
    await page.keyboard.press('Escape');
    assert.ok((await focused(page)).cls.includes('downloads__toggle'));
    assert.deepEqual(problems, CLEAN);
    await context.close();
  });
}

const open = BROWSERS.chromium.open;

for (const lang of ['zh', 'en']) {
  test(`a chart's table on a phone (${lang}): every value whole, nothing off to the side`, async () => {
    const { context, page, problems } = await open(`?lang=${lang}&chart=gd-finance&table=gd-finance`, 360, 740);
    const fig = 'figure[data-chart="gd-finance"]';
    await page.locator(`${fig} .chart__table`).waitFor();
    const cut = await page.evaluate((sel) => {
      const f = document.querySelector(sel).getBoundingClientRect();
      const out = [];
      for (const c of document.querySelectorAll(`${sel} .chart__table th, ${sel} .chart__table td`)) {
        const r = c.getBoundingClientRect();
        if (c.closest('thead')) continue;
        if (c.scrollWidth > c.clientWidth + 1 || r.right > f.right + 1 || r.left < f.left - 1) out.push(c.textContent);
      }
      const wrap = document.querySelector(`${sel} .chart__table-wrap`) ?? document.querySelector(`${sel} .chart__table`).parentElement;
      if (wrap.scrollWidth > wrap.clientWidth + 1) out.push(`the table scrolls sideways (${wrap.scrollWidth} > ${wrap.clientWidth})`);
      return out;
    }, fig);
    assert.deepEqual(cut, []);
    const headers = await page.evaluate((sel) => document.querySelectorAll(`${sel} .chart__table thead th`).length, fig);
    assert.equal(headers, 6, 'the column headers stay for screen readers');
    await page.locator(fig).screenshot({ path: `${ARTIFACTS}first-reader-table-${lang}-360.png` });
    assert.deepEqual(problems, CLEAN);
    await context.close();
  });

  test(`charts on a phone (${lang}): the bars get the width, values beside or inside them; bar names use the language's colon`, async () => {
    const { context, page, problems } = await open(`?lang=${lang}&chart=gd-finance`, 360, 740);
    const widths = await page.evaluate(() => {
      const f = document.querySelector('figure[data-chart="gd-finance"] canvas').getBoundingClientRect();
      const hits = [...document.querySelectorAll('figure[data-chart="gd-finance"] .chart__hit')].map((h) => h.getBoundingClientRect().width);
      return { canvas: f.width, widest: Math.max(...hits) };
    });
    assert.ok(widths.widest >= widths.canvas * 0.6, `the longest bar spans ${widths.widest} of ${widths.canvas} px`);
    const names = await page.evaluate(() => [...document.querySelectorAll('.chart__hit')].map((h) => h.getAttribute('aria-label')));
    assert.ok(names.length > 10);
    for (const n of names) {
      if (lang === 'en') assert.ok(!n.includes('：') && /: /.test(n), n);
      else assert.ok(n.includes('：'), n);
    }
    await page.locator('figure[data-chart="gd-finance"]').screenshot({ path: `${ARTIFACTS}first-reader-chart-${lang}-360.png` });
    assert.deepEqual(problems, CLEAN);
    await context.close();
  });

  for (const width of [360, 1280]) {
    test(`the header (${lang}, ${width} px): space between its buttons and the tagline; the reading view opens with its head in view`, async () => {
      const { context, page, problems } = await open(`?lang=${lang}`, width, 740);
      const gap = await page.evaluate(() => document.querySelector('.lede').getBoundingClientRect().top - document.querySelector('.masthead__tools').getBoundingClientRect().bottom);
      assert.ok(gap >= 8, `${gap} px between the buttons and the tagline`);
      await page.screenshot({ path: `${ARTIFACTS}first-reader-top-${lang}-${width}.png` });
      await page.goto(server.url + `?lang=${lang}&read=guangdong`);
      await waitForApp(page);
      await page.locator('#reader-title').waitFor();
      await page.waitForFunction(() => document.activeElement?.id === 'reader-title');
      const tops = await page.evaluate(() => ['.reader__kicker', '#reader-title', '.reader__close'].map((s) => document.querySelector(s).getBoundingClientRect().top));
      for (const t of tops) assert.ok(t >= 0, `the reading view's head is in view: ${tops}`);
      await page.screenshot({ path: `${ARTIFACTS}first-reader-reader-${lang}-${width}.png` });
      assert.deepEqual(problems, CLEAN);
      await context.close();
    });

    test(`axe finds nothing on the page (${lang}, ${width} px)`, async () => {
      const { context, page, problems } = await open(`?lang=${lang}`, width, 740);
      await page.evaluate(AXE);
      const violations = await page.evaluate(async () => {
        const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
        return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
      });
      assert.deepEqual(violations, []);
      assert.deepEqual(problems, CLEAN);
      await context.close();
    });
  }
}

test('in English the cross-check line has no Chinese numbers, and the quotation marks of titles are not full width', async () => {
  const { context, page, problems } = await open('?lang=en&chart=gd-5g-stations', 1280, 900);
  const notes = await page.locator('figure[data-chart="gd-5g-stations"]').textContent();
  assert.match(notes, /Cross-check: consistent within the report's rounding \(36988 \+ 41000 = 77988 ≈ 78000 \(±1000\)\)/);
  assert.ok(!/[万亿]/.test(notes), notes);
  const style = await page.evaluate(() => {
    const a = [...document.querySelectorAll('.report-tools a, .report-tools button, a')].find((e) => e.textContent.includes('money tree'));
    return { variant: getComputedStyle(a).fontVariantEastAsian, width: a.getBoundingClientRect().width, text: a.textContent };
  });
  assert.equal(style.variant, 'proportional-width', JSON.stringify(style));
  assert.deepEqual(problems, CLEAN);
  await context.close();
});

test('a link to a chart shows which: the chart flashes, below its section heading, which stays in view', async () => {
  for (const [lang, width] of [['zh', 360], ['en', 1280]]) {
    const { context, page, problems } = await open(`?lang=${lang}&chart=luoning-telecom`, width, 740);
    await page.waitForFunction(() => document.querySelector('figure[data-chart="luoning-telecom"]')?.classList.contains('linked'));
    const where = await page.evaluate(() => {
      const fig = document.querySelector('figure[data-chart="luoning-telecom"]');
      const heading = fig.closest('section').querySelector('.topic__title').getBoundingClientRect();
      return { heading: [heading.top, heading.bottom], figure: fig.getBoundingClientRect().top, animation: getComputedStyle(fig).animationName };
    });
    assert.equal(where.animation, 'linked');
    assert.ok(where.heading[0] >= 0 && where.heading[1] <= where.figure + 1, JSON.stringify(where));
    await page.screenshot({ path: `${ARTIFACTS}first-reader-linked-${lang}-${width}.png` });
    assert.deepEqual(problems, CLEAN);
    await context.close();
  }
});
