//! The chart as a stand-alone figure (title, subtitle, chart, notes, source line), laid out for
//! a width and drawn by plotters on any backend; its text lines wrapped by `charts::text_wrap`.

use super::*;
use charts::draw::{draw, DrawResult, Theme, FONT_FAMILY, LIGHT};
use charts::layout::{css_height, layout, Anchor, Rect, TextMark};
use charts::spec::ChartSpec;
use charts::text_wrap::wrap;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// What a line of figure text is, which decides its size and colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextRole {
    Title,
    Subtitle,
    Note,
    Source,
}

#[derive(Clone, Debug, PartialEq)]
pub struct FigureText {
    pub role: TextRole,
    pub mark: TextMark,
}

/// Where everything of a downloadable figure goes, in device pixels.
#[derive(Clone, Debug, PartialEq)]
pub struct FigureLayout {
    pub width: f64,
    pub height: f64,
    pub scale: f64,
    /// Title and subtitle lines above the chart, notes and source lines below it, top to bottom,
    /// each wrapped to the width.
    pub texts: Vec<FigureText>,
    /// The area the chart body is drawn in (whole pixels).
    pub body: Rect,
}

impl FigureLayout {
    /// The lines of one role, top to bottom.
    pub fn lines(&self, role: TextRole) -> impl Iterator<Item = &str> + '_ {
        self.texts.iter().filter(move |t| t.role == role).map(|t| t.mark.text.as_str())
    }
}

/// Sizes in CSS pixels.
pub(super) const PAD: f64 = 16.0;

pub(super) const GAP: f64 = 10.0;

pub(super) const LINE: f64 = 1.4;

pub(super) const MIN_CSS_WIDTH: f64 = 240.0;

pub(super) fn font_size(role: TextRole) -> f64 {
    match role {
        TextRole::Title => 17.0,
        TextRole::Subtitle => 13.0,
        TextRole::Note | TextRole::Source => 12.0,
    }
}

/// Lays out `spec` as a figure `width` device pixels wide at `scale` device pixels per CSS pixel;
/// the height follows from the wrapped text and the chart.
pub fn figure_layout(spec: &ChartSpec, width: f64, scale: f64) -> FigureLayout {
    let scale = if scale.is_finite() && scale > 0.0 { scale } else { 1.0 };
    let width = if width.is_finite() { width.max(MIN_CSS_WIDTH * scale).round() } else { DOWNLOAD_CSS_WIDTH * scale };
    let pad = PAD * scale;
    let text_w = width - 2.0 * pad;
    let mut texts = Vec::new();
    let mut y = pad;
    let block = |texts: &mut Vec<FigureText>, y: &mut f64, role: TextRole, text: &str| {
        let size = font_size(role) * scale;
        for line in wrap(text, size, text_w) {
            let h = size * LINE;
            texts.push(FigureText {
                role,
                mark: TextMark {
                    text: line,
                    x: pad,
                    y: *y + h / 2.0,
                    size,
                    anchor: Anchor::Start,
                    on_bar: false,
                    bold: role == TextRole::Title,
                },
            });
            *y += h;
        }
    };
    block(&mut texts, &mut y, TextRole::Title, &spec.title);
    block(&mut texts, &mut y, TextRole::Subtitle, &spec.subtitle);
    y += GAP * scale;

    // The chart body: the on-screen layout, at the height it asks for at this width.
    let body_w = (width - 2.0 * pad).round();
    let body_h = (css_height(spec, body_w / scale) * scale).ceil();
    let body = Rect { x: pad.round(), y: y.round(), w: body_w, h: body_h };
    y = body.bottom() + GAP * scale;

    for note in &spec.notes {
        block(&mut texts, &mut y, TextRole::Note, note);
        y += 2.0 * scale;
    }
    block(&mut texts, &mut y, TextRole::Source, &spec.source);
    FigureLayout { width, height: (y + pad).ceil(), scale, texts, body }
}

/// Paints the figure: background, text, then the chart body in its sub-area. The chart is drawn
/// last because drawing it presents the backend (an SVG is closed then).
pub fn draw_figure<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    spec: &ChartSpec,
    figure: &FigureLayout,
    theme: &Theme,
) -> DrawResult<DB::ErrorType> {
    root.fill(&theme.background)?;
    for t in &figure.texts {
        let colour = match t.role {
            TextRole::Title | TextRole::Note => theme.text,
            TextRole::Subtitle | TextRole::Source => theme.muted,
        };
        text(root, &t.mark, colour)?;
    }
    let b = figure.body;
    let area = root.clone().shrink((b.x as i32, b.y as i32), (b.w as u32, b.h as u32));
    let plan = layout(spec, b.w, b.h, figure.scale);
    draw(&area, &plan, theme)
}

/// The figure as an SVG document, `width_css` wide, in the light theme.
pub fn chart_svg(spec: &ChartSpec, width_css: f64) -> String {
    let figure = figure_layout(spec, width_css, 1.0);
    let mut out = String::new();
    {
        let backend = SVGBackend::with_string(&mut out, (figure.width as u32, figure.height as u32));
        let root = backend.into_drawing_area();
        // Drawing into a String cannot fail: the SVG backend only errs writing files.
        let _ = draw_figure(&root, spec, &figure, &LIGHT);
    }
    svg_font_sizes_in_px(&out)
}

/// plotters' SVG backend writes `font-size` as the requested size / 1.24, so SVG text comes out
/// smaller than the same text on a canvas (and than the layout's width estimates). This puts the
/// requested pixel sizes back, so the SVG and the PNG look alike.
pub fn svg_font_sizes_in_px(svg: &str) -> String {
    const KEY: &str = "font-size=\"";
    let mut out = String::with_capacity(svg.len());
    let mut rest = svg;
    while let Some(i) = rest.find(KEY) {
        let (head, tail) = rest.split_at(i + KEY.len());
        out.push_str(head);
        let end = tail.find('"').unwrap_or(0);
        match decimal(&tail[..end]) {
            Some(v) => out.push_str(&format!("{}", (v * 1.24 * 100.0).round() / 100.0)),
            None => out.push_str(&tail[..end]),
        }
        rest = &tail[end..];
    }
    out.push_str(rest);
    out
}

pub(super) fn text<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    mark: &TextMark,
    colour: RGBColor,
) -> DrawResult<DB::ErrorType> {
    let weight = if mark.bold { FontStyle::Bold } else { FontStyle::Normal };
    let style = TextStyle::from((FONT_FAMILY, mark.size, weight).into_font())
        .color(&colour)
        .pos(Pos::new(HPos::Left, VPos::Center));
    root.draw(&Text::new(mark.text.clone(), (mark.x.round() as i32, mark.y.round() as i32), style))
}

/// A plain decimal ("13.709677419354838") without `str::parse::<f64>`, whose exact algorithm
/// adds some 15 KB (gzipped) to the wasm; a few digits of precision are plenty for a font size.
pub(super) fn decimal(s: &str) -> Option<f64> {
    let (int, frac) = s.split_once('.').unwrap_or((s, ""));
    if int.is_empty() || !int.bytes().chain(frac.bytes()).all(|b| b.is_ascii_digit()) {
        return None;
    }
    let digits = |t: &[u8]| t.iter().fold(0.0, |v, b| v * 10.0 + f64::from(b - b'0'));
    let frac = &frac.as_bytes()[..frac.len().min(9)];
    Some(digits(int.as_bytes()) + digits(frac) / 10f64.powi(frac.len() as i32))
}

#[cfg(test)]
mod tests {
    use super::decimal;

    #[test]
    fn decimals_are_read_without_the_float_parser() {
        assert_eq!(decimal("13"), Some(13.0));
        assert!((decimal("13.709677419354838").unwrap_or(0.0) - 13.709677419).abs() < 1e-6);
        assert_eq!(decimal("0.5"), Some(0.5));
        for bad in ["", ".5", "1e3", "-1", "1.2.3", "abc"] {
            assert_eq!(decimal(bad), None, "{bad}");
        }
    }
}
