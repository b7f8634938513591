//! Chart downloads, pure and testable natively: file names, one chart's facts as CSV and JSON,
//! and the chart as a stand-alone figure (title, subtitle, chart, notes, source line) drawn by
//! plotters on any backend: `SVGBackend::with_string` for SVG, `CanvasBackend` for PNG.
//!
//! Here: the formats and file names. `data`: a chart's facts as CSV and JSON. `figure`: the
//! figure laid out ([`figure_layout`]) and painted ([`draw_figure`]), its text wrapped by
//! `charts::text_wrap`; the chart body itself is the on-screen chart (`charts::layout` +
//! `charts::draw`) drawn into a sub-area.

mod data;
mod figure;

pub use data::*;
pub use figure::*;

use facts::i18n::Lang;

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

#[cfg(test)]
mod tests {
    use super::file_stem;
    use facts::i18n::Lang;

    #[test]
    fn stems_name_chart_and_language() {
        assert_eq!(file_stem("gd-5g-stations", Lang::Zh), "gd-5g-stations_zh");
        assert_eq!(file_stem("gd-5g-stations", Lang::En), "gd-5g-stations_en");
        assert_eq!(file_stem("a/b c", Lang::En), "a-b-c_en");
    }
}
