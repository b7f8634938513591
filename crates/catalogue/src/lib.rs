//! The open report's catalogue ([`CATALOGUE`], [`seed_text`]; see `open`), and what follows from
//! facts alone: their text in both languages (`fact_text`,
//! `format`), the cross-checks, the sentence and paragraph each fact comes from (`provenance`),
//! and the JSON and CSV exports.

pub mod changes;
pub mod cross_checks;
pub mod export;
pub mod fact_text;
pub mod facts_file;
pub mod format;
mod open;
pub mod pages;
pub mod provenance;
pub mod report_file;
pub mod revisions;
pub mod site_index;

use facts::{Article, Fact, Named, Unit};

#[cfg(not(target_arch = "wasm32"))]
pub use open::with_open_report;
pub use open::{decode_data, indicators, reports_index, seed_text, OpenCatalogue, CATALOGUE};
#[cfg(target_arch = "wasm32")]
pub use open::{install_data, install_report, install_reports_index};
/// Every report the site holds, with their texts, as the site publishes them: each catalogue with
/// its notes on what changed since the other reports (`changes::with_since_previous`). For the
/// publish step, tools and tests.
#[cfg(not(target_arch = "wasm32"))]
pub static REPORTS: std::sync::LazyLock<Vec<facts::Report>> =
    std::sync::LazyLock::new(|| changes::with_since_previous(&seed_reports::REPORTS));
#[cfg(not(target_arch = "wasm32"))]
pub use seed_reports::SITE;

/// The version of every file the site publishes for scripts and for the page itself: `facts.json`,
/// a chart's JSON download, each report file and the reports' index. Raised when any of their
/// shapes changes; a reader of one of them refuses another version by name. (2: report files
/// became the model's serde form; the other files kept their shape. 3: each fact in facts.json,
/// facts.csv and the downloads names its report, its article's title and issuing body and a link
/// to it on its report's page; `seed` left each fact, `quote_offset` and `expr` left the CSV. 4:
/// each fact says what it measures, `measure` and `base`, and a change's value is signed; units
/// have a `baseline`.)
pub const SCHEMA: u32 = 4;

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
