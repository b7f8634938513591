//! The share-link parser: any query string a stranger can put in a link.
//!
//! Checks, beyond "never panics" (a panic in the page is a white screen):
//! - the view is valid (`embed` only with `chart`, tables sorted and unique, `q` and `check`
//!   trimmed and within their lengths);
//! - its link is canonical: parsing `to_query(view)` gives the same view with no notice, and
//!   writes the same link again, within the bytes the parser reads; links are only unreserved
//!   ASCII and `?&=%,`;
//! - every notice renders in both languages without control, zero-width or bidi characters from
//!   the link, and a crafted link cannot make more notices than it has bytes.
#![no_main]

use facts::i18n::Lang;
use views::view_state::{parse, to_query, MAX_CHECK_CHARS, MAX_QUERY_BYTES, MAX_Q_CHARS};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // location.search is a string; invalid UTF-8 cannot reach the parser, but its replacement
    // characters can.
    let query = String::from_utf8_lossy(data);
    let (view, notices) = parse(&query);

    assert!(view.q.chars().count() <= MAX_Q_CHARS, "q too long: {:?}", view.q);
    assert_eq!(view.q.trim(), view.q, "q not trimmed");
    assert!(view.check.chars().count() <= MAX_CHECK_CHARS, "check too long: {:?}", view.check);
    assert_eq!(view.check.trim(), view.check, "check not trimmed");
    assert!(!view.embed || view.chart.is_some(), "embed without chart");
    assert!(view.tables.windows(2).all(|w| w[0] < w[1]), "tables not sorted/unique: {:?}", view.tables);
    assert!(
        notices.len() <= query.len().min(MAX_QUERY_BYTES) + 1,
        "{} notices for {} bytes",
        notices.len(),
        query.len()
    );

    let link = to_query(&view);
    assert!(link.len() <= MAX_QUERY_BYTES, "the canonical link is {} bytes, more than is read back", link.len());
    assert_eq!(link.is_empty(), view.is_default());
    assert!(
        link.bytes().all(|b| b.is_ascii_alphanumeric() || b"?&=%,-_.~".contains(&b)),
        "link not plain ASCII: {link}"
    );
    let (again, again_notices) = parse(&link);
    assert_eq!(again_notices, vec![], "the canonical link {link:?} gives notices");
    assert_eq!(again, view, "the canonical link {link:?} gives another view");
    assert_eq!(to_query(&again), link, "to_query is not idempotent");

    for n in &notices {
        for lang in [Lang::Zh, Lang::En] {
            let m = n.message(lang);
            assert!(
                !m.chars().any(|c| c.is_control()
                    || matches!(c, '\u{061C}' | '\u{200B}'..='\u{200F}' | '\u{2028}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')),
                "unsafe character in notice {m:?}"
            );
        }
    }
});
