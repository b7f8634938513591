//! An indicator's own view, its card, its CSV and revisions, on the site's reports (the real one
//! and the fixture reports of tests/fixtures/reports/): the Q3 brief restates the Q1 brief's
//! end-2020 figure (5.2万 → 5.3万) and declares stations in service, close to the stations built.

#![cfg(not(target_arch = "wasm32"))]

mod common;
use common::reports;

use facts::i18n::Lang;
use facts::Report;
use views::across_reports::{series_section, OnPage};
use views::{checker, indicator_view};

/// Every report of the site, each with its page as `catalogue::pages` names it.
fn on_pages(all: &[Report]) -> Vec<OnPage<'_>> {
    common::on_pages(all, "")
}

fn between<'a>(html: &'a str, from: &str, to: &str) -> &'a str {
    let tail = html.split(from).nth(1).unwrap_or_else(|| panic!("no {from} in {html}"));
    tail.split(to).next().unwrap_or("")
}

#[test]
fn a_figure_restated_by_a_later_report_is_kept_and_marked_with_both_sentences() {
    let all = reports();
    let pages = on_pages(&all);
    let q1 = all.iter().find(|r| r.name == "fixture-east-2021q1").expect("Q1 brief");
    for (lang, later_note, earlier_note) in [
        (
            Lang::Zh,
            "此前《东海省通信业发展简报（2021年一季度）》为5.2万座",
            "已被《东海省通信业发展简报（2021年三季度）》修订为5.3万座",
        ),
        (Lang::En, "earlier: 52,000 stations in “", "revised to 53,000 stations in “"),
    ] {
        let html = series_section(q1, &pages, None, 640.0, lang).into_string();
        let later = between(&html, "data-series-fact=\"fixture-east-2021q3-6\"", "</tr>");
        let earlier = between(&html, "data-series-fact=\"fixture-east-2021q1-1\"", "</tr>");
        assert!(later.starts_with(" data-revised=\"later\"") && later.contains(later_note), "{lang:?}: {later}");
        assert!(later.contains("经最终核实，截至2020年底全省累计建成5G基站5.3万座"), "{later}");
        assert!(
            earlier.starts_with(" data-revised=\"earlier\"") && earlier.contains(earlier_note),
            "{lang:?}: {earlier}"
        );
        assert!(earlier.contains("截至2020年底，全省累计建成5G基站5.2万座"), "{earlier}");
        // The earlier row comes right before the figure that replaced it.
        assert!(
            html.find("data-series-fact=\"fixture-east-2021q1-1\"")
                < html.find("data-series-fact=\"fixture-east-2021q3-6\"")
        );
    }
    // The revision is the only one among the site's reports.
    let found = catalogue::revisions::revisions(&all);
    let pairs: Vec<(&str, &str)> =
        found.iter().map(|r| (r.earlier.fact.id.as_str(), r.later.fact.id.as_str())).collect();
    assert_eq!(pairs, [("fixture-east-2021q1-1", "fixture-east-2021q3-6")]);
}

#[test]
fn an_indicators_view_gives_its_definition_every_point_and_the_close_indicators_side_by_side() {
    let all = reports();
    let pages = on_pages(&all);
    let zh = indicator_view::view(&pages, "east-5g-stations", None, 900.0, Lang::Zh).into_string();
    assert!(
        zh.contains(
            "<h2 class=\"indicator-view__title\" id=\"indicator-title\" tabindex=\"-1\">东海省累计建成5G基站</h2>"
        ),
        "{zh}"
    );
    assert!(zh.contains("data-indicator-definition=\"east-5g-stations\""), "{zh}");
    assert!(zh.contains("单位：座") && zh.contains("4个数字，来自2份报告"), "{zh}");
    // The series with its change column, and the indicator close to it in its own column with its
    // own definition: never one line.
    assert!(zh.contains("data-series=\"east-5g-stations\"") && zh.contains("data-change=\"at_most\""), "{zh}");
    let close = between(&zh, "data-indicator-column=\"east-5g-in-service\"", "</figure>");
    assert!(close.contains("东海省已开通5G基站") && close.contains("不含已建成尚未开通的基站"), "{close}");
    assert!(close.contains("data-series=\"east-5g-in-service\""), "{close}");
    assert_eq!(zh.matches("data-indicator-column=").count(), 2);
    assert!(zh.contains("data-indicator-csv=\"east-5g-stations\""));
    // The view of the close indicator shows the cumulative one beside it: either declaration
    // naming the other is enough.
    let back = indicator_view::view(&pages, "east-5g-in-service", None, 900.0, Lang::En).into_string();
    assert!(back.contains("data-indicator-column=\"east-5g-stations\"") && back.contains("Definition: "), "{back}");
    // An indicator with one point in the real report: a table of its statement, no line.
    let one = indicator_view::view(&pages, "gd-preferential-loan-rate", None, 900.0, Lang::Zh).into_string();
    assert!(one.contains("加权平均利率2.30%") && !one.contains("<svg"), "{one}");
    // Unknown: said, not a blank.
    let none = indicator_view::view(&pages, "nowhere", None, 900.0, Lang::En).into_string();
    assert!(none.contains("role=\"alert\"") && none.contains("“nowhere”"), "{none}");
}

#[test]
fn an_indicators_card_names_it_defines_it_and_links_to_its_view() {
    let all = reports();
    let pages = on_pages(&all);
    let d = indicator_view::declaration(&pages, "gd-5g-stations").expect("declared in the real report");
    let zh = indicator_view::card(&pages, d, Lang::Zh).into_string();
    assert!(zh.contains("<h2 id=\"indicator-card-title\">广东省累计建设5G基站</h2>"), "{zh}");
    assert!(zh.contains("口径：</span>全省自开始建设以来累计建设的5G基站数"), "{zh}");
    assert!(zh.contains("广东省新建5G基站</strong>：报告期内全省新建成的5G基站数"), "{zh}");
    assert!(zh.contains("href=\"?indicator=gd-5g-stations\" data-indicator-link=\"gd-5g-stations\""), "{zh}");
    let en = indicator_view::card(&pages, d, Lang::En).into_string();
    assert!(en.contains("Guangdong&#39;s 5G base stations, cumulative") && en.contains("Unit: stations"), "{en}");
}

#[test]
fn an_indicators_csv_has_every_statement_with_its_report_and_definition() {
    let all = reports();
    let pages = on_pages(&all);
    let csv = indicator_view::csv(&pages, "east-5g-stations", "https://example.org/site/");
    let records = common::parse_csv(csv.trim_start_matches('\u{feff}')).expect("RFC 4180 CSV");
    let header = &records[0];
    let column = |name: &str| header.iter().position(|h| h == name).unwrap_or_else(|| panic!("no column {name}"));
    let (id, indicator, definition) = (column("id"), column("indicator"), column("indicator_definition_en"));
    let rows = &records[1..];
    assert_eq!(rows.len(), 4, "{csv}");
    assert!(rows
        .iter()
        .all(|r| r[indicator] == "east-5g-stations" && r[definition].starts_with("5G base stations built")));
    let ids: Vec<&str> = rows.iter().map(|r| r[id].as_str()).collect();
    assert!(ids.contains(&"fixture-east-2021q1-1") && ids.contains(&"fixture-east-2021q3-6"), "{ids:?}");
}

/// The claim checker judges a sentence by the figure that stands and says what the earlier report
/// said: the Q1 brief's 5.2万 for the end of 2020 was restated as 5.3万.
#[test]
fn the_checker_judges_a_revised_figure_by_the_later_report_and_says_what_the_earlier_said() {
    let all = reports();
    let with_pages: Vec<(Report, String)> = all
        .iter()
        .map(|r| (r.clone(), if r.name == "fixture-east-2021q1" { String::new() } else { format!("{}.html", r.name) }))
        .collect();
    // As on the Q1 brief's page: the open report first.
    let mut ordered = with_pages.clone();
    ordered.sort_by_key(|(_, page)| !page.is_empty());
    let standing = checker::standing(&ordered, Lang::Zh);
    let weighed: Vec<checker::Weighed> = ordered
        .iter()
        .zip(&standing)
        .map(|((r, page), (c, earlier))| checker::Weighed {
            catalogue: c,
            title: views::markup::report_title(r, true),
            page: page.clone(),
            earlier: earlier.clone(),
        })
        .collect();
    let (old, _) = checker::verdicts(&weighed, "截至2020年底，东海省累计建成5G基站5.2万座", Lang::Zh);
    let old = old.into_string();
    assert!(old.contains("data-claim-verdict=\"inconsistent\""), "{old}");
    assert!(old.contains("data-fact=\"fixture-east-2021q3-6\""), "{old}");
    assert!(old.contains("data-revised=\"later\"") && old.contains("曾为5.2万座"), "{old}");
    assert!(old.contains("截至2020年底，全省累计建成5G基站5.2万座"), "{old}");
    let (new, _) = checker::verdicts(&weighed, "截至2020年底，东海省累计建成5G基站5.3万座", Lang::Zh);
    assert!(new.into_string().contains("data-claim-verdict=\"consistent\""));
}
