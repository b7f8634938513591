//! What the reader is looking at, as a link: [`ViewState`] <-> query string.
//!
//! A shared link must reopen the same view, so every choice the reader makes (language, theme,
//! chart in focus, tables, selected fact, search) lives in one value that [`to_query`] writes and
//! [`parse`] reads back. Links are typed, pasted, cut short by chat apps and crafted by strangers,
//! so [`parse`] never fails: it keeps what it understands and returns a [`Notice`] for everything
//! it ignored or changed, for the page to show. Ids from the link are only ever compared with our
//! own static lists and the list's `&'static str` is stored, so user text never becomes an id;
//! the only user text kept is the search text `q` and the sentence to check `check`, which the page
//! shows as plain text.
//!
//! Links outlive the data. [`to_query`] stamps each link with the catalogue version (`cv`) and
//! two-character fingerprints of the figures in focus (`cf`), so a link made before a figure was
//! corrected says which figures changed instead of silently showing different numbers.
//!
//! Parameters (in the order [`to_query`] writes them):
//!
//! | name      | values                                   | default |
//! |-----------|------------------------------------------|---------|
//! | `lang`    | `zh`, `en`                               | `zh`    |
//! | `theme`   | `auto`, `light`, `dark`                  | `auto`  |
//! | `embed`   | `1`, `0` (only with `chart`)             | `0`     |
//! | `section` | a section id                             | none    |
//! | `chart`   | a chart id (the chart in focus)          | none    |
//! | `table`   | chart ids separated by `,`               | none    |
//! | `fact`    | a fact id (source panel open)            | none    |
//! | `q`       | search text, at most 100 characters      | empty   |
//! | `topic`   | a catalogue topic id                     | none    |
//! | `region`  | a catalogue region id                    | none    |
//! | `read`    | an article id (the report's text open)   | none    |
//! | `check`   | a sentence to check, at most 160 chars   | empty   |
//! | `cv`      | catalogue version (written, not stored)  |         |
//! | `cf`      | fingerprints of the facts in focus       |         |

//!
//! The module's parts: [`codec`] reads and writes links, [`notices`] says in both languages what
//! a link asked for that could not be shown, [`version`] stamps links with the catalogue's
//! version and per-figure fingerprints.

mod codec;
mod notices;
mod version;

pub use codec::{ids_elsewhere, parse, parse_with, to_query, to_query_with, trim_to};
pub use notices::Notice;
pub use version::{catalogue_version, fact_fingerprint};

use crate::search::Filter;
use facts::i18n::Lang;

/// Longest query read, in bytes. Real links are a few hundred bytes; the cap bounds the work and
/// the number of notices a crafted link can cause.
pub const MAX_QUERY_BYTES: usize = 4096;
/// Longest search text kept, in characters: longer text is no search anyone typed, and the
/// search cost grows with it.
pub const MAX_Q_CHARS: usize = 100;
/// Longest sentence to check kept, in characters: a claim is a sentence or two, and every valid
/// view's link must stay within [`MAX_QUERY_BYTES`] (160 characters are at most 1.9 KB encoded,
/// beside at most 1.2 KB of `q` and the ids).
pub const MAX_CHECK_CHARS: usize = 160;
/// Longest user value echoed in a notice, in characters, so a crafted link cannot fill the page.
pub const MAX_ECHO_CHARS: usize = 40;

/// Colour scheme. `Auto` follows the reader's system setting, so it is the default and is not
/// written into links (a link should not force the sender's preference on the reader).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Theme {
    #[default]
    Auto,
    Light,
    Dark,
}

impl Theme {
    /// The query value, as written in links.
    pub fn as_str(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
}

/// Everything a link can say about the view. Ids are the `&'static str` of the static lists
/// (`charts()`, `sections()`, the catalogue), never text from the link.
///
/// A *valid* view, which [`parse`] always returns and which round-trips through [`to_query`]
/// unchanged, has: `embed` only with `chart`; `tables` sorted and deduplicated; `q` trimmed and at
/// most [`MAX_Q_CHARS`] characters; every id from its list.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct ViewState {
    /// Interface language (`?lang=en`).
    pub lang: Lang,
    /// Colour scheme (`?theme=dark`).
    pub theme: Theme,
    /// Only the chart in focus, for iframes (`?embed=1`); meaningless without `chart`.
    pub embed: bool,
    /// Section scrolled to (`?section=gd-5g`), a `sections()` id.
    pub section: Option<&'static str>,
    /// Chart in focus (`?chart=gd-5g-stations`), a `charts()` id.
    pub chart: Option<&'static str>,
    /// Charts shown as tables (`?table=gd-finance,sme-shares`): `charts()` ids, sorted, no repeats.
    pub tables: Vec<&'static str>,
    /// Selected fact, whose source sentence is open (`?fact=gd-clearance-2020-06`).
    pub fact: Option<&'static str>,
    /// Search text (`?q=5G%20基站`), trimmed.
    pub q: String,
    /// Catalogue topic id the facts are narrowed to (`?topic=gd-5g`).
    pub topic: Option<&'static str>,
    /// Catalogue region id the facts are narrowed to (`?region=guangdong`).
    pub region: Option<&'static str>,
    /// Article whose full text is open in the reading view (`?read=guangdong`).
    pub read: Option<&'static str>,
    /// Indicator whose own view is open (`?indicator=east-5g-stations`): its series across the
    /// reports, its definition and every point with its sentence. An indicator a fact of the open
    /// report names.
    pub indicator: Option<&'static str>,
    /// Sentence the claim checker checks (`?check=广东减税降费超过2000亿元`), trimmed.
    pub check: String,
}

impl ViewState {
    /// The search part of the view, in the form `search` takes.
    pub fn filter(&self) -> Filter {
        Filter { text: self.q.clone(), topic: self.topic.map(String::from), region: self.region.map(String::from) }
    }

    /// True for the view a bare URL opens, whose link is "".
    pub fn is_default(&self) -> bool {
        *self == ViewState::default()
    }
}

/// Adds `item` to a sorted list of distinct items, keeping it so. These lists hold a few chart or
/// unit ids; the standard sort would add 2 KB of wasm for them.
pub fn insert_sorted<'a>(list: &mut Vec<&'a str>, item: &'a str) {
    if let Err(at) = list.binary_search(&item) {
        list.insert(at, item);
    }
}

#[cfg(test)]
mod tests {
    use super::codec::*;
    use super::notices::*;
    use super::version::*;
    use super::*;
    use catalogue::CATALOGUE;

    #[test]
    fn decode_handles_plus_percent_and_rejects_bad_sequences() {
        assert_eq!(decode("a+b%20c").as_deref(), Some("a b c"));
        assert_eq!(decode("%E4%B8%AD").as_deref(), Some("中"));
        assert_eq!(decode("%e4%b8%ad").as_deref(), Some("中"));
        assert_eq!(decode("%"), None);
        assert_eq!(decode("%4"), None);
        assert_eq!(decode("%ZZ"), None);
        assert_eq!(decode("%E4%B8"), None);
        assert_eq!(decode("%FF"), None);
    }

    #[test]
    fn encode_keeps_only_unreserved() {
        let mut out = String::new();
        encode_into(&mut out, "a-Z_0.~ +,中");
        assert_eq!(out, "a-Z_0.~%20%2B%2C%E4%B8%AD");
        assert_eq!(decode(&out).as_deref(), Some("a-Z_0.~ +,中"));
    }

    #[test]
    fn limit_cuts_at_a_char_boundary_and_drops_the_cut_pair() {
        let mut n = Notices::default();
        let q = format!("lang=en&q={}", "中".repeat(2000));
        assert_eq!(limit(&q, &mut n), "lang=en");
        assert_eq!(n.0, vec![Notice::QueryTooLong { len: q.len() }]);

        let mut n = Notices::default();
        let exact = format!("{}&lang=en", "a".repeat(MAX_QUERY_BYTES));
        assert_eq!(limit(&exact, &mut n), "a".repeat(MAX_QUERY_BYTES));

        let mut n = Notices::default();
        assert_eq!(limit(&"中".repeat(3000), &mut n), "");
    }

    #[test]
    fn echo_shortens_by_chars_and_defuses_control_characters() {
        assert_eq!(echo("abc"), "abc");
        let long = "中".repeat(100);
        let e = echo(&long);
        assert_eq!(e.chars().count(), MAX_ECHO_CHARS);
        assert!(e.ends_with('…'));
        assert_eq!(echo("a\nb\u{202E}c"), "a\u{FFFD}b\u{FFFD}c");
        assert_eq!(echo(&"x".repeat(MAX_ECHO_CHARS)), "x".repeat(MAX_ECHO_CHARS));
    }

    #[test]
    fn base36_is_fixed_width_lowercase() {
        let v = catalogue_version(&CATALOGUE);
        assert_eq!(v.len(), 6);
        assert!(v.bytes().all(|b| b.is_ascii_digit() || b.is_ascii_lowercase()));
        for f in &CATALOGUE.facts {
            let fp = fact_fingerprint(f);
            assert_eq!(fp.len(), 2);
            assert!(fp.bytes().all(|b| b.is_ascii_digit() || b.is_ascii_lowercase()));
        }
        assert_eq!(Fnv1a(0).base36(3), "000");
    }

    #[test]
    fn fnv1a_matches_the_reference_vectors() {
        let mut h = Fnv1a::new();
        h.bytes(b"");
        assert_eq!(h.0, 0xcbf2_9ce4_8422_2325);
        let mut h = Fnv1a::new();
        h.bytes(b"a");
        assert_eq!(h.0, 0xaf63_dc4c_8601_ec8c);
        let mut h = Fnv1a::new();
        h.bytes(b"foobar");
        assert_eq!(h.0, 0x8594_4171_f739_67e8);
    }

    #[test]
    fn every_message_is_non_empty_in_both_languages() {
        let all = [
            Notice::UnknownParam { name: "x".into() },
            Notice::BadValue { param: "lang", value: "fr".into() },
            Notice::UnknownChart { id: "x".into() },
            Notice::UnknownFact { id: "x".into() },
            Notice::UnknownSection { id: "x".into() },
            Notice::UnknownTopic { id: "x".into() },
            Notice::UnknownRegion { id: "x".into() },
            Notice::Repeated { param: "q" },
            Notice::Truncated { param: "q", max: MAX_Q_CHARS },
            Notice::BadEncoding { param: "q".into() },
            Notice::EmbedWithoutChart,
            Notice::QueryTooLong { len: 5000 },
            Notice::StaleCatalogue { changed: vec![], unknown_chart_facts: false },
            Notice::StaleCatalogue { changed: vec!["gd-5g-stations-2019"], unknown_chart_facts: false },
            Notice::StaleCatalogue { changed: vec![], unknown_chart_facts: true },
        ];
        for n in &all {
            for lang in [Lang::Zh, Lang::En] {
                assert!(!n.message(lang).is_empty(), "{n:?}");
            }
        }
    }
}
