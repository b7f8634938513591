//! The open report: the one a page shows. Every report has its own page (the publish step writes
//! them all from the same app), so a page has exactly one open report for its whole life. In the
//! browser the page brings its data (a binary file the publish step writes,
//! `reports/NAME.HASH.bin`), and the app installs it before it mounts ([`install_data`]); the
//! on-demand module installs the whole report, text included, from its report file
//! ([`install_report`]). Natively (the publish step, tools, tests) it is the site's default
//! report, the first of `seed_reports`, or the one [`with_open_report`] opens while the publish
//! step writes that report's page.
//!
//! [`CATALOGUE`] reads as a `&'static Catalogue` either way, so the code that shows a report does
//! not know where it came from.

use std::ops::Deref;

use facts::Catalogue;

/// The open report's catalogue (see the module's documentation).
pub struct OpenCatalogue(());

pub static CATALOGUE: OpenCatalogue = OpenCatalogue(());

impl Deref for OpenCatalogue {
    type Target = Catalogue;

    fn deref(&self) -> &Catalogue {
        source::catalogue()
    }
}

pub use source::*;

/// Reads the page's data file (the open report's catalogue, with postcard). The message does not
/// say where the reader stopped: the bytes are the publish step's, so a damaged file is a damaged
/// upload or a proxy, and postcard's messages would cost the first load a kilobyte.
pub fn decode_data(bytes: &[u8]) -> Result<Catalogue, String> {
    postcard::from_bytes(bytes).map_err(|_| format!("the report's data is damaged ({} bytes)", bytes.len()))
}

#[cfg(not(target_arch = "wasm32"))]
mod source {
    use crate::REPORTS;
    use facts::Catalogue;

    use std::cell::Cell;

    thread_local! {
        /// Which of `REPORTS` is open on this thread: the first (the site's default) unless the
        /// publish step is writing another report's page ([`with_open_report`]).
        static OPEN_AT: Cell<usize> = const { Cell::new(0) };
    }

    fn open() -> Option<&'static facts::Report> {
        REPORTS.get(OPEN_AT.with(Cell::get)).or_else(|| REPORTS.first())
    }

    /// The open report's catalogue: the first report of `seeds/` (whose build refuses a site with
    /// no report), or the one [`with_open_report`] opened.
    pub fn catalogue() -> &'static Catalogue {
        static EMPTY: std::sync::LazyLock<Catalogue> = std::sync::LazyLock::new(Catalogue::default);
        open().map_or(&*EMPTY, |r| &r.catalogue)
    }

    /// The open report's text.
    pub fn seed_text() -> &'static str {
        open().map_or("", |r| r.text.as_str())
    }

    /// The declarations of the indicators the open report's facts name.
    pub fn indicators() -> &'static [facts::Indicator] {
        open().map_or(&[], |r| r.indicators.as_slice())
    }

    /// Runs `f` with the report `name` open on this thread, as its own page opens it (the publish
    /// step writes every report's page this way); `None` when no report has that name.
    pub fn with_open_report<T>(name: &str, f: impl FnOnce() -> T) -> Option<T> {
        let at = REPORTS.iter().position(|r| r.name == name)?;
        let before = OPEN_AT.with(|o| o.replace(at));
        let out = f();
        OPEN_AT.with(|o| o.set(before));
        Some(out)
    }

    /// The published index of the reports, "" when the site has one.
    pub fn reports_index() -> &'static str {
        seed_reports::INDEX_PATH
    }
}

#[cfg(target_arch = "wasm32")]
mod source {
    use std::sync::OnceLock;

    use facts::{Catalogue, Report};

    static OPEN: OnceLock<Catalogue> = OnceLock::new();
    static TEXT: OnceLock<String> = OnceLock::new();
    static INDEX: OnceLock<String> = OnceLock::new();
    static INDICATORS: OnceLock<Vec<facts::Indicator>> = OnceLock::new();

    /// The installed catalogue; an empty one before (the app mounts only once it is installed, so
    /// nothing reads this earlier but a test that forgot to install).
    pub fn catalogue() -> &'static Catalogue {
        static EMPTY: OnceLock<Catalogue> = OnceLock::new();
        OPEN.get().unwrap_or_else(|| EMPTY.get_or_init(Catalogue::default))
    }

    /// The open report's text, once the on-demand module has installed it ("" before).
    pub fn seed_text() -> &'static str {
        TEXT.get().map_or("", String::as_str)
    }

    /// The published index of the reports, as the page names it ("" when the site has one).
    pub fn reports_index() -> &'static str {
        INDEX.get().map_or("", String::as_str)
    }

    /// Installs the open report from the page's data file. A second call changes nothing.
    pub fn install_data(bytes: &[u8]) -> Result<(), String> {
        if OPEN.get().is_some() {
            return Ok(());
        }
        let _ = OPEN.set(super::decode_data(bytes)?);
        Ok(())
    }

    /// Installs the open report with its text (the on-demand module, from the report's file).
    pub fn install_report(report: Report) {
        let _ = TEXT.set(report.text);
        let _ = OPEN.set(report.catalogue);
        let _ = INDICATORS.set(report.indicators);
    }

    /// The declarations of the indicators the open report's facts name, once the on-demand
    /// module has installed its report file (none before: the first download carries none).
    pub fn indicators() -> &'static [facts::Indicator] {
        INDICATORS.get().map_or(&[], Vec::as_slice)
    }

    /// Where the page says the reports' index is.
    pub fn install_reports_index(path: &str) {
        let _ = INDEX.set(path.to_string());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_open_reports_data_decodes_to_its_catalogue_and_damaged_data_is_refused() {
        assert_eq!(decode_data(seed_reports::OPEN_DATA).as_ref(), Ok(&*CATALOGUE));
        for cut in [0, 1, seed_reports::OPEN_DATA.len() / 2, seed_reports::OPEN_DATA.len() - 1] {
            let e = decode_data(&seed_reports::OPEN_DATA[..cut]).map(|_| ()).unwrap_err();
            assert!(e.starts_with("the report's data is damaged"), "{e}");
        }
    }
}
