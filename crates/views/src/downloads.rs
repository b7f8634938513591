//! Chart downloads, pure and testable natively: file names, one chart's facts as CSV and JSON,
//! and the chart as a stand-alone figure (title, subtitle, chart, notes, source line) drawn by
//! plotters on any backend: `SVGBackend::with_string` for SVG, `CanvasBackend` for PNG.
//!
//! The figure is laid out here ([`figure_layout`]) and painted by [`draw_figure`]; the chart body
//! itself is the on-screen chart (`charts::layout` + `charts::draw`) drawn into a sub-area.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use catalogue::export::{fact_json, facts_csv, json_string, number_str};
use charts::draw::{draw, DrawResult, Theme, FONT_FAMILY, LIGHT};
use charts::layout::{css_height, layout, Anchor, Rect, TextMark};
use charts::spec::ChartSpec;
use charts::text_width;
use facts::i18n::Lang;
use facts::{Catalogue, Fact};

/// CSS width of downloaded figures: the same file whatever the window size. PNGs are drawn at
/// twice this ([`PNG_SCALE`]), SVGs at this.
pub const DOWNLOAD_CSS_WIDTH: f64 = 800.0;

/// Device pixels per CSS pixel in a PNG download.
pub const PNG_SCALE: f64 = 2.0;

/// File stem of the whole-catalogue downloads (their content is bilingual).
pub const CATALOGUE_STEM: &str = "all-facts";

/// What a download holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    Png,
    /// The PNG put on the clipboard instead of saved, to paste into a document or a chat.
    CopyPng,
    Svg,
    Csv,
    Json,
    /// Every fact of the catalogue, as `facts::export::to_csv`.
    AllCsv,
    /// The whole catalogue, as `facts::export::to_json`.
    AllJson,
}

impl Format {
    pub const ALL: [Format; 7] =
        [Format::Png, Format::CopyPng, Format::Svg, Format::Csv, Format::Json, Format::AllCsv, Format::AllJson];

    /// The `data-format` of its button.
    pub fn id(self) -> &'static str {
        match self {
            Format::Png => "png",
            Format::CopyPng => "copy-png",
            Format::Svg => "svg",
            Format::Csv => "csv",
            Format::Json => "json",
            Format::AllCsv => "all-csv",
            Format::AllJson => "all-json",
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            Format::Png | Format::CopyPng => "png",
            Format::Svg => "svg",
            Format::Csv | Format::AllCsv => "csv",
            Format::Json | Format::AllJson => "json",
        }
    }

    pub fn mime(self) -> &'static str {
        match self {
            Format::Png | Format::CopyPng => "image/png",
            Format::Svg => "image/svg+xml",
            Format::Csv | Format::AllCsv => "text/csv;charset=utf-8",
            Format::Json | Format::AllJson => "application/json",
        }
    }

    /// The format whose [`Format::id`] this is.
    pub fn from_id(id: &str) -> Option<Format> {
        Format::ALL.into_iter().find(|f| f.id() == id)
    }

    /// Whether it holds the whole catalogue rather than one chart.
    pub fn is_catalogue(self) -> bool {
        matches!(self, Format::AllCsv | Format::AllJson)
    }
}

/// Short language code used in file names.
pub fn lang_code(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "zh",
        Lang::En => "en",
    }
}

/// "gd-5g-stations_zh": the chart and the language of its text. Anything but ASCII letters,
/// digits, '-' and '_' in the id becomes '-', so the stem is a safe file name everywhere.
pub fn file_stem(chart_id: &str, lang: Lang) -> String {
    let id: String =
        chart_id.chars().map(|c| if c.is_ascii_alphanumeric() || c == '-' || c == '_' { c } else { '-' }).collect();
    let id = if id.is_empty() { "chart".to_string() } else { id };
    format!("{id}_{}", lang_code(lang))
}

/// The file name of a download: "gd-5g-stations_zh.png", or "all-facts.csv" for the catalogue.
pub fn file_name(chart_id: &str, lang: Lang, format: Format) -> String {
    if format.is_catalogue() {
        format!("{CATALOGUE_STEM}.{}", format.extension())
    } else {
        format!("{}.{}", file_stem(chart_id, lang), format.extension())
    }
}

/// The catalogue facts a chart shows (bars and reference lines), in `spec.fact_ids()` order.
pub fn chart_facts<'a>(c: &'a Catalogue, spec: &ChartSpec<'_>) -> Vec<&'a Fact> {
    spec.fact_ids().into_iter().filter_map(|id| c.fact(id)).collect()
}

/// The chart's facts as CSV, with the columns, quoting, BOM and line ends of the whole-catalogue
/// CSV, one row per fact. Derived bars (computed, not stated: no fact id) are not rows here,
/// since they have none of the fact columns; the JSON lists them under "derived".
pub fn chart_csv(c: &Catalogue, spec: &ChartSpec) -> String {
    facts_csv(c, &chart_facts(c, spec))
}

/// The chart as JSON: what it is (id, language, title, subtitle, source, notes), its facts with
/// the keys of the whole-catalogue JSON, and its derived bars (label, value, unit, value_text).
pub fn chart_json(c: &Catalogue, spec: &ChartSpec) -> String {
    let facts: Vec<String> = chart_facts(c, spec).into_iter().map(|f| fact_json(c, f)).collect();
    let derived: Vec<String> = spec
        .panels
        .iter()
        .flat_map(|p| p.bars.iter().map(move |b| (p, b)))
        .filter(|(_, b)| b.fact_id.is_none())
        .map(|(p, b)| {
            format!(
                "{{\"label\": {}, \"value\": {}, \"unit\": {}, \"value_text\": {}}}",
                json_string(&b.label),
                json_num(b.value),
                json_string(&p.unit.id),
                json_string(&b.value_text)
            )
        })
        .collect();
    let notes: Vec<String> = spec.notes.iter().map(|n| json_string(n)).collect();
    format!(
        "{{\n  \"schema\": {},\n  \"chart\": {},\n  \"lang\": {},\n  \"title\": {},\n  \"subtitle\": {},\n  \"source\": {},\n  \"notes\": {},\n  \"seed\": {},\n  \"facts\": {},\n  \"derived\": {}\n}}\n",
        catalogue::SCHEMA,
        json_string(spec.id),
        json_string(lang_code(spec.lang)),
        json_string(&spec.title),
        json_string(&spec.subtitle),
        json_string(&spec.source),
        array(&notes),
        json_string(&c.seed),
        array(&facts),
        array(&derived),
    )
}

fn json_num(v: f64) -> String {
    let s = number_str(v);
    if s.is_empty() {
        "null".to_string()
    } else {
        s
    }
}

/// A JSON array nested one level in: one item per line.
fn array(items: &[String]) -> String {
    if items.is_empty() {
        return "[]".to_string();
    }
    let body: Vec<String> = items.iter().map(|i| format!("    {i}")).collect();
    format!("[\n{}\n  ]", body.join(",\n"))
}

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
const PAD: f64 = 16.0;
const GAP: f64 = 10.0;
const LINE: f64 = 1.4;
const MIN_CSS_WIDTH: f64 = 240.0;

fn font_size(role: TextRole) -> f64 {
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

fn text<DB: DrawingBackend>(
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
fn decimal(s: &str) -> Option<f64> {
    let (int, frac) = s.split_once('.').unwrap_or((s, ""));
    if int.is_empty() || !int.bytes().chain(frac.bytes()).all(|b| b.is_ascii_digit()) {
        return None;
    }
    let digits = |t: &[u8]| t.iter().fold(0.0, |v, b| v * 10.0 + f64::from(b - b'0'));
    let frac = &frac.as_bytes()[..frac.len().min(9)];
    Some(digits(int.as_bytes()) + digits(frac) / 10f64.powi(frac.len() as i32))
}

/// Punctuation that must not start a line: it stays with what comes before it.
fn closes(c: char) -> bool {
    "，。、；：！？）》」』】”’…,.;:!?)]%".contains(c)
}

/// Punctuation that must not end a line: it stays with what comes after it.
fn opens(c: char) -> bool {
    "（《「『【“‘([".contains(c)
}

/// Chinese characters (and other wide or dash characters) may break anywhere; other text only
/// at spaces.
fn breaks_anywhere(c: char) -> bool {
    (c as u32) >= 0x2E80 || matches!(c, '—' | '–' | '≈' | '+')
}

/// Splits `text` into lines no wider than `max_px` at `font_px` (by `text_width::estimate`):
/// at spaces, and between Chinese characters, never before closing or after opening
/// punctuation. A word wider than the line is broken where it must be.
pub fn wrap(text: &str, font_px: f64, max_px: f64) -> Vec<String> {
    // Unbreakable pieces, each with whether a space precedes it.
    let mut pieces: Vec<(String, bool)> = Vec::new();
    let mut space = false;
    let mut in_word = false;
    let mut glue = false;
    for c in text.chars() {
        if c.is_whitespace() {
            space = !pieces.is_empty();
            in_word = false;
            glue = false;
            continue;
        }
        let attach = match pieces.last_mut() {
            Some(last) if !space && (glue || (closes(c) && !opens(c)) || (in_word && !breaks_anywhere(c))) => {
                last.0.push(c);
                true
            }
            _ => false,
        };
        if !attach {
            pieces.push((c.to_string(), space));
        }
        glue = opens(c);
        in_word = !breaks_anywhere(c);
        space = false;
    }

    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for (piece, spaced) in pieces {
        let candidate = if line.is_empty() {
            piece.clone()
        } else if spaced {
            format!("{line} {piece}")
        } else {
            format!("{line}{piece}")
        };
        if text_width::estimate(&candidate, font_px) <= max_px || line.is_empty() && fits_alone(&piece, font_px, max_px)
        {
            line = candidate;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        if fits_alone(&piece, font_px, max_px) {
            line = piece;
        } else {
            // Too wide for any line: break it by character.
            for c in piece.chars() {
                let mut next = line.clone();
                next.push(c);
                if !line.is_empty() && text_width::estimate(&next, font_px) > max_px {
                    lines.push(std::mem::take(&mut line));
                    line.push(c);
                } else {
                    line = next;
                }
            }
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

fn fits_alone(piece: &str, font_px: f64, max_px: f64) -> bool {
    text_width::estimate(piece, font_px) <= max_px
}

#[cfg(test)]
mod tests {
    use super::{file_stem, wrap};
    use charts::text_width::estimate;
    use facts::i18n::Lang;

    #[test]
    fn lines_fit_and_keep_every_character() {
        let zh = "虚线箭头表示下限：报告只说“以上”或“超过”，实际值可能更高。";
        let en = "A dashed arrow marks a lower bound: the report says \"at least\" or \"more than\", so the true value may be higher.";
        for (text, joiner) in [(zh, ""), (en, " ")] {
            for max in [60.0, 120.0, 200.0, 1000.0] {
                let lines = wrap(text, 12.0, max);
                for l in &lines {
                    assert!(estimate(l, 12.0) <= max, "{l:?} wider than {max}");
                }
                assert_eq!(lines.join(joiner), text, "at {max}");
            }
        }
        assert_eq!(wrap(zh, 12.0, 10_000.0), vec![zh.to_string()]);
        assert!(wrap("", 12.0, 100.0).is_empty());
    }

    #[test]
    fn punctuation_stays_with_its_neighbours() {
        let text = "虚线箭头表示下限：报告只说“以上”或“超过”，实际值可能更高。";
        for max in [48.0, 60.0, 72.0, 84.0, 96.0] {
            for l in wrap(text, 12.0, max) {
                let first = l.chars().next().unwrap_or(' ');
                let last = l.chars().last().unwrap_or(' ');
                assert!(!"：，。”".contains(first), "{l:?} starts with closing punctuation");
                assert!(last != '“', "{l:?} ends with an opening quote");
            }
        }
        // Numbers are not split.
        assert!(wrap("Guangdong has 1,400 parks and 36,988 stations", 12.0, 60.0).iter().any(|l| l.contains("36,988")));
    }

    #[test]
    fn over_long_words_are_broken() {
        let lines = wrap("Supercalifragilisticexpialidocious", 10.0, 40.0);
        assert!(lines.len() > 1);
        assert_eq!(lines.concat(), "Supercalifragilisticexpialidocious");
    }

    #[test]
    fn decimals_are_read_without_the_float_parser() {
        assert_eq!(super::decimal("13"), Some(13.0));
        assert!((super::decimal("13.709677419354838").unwrap_or(0.0) - 13.709677419).abs() < 1e-6);
        assert_eq!(super::decimal("0.5"), Some(0.5));
        for bad in ["", ".5", "1e3", "-1", "1.2.3", "abc"] {
            assert_eq!(super::decimal(bad), None, "{bad}");
        }
    }

    #[test]
    fn stems_name_chart_and_language() {
        assert_eq!(file_stem("gd-5g-stations", Lang::Zh), "gd-5g-stations_zh");
        assert_eq!(file_stem("gd-5g-stations", Lang::En), "gd-5g-stations_en");
        assert_eq!(file_stem("a/b c", Lang::En), "a-b-c_en");
    }
}
