//! Finding facts by words and numbers, in either language, as the reader types.
//!
//! A fact matches free text when every whitespace-separated term occurs somewhere in its text:
//! labels (long, and short as on chart bars), quote, gloss, numeric expression, id, topic, region
//! and article names, and its value formatted the way the dashboard shows it in Chinese and in
//! English. Terms and text are normalised the same way first (full-width ASCII to half-width,
//! lowercase, no thousands separators), so "５Ｇ", "41,000", "41000" and "4.1万" all find what the
//! reader means.
//!
//! Cost: nothing is precomputed. Each call builds one normalised haystack per fact (about 1 KB
//! for a typical fact, in a buffer reused across facts by [`filter`]) plus the two formatted
//! values, then does one substring search per term. That is linear in catalogue size: about 2 µs
//! per fact of the real catalogue's size (release build, opt-level "z", native), so roughly 20 ms
//! for 10,000 facts per keystroke. Topic and region filters are checked first, so a narrowed
//! view skips the haystack for everything else.

use catalogue::format::value_with_unit;
use facts::i18n::Lang;
use facts::{Catalogue, Fact};

/// What the reader asked for. An empty filter matches every fact.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    /// Free text: whitespace-separated terms, all of which must match.
    pub text: String,
    /// A topic id; matches exactly.
    pub topic: Option<String>,
    /// A region id; matches exactly.
    pub region: Option<String>,
}

impl Filter {
    /// True when the filter would keep every fact, so the UI can hide the result list.
    pub fn is_empty(&self) -> bool {
        self.text.trim().is_empty() && self.topic.is_none() && self.region.is_none()
    }
}

/// Whether `fact` passes `filter`. For many facts prefer [`filter`], which normalises the terms
/// once and reuses one haystack buffer.
pub fn matches(c: &Catalogue, f: &Fact, filter: &Filter) -> bool {
    let terms = terms(&filter.text);
    let mut haystack = String::new();
    matches_with(c, f, filter, &terms, &mut haystack)
}

/// The facts that pass `filter`, in catalogue order.
pub fn filter<'a>(c: &'a Catalogue, filter: &Filter) -> Vec<&'a Fact> {
    let terms = terms(&filter.text);
    let mut haystack = String::new();
    c.facts.iter().filter(|f| matches_with(c, f, filter, &terms, &mut haystack)).collect()
}

/// [`matches`] with terms already normalised and a buffer to build the haystack in.
fn matches_with(c: &Catalogue, f: &Fact, filter: &Filter, terms: &[String], haystack: &mut String) -> bool {
    if filter.topic.as_deref().is_some_and(|t| t != f.topic) {
        return false;
    }
    if filter.region.as_deref().is_some_and(|r| r != f.region) {
        return false;
    }
    if terms.is_empty() {
        return true;
    }
    build_haystack(c, f, haystack);
    terms.iter().all(|term| haystack.contains(term.as_str()))
}

/// The normalised search terms of free text; terms that normalise to nothing are dropped so a
/// stray "," does not match everything.
fn terms(text: &str) -> Vec<String> {
    text.split_whitespace().map(normalise_term).filter(|t| !t.is_empty()).collect()
}

/// One term, normalised like the haystack. A term of only digits and commas ("41,000") is a
/// number typed with separators, so all its commas go, wherever the reader put them.
fn normalise_term(raw: &str) -> String {
    let mut term = String::with_capacity(raw.len());
    push_normalised(&mut term, raw);
    if term.chars().all(|c| c.is_ascii_digit() || c == ',') {
        term.retain(|c| c != ',');
    }
    term
}

/// Fills `out` with every searchable text of the fact, normalised, one field per segment.
/// The separator is a control character no term can contain, so terms never match across fields.
fn build_haystack(c: &Catalogue, f: &Fact, out: &mut String) {
    const SEP: char = '\u{1f}';
    out.clear();
    let mut field = |s: &str| {
        push_normalised(out, s);
        out.push(SEP);
    };
    for s in [&f.id, &f.label_zh, &f.label_en, &f.short_zh, &f.short_en, &f.quote, &f.expr, &f.gloss_en] {
        field(s);
    }
    match c.topic(&f.topic) {
        Some(t) => [t.zh.as_str(), t.en.as_str()].into_iter().for_each(&mut field),
        None => field(&f.topic),
    }
    match c.region(&f.region) {
        Some(r) => [r.zh.as_str(), r.en.as_str()].into_iter().for_each(&mut field),
        None => field(&f.region),
    }
    if let Some(a) = c.article(&f.article) {
        [a.title_zh.as_str(), a.title_en.as_str()].into_iter().for_each(&mut field);
    }
    if let Some(u) = c.unit(&f.unit) {
        for lang in [Lang::Zh, Lang::En] {
            field(&value_with_unit(f.value, u, f.qualifier, lang));
        }
    }
}

/// Appends `s` normalised: full-width ASCII folded to half-width, lowercased, and commas between
/// two digits dropped ("41,000" -> "41000"; the full-width "，" folds to "," first, which is
/// harmless because terms are normalised the same way).
///
/// This is the hot loop of a search, and most of a haystack is Chinese, which has no case. So it
/// scans bytes, copies runs that cannot change in bulk, and decodes a character only when it
/// may fold; decoding every character made a whole search nearly twice as slow.
fn push_normalised(out: &mut String, s: &str) {
    let bytes = s.as_bytes();
    let mut run_start = 0;
    let mut i = 0;
    while let Some(&lead) = bytes.get(i) {
        let (width, may_fold) = classify(lead, bytes.get(i + 1..i + 3));
        if !may_fold {
            i += width;
            continue;
        }
        out.push_str(s.get(run_start..i).unwrap_or_default());
        let original = s.get(i..).and_then(|rest| rest.chars().next());
        i += original.map_or(width, char::len_utf8);
        run_start = i;
        let Some(c) = original.map(half_width) else { continue };
        if c == ',' && out.ends_with(|p: char| p.is_ascii_digit()) && starts_with_digit(s.get(i..)) {
            continue;
        }
        out.push(lower(c));
    }
    out.push_str(s.get(run_start..).unwrap_or_default());
}

/// `c` in lower case, for the letters a reader of these reports types: Latin (with Latin-1 and
/// Latin Extended-A), and the Greek and Cyrillic alphabets; other characters as they are. Arithmetic rather
/// than `char::to_lowercase`, whose table of every script's case pairs is 3 KB gzipped of the
/// first load, for letters no report here uses. (`İ` becomes `i`, one character, as a search
/// wants.)
fn lower(c: char) -> char {
    let u = u32::from(c);
    let to = match u {
        0x41..=0x5a | 0xc0..=0xd6 | 0xd8..=0xde | 0x391..=0x3a1 | 0x3a3..=0x3ab | 0x410..=0x42f => u + 32,
        0x130 => 0x69,
        0x178 => 0xff,
        0x400..=0x40f => u + 80,
        0x386 => 0x3ac,
        0x388..=0x38a => u + 37,
        0x38c => 0x3cc,
        0x38e..=0x38f => u + 63,
        // Latin Extended-A: upper and lower case alternate, the upper on even code points, or on
        // odd ones from U+0139 to U+0148 and from U+0179.
        0x100..=0x12f | 0x132..=0x137 | 0x14a..=0x177 if u % 2 == 0 => u + 1,
        0x139..=0x148 | 0x179..=0x17e if u % 2 == 1 => u + 1,
        _ => u,
    };
    char::from_u32(to).unwrap_or(c)
}

/// Width of the UTF-8 character with this lead byte, and whether it may change when normalised.
/// `next_two` are the following bytes, needed only to single out U+3000 (E3 80 80). Lead bytes
/// E3..E9 (U+3000..U+9FFF: CJK punctuation, kana, ideographs) are caseless apart from that space.
fn classify(lead: u8, next_two: Option<&[u8]>) -> (usize, bool) {
    match lead {
        0x00..=0x7f => (1, lead.is_ascii_uppercase() || lead == b','),
        0xe3 => (3, next_two == Some(&[0x80, 0x80])),
        0xe4..=0xe9 => (3, false),
        0xc0..=0xdf => (2, true),
        0xe0..=0xef => (3, true),
        _ => (4, true),
    }
}

/// Whether the text starts with a digit, half- or full-width.
fn starts_with_digit(rest: Option<&str>) -> bool {
    rest.and_then(|r| r.chars().next()).is_some_and(|c| half_width(c).is_ascii_digit())
}

/// Full-width ASCII (U+FF01..U+FF5E) and the ideographic space to their half-width forms.
fn half_width(c: char) -> char {
    match c {
        '\u{3000}' => ' ',
        '\u{ff01}'..='\u{ff5e}' => char::from_u32(u32::from(c) - 0xfee0).unwrap_or(c),
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use catalogue::CATALOGUE;

    fn ids(filter: &Filter) -> Vec<&'static str> {
        super::filter(&CATALOGUE, filter).into_iter().map(|f| f.id.as_str()).collect()
    }

    fn text(t: &str) -> Filter {
        Filter { text: t.to_string(), ..Filter::default() }
    }

    #[test]
    fn five_g_base_stations_finds_the_station_facts_only() {
        let found = ids(&text("5G 基站"));
        assert_eq!(
            found,
            [
                "gd-5g-stations-2019",
                "gd-5g-stations-2019-national-share",
                "gd-5g-stations-2019-rank",
                "gd-5g-stations-2020h1-new",
                "gd-5g-stations-cumulative-2020-06",
                "luoning-5g-stations",
            ]
        );
        assert!(!found.iter().any(|id| id.starts_with("sme-share")));
    }

    #[test]
    fn numbers_match_as_written_in_either_language() {
        // The new-stations fact and its cumulative sibling share the quote and the gloss
        // ("built 41,000 new 5G base stations, for a cumulative 78,000").
        let both = ["gd-5g-stations-2020h1-new", "gd-5g-stations-cumulative-2020-06"];
        assert_eq!(ids(&text("41,000")), both);
        assert_eq!(ids(&text("41000")), both);
        assert_eq!(ids(&text("4.1万")), both);
        assert_eq!(ids(&text("4.1万 新建")), both);
        // "36,988" is written 36988 in all three quotes of the 2019 sentence.
        let sentence_2019 = ["gd-5g-stations-2019", "gd-5g-stations-2019-national-share", "gd-5g-stations-2019-rank"];
        assert_eq!(ids(&text("36,988")), sentence_2019);
        assert_eq!(ids(&text("基站 36988")), sentence_2019);
        // The English value "230 billion yuan" and the Chinese "2300亿元".
        assert!(ids(&text("230 billion")).contains(&"gd-5g-output-2019"));
        assert!(ids(&text("2300亿")).contains(&"gd-5g-output-2019"));
    }

    #[test]
    fn all_terms_must_match() {
        // The two 4G facts share the quote "…完成9个扶贫村4G基站建设，80多个扶贫村4G网络优化".
        assert_eq!(
            ids(&text("基站 洛宁")),
            ["luoning-4g-new-villages", "luoning-4g-optimised-villages", "luoning-5g-stations"]
        );
        assert!(ids(&text("5G 税收")).is_empty());
    }

    #[test]
    fn full_width_and_case_are_folded() {
        let half = ids(&text("5G"));
        assert!(!half.is_empty());
        assert_eq!(ids(&text("５Ｇ")), half);
        assert_eq!(ids(&text("５g")), half);
        assert_eq!(ids(&text("SME SHARE")), ids(&text("sme share")));
        for id in ["sme-share-tax", "sme-share-gdp", "sme-share-innovation", "sme-share-urban-jobs", "sme-share-firms"]
        {
            assert!(ids(&text("SME SHARE")).contains(&id), "{id}");
        }
        // Ideographic space separates terms like an ASCII space.
        assert_eq!(ids(&text("5G\u{3000}基站")), ids(&text("5G 基站")));
    }

    #[test]
    fn topic_filter_is_exact() {
        let clearance = Filter { topic: Some("gd-clearance".into()), ..Filter::default() };
        assert_eq!(
            ids(&clearance),
            [
                "gd-clearance-2019",
                "national-clearance-requirement-2019",
                "gd-clearance-years-ahead",
                "gd-clearance-2020-06"
            ]
        );
        let prefix = Filter { topic: Some("gd-clear".into()), ..Filter::default() };
        assert!(ids(&prefix).is_empty());
    }

    #[test]
    fn region_and_text_combine() {
        let luoning = Filter { region: Some("luoning".into()), ..Filter::default() };
        assert_eq!(ids(&luoning).len(), 7);
        let luoning_5g = Filter { text: "5G".into(), region: Some("luoning".into()), topic: None };
        assert_eq!(ids(&luoning_5g), ["luoning-5g-stations"]);
    }

    #[test]
    fn empty_filter_keeps_everything() {
        assert!(Filter::default().is_empty());
        assert!(text("  \u{3000} ").is_empty());
        assert!(!text("5G").is_empty());
        assert!(!Filter { topic: Some("gd-5g".into()), ..Filter::default() }.is_empty());
        assert_eq!(ids(&Filter::default()).len(), CATALOGUE.facts.len());
        // A lone separator is not a term.
        assert_eq!(ids(&text(",")).len(), CATALOGUE.facts.len());
    }

    #[test]
    fn matches_agrees_with_filter() {
        let f = text("5G 基站");
        let by_matches: Vec<&str> =
            CATALOGUE.facts.iter().filter(|fact| matches(&CATALOGUE, fact, &f)).map(|fact| fact.id.as_str()).collect();
        assert_eq!(by_matches, ids(&f));
    }

    #[test]
    fn normalising_folds_width_case_and_separators() {
        assert_eq!(normalise_term("５Ｇ"), "5g");
        assert_eq!(normalise_term("41,000"), "41000");
        assert_eq!(normalise_term("１，０００"), "1000");
        let mut s = String::new();
        push_normalised(&mut s, "41,000 Stations，约");
        assert_eq!(s, "41000 stations,约");
        s.clear();
        push_normalised(&mut s, "ÄÖ Ω，１，０００ 12,3a");
        assert_eq!(s, "äö ω,1000 123a");
    }

    /// The arithmetic agrees with the standard library's lower case wherever that is one
    /// character, across Latin (to U+017F) and the Greek and Cyrillic alphabets.
    #[test]
    fn lower_case_is_the_standard_one_for_latin_greek_and_cyrillic() {
        for c in ('\u{0}'..='\u{17f}').chain('\u{386}'..='\u{3ce}').chain('\u{400}'..='\u{45f}') {
            let mut std_lower = c.to_lowercase();
            match (std_lower.next(), std_lower.next()) {
                (Some(l), None) => assert_eq!(lower(c), l, "U+{:04X}", u32::from(c)),
                // İ: the standard gives i with a combining dot; a search wants i.
                _ => assert_eq!(lower(c), 'i', "U+{:04X}", u32::from(c)),
            }
        }
        assert_eq!(lower('中'), '中');
    }

    #[test]
    fn the_caseless_fast_path_really_is_caseless() {
        let mut buf = [0u8; 4];
        for c in '\u{3000}'..='\u{9fff}' {
            let bytes = c.encode_utf8(&mut buf).as_bytes();
            let (width, may_fold) = classify(bytes[0], bytes.get(1..3));
            assert_eq!(width, 3);
            if !may_fold {
                let mut lower = c.to_lowercase();
                assert_eq!((lower.next(), lower.next()), (Some(c), None), "U+{:04X}", u32::from(c));
                assert_eq!(half_width(c), c);
            }
        }
        assert!(classify(0xe3, Some(&[0x80, 0x80])).1, "the ideographic space folds");
    }
}
