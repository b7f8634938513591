//! A chart as inline SVG for a page: drawn by plotters from its layout in placeholder colours that
//! become CSS variables (`var(--chart-<role>)`), so one drawing serves the light and the dark
//! theme, and compacted. The boot shell's first chart (`publish::first_view`) and the other
//! reports' series (`across_reports`) are drawn this way; [`theme_vars`] sets the variables.

use plotters::prelude::*;

use charts::draw::{draw, Theme, DARK, FONT_FAMILY, LIGHT};
use charts::layout::{css_height, layout};
use charts::spec::ChartSpec;

/// Colours no theme uses, one per theme role, replaced by `var(--chart-<role>)` after drawing.
pub const PLACEHOLDERS: Theme = Theme {
    background: RGBColor(1, 2, 1),
    bar: RGBColor(1, 2, 2),
    text_on_bar: RGBColor(1, 2, 3),
    text: RGBColor(1, 2, 4),
    muted: RGBColor(1, 2, 5),
    grid: RGBColor(1, 2, 6),
    reference: RGBColor(1, 2, 7),
};

/// Each theme role with its placeholder colour and its light and dark colours.
pub fn roles() -> [(&'static str, RGBColor, RGBColor, RGBColor); 7] {
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
pub fn hex(c: RGBColor) -> String {
    format!("#{:02X}{:02X}{:02X}", c.0, c.1, c.2)
}

/// The drawing with its placeholder colours as CSS variables.
pub fn themed(svg: &str) -> String {
    roles().iter().fold(svg.to_string(), |s, (role, placeholder, _, _)| {
        s.replace(&hex(*placeholder), &format!("var(--chart-{role})"))
    })
}

/// The variables for drawings under `selector`: the light theme; the dark one where the page says
/// so (`data-theme="dark"`) or, unless it says light, where the system asks for it.
pub fn theme_vars(selector: &str) -> String {
    let vars = |pick: fn(&(&str, RGBColor, RGBColor, RGBColor)) -> RGBColor| {
        roles().iter().map(|r| format!("--chart-{}:{};", r.0, hex(pick(r)))).collect::<String>()
    };
    let (light, dark) = (vars(|r| r.2), vars(|r| r.3));
    format!(
        "{selector}{{{light}}}@media (prefers-color-scheme:dark){{:root:not([data-theme=\"light\"]) {selector}{{{dark}}}}}:root[data-theme=\"dark\"] {selector}{{{dark}}}"
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
pub fn compact(doc: &str) -> String {
    doc.replace(&format!(" font-family=\"{FONT_FAMILY}\""), "")
        .replace(" opacity=\"1\"", "")
        .replace(" stroke=\"none\"", "")
}
