//! The report-file reader: a file the page fetches from the site, which a broken upload, a proxy
//! or an older build can hand it damaged, cut short or of another schema version.
//!
//! Checks, beyond "never panics" (a panic in the page is a white screen):
//! - a file it reads writes back to a file it reads as the same report (nothing is lost or
//!   invented between reading and writing);
//! - a file it refuses gets a message that says which kind of problem it is.
#![no_main]

use catalogue::report_file::{parse, to_json};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // `Response.text()` decodes as UTF-8 with replacement characters.
    let text = String::from_utf8_lossy(data);
    match parse(&text) {
        Ok(report) => {
            let again = parse(&to_json(&report));
            assert_eq!(again.as_ref(), Ok(&report), "a report read from a file does not survive writing and reading");
        }
        Err(message) => {
            assert!(
                ["schema version", "not a report file", "damaged report file"].iter().any(|p| message.starts_with(p)),
                "a refusal that does not say what is wrong: {message}"
            );
        }
    }
});
