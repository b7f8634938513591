//! Every report of the site, the real one and the fixture reports of tests/fixtures/reports/ (a
//! reviewed brief, a draft, a half-year report): every chart of each drawn by the dashboard's own
//! views, draft marks, the series across reports and search in the other reports.

#![cfg(not(target_arch = "wasm32"))]

mod common;
use common::reports;

use facts::i18n::Lang;
use facts::Report;
use views::across_reports::{search_hits, series_section, OnPage};

fn report<'a>(all: &'a [Report], name: &str) -> &'a Report {
    all.iter().find(|r| r.name == name).unwrap_or_else(|| panic!("no report {name}"))
}

/// Every report of the site, each with its page as `catalogue::pages` names it.
fn on_pages(all: &[Report]) -> Vec<OnPage<'_>> {
    common::on_pages(all, "./")
}

/// Every report is drawn by the dashboard's own views: every chart of every report builds, its
/// table has a row for every number, and the number's source panel its sentence, in both languages.
#[test]
fn every_reports_charts_build_with_every_number_and_its_sentence() {
    let all = reports();
    for r in &all {
        let c = &r.catalogue;
        for lang in [Lang::Zh, Lang::En] {
            for def in &c.charts {
                let spec =
                    charts::registry::build(def, c, lang).unwrap_or_else(|e| panic!("{}: {}: {e}", r.name, def.id));
                let table = views::markup::chart_table(c, &spec, lang);
                assert!(spec.bars().count() > 0, "{}: {}", r.name, def.id);
                for id in spec.bars().filter_map(|b| b.fact_id) {
                    let f = c.fact(id).expect("charted fact");
                    assert!(
                        table.as_str().contains(&format!("<tr data-fact=\"{id}\"")),
                        "{}: {}: row of {id}",
                        r.name,
                        def.id
                    );
                    // Its sentence is the source panel's, which every charted fact has.
                    let panel = views::markup::source_panel(c, f, lang);
                    assert!(panel.as_str().contains(&f.quote), "{}: sentence of {id}", r.name);
                }
            }
        }
    }
}

#[test]
fn drafted_points_are_marked_in_the_series_in_both_languages() {
    let all = reports();
    let pages = on_pages(&all);
    let q1 = report(&all, "fixture-east-2021q1");
    // The reviewed brief has no mark of its own, only beside the draft's two points in its
    // series: in their table rows and in their tips.
    let zh = series_section(q1, &pages, None, 560.0, Lang::Zh);
    // The draft's points: its stations at the end of September 2020 and its restated end-2020
    // figure, and its clearance rate.
    assert_eq!(zh.as_str().matches(">未审核</span>").count(), 6, "{}", zh.as_str());
    let en = series_section(q1, &pages, None, 560.0, Lang::En);
    assert_eq!(en.as_str().matches(">not yet reviewed</span>").count(), 6);
    // The real report has no indicator another report shares: no section at all.
    assert_eq!(series_section(&all[0], &pages, None, 560.0, Lang::Zh).as_str(), "");
}

#[test]
fn an_indicator_across_reports_is_a_time_series_with_honest_marks() {
    let all = reports();
    let pages = on_pages(&all);
    let q1 = report(&all, "fixture-east-2021q1");
    let html = series_section(q1, &pages, Some("fixture-east-2021q1-3"), 560.0, Lang::Zh);
    let html = html.as_str();
    let start = html.find("data-series=\"east-5g-stations\"").expect("the stations series");
    let figure = &html[start..html[start..].find("</figure>").map_or(html.len(), |e| start + e)];
    if let Ok(path) = std::env::var("DUMP_SERIES") {
        let svg = &figure[figure.find("<svg").unwrap_or(0)..figure.find("</svg>").map_or(figure.len(), |e| e + 6)];
        let _ = std::fs::write(path, svg);
    }
    // Three points from two reports: end-2020 (as the Q3 brief restated it), end-March 2021 (Q1
    // brief), end-September (Q3); the Q1 brief's end-2020 figure is kept as revised.
    assert!(figure.contains("3个时点，来自2份报告"), "{figure}");
    for sentence in ["截至2020年底，全省累计建成5G基站5.2万座", "截至2021年9月末，全省累计建成5G基站7.4万座"]
    {
        assert!(figure.contains(sentence), "{sentence}");
    }
    // Each point links to its fact on its report's page; the focused one is marked.
    assert!(figure.contains("<a href=\"page.html?fact=fixture-east-2021q3-"), "{figure}");
    assert!(
        figure.contains("<tr data-series-fact=\"fixture-east-2021q1-3\" class=\"is-focus\" aria-current=\"true\">"),
        "{figure}"
    );
    // Every point is a hit target over the drawing: a link to its fact, placed inside the
    // drawing, its tip giving the value, the report and the sentence; the link's fact marked.
    let hits: Vec<&str> = figure.split("<a class=\"series__hit").skip(1).collect();
    assert_eq!(hits.len(), 4, "{figure}");
    for hit in &hits {
        let pct = |name: &str| -> f64 {
            hit.split(&format!("{name}=\""))
                .nth(1)
                .and_then(|v| v.split('"').next())
                .and_then(|v| v.parse().ok())
                .unwrap_or(-1.0)
        };
        assert!((0.0..=100.0).contains(&pct("data-x")) && (0.0..=100.0).contains(&pct("data-y")), "{hit}");
        assert!(
            hit.contains("<span class=\"series__tip\" aria-hidden=\"true\">") && hit.contains("<q lang=\"zh-CN\">"),
            "{hit}"
        );
        // Its name for a screen reader: value, period and report.
        assert!(hit.contains("<span class=\"visually-hidden\">"), "{hit}");
    }
    // Tips near an edge open away from it.
    // The revised statement is a target too, marked as revised, and first: the figure that
    // replaced it lies over it.
    assert!(
        hits[0].starts_with(" series__hit--start\" href=\"page.html?fact=fixture-east-2021q1-1")
            && hits[0].contains("data-revised=\"earlier\"")
            && hits[0].contains("（已被修订）"),
        "{}",
        hits[0]
    );
    assert!(hits[1].starts_with(" series__hit--start\" href=\"page.html?fact=fixture-east-2021q3-6"), "{}", hits[1]);
    assert!(
        hits[3].starts_with(" series__hit--end\" href=\"page.html?fact=fixture-east-2021q3-1")
            && hits[3].contains("东海省"),
        "{}",
        hits[3]
    );
    assert_eq!(figure.matches("data-series-point=\"fixture-east-2021q1-3\" ").count(), 1);
    assert!(
        figure.contains("data-series-point=\"fixture-east-2021q1-3\"")
            && hits.iter().any(|h| h.contains("fixture-east-2021q1-3") && h.contains("aria-current=\"true\""))
    );
    // Left to right in time, as drawn; the revised statement above its period's point.
    let xs: Vec<f64> =
        hits.iter().filter_map(|h| h.split("data-x=\"").nth(1)?.split('"').next()?.parse().ok()).collect();
    assert!(xs[1..].windows(2).all(|w| w[0] < w[1]) && xs[0] == xs[1], "{xs:?}");
    // June 2021 is missing: said under the axis and in a note, and the line does not cross it.
    assert!(figure.contains("2021年6月") && figure.contains("缺数据"), "{figure}");
    assert!(figure.contains("缺少2021年6月的数据"), "{figure}");
    // "超过6万座" is drawn as a lower bound: one arrowhead.
    assert_eq!(figure.matches("<polygon").count(), 1, "{figure}");
    // 2 px lines: the one segment from Dec 2020 to Mar 2021 (not across June) and the arrow's
    // shaft; the revised statement is a hollow square, never on the line.
    assert_eq!(figure.matches("stroke-width=\"2\"").count(), 2, "{figure}");
    assert_eq!(figure.matches("<rect").count() - figure.matches("<rect x=\"0\" y=\"0\"").count(), 1, "{figure}");
    // The clearance series: two points with June missing between them.
    assert!(html.contains("data-series=\"east-clearance\""));
}

#[test]
fn a_series_point_without_a_period_is_counted_not_drawn() {
    let all = reports();
    let indicator = "east-5g-stations";
    let s = charts::series::series(indicator, &all, Lang::Zh).expect("series");
    assert_eq!(s.points.iter().map(|p| p.month).collect::<Vec<_>>(), [2020 * 12 + 12, 2021 * 12 + 3, 2021 * 12 + 9]);
    assert_eq!(s.step, 3);
    assert_eq!(s.missing, [2021 * 12 + 6]);
    assert_eq!(s.segments(), [(0, 1)]);
    assert_eq!(s.unplaced, 0);
}

#[test]
fn search_finds_facts_in_other_reports_with_a_link_to_each_on_its_page() {
    let all = reports();
    let pages = on_pages(&all);
    let others = &pages[1..];
    let hits = search_hits(others, "清偿", Lang::Zh);
    let hits = hits.as_str();
    assert!(hits.contains("其他报告中的2个数字"), "{hits}");
    assert!(hits.contains("href=\"page.html?chart=east-2021q1-shares&amp;fact=fixture-east-2021q1-6\""), "{hits}");
    assert!(hits.contains(">未审核</span>"), "the draft's hit is marked");
    assert!(search_hits(others, "  ", Lang::Zh).as_str().is_empty());
    let none = search_hits(others, "不存在的词", Lang::En);
    assert!(none.as_str().contains("0 figures in other reports"));
}

/// A draft's page marks its facts would be marked in the dashboard's own views too:
/// the tooltip, the chart's table and the source panel, in both languages.
#[test]
fn the_dashboards_own_views_mark_drafted_facts() {
    let all = reports();
    let draft = report(&all, "fixture-east-2021q3");
    let c = &draft.catalogue;
    let def = c.charts.first().expect("a drafted chart");
    for (lang, mark) in [(Lang::Zh, ">未审核</span>"), (Lang::En, ">not yet reviewed</span>")] {
        let spec = charts::registry::build(def, c, lang).expect("spec");
        let bar = spec.bars().next().expect("a bar");
        let f = c.fact(bar.fact_id.expect("a stated bar")).expect("fact");
        assert!(views::markup::tooltip(c, bar, lang).as_str().contains(mark));
        assert!(views::markup::chart_table(c, &spec, lang).as_str().contains(mark));
        assert!(views::markup::source_panel(c, f, lang).as_str().contains(mark));
    }
    // A reviewed fact has none.
    let real = &all[0];
    let f = &real.catalogue.facts[0];
    assert!(!views::markup::source_panel(&real.catalogue, f, Lang::Zh).as_str().contains("draft-mark"));
}

/// On a narrow screen the series' value labels still do not run into each other: one that would
/// goes under its point.
#[test]
fn series_labels_do_not_overlap_when_narrow() {
    let all = reports();
    let s = charts::series::series("east-5g-stations", &all, Lang::En).expect("series");
    let svg = charts::series_draw::series_svg(&s, 280.0, Lang::En, &charts::draw::LIGHT);
    // (left, top, width) of each value label, from plotters' <text> elements.
    let labels: Vec<(f64, f64, f64)> = svg
        .split("<text")
        .skip(1)
        .filter_map(|t| {
            let attr =
                |name: &str| -> Option<f64> { t.split(&format!("{name}=\"")).nth(1)?.split('"').next()?.parse().ok() };
            let body = t.split('>').nth(1)?.split('<').next()?.trim();
            let anchor_end = t.contains("text-anchor=\"end\"");
            s.points.iter().any(|p| p.value_text == body).then(|| {
                let w = charts::text_width::estimate(body, 12.0);
                let x = attr("x").unwrap_or(0.0);
                // The top of the label's box: above `y` when hung from its bottom (negative dy).
                let y = attr("y").unwrap_or(0.0);
                let top = if t.contains("dy=\"-") { y - 12.0 } else { y };
                (if anchor_end { x - w } else { x }, top, w)
            })
        })
        .collect();
    assert_eq!(labels.len(), 3, "{svg}");
    for (i, a) in labels.iter().enumerate() {
        for b in &labels[i + 1..] {
            let apart_x = a.0 + a.2 <= b.0 || b.0 + b.2 <= a.0;
            let apart_y = a.1 + 12.0 <= b.1 || b.1 + 12.0 <= a.1;
            assert!(apart_x || apart_y, "labels {a:?} and {b:?} overlap");
        }
    }
}

/// A series is titled by its indicator's declared name, not by one of its points' labels, with
/// the definition under the title (marked with the indicator), in both languages; a report's file
/// carries the declaration even when another report declares it.
#[test]
fn a_series_is_titled_by_its_indicator_with_its_definition() {
    let all = reports();
    let q3 = report(&all, "fixture-east-2021q3");
    assert!(q3.indicator("east-5g-stations").is_some(), "declared in the Q1 brief, carried by the Q3 one");
    let pages = on_pages(&all);
    let q1 = report(&all, "fixture-east-2021q1");
    for (lang, name, definition) in [
        (Lang::Zh, "东海省累计建成5G基站", "口径：</span>全省自建设以来累计建成的5G基站数"),
        (
            Lang::En,
            "East Sea&#39;s 5G base stations, cumulative",
            "Definition: </span>5G base stations built in the province",
        ),
    ] {
        let html = series_section(q1, &pages, None, 640.0, lang).as_str().to_string();
        let figure = html.split("data-series=\"east-5g-stations\"").nth(1).expect("the station series");
        let title = figure.split("<h4 class=\"chart__title\">").nth(1).and_then(|t| t.split("</h4>").next());
        assert_eq!(title, Some(name), "{lang:?}");
        assert!(figure.contains("data-indicator=\"east-5g-stations\""), "{lang:?}");
        assert!(figure.contains(definition), "{lang:?}: {figure}");
    }
}

/// Each point of a series says its change from the point before, as far as the figures allow:
/// 5.3万 then 超过6万 is at least +7,000; 超过6万 then 7.4万 at most +1.4万 (never a false exact
/// figure).
#[test]
fn each_point_says_its_change_from_the_point_before_as_a_bound_where_a_figure_is_one() {
    let all = reports();
    let pages = on_pages(&all);
    let q1 = report(&all, "fixture-east-2021q1");
    let row = |html: &str, id: &str| -> String {
        let tail = html.split(&format!("data-series-fact=\"{id}\"")).nth(1).unwrap_or_else(|| panic!("no row {id}"));
        tail.split("</tr>").next().unwrap_or("").to_string()
    };
    let zh = series_section(q1, &pages, None, 640.0, Lang::Zh).as_str().to_string();
    // The first point is the Q3 brief's restated end-2020 figure; the Q1 brief's is revised.
    assert!(row(&zh, "fixture-east-2021q3-6").contains("data-change=\"none\""));
    assert!(row(&zh, "fixture-east-2021q1-1").contains("data-change=\"revised\""));
    let second = row(&zh, "fixture-east-2021q1-3");
    assert!(
        second.contains("data-change=\"at_least\" data-change-by=\"7000\"") && second.contains("至少+7,000座"),
        "{second}"
    );
    let third = row(&zh, "fixture-east-2021q3-1");
    assert!(
        third.contains("data-change=\"at_most\" data-change-by=\"14000\"") && third.contains("至多+1.4万座"),
        "{third}"
    );
    let en = series_section(q1, &pages, None, 640.0, Lang::En).as_str().to_string();
    assert!(
        row(&en, "fixture-east-2021q3-1").contains("at most +14,000 stations (+23.3%)"),
        "{}",
        row(&en, "fixture-east-2021q3-1")
    );
    // A share's change is in percentage points, with no relative change.
    let clearance = row(&zh, "fixture-east-2021q3-4");
    assert!(clearance.contains("+2.9个百分点") && !clearance.contains('('), "{clearance}");
}
