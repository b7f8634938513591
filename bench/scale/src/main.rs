//! Scale benchmark for the dashboard's pure-Rust parts, natively, in release mode.
//!
//! Catalogues of 1,000 and 10,000 facts (and 100,000, to tell cache effects from the algorithm's growth) are made by repeating the real catalogue's facts (with
//! unique ids), so every synthetic fact has real-sized labels, quotes and glosses; a chart series
//! of up to 10,000 bars repeats one real fact with growing values. For each size it times
//! `search::filter` (several queries), the text each list row shows (`fact_text::describe`, what
//! `FactList` computes per row before touching the DOM), and a chart's spec, layout and drawing
//! (plotters' SVG backend; the browser uses the canvas backend, same `draw` code).
//!
//! Usage: `cargo run --release -- OUT.json` (prints a summary to stderr).

use std::fmt::Write as _;
use std::hint::black_box;
use std::time::{Duration, Instant};

use charts::draw::{draw, LIGHT};
use charts::layout::{css_height, layout};
use charts::registry::{build, charts};
use charts::spec::{bar_panel, notes_for, ChartSpec};
use catalogue::fact_text;
use catalogue::CATALOGUE;
use facts::{Catalogue, Fact};
use facts::i18n::Lang;
use views::search::{filter, Filter};
use plotters::prelude::*;

/// `n` facts: the real ones over and over, each with its own id and a slightly different value.
fn catalogue(n: usize) -> Catalogue {
    let base = &CATALOGUE.facts;
    let facts: Vec<Fact> = (0..n)
        .map(|i| {
            let mut f = base[i % base.len()].clone();
            let round = i / base.len();
            if round > 0 {
                f.id = format!("{}-{round}", f.id);
            }
            f
        })
        .collect();
    Catalogue { facts, ..CATALOGUE.clone() }
}

/// CPU time of this thread, in ms.
fn thread_cpu_ms() -> f64 {
    let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: clock_gettime only writes the timespec it is given.
    unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    ts.tv_sec as f64 * 1000.0 + ts.tv_nsec as f64 / 1e6
}

/// Median thread CPU time and median wall time of `f` in ms: at least `min_reps` runs and
/// at least ~300 ms in all (after one warm-up run).
fn time<R>(min_reps: usize, mut f: impl FnMut() -> R) -> Timing {
    black_box(f());
    let (mut cpu, mut wall) = (Vec::new(), Vec::new());
    let start = Instant::now();
    while cpu.len() < min_reps || (start.elapsed() < Duration::from_millis(300) && cpu.len() < 1000) {
        let (t, c) = (Instant::now(), thread_cpu_ms());
        black_box(f());
        cpu.push(thread_cpu_ms() - c);
        wall.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    let median = |mut v: Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    Timing { reps: cpu.len(), cpu: median(cpu), wall: median(wall) }
}

struct Timing {
    reps: usize,
    cpu: f64,
    wall: f64,
}

struct Row {
    group: &'static str,
    what: String,
    size: usize,
    t: Timing,
    items: usize,
    note: String,
}

fn text(t: &str) -> Filter {
    Filter { text: t.to_string(), ..Filter::default() }
}

/// What one list row shows: label, value and "period · region · qualifier".
fn list_rows(c: &Catalogue, facts: &[&Fact], lang: Lang) -> usize {
    let mut bytes = 0;
    for f in facts {
        let t = fact_text::describe(c, f, lang);
        let meta = format!("{} · {} · {}", t.period, t.region, t.qualifier);
        bytes += t.label.len() + t.value.len() + meta.len();
    }
    bytes
}

/// One chart of one panel with `n` bars, all in stations.
fn series_spec<'a>(c: &Catalogue, facts: &[&'a Fact]) -> ChartSpec<'a> {
    let panel = bar_panel(c, "bench-series", facts, &[], "基站数（座）".to_string(), Lang::Zh).expect("one unit");
    let notes = notes_for(std::slice::from_ref(&panel), Lang::Zh);
    ChartSpec {
        id: "bench-series",
        lang: Lang::Zh,
        title: "合成序列".into(),
        subtitle: String::new(),
        panels: vec![panel],
        source: String::new(),
        notes,
    }
}

const CSS_WIDTH: f64 = 560.0;

fn draw_svg(spec: &ChartSpec) -> usize {
    let h = css_height(spec, CSS_WIDTH);
    let plan = layout(spec, CSS_WIDTH, h, 1.0);
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (CSS_WIDTH as u32, h as u32)).into_drawing_area();
        draw(&root, &plan, &LIGHT).expect("draws");
    }
    svg.len()
}

fn main() {
    let out = std::env::args().nth(1);
    let mut rows: Vec<Row> = Vec::new();

    // ---- search and list text at the real size, 1,000 and 10,000 facts --------------------
    let queries: Vec<(&str, Filter)> = vec![
        ("text \"5G 基站\"", text("5G 基站")),
        ("text \"贷款\"", text("贷款")),
        ("text \"41,000\"", text("41,000")),
        ("text with no match", text("zzzz-no-such-thing")),
        ("topic gd-5g, no text", Filter { topic: Some("gd-5g".into()), ..Filter::default() }),
        ("text \"基站\" + region luoning", Filter { text: "基站".into(), region: Some("luoning".into()), topic: None }),
    ];
    let real = CATALOGUE.facts.len();
    for n in [real, 1_000, 10_000, 100_000] {
        let c = catalogue(n);
        for (name, f) in &queries {
            let found = filter(&c, f).len();
            let t = time(5, || filter(&c, f));
            rows.push(Row { group: "search", what: name.to_string(), size: n, t, items: found, note: String::new() });
        }
        // The list the reader sees for a broad search: every fact (the "," query lists them all).
        let all = filter(&c, &text(","));
        let t = time(5, || list_rows(&c, &all, Lang::Zh));
        rows.push(Row { group: "list", what: "row text for every fact (zh)".into(), size: n, t, items: all.len(), note: String::new() });
        let some = filter(&c, &text("5G 基站"));
        let t = time(5, || list_rows(&c, &some, Lang::En));
        rows.push(Row { group: "list", what: "row text for \"5G 基站\" hits (en)".into(), size: n, t, items: some.len(), note: String::new() });
    }

    // ---- the real charts, for reference ------------------------------------------------------
    {
        let defs = charts();
        let t = time(5, || defs.iter().map(|d| build(d, &CATALOGUE, Lang::Zh).expect("builds")).count());
        rows.push(Row { group: "chart", what: "spec: all real charts".into(), size: defs.len(), t, items: defs.len(), note: String::new() });
        let specs: Vec<ChartSpec> = defs.iter().map(|d| build(d, &CATALOGUE, Lang::Zh).expect("builds")).collect();
        let t = time(5, || specs.iter().map(draw_svg).sum::<usize>());
        let bytes: usize = specs.iter().map(draw_svg).sum();
        rows.push(Row { group: "chart", what: "layout + draw: all real charts".into(), size: defs.len(), t, items: defs.len(), note: format!("{bytes} B of SVG") });
    }

    // ---- one chart series of 100, 1,000 and 10,000 bars ---------------------------------------
    let station = CATALOGUE.fact("gd-5g-stations-2019").expect("the 2019 stations fact");
    for n in [100, 1_000, 10_000, 100_000] {
        let owned: Vec<Fact> = (0..n)
            .map(|i| {
                let mut f = station.clone();
                f.id = format!("series-{i}");
                f.short_zh = format!("第{i}点");
                f.value = 1000.0 + i as f64 * 7.0;
                f
            })
            .collect();
        let facts: Vec<&Fact> = owned.iter().collect();
        let c: &Catalogue = &CATALOGUE;
        let t = time(3, || series_spec(c, &facts));
        rows.push(Row { group: "chart", what: "series: spec".into(), size: n, t, items: n, note: String::new() });
        let spec = series_spec(c, &facts);
        let h = css_height(&spec, CSS_WIDTH);
        let t = time(3, || layout(&spec, CSS_WIDTH, h, 1.0));
        rows.push(Row { group: "chart", what: "series: layout".into(), size: n, t, items: n, note: format!("canvas {CSS_WIDTH}×{h} CSS px") });
        let plan = layout(&spec, CSS_WIDTH, h, 1.0);
        let mut bytes = 0;
        let t = time(3, || {
            let mut svg = String::new();
            {
                let root = SVGBackend::with_string(&mut svg, (CSS_WIDTH as u32, h as u32)).into_drawing_area();
                draw(&root, &plan, &LIGHT).expect("draws");
            }
            bytes = svg.len();
        });
        rows.push(Row { group: "chart", what: "series: draw (SVG backend)".into(), size: n, t, items: n, note: format!("{bytes} B of SVG") });
    }

    // ---- output ---------------------------------------------------------------------------
    let mut json = String::from("{\"rows\": [\n");
    for (i, r) in rows.iter().enumerate() {
        let _ = write!(
            json,
            "  {{\"group\": {:?}, \"what\": {:?}, \"size\": {}, \"ms\": {:.6}, \"wall_ms\": {:.6}, \"reps\": {}, \"items\": {}, \"note\": {:?}}}{}\n",
            r.group,
            r.what,
            r.size,
            r.t.cpu,
            r.t.wall,
            r.t.reps,
            r.items,
            r.note,
            if i + 1 < rows.len() { "," } else { "" }
        );
    }
    let _ = write!(json, "], \"real_facts\": {real}, \"opt_level\": \"z\"}}\n");
    for r in &rows {
        eprintln!(
            "{:<6} {:<36} n={:<6} {:>10.3} ms CPU {:>10.3} ms wall ({} reps, {} items) {}",
            r.group, r.what, r.size, r.t.cpu, r.t.wall, r.t.reps, r.items, r.note
        );
    }
    match out {
        Some(path) => std::fs::write(&path, json).expect("write results"),
        None => print!("{json}"),
    }
}
