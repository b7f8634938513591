//! Chart specs and layout from the real catalogue: every chart builds, shows the numbers the
//! catalogue holds, keeps units apart, marks lower bounds, and fits its canvas at every width.
#![cfg(not(target_arch = "wasm32"))]

use catalogue::CATALOGUE;
use charts::draw::{draw, LIGHT};
use charts::layout::{css_height, layout, Layout, Rect};
use charts::registry::{build, chart_def, charts, sections};
use charts::spec::{bar_panel, BarKind, ChartSpec, SpecError};
use facts::i18n::Lang;
use facts::Qualifier;
use plotters::prelude::*;

fn spec(id: &str, lang: Lang) -> ChartSpec<'static> {
    let def = chart_def(id).unwrap_or_else(|| panic!("chart {id} is registered"));
    build(def, &CATALOGUE, lang).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn there_are_at_least_ten_charts_and_every_one_builds_in_both_languages() {
    assert!(charts().len() >= 10, "{} charts", charts().len());
    for def in charts() {
        for lang in [Lang::Zh, Lang::En] {
            let s = build(def, &CATALOGUE, lang).unwrap_or_else(|e| panic!("{e}"));
            assert!(s.bars().count() > 0, "{} has bars", def.id);
            assert!(!s.source.is_empty(), "{} has a source line", def.id);
        }
        assert!(sections().iter().any(|s| s.id == def.section), "{} is in a known section", def.id);
    }
}

#[test]
fn every_section_has_a_chart() {
    for s in sections() {
        assert!(charts().iter().any(|c| c.section == s.id), "section {} has no chart", s.id);
    }
}

#[test]
fn bars_show_exactly_the_catalogue_values_and_qualifiers() {
    for def in charts() {
        let s = build(def, &CATALOGUE, Lang::Zh).unwrap_or_else(|e| panic!("{e}"));
        for bar in s.bars().filter(|b| b.kind == BarKind::Stated) {
            let id = bar.fact_id.expect("a stated bar names its fact");
            let fact = CATALOGUE.fact(id).expect("fact exists");
            assert_eq!(bar.value, fact.value, "{id}");
            assert_eq!(bar.qualifier, fact.qualifier, "{id}");
        }
    }
}

#[test]
fn sme_chart_shows_the_five_shares_the_report_gives_as_lower_bounds() {
    let s = spec("sme-shares", Lang::Zh);
    let values: Vec<f64> = s.bars().map(|b| b.value).collect();
    // From the seed: 50%以上的税收，60%以上的GDP，70%以上的技术创新，80%以上的城镇劳动就业，90%以上的企业数量.
    assert_eq!(values, vec![50.0, 60.0, 70.0, 80.0, 90.0]);
    assert!(s.bars().all(|b| b.is_lower_bound()));
    let texts: Vec<&str> = s.bars().map(|b| b.value_text.as_str()).collect();
    assert_eq!(texts, vec!["50%以上", "60%以上", "70%以上", "80%以上", "90%以上"]);
    assert!(s.notes.iter().any(|n| n.contains("下限")), "the chart explains its open-ended bars");
}

#[test]
fn a_panel_never_mixes_units() {
    for def in charts() {
        let s = build(def, &CATALOGUE, Lang::En).unwrap_or_else(|e| panic!("{e}"));
        for p in &s.panels {
            for id in p.bars.iter().filter_map(|b| b.fact_id).chain(p.references.iter().map(|r| r.fact_id)) {
                let fact = CATALOGUE.fact(id).expect("fact exists");
                assert_eq!(fact.unit, p.unit.id, "{} panel '{}' holds {id}", def.id, p.caption);
            }
        }
    }
}

#[test]
fn views_and_yuan_cannot_share_a_panel() {
    let views = CATALOGUE.fact("luoning-livestream-views").expect("fact");
    let sales = CATALOGUE.fact("luoning-livestream-sales").expect("fact");
    let err = bar_panel(&CATALOGUE, "test", &[views, sales], &[], String::new(), Lang::Zh).unwrap_err();
    assert!(matches!(err, SpecError::MixedUnits { .. }), "{err}");
}

#[test]
fn stock_and_flow_chart_stacks_the_addition_and_shows_the_derived_sum_beside_the_reported_total() {
    let s = spec("gd-5g-stations", Lang::Zh);
    let bars: Vec<_> = s.bars().collect();
    let stock = CATALOGUE.fact("gd-5g-stations-2019").expect("fact").value;
    let added = CATALOGUE.fact("gd-5g-stations-2020h1-new").expect("fact").value;
    let reported = CATALOGUE.fact("gd-5g-stations-cumulative-2020-06").expect("fact").value;
    assert_eq!(bars.len(), 4);
    assert_eq!((bars[1].start, bars[1].end()), (stock, stock + added), "the addition starts where the stock ends");
    assert_eq!(bars[2].kind, BarKind::Derived);
    assert_eq!(bars[2].value, 77988.0, "36988 + 41000");
    assert_eq!(bars[3].value, reported);
    assert!(s.notes.iter().any(|n| n.contains("一致")), "the cross-check verdict is shown: {:?}", s.notes);
}

#[test]
fn clearance_chart_draws_the_national_requirement_as_a_labelled_reference_line() {
    let s = spec("gd-clearance", Lang::Zh);
    let refs = &s.panels[0].references;
    assert_eq!(refs.len(), 1);
    assert_eq!(refs[0].value, 50.0);
    assert!(refs[0].label.contains("50%"), "{}", refs[0].label);
    let plan = layout(&s, 1000.0, css_height(&s, 1000.0), 1.0);
    let line = &plan.panels[0].references[0];
    let plot = plan.panels[0].plot;
    assert!((line.x - (plot.x + plot.w * 0.5)).abs() < 1.0, "the line sits at 50%");
}

fn inside(r: &Rect, w: f64, h: f64) -> bool {
    r.x >= -0.5 && r.y >= -0.5 && r.right() <= w + 0.5 && r.bottom() <= h + 0.5
}

fn check_fits(id: &str, plan: &Layout) {
    for m in &plan.bars {
        assert!(
            inside(&m.hit_area(), plan.width, plan.height),
            "{id}: bar {} leaves the canvas: {:?}",
            m.index,
            m.hit_area()
        );
        assert!(inside(&m.label.bounds(), plan.width, plan.height), "{id}: label '{}' leaves the canvas", m.label.text);
        for line in &m.label_more {
            assert!(
                inside(&line.bounds(), plan.width, plan.height),
                "{id}: label line '{}' leaves the canvas",
                line.text
            );
            assert!(line.y < m.bar.y, "{id}: label line '{}' is not above its bar", line.text);
        }
        assert!(
            !m.label.bounds().overlaps(&m.bar) || m.label.y < m.bar.y,
            "{id}: label '{}' overlaps its bar",
            m.label.text
        );
    }
    for (i, a) in plan.bars.iter().enumerate() {
        for b in plan.bars.iter().skip(i + 1) {
            assert!(!a.hit_area().overlaps(&b.hit_area()), "{id}: bars {} and {} overlap", a.index, b.index);
            assert!(
                !a.label.bounds().overlaps(&b.label.bounds()),
                "{id}: labels '{}' and '{}' overlap",
                a.label.text,
                b.label.text
            );
        }
    }
    for p in &plan.panels {
        // Every tick is labelled (a label is never blanked to make room), evenly spaced, and the
        // labels never touch.
        assert!(p.ticks.len() >= 2, "{id}: at least two ticks");
        for (i, t) in p.ticks.iter().enumerate() {
            assert!(!t.text.text.is_empty(), "{id}: tick {i} has no label");
            assert!(
                inside(&t.text.bounds(), plan.width, plan.height),
                "{id}: tick '{}' leaves the canvas",
                t.text.text
            );
            if let Some(next) = p.ticks.get(i + 1) {
                assert!(
                    t.text.bounds().right() < next.text.bounds().x,
                    "{id}: ticks '{}' and '{}' overlap",
                    t.text.text,
                    next.text.text
                );
            }
        }
        let gaps: Vec<f64> = p.ticks.windows(2).map(|w| w[1].x - w[0].x).collect();
        assert!(gaps.iter().all(|g| (g - gaps[0]).abs() < 0.01), "{id}: uneven ticks {gaps:?}");
    }
}

#[test]
fn every_chart_fits_its_canvas_from_phone_to_desktop_at_every_pixel_ratio() {
    for def in charts() {
        for lang in [Lang::Zh, Lang::En] {
            let s = build(def, &CATALOGUE, lang).unwrap_or_else(|e| panic!("{e}"));
            for css_w in [294.0, 328.0, 360.0, 520.0, 560.0, 900.0, 1134.0, 1168.0] {
                for dpr in [1.0, 2.0, 3.0] {
                    let css_h = css_height(&s, css_w);
                    let plan = layout(&s, css_w * dpr, css_h * dpr, dpr);
                    check_fits(&format!("{} {lang:?} {css_w}px@{dpr}x", def.id), &plan);
                }
            }
        }
    }
}

/// No label is cut: on a phone a long label wraps above its bar, every word of it drawn, and the
/// bars get the width the values do not need (English at 360 px gave them about 100 px).
#[test]
fn every_label_is_whole_and_the_bars_get_the_width_on_a_phone() {
    for def in charts() {
        for lang in [Lang::Zh, Lang::En] {
            let s = build(def, &CATALOGUE, lang).unwrap_or_else(|e| panic!("{e}"));
            for css_w in [294.0, 360.0, 900.0] {
                let plan = layout(&s, css_w, css_height(&s, css_w), 1.0);
                for (bar, mark) in s.bars().zip(&plan.bars) {
                    let drawn: String =
                        std::iter::once(&mark.label).chain(&mark.label_more).map(|l| l.text.as_str()).collect();
                    let squeeze = |t: &str| t.chars().filter(|c| !c.is_whitespace()).collect::<String>();
                    assert_eq!(squeeze(&drawn), squeeze(&bar.label), "{} {lang:?} {css_w}px: label cut", def.id);
                    assert!(!drawn.contains('…'), "{} {lang:?} {css_w}px: {drawn}", def.id);
                }
                if css_w == 360.0 {
                    let plot = plan.panels[0].plot;
                    assert!(plot.w >= 180.0, "{} {lang:?} at 360 px: the bars get {} px", def.id, plot.w);
                }
            }
        }
    }
}

#[test]
fn lower_bounds_get_an_open_end_and_exact_values_do_not() {
    for def in charts() {
        let s = build(def, &CATALOGUE, Lang::Zh).unwrap_or_else(|e| panic!("{e}"));
        let plan = layout(&s, 900.0, css_height(&s, 900.0), 1.0);
        for (bar, mark) in s.bars().zip(&plan.bars) {
            let lower = matches!(bar.qualifier, Qualifier::AtLeast | Qualifier::MoreThan);
            assert_eq!(mark.open_end.is_some(), lower, "{} {}", def.id, bar.label);
        }
    }
}

#[test]
fn the_same_drawing_code_renders_to_svg_with_every_value_label() {
    let s = spec("sme-shares", Lang::Zh);
    let (w, h) = (800.0, css_height(&s, 800.0));
    let plan = layout(&s, w, h, 1.0);
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (w as u32, h as u32)).into_drawing_area();
        draw(&root, &plan, &LIGHT).expect("draws");
    }
    for text in ["50%以上", "90%以上", "100%"] {
        assert!(svg.contains(text), "svg has {text}");
    }
    assert!(svg.matches("<rect").count() >= 6, "background and five bars");
    assert!(svg.contains("<polygon"), "lower-bound arrows");
}

#[test]
fn the_first_render_includes_the_section_a_link_points_at() {
    use charts::registry::sections_at_start;
    assert_eq!(sections_at_start(None, None), 1);
    assert_eq!(sections_at_start(Some("no-such-chart"), None), 1);
    assert_eq!(sections_at_start(None, Some("national")), 1);
    let last = sections().len();
    assert_eq!(sections_at_start(None, Some(sections()[last - 1].id.as_str())), last);
    for def in charts() {
        let n = sections_at_start(Some(def.id.as_str()), Some("national"));
        assert_eq!(sections()[n - 1].id, def.section, "{}: the chart wins over the section", def.id);
    }
}

#[test]
fn a_crowded_axis_takes_a_coarser_step_instead_of_dropping_labels() {
    let tick_labels = |lang: Lang, css_w: f64| -> Vec<String> {
        let s = spec("gd-5g-stations", lang);
        let plan = layout(&s, css_w, css_height(&s, css_w), 1.0);
        plan.panels[0].ticks.iter().map(|t| t.text.text.clone()).collect()
    };
    // Wide: the spec's own step. Narrow: fewer ticks, every one labelled, ending at the same or a
    // rounder end.
    let wide = tick_labels(Lang::En, 1134.0);
    let narrow = tick_labels(Lang::En, 294.0);
    assert!(wide.len() > narrow.len(), "{wide:?} / {narrow:?}");
    assert!(narrow.iter().all(|t| !t.is_empty()), "{narrow:?}");
    assert_eq!(narrow.first().map(String::as_str), Some("0"));
}
