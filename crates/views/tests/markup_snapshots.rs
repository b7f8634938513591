//! The page's markup fragments as a reader's browser gets them, read whole: snapshots in
//! `tests/snapshots/`, one tag per line. A change to a fragment shows as a diff of its snapshot,
//! to be reviewed (`INSTA_UPDATE=always cargo test --test markup_snapshots` rewrites them; CI
//! never does).
#![cfg(not(target_arch = "wasm32"))]

use catalogue::CATALOGUE;
use charts::layout::{css_height, hit_targets, layout, Rect};
use charts::registry::{build, chart_def};
use charts::spec::ChartSpec;
use facts::i18n::Lang;
use views::html::Html;
use views::markup;
use views::view_state::parse;

fn spec(id: &str, lang: Lang) -> ChartSpec<'static> {
    let def = chart_def(id).unwrap_or_else(|| panic!("chart {id} is registered"));
    build(def, &CATALOGUE, lang).unwrap_or_else(|e| panic!("{e}"))
}

/// One tag per line, so a snapshot reads as a document and diffs line by line.
fn lines(html: &Html) -> String {
    html.as_str().replace("><", ">\n<")
}

fn fact(id: &str) -> &'static facts::Fact {
    CATALOGUE.fact(id).unwrap_or_else(|| panic!("fact {id}"))
}

#[test]
fn tooltip_of_a_stated_bar_and_of_a_computed_one() {
    for lang in [Lang::Zh, Lang::En] {
        let s = spec("gd-5g-stations", lang);
        let stated = s.bars().find(|b| b.fact_id == Some("gd-5g-stations-2019")).expect("the 2019 bar");
        let computed = s.bars().find(|b| b.fact_id.is_none()).expect("the computed bar");
        let both = format!(
            "{}\n\n{}",
            lines(&markup::tooltip(&CATALOGUE, stated, lang)),
            lines(&markup::tooltip(&CATALOGUE, computed, lang))
        );
        insta::assert_snapshot!(format!("tooltip_{lang:?}"), both);
    }
}

#[test]
fn hit_targets_of_the_sme_chart() {
    let s = spec("sme-shares", Lang::Zh);
    let plan = layout(&s, 600.0, css_height(&s, 600.0), 1.0);
    let hits = hit_targets(&s, &plan);
    let placed: Vec<String> = hits
        .iter()
        .map(|h| markup::box_style(h.rect).iter().map(|(k, v)| format!("{k}:{v}")).collect::<Vec<_>>().join(";"))
        .collect();
    insta::assert_snapshot!(format!("{}\n\n{}", lines(&markup::hit_buttons(&hits)), placed.join("\n")));
    let anchor = Rect { x: 500.0, y: 10.0, w: 40.0, h: 20.0 };
    assert_eq!(markup::tooltip_style(anchor, 600.0)[0].1, "300px", "kept inside the chart");
}

#[test]
fn source_panel_in_english() {
    insta::assert_snapshot!(lines(&markup::source_panel(&CATALOGUE, fact("gd-clearance-2019"), Lang::En)));
}

#[test]
fn data_table_with_a_computed_row() {
    insta::assert_snapshot!(lines(&markup::chart_table(&CATALOGUE, &spec("gd-5g-stations", Lang::Zh), Lang::Zh)));
}

#[test]
fn figure_heading_and_foot() {
    let s = spec("gd-clearance", Lang::En);
    let foot = markup::figure_foot(&CATALOGUE, Ok(&s), false, Lang::En);
    let as_table = markup::figure_foot(&CATALOGUE, Ok(&s), true, Lang::En);
    let broken = markup::figure_foot(&CATALOGUE, Err("no <fact> \"x\"".to_string()), false, Lang::Zh);
    insta::assert_snapshot!(format!(
        "{}\n\n{}\n\n{}\n\n{}",
        lines(&markup::figure_heading(Some(&s))),
        lines(&foot),
        lines(&as_table),
        lines(&broken)
    ));
}

#[test]
fn notices_for_a_hostile_link() {
    let (_, notices) = parse("?lang=fr&chart=nope&%3Cb%3E=1&fact=%3Cscript%3E&table=x,y&embed=1");
    for lang in [Lang::Zh, Lang::En] {
        insta::assert_snapshot!(format!("notices_{lang:?}"), lines(&markup::notices(&notices, lang)));
    }
}

#[test]
fn share_and_download_widgets() {
    let open = markup::share_chart_toggle(true, Lang::En);
    let panel = markup::share_panel(
        "share-link-gd-finance",
        "https://example.org/d/?chart=gd-finance&cv=abc123",
        &views::html::Html::default(),
        Lang::En,
    );
    let embed = markup::embed_field("https://example.org/d/?embed=1&chart=gd-finance", Lang::En);
    let offline = markup::share_panel_offline(Lang::Zh);
    let downloads = markup::downloads_panel("downloads-gd-finance", Lang::Zh, false);
    let missing = markup::downloads_panel("downloads-x", Lang::En, true);
    let messages = markup::downloads_messages(true, Some("<quota> exceeded"), Lang::En);
    insta::assert_snapshot!([open, panel, embed, offline, downloads, missing, messages]
        .iter()
        .map(lines)
        .collect::<Vec<_>>()
        .join("\n\n"));
}

#[test]
fn finder_frame_options_and_results() {
    let options = markup::options(&CATALOGUE.regions, Some("guangdong"), "全部地区", Lang::Zh);
    let found = [fact("gd-preferential-loans"), fact("sme-share-tax")];
    let list = markup::fact_list(&CATALOGUE, &found, Lang::En);
    insta::assert_snapshot!(format!("{}\n\n{}\n\n{}", lines(&markup::finder(Lang::En)), lines(&options), lines(&list)));
}
