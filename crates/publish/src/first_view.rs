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
use plotters::prelude::*;

use charts::draw::{draw, Theme, DARK, FONT_FAMILY, LIGHT};
use charts::layout::{css_height, layout};
use charts::registry::{build, charts_in_section, HEADLINES, SECTIONS};
use charts::spec::ChartSpec;
use facts::i18n::Lang;
use facts::Catalogue;
use views::html;
use views::html::Html;
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
        pick(markup::SITE_TITLE),
        tools,
        pick(markup::LEDE),
        markup::report_tools(catalogue, None, false, lang)
    );
    let section = &SECTIONS[0];
    let figure = charts_in_section(section.id)
        .next()
        .and_then(|def| build(def, catalogue, lang).ok())
        .map(|spec| figure(catalogue, &spec, lang))
        .unwrap_or_default();
    let finder = finder(catalogue, lang)?;
    let view = html!(
        "<div class=\"boot__view\" aria-hidden=\"true\"><section class=\"overview\">{}</section><section class=\"finder\"><div class=\"finder__frame\">{}</div></section><section class=\"topic\"><h2 class=\"topic__title\">{}</h2><div class=\"topic__charts\">{}</div></section></div>",
        markup::overview(catalogue, HEADLINES, lang),
        finder,
        pick(section.title),
        figure
    );
    inert(&format!("{}{}", masthead.as_str(), view.as_str()))
}

/// The finder's frame as the app fills it before any search: every option, every number counted.
fn finder(catalogue: &Catalogue, lang: Lang) -> Result<Html, PublishError> {
    let frame = markup::finder(lang);
    let topics = markup::options(catalogue.topics, None, lang.pick("全部主题", "All topics"), lang);
    let regions = markup::options(catalogue.regions, None, lang.pick("全部地区", "All regions"), lang);
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

/// Colours no theme uses, one per theme role, replaced by `var(--chart-<role>)` after drawing.
const PLACEHOLDERS: Theme = Theme {
    background: RGBColor(1, 2, 1),
    bar: RGBColor(1, 2, 2),
    text_on_bar: RGBColor(1, 2, 3),
    text: RGBColor(1, 2, 4),
    muted: RGBColor(1, 2, 5),
    grid: RGBColor(1, 2, 6),
    reference: RGBColor(1, 2, 7),
};

/// Each theme role with its placeholder colour and its light and dark colours.
fn roles() -> [(&'static str, RGBColor, RGBColor, RGBColor); 7] {
    let (p, l, d) = (PLACEHOLDERS, LIGHT, DARK);
    [
        ("background", p.background, l.background, d.background),
        ("bar", p.bar, l.bar, d.bar),
        ("text-on-bar", p.text_on_bar, l.text_on_bar, d.text_on_bar),
        ("text", p.text, l.text, d.text),
        ("muted", p.muted, l.muted, d.muted),
        ("grid", p.grid, l.grid, d.grid),
        ("reference", p.reference, l.reference, d.reference),
    ]
}

/// A colour as plotters' SVG backend writes it.
fn hex(c: RGBColor) -> String {
    format!("#{:02X}{:02X}{:02X}", c.0, c.1, c.2)
}

/// The drawing with its placeholder colours as CSS variables.
fn themed(svg: &str) -> String {
    roles().iter().fold(svg.to_string(), |s, (role, placeholder, _, _)| {
        s.replace(&hex(*placeholder), &format!("var(--chart-{role})"))
    })
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

/// The chart as an inline `<svg>` drawn at `width` CSS px, scaling with its box. `data-drawn`
/// marks it as drawn pixels, like the app's canvases.
pub fn svg(spec: &ChartSpec, width: f64, theme: &Theme, class: &str) -> String {
    let height = css_height(spec, width);
    let mut doc = String::new();
    {
        let backend = SVGBackend::with_string(&mut doc, (width as u32, height as u32));
        let root = backend.into_drawing_area();
        let plan = layout(spec, width, height, 1.0);
        // Drawing into a String cannot fail: the SVG backend only errs writing files.
        let _ = draw(&root, &plan, theme);
    }
    let doc = compact(&views::downloads::svg_font_sizes_in_px(&doc));
    // plotters writes a standalone document: keep the <svg ...> element, add our attributes.
    let start = doc.find("<svg").unwrap_or(0);
    let body = &doc[start..];
    let open_end = body.find('>').unwrap_or(0);
    let (open, rest) = body.split_at(open_end);
    let open = open.replacen(&format!("width=\"{}\"", width as u32), "", 1).replacen(
        &format!("height=\"{}\"", height as u32),
        "",
        1,
    );
    // plotters writes the viewBox; without width and height the drawing scales with its box. The
    // font, written on every text element by plotters, is inherited from the root instead.
    format!(
        "{} class=\"{class}\" data-drawn=\"1\" font-family=\"{FONT_FAMILY}\"{rest}",
        open.split_whitespace().collect::<Vec<_>>().join(" ")
    )
}

/// The SVG without what plotters repeats on every element to no effect: `opacity="1"`,
/// `stroke="none"` on filled shapes, and the font family (set once on the root by [`svg`]).
fn compact(doc: &str) -> String {
    doc.replace(&format!(" font-family=\"{FONT_FAMILY}\""), "")
        .replace(" opacity=\"1\"", "")
        .replace(" stroke=\"none\"", "")
}

#[cfg(test)]
mod tests {
    use super::*;
    use catalogue::CATALOGUE;

    #[test]
    fn the_first_view_has_the_headlines_and_the_first_chart_in_two_drawings() {
        let html = boot_shell(&CATALOGUE).expect("boot shell");
        let style = head_style();
        assert!(!html.contains("<style"), "no <style> in the body's boot shell");
        assert_eq!(html.matches("class=\"headline\"").count(), HEADLINES.len());
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
        let def = charts_in_section(SECTIONS[0].id).next().expect("a chart");
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
