//! The first view, drawn at build time: the headline figures, the finder's frame and the first
//! section's chart, as static HTML with the chart as inline SVG drawn by plotters from the verified
//! catalogue. `publish` puts it in `index.html`'s boot shell, so a reader sees the numbers and the
//! chart in the first paint, before the wasm has arrived; the app replaces it when it mounts.
//!
//! It is only right for the default view (Chinese, no link state, no stored preferences): the
//! inline script in `index.html` hides it otherwise, and the app's first frame takes over. The
//! markup reuses the app's classes so the page does not move when the app replaces it (a browser
//! test compares the positions). Native only.

use plotters::prelude::*;

use crate::charts::draw::{draw, Theme, DARK, FONT_FAMILY, LIGHT};
use crate::charts::layout::{css_height, layout};
use crate::charts::registry::{build, charts_in_section, HEADLINES, SECTIONS};
use crate::charts::spec::ChartSpec;
use crate::fact_text;
use crate::facts::Catalogue;
use crate::html::escape;
use crate::i18n::Lang;

/// Widths (CSS px) the chart is drawn at, and the widest viewport each is shown in: the chart's
/// width in the app's layout at 1280 and 360 px wide windows.
const WIDE: f64 = 1134.0;
const NARROW: f64 = 294.0;
pub const NARROW_MAX_VIEWPORT: u32 = 700;

/// The boot shell's view (everything below the masthead), in Chinese.
pub fn first_view(catalogue: &'static Catalogue) -> String {
    let lang = Lang::Zh;
    let mut out = String::from("<div class=\"boot__view\" aria-hidden=\"true\">");
    out.push_str("<section class=\"overview\"><ul class=\"headlines\">");
    for f in HEADLINES.iter().filter_map(|id| catalogue.fact(id)) {
        let t = fact_text::describe(catalogue, f, lang);
        out.push_str(&format!(
            "<li class=\"headline\"><div class=\"headline__button\"><span class=\"headline__value\">{}</span>\
             <span class=\"headline__label\">{}</span><span class=\"headline__meta\">{} · {}</span></div></li>",
            escape(&t.value),
            escape(&t.label),
            escape(&t.period),
            escape(&t.region)
        ));
    }
    out.push_str("</ul></section>");
    out.push_str(&format!(
        "<section class=\"finder\"><h2>查找数字</h2><div class=\"finder__controls\">\
         <label class=\"finder__field finder__field--text\"><span>关键词（中文或英文）</span>\
         <input type=\"search\" disabled placeholder=\"如：5G 基站、贷款、94.3%\"></label>\
         <label class=\"finder__field\"><span>主题</span><select disabled><option>全部主题</option>{topics}</select></label>\
         <label class=\"finder__field\"><span>地区</span><select disabled><option>全部地区</option>{regions}</select></label>\
         <button class=\"finder__clear\" disabled>清除</button></div>\
         <p class=\"finder__count\">显示 {n} / {n} 个数字</p></section>",
        n = catalogue.facts.len(),
        // The options size the selects, as in the app.
        topics = options(catalogue.topics),
        regions = options(catalogue.regions),
    ));
    let section = &SECTIONS[0];
    out.push_str(&format!(
        "<section class=\"topic\"><h2 class=\"topic__title\">{}</h2><div class=\"topic__charts\">",
        escape(section.title.0)
    ));
    if let Some(spec) = charts_in_section(section.id).next().and_then(|def| build(def, catalogue, lang).ok()) {
        out.push_str(&figure(&spec));
    }
    out.push_str("</div></section></div>");
    out
}

fn options(named: &[crate::facts::Named]) -> String {
    named.iter().map(|n| format!("<option>{}</option>", escape(n.zh))).collect()
}

fn figure(spec: &ChartSpec) -> String {
    let mut out = format!(
        "<figure class=\"chart\" data-chart=\"{}\"><div class=\"chart__head\"><div>\
         <h3 class=\"chart__title\">{}</h3><p class=\"chart__subtitle\">{}</p></div>\
         <div class=\"chart__tools\"><div class=\"share\"><button class=\"share__toggle\" disabled>分享图表</button></div>\
         <div class=\"downloads\"><button class=\"downloads__toggle\" disabled>下载</button></div>\
         <div class=\"chart__switch\"><button aria-pressed=\"true\" disabled>图表</button>\
         <button aria-pressed=\"false\" disabled>表格</button></div></div></div><div class=\"chart__canvas\">",
        escape(spec.id),
        escape(&spec.title),
        escape(&spec.subtitle)
    );
    // Drawn once per width in placeholder colours that become CSS variables, set for the light
    // and the dark theme by `theme_style`: one drawing serves both themes.
    for (width, class) in [(WIDE, "boot__wide"), (NARROW, "boot__narrow")] {
        out.push_str(&themed(&svg(spec, width, &PLACEHOLDERS, class)));
    }
    out.push_str("</div><div class=\"chart__foot\">");
    for note in &spec.notes {
        out.push_str(&format!("<p class=\"chart__note\">{}</p>", escape(note)));
    }
    out.push_str(&format!("<p class=\"chart__source\">{}</p></div></figure>", escape(&spec.source)));
    out
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
    let doc = compact(&crate::downloads::svg_font_sizes_in_px(&doc));
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
    use crate::facts::CATALOGUE;

    #[test]
    fn the_first_view_has_the_headlines_and_the_first_chart_in_two_drawings() {
        let html = first_view(&CATALOGUE);
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
