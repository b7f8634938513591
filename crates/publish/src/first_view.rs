//! The boot shell, drawn at build time: the masthead, the headline figures, the finder's frame and
//! the first section's chart, with the chart as inline SVG drawn by plotters from the verified
//! catalogue. `publish` puts it in `index.html`'s `<div id="boot">`, so a reader sees the numbers
//! and the chart in the first paint, before the wasm has arrived; the app replaces it when it
//! mounts.
//!
//! It is written by the app's own markup functions (`views::markup`), then made inert ([`inert`]:
//! controls disabled and out of the tab order, ids and references removed), so the first view
//! exists once. It is only right for the default view (Chinese, no link state, no stored
//! preferences): the inline script in `index.html` hides it otherwise, and the app's first frame
//! takes over. A browser test compares its layout with the app's.

use lol_html::element;
use lol_html::html_content::ContentType;

use charts::registry::{build, charts_in_section, headlines, sections};
use charts::spec::ChartSpec;
use facts::i18n::Lang;
use facts::Catalogue;
use plotters::style::RGBColor;
use views::html;
use views::html::Html;
use views::inline_svg::{hex, roles, svg, themed, PLACEHOLDERS};
use views::markup;

use crate::page::rewrite;
use crate::PublishError;

/// Widths (CSS px) the chart is drawn at, and the widest viewport each is shown in: the chart's
/// width in the app's layout at 1280 and 360 px wide windows.
const WIDE: f64 = 1134.0;
const NARROW: f64 = 294.0;
pub const NARROW_MAX_VIEWPORT: u32 = 700;

/// The boot shell's content, in Chinese: the masthead, then the first view.
pub fn boot_shell(catalogue: &'static Catalogue) -> Result<String, PublishError> {
    let lang = Lang::Zh;
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
    let section = &sections()[0];
    let figure = charts_in_section(&section.id)
        .next()
        .and_then(|def| build(def, catalogue, lang).ok())
        .map(|spec| figure(catalogue, &spec, lang))
        .unwrap_or_default();
    let finder = finder(catalogue, lang)?;
    let view = html!(
        "<div class=\"boot__view\" aria-hidden=\"true\"><section class=\"overview\">{}</section><section class=\"finder\"><div class=\"finder__frame\">{}</div></section><section class=\"topic\"><h2 class=\"topic__title\">{}</h2><div class=\"topic__charts\">{}</div></section></div>",
        markup::overview(catalogue, headlines(), lang),
        finder,
        lang.pick(&section.title.0, &section.title.1),
        figure
    );
    inert(&format!("{}{}", masthead.as_str(), view.as_str()))
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
/// order, and no ids (the app's own must stay unique), references to ids, live regions or the
/// data attributes the app and the tests look for.
pub fn inert(markup: &str) -> Result<String, PublishError> {
    rewrite(
        markup,
        vec![
            element!("button, input, select", |el| {
                el.set_attribute("disabled", "")?;
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
                    "aria-current",
                    "name",
                ] {
                    el.remove_attribute(name);
                }
                Ok(())
            }),
        ],
    )
}

fn figure(catalogue: &Catalogue, spec: &ChartSpec, lang: Lang) -> Html {
    let pick = |t: (&'static str, &'static str)| lang.pick(t.0, t.1);
    let switch = html!(
        "<div class=\"chart__switch\"><button aria-pressed=\"true\">{}</button><button aria-pressed=\"false\">{}</button></div>",
        pick(markup::CHART_LABEL),
        pick(markup::TABLE_LABEL)
    );
    // Drawn once per width in placeholder colours that become CSS variables, set for the light
    // and the dark theme by `head_style`: one drawing serves both themes.
    let drawings: String = [(WIDE, "boot__wide"), (NARROW, "boot__narrow")]
        .iter()
        .map(|(w, class)| themed(&svg(spec, *w, &PLACEHOLDERS, class)))
        .collect();
    html!(
        "<figure class=\"chart\" data-chart=\"{}\"><div class=\"chart__head\"><div>{}</div><div class=\"chart__tools\"><div class=\"share\">{}</div><div class=\"downloads\">{}</div>{}</div></div><div class=\"chart__canvas\">{}</div><div class=\"chart__foot\">{}</div></figure>",
        spec.id,
        markup::figure_heading(Some(spec)),
        markup::share_chart_toggle(false, lang),
        markup::downloads_toggle("", false, lang),
        switch,
        // plotters' SVG, its text escaped by plotters.
        Html::trusted(drawings),
        markup::figure_foot(catalogue, Ok(spec), false, lang)
    )
}

/// The variables' values: the light theme, and the dark one where the system asks for it (the
/// boot shell only shows the default view, whose theme follows the system). A `<style>` for the
/// page's `<head>`: HTML allows it nowhere in `<body>`.
pub fn head_style() -> String {
    let vars = |pick: fn(&(&str, RGBColor, RGBColor, RGBColor)) -> RGBColor| {
        roles().iter().map(|r| format!("--chart-{}:{};", r.0, hex(pick(r)))).collect::<String>()
    };
    format!(
        "<style>.boot svg{{{}}}@media (prefers-color-scheme:dark){{.boot svg{{{}}}}}</style>",
        vars(|r| r.2),
        vars(|r| r.3)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use catalogue::CATALOGUE;
    use charts::draw::LIGHT;

    #[test]
    fn the_first_view_has_the_headlines_and_the_first_chart_in_two_drawings() {
        let html = boot_shell(&CATALOGUE).expect("boot shell");
        let style = head_style();
        assert!(!html.contains("<style"), "no <style> in the body's boot shell");
        assert_eq!(html.matches("class=\"headline\"").count(), headlines().len());
        assert_eq!(html.matches("<svg").count(), 2);
        assert_eq!(html.matches("data-drawn=\"1\"").count(), 2);
        // Drawn in theme variables only: no placeholder colour is left, and both themes set them all.
        for (role, placeholder, light, dark) in roles() {
            assert!(!html.contains(&hex(placeholder)), "{role}");
            assert!(style.contains(&format!("--chart-{role}:{};", hex(light))), "{role}");
            assert!(style.contains(&format!("--chart-{role}:{};", hex(dark))), "{role}");
        }
        assert!(html.contains("fill=\"var(--chart-bar)\""));
        assert!(html.contains("data-chart=\"sme-shares\""));
        // The numbers a reader sees first, as the app formats them.
        for text in ["7.8万座", "94.3%", "50%以上", "90%以上"] {
            assert!(html.contains(text), "{text}");
        }
        // No script, no ids (the app's own ids must stay unique), no external references.
        assert!(!html.contains("<script") && !html.contains(" id=") && !html.contains("href="));
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
        // Compacted: the font once, on the root; no opacity="1".
        assert_eq!(s.matches("font-family=").count(), 1);
        assert!(!s.contains("opacity=\"1\"") && s.contains("<text"));
    }
}
