//! The boot shell, drawn at build time: the masthead, the headline figures, the finder's frame and
//! every section with every chart, the charts as inline SVG drawn by plotters from the verified
//! catalogue. `publish` puts it in `index.html`'s `<div id="boot">`, so a reader sees the numbers
//! and all the charts in the first paint, before the wasm has arrived; the app takes it over
//! (`src/components/boot.rs`): each chart it has not drawn yet keeps the drawing from here.
//!
//! It is written by the app's own markup functions (`views::markup`), then made inert ([`inert`]:
//! controls disabled and out of the tab order, ids and references removed), so the first view
//! exists once. Each report's page has it in Chinese, and its English twin (`NAME.en.html`) in
//! English; each chart's table page (`NAME.table-ID.html`, `catalogue::pages::table_page_file`)
//! has it with that chart shown as its table, as the app's figure shows it (an article's reading
//! page has the article instead of the first view: `reading_page`). It is right for the
//! view from the top in the page's language, in either theme, or scrolled to a section or chart:
//! the first inline script in `index.html` sends a link in the other language, or to a chart as a
//! table, to the page drawn for it, sets the theme and scrolls for a link that asks only that, and
//! hides the shell for any other view, which the app's first frame draws. Browser tests compare
//! its layout with the app's, in both languages.

use lol_html::element;
use lol_html::html_content::ContentType;

use charts::registry::{build, chart_def, charts_in_section, headlines, sections, SectionDef};
use charts::spec::ChartSpec;
use facts::i18n::Lang;
use facts::Catalogue;
use views::html;
use views::html::Html;
use views::inline_svg::{svg, theme_vars, themed, PLACEHOLDERS};
use views::markup;
use views::prerender::{charts_grid_class, drawn_widths, stand_ins};

use crate::page::rewrite;
use crate::PublishError;

/// The boot shell's content in `lang`: the masthead, then the first view, with the chart `table`
/// shown as its table (a table page's view, `catalogue::pages::table_page_file`).
pub fn boot_shell(catalogue: &'static Catalogue, lang: Lang, table: Option<&str>) -> Result<String, PublishError> {
    let pick = |t: (&'static str, &'static str)| lang.pick(t.0, t.1);
    let tools = html!(
        "<div class=\"share\">{}</div><button class=\"theme-toggle\">{}</button><button class=\"lang-toggle\">{}</button>",
        markup::share_page_toggle(false, lang),
        pick(markup::THEME_LABEL),
        pick(markup::LANG_LABEL)
    );
    let masthead = html!(
        "<header class=\"masthead\"><div class=\"masthead__row\"><h1>{}</h1><div class=\"masthead__tools boot__tools\" aria-hidden=\"true\">{}</div></div><p class=\"lede\">{}</p><div class=\"report-tools-host\" aria-hidden=\"true\">{}</div></header>",
        pick((catalogue::SITE.title_zh.as_str(), catalogue::SITE.title_en.as_str())),
        tools,
        pick(markup::LEDE),
        markup::report_tools(catalogue, None, false, lang)
    );
    let topics: Html = drawn_sections(catalogue, lang)
        .into_iter()
        .map(|(section, charts)| {
            let figures: Html = charts
                .iter()
                .map(|(spec, drawn)| figure(catalogue, spec, drawn, table == Some(spec.id), lang))
                .collect();
            html!(
                "<section class=\"topic\" data-section=\"{}\"><h2 class=\"topic__title\">{}</h2><div class=\"{}\">{}</div></section>",
                section.id.as_str(),
                lang.pick(&section.title.0, &section.title.1),
                // As the app counts them: a chart that cannot be built shows its reason there.
                charts_grid_class(charts_in_section(&section.id).count()),
                figures
            )
        })
        .collect();
    let finder = finder(catalogue, lang)?;
    let view = html!(
        "<div class=\"boot__view\" aria-hidden=\"true\"><section class=\"overview\">{}</section><section class=\"finder\"><div class=\"finder__frame\">{}</div></section>{}</div>",
        markup::overview(catalogue, headlines(), lang),
        finder,
        topics
    );
    let shell = inert(&format!("{}{}", masthead.as_str(), view.as_str()))?;
    crate::page::with_first_screen_end_after(&shell, "section.topic")
}

/// The finder's frame as the app fills it before any search: every option, every number counted.
fn finder(catalogue: &Catalogue, lang: Lang) -> Result<Html, PublishError> {
    let frame = markup::finder(lang);
    let topics = markup::options(&catalogue.topics, None, lang.pick("全部主题", "All topics"), lang);
    let regions = markup::options(&catalogue.regions, None, lang.pick("全部地区", "All regions"), lang);
    let n = catalogue.facts.len();
    let count = markup::finder_count(n, n, lang);
    let filled = rewrite(
        frame.as_str(),
        vec![
            element!("select[name=topic]", |el| {
                el.set_inner_content(topics.as_str(), ContentType::Html);
                Ok(())
            }),
            element!("select[name=region]", |el| {
                el.set_inner_content(regions.as_str(), ContentType::Html);
                Ok(())
            }),
            element!(".finder__count", |el| {
                el.set_inner_content(&count, ContentType::Text);
                Ok(())
            }),
        ],
    )?;
    // Markup the app's own functions wrote, with their values escaped, only filled in above.
    Ok(Html::trusted(filled))
}

/// Markup that looks like the app but does nothing: every control disabled and out of the tab
/// order (a disclosure's summary, which cannot be disabled, only out of the tab order), and no ids
/// (the app's own must stay unique), references to ids, live regions or the data attributes the
/// app and the tests look for. What is current (`aria-current`) stays, as
/// the style marks it.
pub fn inert(markup: &str) -> Result<String, PublishError> {
    rewrite(
        markup,
        vec![
            element!("button, input, select", |el| {
                el.set_attribute("disabled", "")?;
                el.set_attribute("tabindex", "-1")?;
                Ok(())
            }),
            // A disclosure's summary cannot be disabled; out of the tab order, it is not reached
            // inside markup hidden from assistive technology (a reading page's glosses).
            element!("summary", |el| {
                el.set_attribute("tabindex", "-1")?;
                Ok(())
            }),
            // A link without `href` is no link: not focusable, nothing to follow.
            element!("a", |el| {
                el.remove_attribute("href");
                Ok(())
            }),
            element!("*", |el| {
                for name in [
                    "id",
                    "aria-labelledby",
                    "aria-controls",
                    "aria-live",
                    "aria-expanded",
                    "role",
                    "data-fact",
                    "data-focus",
                    "data-read-article",
                    "data-read-fact",
                    "aria-describedby",
                    "name",
                ] {
                    el.remove_attribute(name);
                }
                Ok(())
            }),
        ],
    )
}

/// A chart as the shell draws it, and the widths it is drawn at.
type DrawnChart = (ChartSpec<'static>, Vec<f64>);

/// The shell's sections, each with its charts as the shell draws them: the chart in `lang` and
/// the widths it is drawn at (`prerender::drawn_widths`). The markup and the style that sizes it
/// both follow this (a label's language decides how it wraps, and so the chart's height).
fn drawn_sections(catalogue: &'static Catalogue, lang: Lang) -> Vec<(&'static SectionDef, Vec<DrawnChart>)> {
    sections()
        .iter()
        .enumerate()
        .map(|(i, section)| {
            let defs: Vec<_> = charts_in_section(&section.id).collect();
            let drawn = drawn_widths(defs.len(), i == 0);
            let charts =
                defs.iter().filter_map(|def| build(def, catalogue, lang).ok()).map(|spec| (spec, drawn.clone()));
            (section, charts.collect())
        })
        .collect()
}

/// The class each drawing of a chart carries, in the order of `prerender::drawn_widths`
/// (phone, then desktop where there is one).
const DRAWING_CLASSES: [&str; 2] = ["prerendered--phone", "prerendered--desktop"];

/// The ids of the charts the shell draws in `lang`, in the page's order: those a table page can
/// show as a table (a chart whose spec cannot be built has neither drawing nor table).
pub fn drawn_charts(catalogue: &'static Catalogue, lang: Lang) -> Vec<&'static str> {
    drawn_sections(catalogue, lang)
        .into_iter()
        .flat_map(|(_, charts)| charts.into_iter().map(|(spec, _)| spec.id))
        .collect()
}

/// The figure of `chart` shown as its table, in `lang`, as [`boot_shell`] writes it on the chart's
/// table page (inert, its attributes written short): what a table page has in place of the report
/// page's figure. `None` for a chart the shell does not draw.
pub fn table_figure(catalogue: &'static Catalogue, lang: Lang, chart: &str) -> Result<Option<String>, PublishError> {
    // That one chart, built as the shell builds it; a table needs no drawing.
    let Some(spec) = chart_def(chart).and_then(|def| build(def, catalogue, lang).ok()) else {
        return Ok(None);
    };
    let markup = inert(figure(catalogue, &spec, &[], true, lang).as_str())?;
    Ok(Some(crate::compact_markup::compact_attributes(&markup)))
}

/// A chart's figure as the app's `ChartFigure` lays it out: its drawings, or as a table (`table`)
/// its table (`markup::chart_table`, in the wrapper the app's `ChartTable` writes it into).
fn figure(catalogue: &Catalogue, spec: &ChartSpec, drawn: &[f64], table: bool, lang: Lang) -> Html {
    let pick = |t: (&'static str, &'static str)| lang.pick(t.0, t.1);
    let switch = html!(
        "<div class=\"chart__switch\"><button aria-pressed=\"{}\">{}</button><button aria-pressed=\"{}\">{}</button></div>",
        !table,
        pick(markup::CHART_LABEL),
        table,
        pick(markup::TABLE_LABEL)
    );
    let body = if table {
        html!("<div class=\"chart__table-wrap\">{}</div>", markup::chart_table(catalogue, spec, lang))
    } else {
        // Drawn once per width in placeholder colours that become CSS variables, set for the
        // light and the dark theme by `head_style`: one drawing serves both themes. Fitted into
        // its box without distortion, from the top left, where the app's canvas draws the same
        // labels.
        let drawings: String = drawn
            .iter()
            .zip(DRAWING_CLASSES)
            .map(|(w, class)| {
                // In HTML an inline <svg> needs no namespace attribute.
                themed(&svg(spec, *w, &PLACEHOLDERS, &format!("prerendered {class}")))
                    .replacen(" xmlns=\"http://www.w3.org/2000/svg\"", "", 1)
                    .replacen("<svg ", "<svg preserveAspectRatio=\"xMinYMin meet\" ", 1)
            })
            .collect();
        // plotters' SVG, its text escaped by plotters.
        html!("<div class=\"chart__canvas chart__canvas--prerendered\">{}</div>", Html::trusted(drawings))
    };
    html!(
        "<figure class=\"chart\" data-chart=\"{}\"><div class=\"chart__head\"><div>{}</div><div class=\"chart__tools\"><div class=\"share\">{}</div><div class=\"downloads\">{}</div>{}</div></div>{}<div class=\"chart__foot\">{}</div></figure>",
        spec.id,
        markup::figure_heading(Some(spec)),
        markup::share_chart_toggle(false, lang),
        markup::downloads_toggle("", false, lang),
        switch,
        body,
        markup::figure_foot(catalogue, Ok(spec), table, lang)
    )
}

/// A `<style>` for the page's `<head>` (the shell in `lang`) (HTML allows it nowhere in `<body>`): the drawings'
/// colours, light and dark (`inline_svg::theme_vars`), and for each chart, by the width of its
/// box, which drawing shows and how high the box is: the app's canvas height there
/// (`prerender::stand_ins`), so nothing moves when the app's canvas takes the drawing's place.
/// Sections below the first are laid out only when scrolled near, except under a link to a
/// section or chart (`boot-focus`, index.html), where those above the target must have their real
/// height for the target to sit where the app puts it.
pub fn head_style(catalogue: &'static Catalogue, lang: Lang) -> String {
    let mut rules = String::new();
    for (_, charts) in drawn_sections(catalogue, lang) {
        for (spec, drawn) in charts {
            for run in stand_ins(&spec, &drawn) {
                let query = match (run.from, run.to) {
                    (Some(from), Some(to)) => format!("(width>={from}px) and (width<{to}px)"),
                    (Some(from), None) => format!("(width>={from}px)"),
                    (None, Some(to)) => format!("(width<{to}px)"),
                    (None, None) => "(width>=0)".to_string(),
                };
                rules.push_str(&format!(
                    "@container {query}{{{} .{}{{display:block;height:{}px}}}}",
                    chart_selector(spec.id),
                    DRAWING_CLASSES[run.drawing],
                    run.height
                ));
            }
        }
    }
    format!(
        "<style>{DRAWINGS_FIRST_RULE}.chart__canvas--prerendered svg{{display:none;width:100%;content-visibility:auto}}.boot__view .topic~.topic{{content-visibility:auto;contain-intrinsic-size:auto 600px}}.boot-focus .boot__view .topic~.topic{{content-visibility:visible}}{rules}{}</style>",
        theme_vars(".prerendered")
    )
}

/// The selector of a chart's figure. Chart ids are lowercase letters and digits joined by '-'
/// (checked by `verify`): one that starts with a letter is a CSS identifier and needs no quotes
/// (two bytes a rule, twenty rules on the first load).
fn chart_selector(id: &str) -> String {
    if id.starts_with(|c: char| c.is_ascii_lowercase()) {
        format!("[data-chart={id}]")
    } else {
        format!("[data-chart=\"{id}\"]")
    }
}

/// The first of [`head_style`]'s rules; the drawings' colours are its last.
const DRAWINGS_FIRST_RULE: &str = ".chart__canvas--prerendered{container-type:inline-size}";

/// Where [`head_style`]'s rules are in `style`, a page's style: from its first rule to the end of
/// its last, the drawings' colours. Found by those two, not by drawing every chart again to write
/// it (a reading page drops them: `reading_page`). `None` when they are not there, in that order.
pub fn drawings_style_in(style: &str) -> Option<std::ops::Range<usize>> {
    let start = style.find(DRAWINGS_FIRST_RULE)?;
    let colours = theme_vars(".prerendered");
    let end = start + style[start..].find(&colours)? + colours.len();
    Some(start..end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use catalogue::CATALOGUE;
    use charts::draw::LIGHT;
    use views::inline_svg::{hex, roles};

    #[test]
    fn the_first_view_has_the_headlines_and_every_chart_in_two_drawings() {
        for lang in [Lang::Zh, Lang::En] {
            first_view_in(lang);
        }
    }

    fn first_view_in(lang: Lang) {
        let html = boot_shell(&CATALOGUE, lang, None).expect("boot shell");
        let style = head_style(&CATALOGUE, lang);
        assert!(!html.contains("<style"), "no <style> in the body's boot shell");
        assert_eq!(html.matches("class=\"headline\"").count(), headlines().len());
        let charts: Vec<_> = sections().iter().flat_map(|s| charts_in_section(&s.id)).collect();
        assert_eq!(html.matches("<figure").count(), charts.len());
        // Two drawings for the first section's charts, one for the others'.
        let first = charts_in_section(&sections()[0].id).count();
        assert_eq!(html.matches("<svg").count(), charts.len() + first);
        assert_eq!(html.matches("data-drawn=\"1\"").count(), charts.len() + first);
        assert_eq!(html.matches("<section class=\"topic\"").count(), sections().len());
        // A lone chart spans its row by the class, as the page is parsed (`charts_grid_class`).
        let lone = sections().iter().filter(|s| charts_in_section(&s.id).count() == 1).count();
        assert!(lone > 0);
        assert_eq!(html.matches("<div class=\"topic__charts topic__charts--one\">").count(), lone);
        for (i, def) in charts.iter().enumerate() {
            assert!(html.contains(&format!("data-chart=\"{}\"", def.id)), "{}", def.id);
            // Every chart's box has a height and a drawing at every width (`prerender` tests which).
            assert!(style.contains(&format!("{} .prerendered--phone{{display:block;height:", chart_selector(&def.id))));
            let desktop = format!("{} .prerendered--desktop{{display:block;height:", chart_selector(&def.id));
            assert_eq!(style.contains(&desktop), i < first, "{}", def.id);
        }
        // Drawn in theme variables only: no placeholder colour is left, and both themes set them all.
        for (role, placeholder, light, dark) in roles() {
            assert!(!html.contains(&hex(placeholder)), "{role}");
            for colour in [light, dark] {
                let var = format!("--chart-{role}:{}", hex(colour).to_lowercase());
                assert!(style.contains(&format!("{var};")) || style.contains(&format!("{var}}}")), "{role}");
            }
        }
        assert!(html.contains("fill=\"var(--chart-bar)\""));
        // The numbers a reader sees first, as the app formats them in the shell's language, down
        // to the last section's.
        let texts: &[&str] = match lang {
            Lang::Zh => &["7.8万座", "94.3%", "50%以上", "90%以上", "洛宁"],
            Lang::En => &["78,000", "94.3%", "at least 50%", "at least 90%", "Luoning"],
        };
        for text in texts {
            assert!(html.contains(text), "{lang:?}: {text}");
        }
        // Nothing of the other language where the reader reads: the site's title and the lede.
        let (title, other) = match lang {
            Lang::Zh => (catalogue::SITE.title_zh.as_str(), catalogue::SITE.title_en.as_str()),
            Lang::En => (catalogue::SITE.title_en.as_str(), catalogue::SITE.title_zh.as_str()),
        };
        assert!(html.contains(&format!("<h1>{title}</h1>")) && !html.contains(other), "{lang:?}");
        // No script, no ids (the app's own ids must stay unique) but the end of the first screen,
        // after the first section, no external references.
        let first_section_end = html
            .find("<section class=\"topic\"")
            .and_then(|i| html[i..].find("</section>").map(|j| i + j + "</section>".len()));
        let mark = html.find(crate::page::FIRST_SCREEN_END);
        assert_eq!(mark, first_section_end, "{lang:?}: the mark after the first section");
        assert_eq!(html.matches(" id=").count(), 1, "{lang:?}");
        assert!(!html.contains("<script") && !html.contains("href="));
    }

    #[test]
    fn the_drawings_style_is_found_in_a_pages_style() {
        for lang in [Lang::Zh, Lang::En] {
            let style = head_style(&CATALOGUE, lang);
            let rules = &style["<style>".len()..style.len() - "</style>".len()];
            let page = format!(":root{{--bg:#fff}}{rules}.reader{{margin:0}}");
            let found = drawings_style_in(&page).expect("found");
            assert_eq!(&page[found], rules, "{lang:?}");
        }
        assert_eq!(drawings_style_in(":root{--bg:#fff}"), None);
    }

    #[test]
    fn svg_scales_with_its_box() {
        let def = charts_in_section(&sections()[0].id).next().expect("a chart");
        let spec = build(def, &CATALOGUE, Lang::Zh).expect("spec");
        let s = svg(&spec, 500.0, &LIGHT, "x");
        assert!(s.starts_with("<svg"), "{}", &s[..40]);
        let open = &s[..s.find('>').expect("a tag")];
        assert!(open.contains("viewBox=\"0 0 500 ") && !open.contains("width=") && !open.contains("height="), "{open}");
        assert!(s.trim_end().ends_with("</svg>"));
        // Compacted: the font in the page's style (`theme_vars`), not in the drawing; no opacity="1".
        assert_eq!(s.matches("font-family=").count(), 0);
        assert!(!s.contains("opacity=\"1\"") && s.contains("<text"));
    }

    #[test]
    fn a_chart_selector_quotes_only_an_id_that_is_not_an_identifier() {
        assert_eq!(chart_selector("gd-5g-stations"), "[data-chart=gd-5g-stations]");
        assert_eq!(chart_selector("5g-stations"), "[data-chart=\"5g-stations\"]");
    }
}
