//! The reports of `seeds/` (or of the directories `DASHBOARD_SEEDS` names), verified and mapped
//! into the model by `build.rs`, which fails the build naming file, entry and field when a report
//! does not verify.
//!
//! The first report is the one the page opens with (`site.toml`'s `open`, else the first in
//! file-name order); the others follow in file-name order. [`OPEN_DATA`] is its
//! catalogue as the page's data file holds it (postcard): the browser tests install it the way
//! the page does.

use std::sync::LazyLock;

use facts::Report;

/// Every report with its text, the one the page opens with first.
pub static REPORTS: LazyLock<Vec<Report>> = LazyLock::new(|| {
    // The bytes were written by build.rs from the same types a moment before this crate was
    // compiled: failing to read them is a broken build, not bad input.
    postcard::from_bytes(include_bytes!(concat!(env!("OUT_DIR"), "/reports.bin")))
        .unwrap_or_else(|e| panic!("the verified reports do not decode: {e}"))
});

/// The site's own settings (`site.toml`: its name and description), the defaults where it says
/// nothing.
pub static SITE: LazyLock<facts::Site> = LazyLock::new(|| {
    // Written by build.rs from the same type a moment before: see REPORTS.
    postcard::from_bytes(include_bytes!(concat!(env!("OUT_DIR"), "/site.bin")))
        .unwrap_or_else(|e| panic!("the site's settings do not decode: {e}"))
});

/// The open report's catalogue, encoded as the page's data file holds it.
pub const OPEN_DATA: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/open.bin"));

/// The published index of the reports (`reports/index.HASH.json`), "" when the site has one report.
pub const INDEX_PATH: &str = include_str!(concat!(env!("OUT_DIR"), "/reports_index.txt"));
