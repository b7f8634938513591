//! The open report's catalogue, verified at build time ([`CATALOGUE`], [`SEED_TEXT`]; see
//! `build.rs`), and what follows from facts alone: their text in both languages (`fact_text`,
//! `format`), the cross-checks, the sentence and paragraph each fact comes from (`provenance`),
//! and the JSON and CSV exports.

pub mod cross_checks;
pub mod export;
pub mod fact_text;
pub mod facts_file;
pub mod format;
pub mod provenance;
pub mod report_file;

use std::sync::LazyLock;

use facts::{Article, Catalogue, Fact, Named, Unit};

/// The version of every file the site publishes for scripts and for the page itself: `facts.json`,
/// a chart's JSON download, each report file and the reports' index. Raised when any of their
/// shapes changes; a reader of one of them refuses another version by name. (2: report files
/// became the model's serde form; the other files kept their shape.)
pub const SCHEMA: u32 = 2;

/// The first report (in file-name order), whose catalogue the dashboard's first load carries:
/// read once, on first use, from the data `build.rs` verified and encoded.
pub static CATALOGUE: LazyLock<Catalogue> = LazyLock::new(|| {
    // The bytes were written by build.rs from the same types a moment before this crate was
    // compiled: failing to read them is a broken build, not bad input.
    postcard::from_bytes(include_bytes!(concat!(env!("OUT_DIR"), "/open.bin")))
        .unwrap_or_else(|e| panic!("the built-in catalogue does not decode: {e}"))
});

/// The first report's text. A static of its own, so that a binary which never shows source
/// paragraphs (the dashboard's first-load wasm) does not carry the whole report.
pub static SEED_TEXT: &str = include_str!(concat!(env!("OUT_DIR"), "/open.txt"));

/// The published index of the other reports ("" when the site has one report).
pub const REPORTS_INDEX: &str = include_str!(concat!(env!("OUT_DIR"), "/reports_index.txt"));

/// Every report, the first included, with their texts: for the native publish step and tests
/// (the dashboard never names it, so the others stay out of its wasm).
#[cfg(not(target_arch = "wasm32"))]
pub static REPORTS: LazyLock<Vec<facts::Report>> = LazyLock::new(|| {
    postcard::from_bytes(include_bytes!(concat!(env!("OUT_DIR"), "/reports.bin")))
        .unwrap_or_else(|e| panic!("the built-in reports do not decode: {e}"))
});

/// The fact with this id in [`CATALOGUE`].
pub fn fact(id: &str) -> Option<&'static Fact> {
    CATALOGUE.fact(id)
}

/// The unit with this id in [`CATALOGUE`].
pub fn unit(id: &str) -> Option<&'static Unit> {
    CATALOGUE.unit(id)
}

/// The region with this id in [`CATALOGUE`].
pub fn region(id: &str) -> Option<&'static Named> {
    CATALOGUE.region(id)
}

/// The topic with this id in [`CATALOGUE`].
pub fn topic(id: &str) -> Option<&'static Named> {
    CATALOGUE.topic(id)
}

/// The article with this id in [`CATALOGUE`].
pub fn article(id: &str) -> Option<&'static Article> {
    CATALOGUE.article(id)
}
