//! The page's small interactive parts as [`Html`](crate::html::Html), one file per widget: a
//! chart's figure (`chart`), the tooltip, the overview, the finder, the source panel, link
//! notices, the download menu, the share panel and the masthead.
//!
//! Markup rather than Leptos views on purpose. Each of these is rebuilt whole when what it shows
//! changes, so a reactive view tree bought nothing, and each distinct view type costs its own copy
//! of Leptos' render code in the wasm: as one `innerHTML` write per change they are about a sixth
//! of the first load lighter. The components set the string and listen once on the container
//! (`data-*` attributes say what was chosen); everything here is plain Rust, tested natively.
//! Every piece is written with `html!`, which escapes each value: text from a link or a report
//! is shown as text, never as markup.

mod chart;
mod downloads_menu;
mod finder;
mod indicator;
mod masthead;
mod notices;
mod overview;
mod share;
mod site_reports;
mod source;
mod tooltip;

pub use chart::*;
pub use downloads_menu::*;
pub use finder::*;
pub use indicator::*;
pub use masthead::*;
pub use notices::*;
pub use overview::*;
pub use share::*;
pub use site_reports::*;
pub use source::*;
pub use tooltip::*;

#[cfg(test)]
mod tests {
    use super::*;

    use crate::html::Html;
    use crate::view_state::Notice;

    use charts::layout::{Hit, Rect};
    use charts::spec::BarSpec;
    use facts::i18n::Lang;

    use crate::html::escape;
    use catalogue::CATALOGUE;
    use charts::registry::{build, charts};

    #[test]
    fn lengths_are_written_to_a_tenth_of_a_pixel() {
        assert_eq!(tenths(12.345), "12.3");
        assert_eq!(tenths(0.0), "0.0");
        assert_eq!(tenths(-3.06), "-3.1");
        assert_eq!(tenths(299.96), "300.0");
    }

    #[test]
    fn hit_buttons_name_each_bar_and_its_fact() {
        let hits = [
            Hit { index: 0, fact_id: Some("a"), rect: Rect { x: 1.0, y: 2.0, w: 3.0, h: 4.0 }, aria: "x<y：1".into() },
            Hit { index: 1, fact_id: None, rect: Rect { x: 0.0, y: 0.0, w: 1.0, h: 1.0 }, aria: String::new() },
        ];
        let html = hit_buttons(&hits);
        assert!(html.contains("<button class=\"chart__hit\" data-bar=\"0\" data-fact=\"a\" aria-label=\"x&lt;y：1\">"));
        assert!(!html.contains("style="), "positions go through the CSSOM: {html}");
        let placed = box_style(hits[0].rect).map(|(k, v)| format!("{k}:{v}")).join(";");
        assert_eq!(placed, "left:1.0px;top:2.0px;width:3.0px;height:4.0px");
        assert!(html.contains("data-bar=\"1\" data-fact=\"\""));
        assert_eq!(html.matches("<button").count(), 2);
    }

    #[test]
    fn tooltips_quote_the_source_and_stay_inside_the_chart() {
        let spec = build(&charts()[0], &CATALOGUE, Lang::En).expect("spec");
        let bar = spec.bars().next().expect("a bar");
        let fact = CATALOGUE.fact(bar.fact_id.expect("a stated bar")).expect("fact");
        let anchor = Rect { x: 500.0, y: 10.0, w: 40.0, h: 20.0 };
        let html = tooltip(&CATALOGUE, bar, Lang::En);
        assert!(html.contains(&format!("“{}”", escape(&fact.quote))));
        assert!(html.contains("tooltip__gloss") && !html.contains("style="), "{html}");
        let at = |width| tooltip_style(anchor, width).map(|(k, v)| format!("{k}:{v}")).join(";");
        assert_eq!(at(600.0), "left:300px;top:36px", "pulled left to stay inside");
        assert_eq!(at(2000.0), "left:500px;top:36px", "under its bar when there is room");
        assert_eq!(at(200.0), "left:0px;top:36px", "narrower than a tooltip: from the left edge");
        let derived = BarSpec { fact_id: None, ..bar.clone() };
        assert!(tooltip(&CATALOGUE, &derived, Lang::Zh).contains("根据报告数字推算"));
    }

    #[test]
    fn figures_describe_every_bar_in_words_while_the_chart_is_shown() {
        for def in charts().iter() {
            let spec = build(def, &CATALOGUE, Lang::Zh).expect("spec");
            let foot = figure_foot(&CATALOGUE, Ok(&spec), false, Lang::Zh);
            for b in spec.bars() {
                let said = match b.fact_id.and_then(|id| CATALOGUE.fact(id)) {
                    Some(f) => catalogue::fact_text::sentence(&CATALOGUE, f, Lang::Zh),
                    None => format!("{}（推算）", b.label),
                };
                assert!(foot.contains(&escape(&said)), "{}: {said}", def.id);
            }
            assert!(foot.contains(&format!("<p class=\"chart__source\">{} ", escape(&spec.source))));
            // It leads into the report at the sentence of the chart's first stated figure.
            let first = spec.bars().find_map(|b| b.fact_id).expect("a stated figure");
            assert!(foot.contains(&format!("data-read-fact=\"{first}\">在报告中阅读</a></p>")), "{}", def.id);
            assert_eq!(foot.matches("chart__note").count(), spec.notes.len());
            assert!(!figure_foot(&CATALOGUE, Ok(&spec), true, Lang::Zh).contains("chart__alt"));
            assert!(figure_heading(Some(&spec)).contains(&escape(&spec.title)));
        }
        let broken = figure_foot(&CATALOGUE, Err("no <fact>".into()), false, Lang::En);
        assert_eq!(broken, "<p class=\"chart__error\" role=\"alert\">This chart cannot be shown: no &lt;fact&gt;</p>");
    }

    #[test]
    fn cards_lists_and_options_name_their_facts() {
        let ids = ["sme-share-tax".to_string(), "no-such-fact".to_string()];
        let cards = headline_cards(&CATALOGUE, &ids, Lang::Zh);
        assert_eq!(cards.matches("<li").count(), 1);
        assert!(cards.contains("data-fact=\"sme-share-tax\""));
        let facts: Vec<_> = CATALOGUE.facts.iter().take(3).collect();
        let list = fact_list(&CATALOGUE, &facts, Lang::En);
        assert_eq!(list.matches("class=\"fact-list__item\"").count(), 3);
        assert_eq!(fact_list(&CATALOGUE, &[], Lang::En), "");
        let frame = finder(Lang::En);
        for name in
            ["name=\"q\"", "name=\"topic\"", "name=\"region\"", "finder__clear", "finder__count", "finder__results"]
        {
            assert!(frame.contains(name), "{name}");
        }
        assert_eq!(finder_count(3, 47, Lang::Zh), "显示 3 / 47 个数字");
        assert!(overview(&CATALOGUE, &ids, Lang::En).starts_with(
            "<h2 id=\"overview-title\" class=\"visually-hidden\">Headlines</h2><ul class=\"headlines\"><li"
        ));
        assert_eq!(
            embed_back("/?a=\"1", Lang::En),
            "<a href=\"/?a=&quot;1\" target=\"_blank\" rel=\"noopener\">Open in the full dashboard ↗</a>"
        );
        let topic = CATALOGUE.topics[1].id.as_str();
        let opts = options(&CATALOGUE.topics, Some(topic), "All topics", Lang::En);
        assert_eq!(opts.matches(" selected").count(), 1);
        assert!(opts.contains(&format!("value=\"{topic}\" selected>")));
        assert!(
            options(&CATALOGUE.topics, None, "All", Lang::En).starts_with("<option value=\"\" selected>All</option>")
        );
    }

    #[test]
    fn tables_have_one_row_per_bar_with_its_exact_value() {
        for def in charts().iter() {
            let spec = build(def, &CATALOGUE, Lang::Zh).expect("spec");
            let html = chart_table(&CATALOGUE, &spec, Lang::Zh);
            assert_eq!(html.matches("<tr data-fact=").count(), spec.bars().count(), "{}", def.id);
            for b in spec.bars() {
                let (value, text) = match b.fact_id.and_then(|id| CATALOGUE.fact(id)) {
                    Some(f) if f.measure.has_base() => {
                        (f.value, catalogue::fact_text::describe(&CATALOGUE, f, Lang::Zh).value)
                    }
                    Some(f) => (f.value, b.value_text.clone()),
                    None => (b.value, b.value_text.clone()),
                };
                assert!(html.contains(&format!("data-value=\"{value}\">{}<", escape(&text))), "{}", def.id);
            }
            // Only stated bars point to a source.
            let stated = spec.bars().filter(|b| b.fact_id.is_some()).count();
            assert_eq!(html.matches("class=\"link\"").count(), stated);
        }
    }

    #[test]
    fn a_decline_reads_as_one_in_the_table_and_the_tooltip() {
        // 较2018年年底平均下降34.4%: stored -34.4, said "下降34.4%" / "down 34.4%".
        let def = charts().iter().find(|c| c.shows("luoning-data-tariff-cut")).expect("the tariff chart");
        for (lang, words) in [(Lang::Zh, "下降34.4%"), (Lang::En, "down 34.4%")] {
            let spec = build(def, &CATALOGUE, lang).expect("spec");
            let html = chart_table(&CATALOGUE, &spec, lang);
            assert!(html.contains(&format!("data-value=\"-34.4\">{words}<")), "{html}");
            let bar = spec.bars().find(|b| b.fact_id == Some("luoning-data-tariff-cut")).expect("bar");
            assert_eq!(bar.value_text, "-34.4%");
            assert!(tooltip(&CATALOGUE, bar, lang).to_string().contains(words));
        }
    }

    #[test]
    fn the_source_panel_shows_the_quote_until_its_paragraph_arrives() {
        let fact = &CATALOGUE.facts[0];
        let html = source_panel(&CATALOGUE, fact, Lang::En);
        assert!(html.contains(&format!("data-fact=\"{}\"", fact.id)));
        assert!(html.contains(&format!("<mark class=\"source__quote\">{}</mark>", escape(&fact.quote))));
        assert!(html.contains("aria-label=\"Close source\""));
        assert_eq!(source_paragraph("a<", "b", "&c"), "a&lt;<mark class=\"source__quote\">b</mark>&amp;c");
    }

    #[test]
    fn notices_are_text_and_at_most_eight_are_listed() {
        assert_eq!(notices(&[], Lang::Zh), "");
        let crafted: Vec<_> = (0..11).map(|i| Notice::UnknownParam { name: format!("<img{i}>") }).collect();
        let html = notices(&crafted, Lang::En);
        assert!(!html.contains("<img"));
        assert_eq!(html.matches("<li>").count(), 9);
        assert!(html.contains("3 more not listed."));
    }

    #[test]
    fn a_chart_without_a_spec_offers_only_the_catalogue() {
        let html = downloads_panel("downloads-x", Lang::En, true);
        assert_eq!(html.matches(" disabled>").count(), 5);
        assert_eq!(
            downloads_toggle("downloads-a", true, Lang::En),
            "<button type=\"button\" class=\"downloads__toggle\" aria-expanded=\"true\" aria-controls=\"downloads-a\" data-focus=\"toggle\">Download</button>"
        );
        assert!(share_page_toggle(false, Lang::Zh).contains("aria-expanded=\"false\" data-focus=\"toggle\">分享此页<"));
        assert!(
            share_chart_toggle(true, Lang::En).contains("aria-expanded=\"true\" data-focus=\"toggle\">Share chart<")
        );
        assert!(!downloads_panel("downloads-x", Lang::En, false).contains("disabled"));
        assert!(html.contains("data-format=\"all-json\""));
        assert_eq!(downloads_messages(false, None, Lang::Zh), "");
        let both = downloads_messages(true, Some("<x>"), Lang::En);
        assert!(both.contains("Preparing the file…") && both.contains("role=\"alert\">&lt;x&gt;</p>"));
    }

    #[test]
    fn the_share_panel_escapes_the_link_and_the_embed_code() {
        let html = share_panel("share-link-a", "https://x/?q=\"<a>", &Html::default(), Lang::Zh);
        assert!(html.contains("value=\"https://x/?q=&quot;&lt;a&gt;\""));
        assert!(!html.contains("textarea"));
        let embed = embed_field("https://x/?q=\"<a>", Lang::Zh);
        assert!(embed.contains("&lt;iframe src=&quot;https://x/?q=&amp;quot;&amp;lt;a&amp;gt;&quot;"), "{embed}");
        let offline = share_panel_offline(Lang::En);
        assert!(offline.contains("share__offline") && !offline.contains("share__link"), "{offline}");
    }
}
