//! A chart as inline SVG for a page: drawn by plotters from its layout in placeholder colours that
//! become CSS variables (`var(--chart-<role>)`), so one drawing serves the light and the dark
//! theme, and compacted. The boot shell's charts (`publish::first_view`), the plain pages' and the
//! other reports' series (`across_reports`) are drawn this way; [`theme_vars`] sets the variables.

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

/// The drawing with its placeholder colours as CSS variables, and its tick labels' size and colour
/// as the class [`TICK_CLASS`] names: written on a hundred texts of a page, each a few bytes even
/// gzipped. [`theme_vars`] styles the class.
pub fn themed(svg: &str) -> String {
    let themed = roles().iter().fold(svg.to_string(), |s, (role, placeholder, _, _)| {
        s.replace(&hex(*placeholder), &format!("var(--chart-{role})"))
    });
    let tick = format!(" font-size=\"{TICK_SIZE}\" fill=\"var(--chart-muted)\"");
    themed.replace(&tick, &format!(" class=\"{TICK_CLASS}\""))
}

/// A tick label's size as plotters writes it: the layout's text size (13) times 0.85
/// (`charts::layout`). Its colour is the muted one.
const TICK_SIZE: &str = "11.05";

/// The class a tick label carries instead of its size and colour ([`themed`]).
pub const TICK_CLASS: &str = "tick";

/// The variables for drawings under `selector`: the light theme; the dark one where the page says
/// so (`data-theme="dark"`) or, unless it says light, where the system asks for it. And the font
/// of their texts, and the tick labels' class ([`themed`]): a class's style overrides what the
/// text inherits from its root.
///
/// Written as the page's own style is minified (lowercase colours, no space after a comma, no
/// quotes around a plain value), so that gzip finds the same strings in both: it is on the first
/// load.
pub fn theme_vars(selector: &str) -> String {
    let vars = |pick: fn(&(&str, RGBColor, RGBColor, RGBColor)) -> RGBColor| {
        let vars: Vec<String> =
            roles().iter().map(|r| format!("--chart-{}:{}", r.0, hex(pick(r)).to_lowercase())).collect();
        vars.join(";")
    };
    let (light, dark) = (vars(|r| r.2), vars(|r| r.3));
    let font = FONT_FAMILY.replace(", ", ",");
    format!(
        "{selector}{{font-family:{font};{light}}}@media (prefers-color-scheme:dark){{:root:not([data-theme=light]) {selector}{{{dark}}}}}:root[data-theme=dark] {selector}{{{dark}}}{selector} .{TICK_CLASS}{{font-size:{TICK_SIZE}px;fill:var(--chart-muted)}}"
    )
}

/// The size of most of a chart's text (its labels and values, `charts::layout`): written once on
/// the root of an inline drawing, and left off each text of that size.
const TEXT_SIZE: &str = "13";

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
    let text_fill = hex(theme.text);
    let doc = compact(&crate::downloads::svg_font_sizes_in_px(&doc), &text_fill);
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
    // usual text size and the text colour, written on every text element by plotters, are
    // inherited from the root instead ([`compact`]); the font from the page's style, which names
    // it once for all its drawings ([`theme_vars`]).
    format!(
        "{} class=\"{class}\" data-drawn=\"1\" font-size=\"{TEXT_SIZE}\" fill=\"{text_fill}\"{rest}",
        open.split_whitespace().collect::<Vec<_>>().join(" ")
    )
}

/// The SVG without what plotters repeats on every element to no effect, drawn the same: the
/// font family (set once by the page's style, [`theme_vars`]), the usual text size ([`TEXT_SIZE`])
/// and the text colour `text_fill` (both set once on the root by [`svg`]; every other shape
/// plotters draws names its own fill),
/// `opacity="1"`, `stroke="none"` on filled shapes, `text-anchor="start"` (the default), the line
/// breaks around a text's content (SVG drops them), and two-point lines as paths, consecutive
/// ones of the same stroke as one path ([`merge_lines`]).
pub fn compact(doc: &str, text_fill: &str) -> String {
    let doc = doc
        .replace(&format!(" font-family=\"{FONT_FAMILY}\""), "")
        .replace(" opacity=\"1\"", "")
        .replace(" stroke=\"none\"", "");
    let mut out = String::with_capacity(doc.len());
    let mut rest = doc.as_str();
    while let Some(at) = rest.find('<') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let end = rest.find('>').map_or(rest.len(), |e| e + 1);
        let (tag, after) = rest.split_at(end);
        if tag.starts_with("<text ") {
            let tag = tag
                .replace(" text-anchor=\"start\"", "")
                .replace(&format!(" font-size=\"{TEXT_SIZE}\""), "")
                .replace(&format!(" fill=\"{text_fill}\""), "");
            out.push_str(&tag);
            // The content, between line breaks plotters adds.
            let close = after.find("</text>").unwrap_or(after.len());
            out.push_str(after[..close].trim_matches('\n'));
            rest = &after[close..];
        } else {
            out.push_str(&two_point_path(tag).unwrap_or_else(|| tag.to_string()));
            rest = after;
        }
    }
    out.push_str(rest);
    merge_lines(&out)
}

/// `<polyline fill="none" stroke="C" stroke-width="W" points="x1,y1 x2,y2 "/>` as the same line
/// in a path (`M x1 y1 V y2`, or `H x2`, or `L x2 y2`; the width only when not SVG's default 1);
/// `None` for any other element.
fn two_point_path(tag: &str) -> Option<String> {
    let body = tag.strip_prefix("<polyline fill=\"none\" stroke=\"")?;
    let (stroke, body) = body.split_once('"')?;
    let body = body.strip_prefix(" stroke-width=\"")?;
    let (width, body) = body.split_once('"')?;
    let points = body.strip_prefix(" points=\"")?.strip_suffix("\"/>")?;
    let [a, b]: [&str; 2] = points.split_whitespace().collect::<Vec<_>>().try_into().ok()?;
    let ((x1, y1), (x2, y2)) = (a.split_once(',')?, b.split_once(',')?);
    let to = match (x1 == x2, y1 == y2) {
        (true, _) => format!("V{y2}"),
        (_, true) => format!("H{x2}"),
        _ => format!("L{x2} {y2}"),
    };
    let width = if width == "1" { String::new() } else { format!(" stroke-width=\"{width}\"") };
    Some(format!("<path fill=\"none\" stroke=\"{stroke}\"{width} d=\"M{x1} {y1}{to}\"/>"))
}

/// Consecutive paths of one stroke (a grid's lines, a dashed outline's dashes) as one path of
/// several lines: drawn the same, since their strokes are opaque, in fewer elements for the
/// browser to parse and lay out, and fewer bytes.
fn merge_lines(doc: &str) -> String {
    let mut out = String::with_capacity(doc.len());
    // The open path's start (up to its `d="`), whose lines are being collected into `out`.
    let mut open: Option<&str> = None;
    let mut rest = doc;
    while let Some(at) = rest.find("<path ") {
        let tag_end = rest[at..].find("/>").map_or(rest.len(), |e| at + e + 2);
        let tag = &rest[at..tag_end];
        let between = &rest[..at];
        let split = tag.find(" d=\"").and_then(|d| Some((&tag[..d + 4], tag[d + 4..].strip_suffix("\"/>")?)));
        match (open, split) {
            (Some(head), Some((this_head, d))) if head == this_head && between.trim().is_empty() => out.push_str(d),
            (_, Some((this_head, d))) => {
                if open.is_some() {
                    out.push_str("\"/>");
                }
                out.push_str(between);
                out.push_str(this_head);
                out.push_str(d);
                open = Some(this_head);
            }
            (_, None) => {
                if open.take().is_some() {
                    out.push_str("\"/>");
                }
                out.push_str(between);
                out.push_str(tag);
            }
        }
        rest = &rest[tag_end..];
    }
    if open.is_some() {
        out.push_str("\"/>");
    }
    out.push_str(rest);
    out
}
