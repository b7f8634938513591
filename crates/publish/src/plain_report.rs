//! A report's plain page: the whole report as one page that needs no script, for a browser with
//! scripts off (the dashboard's pages send it here, see [`noscript_redirect`]), for a reader who
//! wants every number on one page, and for search engines. One page per language
//! (`catalogue::pages::plain_page_file`).
//!
//! It holds the masthead with links to the other language, the interactive dashboard and the
//! downloads; the headline figures; every section with every chart, drawn now by plotters as
//! inline SVG in theme variables (light, dark or the system's), under each chart its numbers in a
//! `<details>` table whose every row quotes the sentence that states the number and links to it;
//! and the report's text, each number a fact states marked with an anchor (`#fact-ID`).
//!
//! It is written by the same markup functions as the dashboard and the reading view, then made
//! static ([`static_controls`]): what would need a script becomes a link or plain text, or goes.

use std::cell::RefCell;
use std::rc::Rc;

use lol_html::element;
use lol_html::html_content::ContentType;

use catalogue::pages::{page_link, plain_page_file};
use charts::registry::build;
use charts::spec::ChartSpec;
use facts::i18n::Lang;
use facts::{Catalogue, Report};
use views::html;
use views::html::Html;
use views::inline_svg::{svg, theme_vars, themed, PLACEHOLDERS};
use views::markup;
use views::prerender::{charts_grid_class, desktop_width, PHONE_WIDTH};

use crate::page::{insert_in_head, plain_page, rewrite, with_report_head};
use crate::PublishError;

/// The widths (CSS px) each chart is drawn at, one per class of window width, and the page's CSS
/// shows the one for the window (`style/plain.css`): a drawing scaled far from its width would
/// make its labels too small or too large to read. Up to 480, 760 and 1099 px wide windows the
/// charts take the page's width (less its margins), drawn at a width within that class's range
/// (text 10-18 px high); from 1100 px, the dashboard's layout: a section's only chart spans the
/// page, two or more share it in two columns.
const WIDTH_CLASSES: [(f64, &str); 3] = [(PHONE_WIDTH, "plain__w1"), (520.0, "plain__w2"), (830.0, "plain__w3")];

/// The page's own styles, with the reading view's (the report's text is marked up as it is there).
const PLAIN_CSS: &str = include_str!("../../../style/plain.css");
const READER_CSS: &str = include_str!("../../../style/reader.css");

/// The plain page of `reports[open]` in `lang`, from the page Trunk built (its head: styles,
/// icon; its scripts go). Drawn from the report itself, whichever report the catalogue has open.
pub fn plain_report_page(built: &str, reports: &[Report], open: usize, lang: Lang) -> Result<String, PublishError> {
    let report = crate::report_at(reports, open)?;
    let title = markup::report_title(report, lang == Lang::Zh);
    let head = with_report_head(
        built,
        &format!("{title} · {}", lang.pick("全文与全部图表", "Full text and every chart")),
        &crate::head_description(report),
        false,
    )?;
    let style = format!("<style>{}{}{}</style>", READER_CSS, PLAIN_CSS, theme_vars(".plain .chart__canvas svg"));
    let body = body(reports, open, lang)?;
    let page = plain_page(&insert_in_head(&head, &style)?, &body)?;
    crate::page::with_html_lang(&page, lang)
}

/// The `<noscript>` for a dashboard page's `<head>`: a browser without scripts goes on to the
/// report's plain page in the page's language (a `<noscript>` cannot read the link's language;
/// the plain page links to the other one first thing).
pub fn noscript_redirect(report: &str, lang: Lang) -> String {
    format!(
        "<noscript><meta http-equiv=\"refresh\" content=\"0; url={}\"></noscript>",
        plain_page_file(report, lang == Lang::En)
    )
}

/// `html` (a dashboard page) with [`noscript_redirect`] first in its head, once.
pub fn with_noscript_redirect(html: &str, report: &str, lang: Lang) -> Result<String, PublishError> {
    insert_in_head(&without_noscript_redirect(html)?, &noscript_redirect(report, lang))
}

/// `html` without the `<noscript>` of its head: publishing a published page again gives the same
/// pages, and `offline.html`, which has no plain page beside it, none.
pub fn without_noscript_redirect(html: &str) -> Result<String, PublishError> {
    rewrite(
        html,
        vec![element!("head noscript", |el| {
            el.remove();
            Ok(())
        })],
    )
}

fn body(reports: &[Report], open: usize, lang: Lang) -> Result<String, PublishError> {
    let report = &reports[open];
    let catalogue = &report.catalogue;
    let en = lang == Lang::En;
    let pick = |zh: &'static str, en: &'static str| lang.pick(zh, en);
    let dashboard = page_link(&report.name, open == 0);
    let dashboard = if en { format!("{dashboard}?lang=en") } else { dashboard };
    let tools = html!(
        "<p class=\"plain__tools\"><a href=\"{}\" lang=\"{}\">{}</a><a href=\"{}\">{}</a><a href=\"facts.csv\" download>{}</a><a href=\"facts.json\" download>{}</a></p>",
        plain_page_file(&report.name, !en),
        if en { "zh-CN" } else { "en" },
        pick("English", "中文"),
        dashboard,
        pick("交互式看板（需要脚本）", "Interactive dashboard (needs scripts)"),
        pick("全部数字（CSV）", "Every number (CSV)"),
        pick("全部数字（JSON）", "Every number (JSON)")
    );
    let articles: Html = catalogue
        .articles
        .iter()
        .map(|a| {
            html!(
                "<a class=\"report-tools__read\" href=\"#article-{}\">{}</a>",
                a.id,
                lang.pick(&a.title_zh, &a.title_en)
            )
        })
        .collect();
    let masthead = html!(
        "<header class=\"masthead\"><h1>{}</h1><p class=\"lede\">{}</p>{}<p class=\"plain__note\">{}</p><nav class=\"report-tools\" aria-label=\"{}\"><span class=\"report-tools__label\">{}</span>{}</nav></header>",
        markup::report_title(report, !en),
        lang.pick(markup::LEDE.0, markup::LEDE.1),
        tools,
        pick(
            "本页是报告的静态版本：全部图表、每个数字及其原句，无需脚本。",
            "This is the report as a plain page: every chart, every number and its sentence, no scripts needed."
        ),
        pick("报告原文", "The report's text"),
        pick("阅读原文：", "Read the report: "),
        articles
    );
    let overview = html!(
        "<section class=\"overview\"><h2 class=\"visually-hidden\">{}</h2><ul class=\"headlines\">{}</ul></section>",
        pick("要点", "Headlines"),
        markup::headline_cards(catalogue, &catalogue.headlines, lang)
    );
    let mut topics = Html::default();
    for section in &catalogue.sections {
        let defs: Vec<_> = catalogue.charts.iter().filter(|c| c.section == section.id).collect();
        let width = desktop_width(defs.len());
        let figures: Html = defs
            .iter()
            .map(|def| match build(def, catalogue, lang) {
                Ok(spec) => figure(catalogue, &spec, width, lang),
                Err(e) => html!(
                    "<figure class=\"chart\" id=\"chart-{}\">{}</figure>",
                    def.id,
                    markup::figure_foot(catalogue, Err(e.to_string()), false, lang)
                ),
            })
            .collect();
        topics.push(&html!(
            "<section class=\"topic\" id=\"{}\"><h2 class=\"topic__title\">{}</h2><div class=\"{}\">{}</div></section>",
            section.id,
            lang.pick(&section.title.0, &section.title.1),
            charts_grid_class(defs.len()),
            figures
        ));
    }
    let text: Html = catalogue
        .articles
        .iter()
        .filter_map(|a| {
            let text = views::reader::article_text(catalogue, &report.text, &a.id, None, lang)?;
            Some(html!(
                "<section id=\"article-{}\"><h3>{}</h3><p class=\"reader__byline\">{}{}</p>{}</section>",
                a.id,
                lang.pick(&a.title_zh, &a.title_en),
                pick("来源：", "Source: "),
                lang.pick(&a.source_zh, &a.source_en),
                text
            ))
        })
        .collect();
    let body = html!(
        "<a class=\"skip-link\" href=\"#main\">{}</a>{}{}<main id=\"main\" class=\"plain\">{}{}<section class=\"plain__text\" id=\"text\"><h2>{}</h2>{}</section></main>",
        pick("跳到图表", "Skip to the charts"),
        markup::site_reports(reports, open),
        masthead,
        overview,
        topics,
        pick("报告原文", "The report's text"),
        text
    );
    crate::page::with_first_screen_end_after(&static_controls(catalogue, body.as_str(), lang)?, "section.topic")
}

/// One chart: its heading, its drawings, its table behind a disclosure, its notes and source.
fn figure(catalogue: &Catalogue, spec: &ChartSpec, wide: f64, lang: Lang) -> Html {
    let drawings: String = WIDTH_CLASSES
        .iter()
        .chain(&[(wide, "plain__w4")])
        .map(|(w, class)| themed(&svg(spec, *w, &PLACEHOLDERS, class)))
        .collect();
    html!(
        "<figure class=\"chart\" data-chart=\"{}\" id=\"chart-{}\"><div class=\"chart__head\"><div>{}</div></div><div class=\"chart__canvas\" role=\"img\" aria-label=\"{}\">{}</div><details class=\"plain__table\"><summary>{}</summary><div class=\"chart__table-wrap\">{}</div></details><div class=\"chart__foot\">{}</div></figure>",
        spec.id,
        spec.id,
        markup::figure_heading(Some(spec)),
        spec.title,
        // plotters' SVG, its text escaped by plotters.
        Html::trusted(drawings),
        lang.pick("数据表与原句", "Data table and sentences"),
        markup::chart_table(catalogue, spec, lang),
        markup::figure_foot(catalogue, Ok(spec), false, lang)
    )
}

/// The dashboard's markup made static. A table row's "Source" button becomes the sentence that
/// states the number (with its English gloss in English) and a link to it in the text; a
/// headline card and "Read in the report" link to the number in the text; the text's numbers
/// become the anchors those links reach; indicator controls, which open a card only the script
/// can draw, go.
fn static_controls(catalogue: &Catalogue, markup: &str, lang: Lang) -> Result<String, PublishError> {
    let row_fact = Rc::new(RefCell::new(String::new()));
    let (row_seen, row_used) = (row_fact.clone(), row_fact);
    rewrite(
        markup,
        vec![
            element!("tr[data-fact]", move |el| {
                *row_seen.borrow_mut() = el.get_attribute("data-fact").unwrap_or_default();
                Ok(())
            }),
            element!("td > button.link", move |el| {
                let id = row_used.borrow().clone();
                let Some(fact) = catalogue.fact(&id) else {
                    el.remove();
                    return Ok(());
                };
                let gloss = if lang == Lang::En && !fact.gloss_en.is_empty() {
                    html!("<span class=\"plain__quote\" lang=\"en\">{}</span>", fact.gloss_en.as_str())
                } else {
                    Html::default()
                };
                let cell = html!(
                    "<q class=\"plain__quote\" lang=\"zh-CN\">{}</q>{}<a href=\"#fact-{}\">{}</a>",
                    fact.quote.as_str(),
                    gloss,
                    fact.id.as_str(),
                    lang.pick("在原文中", "In the text")
                );
                el.replace(cell.as_str(), ContentType::Html);
                Ok(())
            }),
            element!("button.headline__button[data-fact]", |el| {
                let id = el.get_attribute("data-fact").unwrap_or_default();
                el.set_tag_name("a")?;
                el.set_attribute("href", &format!("#fact-{id}"))?;
                Ok(())
            }),
            element!("a[data-read-fact]", |el| {
                let id = el.get_attribute("data-read-fact").unwrap_or_default();
                el.set_attribute("href", &format!("#fact-{id}"))?;
                el.remove_attribute("data-read-fact");
                Ok(())
            }),
            // The text's numbers: the first of each fact is its anchor. A number stays focusable
            // (its tip shows on focus, as on hover).
            element!("button.read__fact[data-fact]", {
                let mut anchored = std::collections::HashSet::new();
                move |el| {
                    let id = el.get_attribute("data-fact").unwrap_or_default();
                    el.set_tag_name("span")?;
                    el.remove_attribute("type");
                    el.set_attribute("tabindex", "0")?;
                    if anchored.insert(id.clone()) {
                        el.set_attribute("id", &format!("fact-{id}"))?;
                    }
                    Ok(())
                }
            }),
            // Under a paragraph, the line that names them goes with them.
            element!("button.indicator-ref, p.reader__indicators", |el| {
                el.remove();
                Ok(())
            }),
        ],
    )
}
