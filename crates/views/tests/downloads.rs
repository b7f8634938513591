//! Chart downloads from the real catalogue: the SVG figure shows the title, every value, the notes
//! and the source; the CSV and JSON parse back to exactly the chart's facts; file names differ.
#![cfg(not(target_arch = "wasm32"))]

mod common;
use common::parse_csv;
use std::collections::HashSet;

use catalogue::export::{facts_csv, facts_json, to_csv, to_json, FACT_COLUMNS};
use catalogue::CATALOGUE;
use charts::registry::{build, chart_def, charts};
use charts::spec::ChartSpec;
use facts::i18n::Lang;
use facts::Fact;
use views::downloads::{
    chart_csv, chart_json, chart_svg, figure_layout, file_name, file_stem, Format, TextRole, DOWNLOAD_CSS_WIDTH,
};

const LANGS: [Lang; 2] = [Lang::Zh, Lang::En];

fn spec(id: &str, lang: Lang) -> ChartSpec<'static> {
    let def = chart_def(id).unwrap_or_else(|| panic!("chart {id} is registered"));
    build(def, &CATALOGUE, lang).unwrap_or_else(|e| panic!("{e}"))
}

fn all_specs() -> Vec<ChartSpec<'static>> {
    charts().iter().flat_map(|d| LANGS.map(|l| build(d, &CATALOGUE, l).unwrap_or_else(|e| panic!("{e}")))).collect()
}

/// The contents of every `<text>` element, unescaped, in document order.
fn svg_texts(svg: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = svg;
    while let Some(start) = rest.find("<text") {
        rest = &rest[start..];
        let Some(open_end) = rest.find('>') else { break };
        let Some(close) = rest.find("</text>") else { break };
        // plotters puts the text on a line of its own.
        let raw = rest[open_end + 1..close].trim();
        out.push(
            raw.replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&apos;", "'")
                .replace("&#39;", "'")
                .replace("&amp;", "&"),
        );
        rest = &rest[close + "</text>".len()..];
    }
    out
}

fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn svg_shows_title_subtitle_values_notes_and_source() {
    for s in all_specs() {
        let svg = chart_svg(&s, DOWNLOAD_CSS_WIDTH);
        assert!(svg.starts_with("<svg"), "{}: {}", s.id, &svg[..svg.len().min(80)]);
        assert!(svg.trim_end().ends_with("</svg>"), "{}: the SVG is closed once, at the end", s.id);
        assert_eq!(svg.matches("</svg>").count(), 1, "{}", s.id);
        assert!(svg.contains(&format!("width=\"{}\"", DOWNLOAD_CSS_WIDTH)), "{}", s.id);
        let texts = svg_texts(&svg);
        let all = squash(&texts.concat());
        for wanted in [&s.title, &s.subtitle, &s.source] {
            assert!(all.contains(&squash(wanted)), "{} ({:?}): {wanted:?} not in {texts:?}", s.id, s.lang);
        }
        for note in &s.notes {
            assert!(all.contains(&squash(note)), "{} ({:?}): note {note:?} missing", s.id, s.lang);
        }
        for b in s.bars() {
            assert!(texts.contains(&b.value_text), "{} ({:?}): value {:?} missing", s.id, s.lang, b.value_text);
        }
        // The title is at the top, above the chart, and the source line at the bottom, below it.
        let f = figure_layout(&s, DOWNLOAD_CSS_WIDTH, 1.0);
        assert_eq!(f.texts.first().map(|t| t.role), Some(TextRole::Title), "{}", s.id);
        assert_eq!(f.texts.last().map(|t| t.role), Some(TextRole::Source), "{}", s.id);
        let title_y = f.texts.iter().filter(|t| t.role == TextRole::Title).map(|t| t.mark.y).fold(0.0, f64::max);
        let source_y = f.texts.iter().filter(|t| t.role == TextRole::Source).map(|t| t.mark.y).fold(f64::MAX, f64::min);
        assert!(title_y < f.body.y && source_y > f.body.bottom(), "{}", s.id);
    }
}

#[test]
fn svg_text_has_the_sizes_the_layout_measured() {
    let s = spec("sme-shares", Lang::Zh);
    let svg = chart_svg(&s, DOWNLOAD_CSS_WIDTH);
    let sizes: Vec<f64> = svg
        .split("font-size=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next().and_then(|v| v.parse().ok()))
        .collect();
    assert_eq!(sizes.len(), svg_texts(&svg).len(), "every text has a size");
    // Title 17 px, subtitle 13 px, the chart's labels and values 13 px, notes and source 12 px.
    assert_eq!(sizes.first(), Some(&17.0), "{sizes:?}");
    assert!(sizes.contains(&13.0) && sizes.contains(&12.0), "{sizes:?}");
    assert!(sizes.iter().all(|s| (9.0..=17.0).contains(s)), "{sizes:?}");
}

#[test]
fn sme_shares_svg_explains_the_lower_bound_arrows() {
    for (lang, words) in [(Lang::Zh, "下限"), (Lang::En, "lower bound")] {
        let s = spec("sme-shares", lang);
        let texts = svg_texts(&chart_svg(&s, DOWNLOAD_CSS_WIDTH));
        let joined = texts.join(" ");
        assert!(joined.contains(words), "{lang:?}: {texts:?}");
        for v in ["50%", "60%", "70%", "80%", "90%"] {
            assert!(texts.iter().any(|t| t.contains(v)), "{lang:?}: {v}");
        }
        // Lower-bound arrows are drawn: filled polygons in the bar colour, one per bar.
        let svg = chart_svg(&s, DOWNLOAD_CSS_WIDTH);
        assert!(svg.matches("<polygon").count() >= 5, "{lang:?}: arrows");
    }
}

#[test]
fn figure_text_fits_and_stays_clear_of_the_chart_at_any_width() {
    for s in all_specs() {
        for (css, scale) in [(320.0, 1.0), (480.0, 2.0), (800.0, 1.0), (800.0, 2.0), (1200.0, 1.5)] {
            let w = css * scale;
            let f = figure_layout(&s, w, scale);
            assert_eq!(f.width, w);
            assert!(f.body.x >= 0.0 && f.body.right() <= f.width && f.body.bottom() <= f.height, "{}", s.id);
            assert!(f.body.h > 0.0);
            for t in &f.texts {
                let b = t.mark.bounds();
                assert!(b.x >= 0.0 && b.right() <= f.width, "{} at {css}×{scale}: {:?} overflows", s.id, t.mark.text);
                assert!(b.bottom() <= f.height, "{}: {:?} below the figure", s.id, t.mark.text);
                assert!(!b.overlaps(&f.body), "{} at {css}×{scale}: {:?} overlaps the chart", s.id, t.mark.text);
            }
            for pair in f.texts.windows(2) {
                assert!(pair[0].mark.bounds().bottom() <= pair[1].mark.bounds().y + 0.5, "{}: lines overlap", s.id);
            }
            assert_eq!(f.lines(TextRole::Source).count() >= 1, !s.source.is_empty());
        }
        // A PNG at 2x is the SVG at 1x, doubled (up to rounding).
        let one = figure_layout(&s, DOWNLOAD_CSS_WIDTH, 1.0);
        let two = figure_layout(&s, DOWNLOAD_CSS_WIDTH * 2.0, 2.0);
        assert!((two.height - 2.0 * one.height).abs() <= 4.0, "{}: {} vs {}", s.id, two.height, one.height);
    }
}

#[test]
fn narrow_figures_wrap_long_text_onto_more_lines() {
    let s = spec("gd-clusters", Lang::En);
    let wide = figure_layout(&s, 1200.0, 1.0);
    let narrow = figure_layout(&s, 320.0, 1.0);
    assert_eq!(wide.lines(TextRole::Title).count(), 1);
    assert!(narrow.lines(TextRole::Title).count() > 1);
    assert_eq!(narrow.lines(TextRole::Title).collect::<Vec<_>>().join(" "), s.title);
}

fn csv_records(csv: &str) -> Vec<Vec<String>> {
    let body = csv.strip_prefix('\u{feff}').unwrap_or_else(|| panic!("no BOM"));
    parse_csv(body).unwrap_or_else(|e| panic!("CSV does not parse: {e}\n{csv}"))
}

#[test]
fn chart_csv_has_one_row_per_chart_fact_matching_the_catalogue() {
    let all_rows = csv_records(&to_csv(&CATALOGUE, ""));
    let col = |name: &str| FACT_COLUMNS.iter().position(|c| *c == name).unwrap_or_else(|| panic!("column {name}"));
    for s in all_specs() {
        let rows = csv_records(&chart_csv(&CATALOGUE, &s, ""));
        assert_eq!(rows[0], FACT_COLUMNS, "{}: header", s.id);
        let ids: Vec<&str> = rows[1..].iter().map(|r| r[col("id")].as_str()).collect();
        assert_eq!(ids, s.fact_ids(), "{}: one row per chart fact, in chart order", s.id);
        for row in &rows[1..] {
            let f = CATALOGUE.fact(&row[col("id")]).unwrap_or_else(|| panic!("{}: unknown fact", s.id));
            assert_eq!(row[col("value")].parse::<f64>().ok(), Some(f.value), "{}: {}", s.id, f.id);
            assert_eq!(row[col("unit")], f.unit);
            assert_eq!(row[col("quote")], f.quote);
            // Same row as in the whole-catalogue CSV.
            let same = all_rows.iter().find(|r| r[0] == f.id);
            assert_eq!(Some(row), same, "{}: {}", s.id, f.id);
        }
    }
}

#[test]
fn facts_csv_and_json_of_every_fact_match_the_catalogue_exports() {
    let all: Vec<&Fact> = CATALOGUE.facts.iter().collect();
    assert_eq!(facts_csv(&CATALOGUE, &all, ""), to_csv(&CATALOGUE, ""));
    let whole: serde_json::Value = serde_json::from_str(&to_json(&CATALOGUE, "")).unwrap_or_else(|e| panic!("{e}"));
    let some: serde_json::Value =
        serde_json::from_str(&facts_json(&CATALOGUE, &all, "")).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(some, whole["facts"]);
    assert_eq!(facts_json(&CATALOGUE, &[], ""), "[]");
}

#[test]
fn chart_json_lists_exactly_the_chart_facts_and_its_derived_bars() {
    let whole: serde_json::Value = serde_json::from_str(&to_json(&CATALOGUE, "")).unwrap_or_else(|e| panic!("{e}"));
    let catalogue_facts = whole["facts"].as_array().cloned().unwrap_or_default();
    for s in all_specs() {
        let text = chart_json(&CATALOGUE, &s, "");
        let v: serde_json::Value =
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: JSON does not parse: {e}\n{text}", s.id));
        assert_eq!(v["chart"], s.id);
        assert_eq!(v["lang"], if s.lang == Lang::Zh { "zh" } else { "en" });
        assert_eq!(v["title"], s.title.as_str());
        assert_eq!(v["source"], s.source.as_str());
        assert_eq!(v["notes"].as_array().map(Vec::len), Some(s.notes.len()));
        let facts = v["facts"].as_array().unwrap_or_else(|| panic!("{}: facts is not an array", s.id));
        let ids: Vec<&str> = facts.iter().filter_map(|f| f["id"].as_str()).collect();
        assert_eq!(ids, s.fact_ids(), "{}", s.id);
        for f in facts {
            let same = catalogue_facts.iter().find(|c| c["id"] == f["id"]);
            assert_eq!(Some(f), same, "{}: every field as in facts.json", s.id);
        }
        let derived = v["derived"].as_array().unwrap_or_else(|| panic!("{}: derived is not an array", s.id));
        let expected: Vec<_> = s.bars().filter(|b| b.fact_id.is_none()).collect();
        assert_eq!(derived.len(), expected.len(), "{}", s.id);
        for (d, b) in derived.iter().zip(expected) {
            assert_eq!(d["label"], b.label.as_str());
            assert_eq!(d["value"].as_f64(), Some(b.value));
            assert_eq!(d["value_text"], b.value_text.as_str());
            assert!(d["unit"].as_str().is_some_and(|u| CATALOGUE.unit(u).is_some()), "{}: {d}", s.id);
        }
    }
    // The stock-and-flow chart has its computed sum.
    let s = spec("gd-5g-stations", Lang::Zh);
    let v: serde_json::Value = serde_json::from_str(&chart_json(&CATALOGUE, &s, "")).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(v["derived"].as_array().map(Vec::len), Some(1));
    assert_eq!(v["derived"][0]["unit"], v["facts"][0]["unit"]);
}

#[test]
fn file_names_differ_per_chart_language_and_format() {
    let mut stems = HashSet::new();
    let mut names = HashSet::new();
    for d in charts() {
        for lang in LANGS {
            let stem = file_stem(&d.id, lang);
            assert!(stem.starts_with(&d.id), "{stem}");
            assert!(stem.ends_with(if lang == Lang::Zh { "_zh" } else { "_en" }), "{stem}");
            assert!(stems.insert(stem.clone()), "{stem} repeats");
            for f in [Format::Png, Format::Svg, Format::Csv, Format::Json] {
                let name = file_name(&d.id, lang, f);
                assert_eq!(name, format!("{stem}.{}", f.extension()));
                assert!(names.insert(name.clone()), "{name} repeats");
            }
        }
    }
    assert_eq!(file_stem("gd-5g-stations", Lang::Zh), "gd-5g-stations_zh");
    assert_eq!(file_name("sme-shares", Lang::En, Format::AllCsv), "all-facts.csv");
    assert_eq!(file_name("sme-shares", Lang::Zh, Format::AllJson), "all-facts.json");
    let ids: HashSet<&str> = Format::ALL.iter().map(|f| f.id()).collect();
    assert_eq!(ids.len(), Format::ALL.len());
}

/// Every report's charts, the fixture reports' too: on a phone and at the download's width, every
/// label whole in the picture, the bars given the width and every caption on the canvas (every
/// report is a dashboard, not only the first).
#[test]
fn every_report_keeps_its_labels_whole_and_gives_its_bars_the_width() {
    let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let dirs = [root.join("seeds"), root.join("tests/fixtures/reports")];
    let paths = verify::reports::catalogue_paths(&dirs).expect("catalogues");
    let loaded = verify::reports::load_all(&paths).unwrap_or_else(|e| panic!("{e:?}"));
    let reports: Vec<facts::Report> = verify::to_model::reports(&loaded);
    assert!(reports.len() >= 4);
    for r in &reports {
        for def in &r.catalogue.charts {
            for lang in LANGS {
                let s = build(def, &r.catalogue, lang).unwrap_or_else(|e| panic!("{}: {e}", r.name));
                for width in [DOWNLOAD_CSS_WIDTH, 360.0] {
                    let texts = svg_texts(&chart_svg(&s, width));
                    assert!(!texts.iter().any(|t| t.contains('…')), "{} {} at {width}: {texts:?}", r.name, s.id);
                    let all = squash(&texts.concat());
                    for bar in s.bars() {
                        assert!(all.contains(&squash(&bar.label)), "{} {}: {:?} not whole", r.name, s.id, bar.label);
                    }
                }
                let plan = charts::layout::layout(&s, 360.0, charts::layout::css_height(&s, 360.0), 1.0);
                let plot = plan.panels[0].plot;
                assert!(plot.w >= 180.0, "{} {} {lang:?} at 360 px: the bars get {} px", r.name, s.id, plot.w);
                // A panel's caption is one line: it must fit the canvas a 360 px phone gives a chart
                // (294 px inside the page's and the card's padding).
                let phone = charts::layout::layout(&s, 294.0, charts::layout::css_height(&s, 294.0), 1.0);
                for caption in phone.panels.iter().filter_map(|p| p.caption.as_ref()) {
                    let right = caption.bounds().right();
                    assert!(
                        right <= 294.0,
                        "{} {} {lang:?}: caption {:?} runs to {right} px",
                        r.name,
                        s.id,
                        caption.text
                    );
                }
            }
        }
    }
}

/// A downloaded picture keeps every bar's label whole: wrapped above its bar where it is long
/// ("“专精特新”等企业贷款（2020年上半年）" was cut with "…"), never shortened, at the download's
/// width and at a phone's.
#[test]
fn every_bar_label_is_whole_in_the_picture() {
    for s in all_specs() {
        for width in [DOWNLOAD_CSS_WIDTH, 360.0] {
            let svg = chart_svg(&s, width);
            let texts = svg_texts(&svg);
            assert!(!texts.iter().any(|t| t.contains('…')), "{} at {width}: {texts:?}", s.id);
            let all = squash(&texts.concat());
            for bar in s.bars() {
                assert!(
                    all.contains(&squash(&bar.label)),
                    "{} at {width}: label {:?} not whole in {texts:?}",
                    s.id,
                    bar.label
                );
            }
        }
    }
}
