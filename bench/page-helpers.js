// Injected into every benchmarked page before any of its own scripts (Playwright addInitScript).
// Records long tasks, when charts are drawn, and the app's wasm memory; runs scripted interactions
// and times them from dispatch to the next painted frame. Works on both pages: each marks a drawn
// chart with `figure[data-chart=ID] canvas[data-drawn="1"]`.
(() => {
  if (window.__bench) return;
  const B = (window.__bench = {
    longtasks: [],
    firstDrawn: null, // first chart with pixels on screen
    ready: null, // every chart figure intersecting the first viewport drawn
    readyPainted: null, // the frame that shows them painted
    readyCount: 0, // how many figures that was
    allDrawn: null, // every chart figure on the page drawn
    allOnScreen: null, // every chart of the page painted, drawn at build time or by the page's code
    figureCount: 0,
    appStarted: null, // Trunk's TrunkApplicationStarted event (wasm instantiated, app mounted)
    wasmMemory: null,
  });

  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) B.longtasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch (e) {
    B.longtaskError = String(e);
  }

  // Trunk's loader dispatches this with the wasm instance's exports as `detail.wasm`; the exports
  // include the linear memory, so no app change is needed to read its size.
  addEventListener('TrunkApplicationStarted', (e) => {
    B.appStarted = performance.now();
    const w = e.detail && e.detail.wasm;
    if (w && w.memory instanceof WebAssembly.Memory) B.wasmMemory = w.memory;
  });

  const figures = () => Array.from(document.querySelectorAll('figure[data-chart]'));
  // Pixels on screen: a canvas the page drew, or (dashboard) a chart drawn at build time and
  // shipped as inline SVG in the HTML, marked the same way.
  const drawn = (f) => !!f.querySelector('canvas[data-drawn="1"], svg[data-drawn="1"]');
  // Drawn by the page's own code at run time (the interactive chart).
  const appDrawn = (f) => !!f.querySelector('canvas[data-drawn="1"]');
  const inViewport = (f) => {
    const r = f.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth;
  };
  B.figures = figures;
  B.inViewport = inViewport;
  Object.assign(B, { appFirstDrawn: null, appReady: null });

  // Evaluated whenever a canvas gets data-drawn, and at the first contentful paint (which is when
  // charts shipped in the HTML appear); layout is read only then.
  const check = () => {
    const now = performance.now();
    const figs = figures();
    if (B.firstDrawn === null && figs.some(drawn)) B.firstDrawn = now;
    if (B.appFirstDrawn === null && figs.some(appDrawn)) B.appFirstDrawn = now;
    const visible = figs.filter(inViewport);
    if (B.ready === null && visible.length > 0 && visible.every(drawn)) {
      B.ready = now;
      B.readyCount = visible.length;
      // ...and when those pixels reach the screen: just after the next painted frame.
      nextFrame().then(({ paint }) => { if (B.readyPainted === null || paint < B.readyPainted) B.readyPainted = paint; });
    }
    if (B.appReady === null && visible.length > 0 && visible.every(appDrawn)) B.appReady = now;
    if (B.allOnScreen === null && figs.length > 0 && figs.every(drawn)) B.allOnScreen = now;
    // Every chart, drawn by the page: the dashboard renders sections below the first view one per
    // frame after start-up (aria-busy until then) and replaces its boot shell (#boot).
    const complete = !document.getElementById('boot') && !document.querySelector('[aria-busy="true"]');
    if (B.allDrawn === null && complete && figs.length > 0 && figs.every(appDrawn)) {
      B.allDrawn = now;
      B.figureCount = figs.length;
      try {
        performance.mark('bench:allDrawn'); // ends the traced window in measure.mjs
      } catch {}
    }
  };
  new MutationObserver(() => check()).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-drawn'] });
  // Charts that come drawn in the HTML (the dashboard's boot shell, #boot) are on screen from the
  // first contentful paint, if the shell was there when that frame was painted (the app removes it
  // once its own first chart is drawn) and the HTML had been parsed by then (else from the first
  // frame painted after). Nothing here reads a box before the paint: reading boxes while the page
  // is parsed forces a layout the page itself does not do (50 ms before the dashboard's first
  // paint, 110 ms with the CPU throttled), so which figures are in the viewport is read after it.
  let shellRemovedAt = null;
  let shellAll = false;
  let parsedAt = null;
  let paintedAfterParse = null;
  document.addEventListener('readystatechange', () => {
    if (document.readyState !== 'interactive') return;
    parsedAt = performance.now();
    nextFrame().then(({ paint }) => { paintedAfterParse = paint; settle(); });
    const shell = document.getElementById('boot');
    if (!shell) return;
    const painted = Array.from(shell.querySelectorAll('figure[data-chart]'));
    // The shell draws every chart of the report (see src/components/boot.rs).
    shellAll = painted.length > 0 && painted.every(drawn);
    new MutationObserver((_, mo) => {
      if (!document.getElementById('boot')) {
        shellRemovedAt = performance.now();
        mo.disconnect();
      }
    }).observe(shell.parentNode, { childList: true });
  });
  let fcp = null;
  const settle = () => {
    if (fcp === null || parsedAt === null) return;
    if (shellRemovedAt !== null && fcp >= shellRemovedAt) return;
    const earliest = (v, t) => (v === null ? t : Math.min(v, t));
    const complete = parsedAt <= fcp ? fcp : paintedAfterParse;
    // Unless the page hid the shell's view (`boot-plain`: a view it did not prerender).
    const shown = !document.documentElement.classList.contains('boot-plain');
    if (shellAll && shown && complete !== null) B.allOnScreen = earliest(B.allOnScreen, complete);
    // The figures in the first viewport, where the shell drew them (the app lays them out the same).
    const shell = document.getElementById('boot');
    const laidOut = Array.from((shell ?? document).querySelectorAll(shell ? 'figure[data-chart]' : 'main figure[data-chart]'));
    const visible = laidOut.filter(inViewport);
    if (visible.length > 0 && (!shell || visible.every(drawn))) {
      B.firstDrawn = earliest(B.firstDrawn, fcp);
      B.ready = earliest(B.ready, fcp);
      B.readyPainted = earliest(B.readyPainted, fcp);
      B.readyCount = visible.length;
    }
  };
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (e.name !== 'first-contentful-paint') continue;
        fcp = e.startTime;
        settle();
      }
    }).observe({ type: 'paint', buffered: true });
  } catch (e) {
    B.paintError = String(e);
  }

  // ---- interactions -------------------------------------------------------------------------

  /** Resolves with the time just after the next frame is painted: a rAF callback runs before the
   * paint, and a message posted from it is delivered after the paint. Also returns the time of
   * the second rAF (the "double rAF" measure, up to one frame later). */
  const nextFrame = () =>
    new Promise((resolve) => {
      requestAnimationFrame(() => {
        let paint = null;
        const ch = new MessageChannel();
        ch.port1.onmessage = () => {
          paint = performance.now();
        };
        ch.port2.postMessage(0);
        requestAnimationFrame(() => resolve({ paint: paint ?? performance.now(), raf2: performance.now() }));
      });
    });
  B.nextFrame = nextFrame;

  const countText = () => (document.querySelector('.finder__count') || {}).textContent || '';
  const search = () => document.querySelector('input[type="search"]');
  const fig = (id) => document.querySelector(`figure[data-chart="${id}"]`);
  const visibleCanvasesDrawn = () =>
    figures()
      .filter(inViewport)
      .every((f) => drawn(f) || f.querySelector('table'));

  /** Each kind: prepare (untimed), act (timed from here), done (the DOM shows the result). */
  const KINDS = {
    lang() {
      const before = document.documentElement.lang;
      // Forget the old marks so "done" means the visible charts were drawn again.
      for (const c of document.querySelectorAll('canvas[data-drawn]')) c.removeAttribute('data-drawn');
      return {
        act: () => document.querySelector('.lang-toggle').click(),
        done: () => document.documentElement.lang !== before && visibleCanvasesDrawn(),
      };
    },
    table(id) {
      const f = fig(id);
      return {
        act: () => f.querySelector('button[data-view="table"]').click(),
        done: () => !!f.querySelector('table'),
      };
    },
    chart(id) {
      const f = fig(id);
      return {
        act: () => f.querySelector('button[data-view="chart"]').click(),
        done: () => !f.querySelector('table') && drawn(f),
      };
    },
    search(text) {
      const input = search();
      const before = countText();
      const hadList = !!document.querySelector('.fact-list');
      return {
        act: () => {
          input.value = text;
          input.dispatchEvent(new Event('input', { bubbles: true }));
        },
        done: () => {
          const list = !!document.querySelector('.fact-list');
          if (text.trim() === '') return !list;
          return list && (countText() !== before || !hadList);
        },
      };
    },
    'source-open'() {
      const hit = Array.from(document.querySelectorAll('.chart__hit[data-fact]:not([data-fact=""])')).find((h) => {
        const r = h.getBoundingClientRect();
        return r.bottom > 0 && r.top < innerHeight;
      }) || document.querySelector('.chart__hit[data-fact]:not([data-fact=""])');
      return { act: () => hit.click(), done: () => !!document.querySelector('aside.source') };
    },
    'source-close'() {
      return {
        act: () => {
          const t = document.activeElement || document.body;
          t.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', code: 'Escape', bubbles: true, cancelable: true }));
        },
        done: () => !document.querySelector('aside.source'),
      };
    },
    share() {
      // The button is rewritten with its widget: look it up again to see its new state.
      const toggle = () => document.querySelector('.share__toggle');
      const wasOpen = toggle().getAttribute('aria-expanded') === 'true';
      return {
        act: () => toggle().click(),
        done: () => (toggle().getAttribute('aria-expanded') === 'true') !== wasOpen,
      };
    },
  };

  /** Runs one interaction: { sync, dom, paint, raf2 } in ms from dispatch, or { timeout }. */
  B.interact = (kind, arg, timeoutMs = 10000) =>
    new Promise((resolve) => {
      const spec = KINDS[kind](arg);
      let finished = false;
      let mo = null;
      let timer = null;
      const t0 = performance.now();
      const finish = (tDom) => {
        if (finished) return;
        finished = true;
        if (mo) mo.disconnect();
        clearTimeout(timer);
        nextFrame().then(({ paint, raf2 }) => resolve({ sync: tSync - t0, dom: tDom - t0, paint: paint - t0, raf2: raf2 - t0 }));
      };
      spec.act();
      const tSync = performance.now();
      if (spec.done()) {
        finish(tSync);
        return;
      }
      mo = new MutationObserver(() => {
        if (spec.done()) finish(performance.now());
      });
      mo.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
      // Layout-only changes (e.g. a figure scrolled into view) do not mutate the DOM.
      const poll = () => {
        if (finished) return;
        if (spec.done()) finish(performance.now());
        else requestAnimationFrame(poll);
      };
      requestAnimationFrame(poll);
      timer = setTimeout(() => {
        if (finished) return;
        finished = true;
        if (mo) mo.disconnect();
        resolve({ timeout: true, kind, arg });
      }, timeoutMs);
    });
})();
