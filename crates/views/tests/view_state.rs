//! Links: `ViewState` <-> query string. Every byte of a query is someone else's, so besides the
//! table of cases the properties check that parsing never panics and that writing is canonical.

#![cfg(not(target_arch = "wasm32"))]

use catalogue::CATALOGUE;
use charts::registry::{charts, sections};
use facts::i18n::Lang;
use facts::{Catalogue, Fact};
use proptest::prelude::*;
use views::view_state::{
    catalogue_version, fact_fingerprint, parse, parse_with, to_query, to_query_with, Notice, Theme, ViewState,
    MAX_CHECK_CHARS, MAX_ECHO_CHARS, MAX_QUERY_BYTES, MAX_Q_CHARS,
};

const CHART: &str = "gd-5g-stations";
const FACT: &str = "gd-clearance-2020-06";

fn chart_ids() -> Vec<&'static str> {
    charts().iter().map(|c| c.id.as_str()).collect()
}
fn section_ids() -> Vec<&'static str> {
    sections().iter().map(|s| s.id.as_str()).collect()
}
fn fact_ids() -> Vec<&'static str> {
    CATALOGUE.facts.iter().map(|f| f.id.as_str()).collect()
}
fn topic_ids() -> Vec<&'static str> {
    CATALOGUE.topics.iter().map(|t| t.id.as_str()).collect()
}
fn region_ids() -> Vec<&'static str> {
    CATALOGUE.regions.iter().map(|r| r.id.as_str()).collect()
}
/// Every parameter a link may have, in the order links write them.
const PARAM_NAMES: [&str; 15] = [
    "lang",
    "theme",
    "embed",
    "section",
    "chart",
    "table",
    "fact",
    "q",
    "topic",
    "region",
    "read",
    "indicator",
    "check",
    "cv",
    "cf",
];

fn indicator_ids() -> Vec<&'static str> {
    let mut ids: Vec<&'static str> = CATALOGUE.facts.iter().filter_map(|f| f.indicator.as_deref()).collect();
    ids.sort_unstable();
    ids.dedup();
    ids
}

fn article_ids() -> Vec<&'static str> {
    CATALOGUE.articles.iter().map(|a| a.id.as_str()).collect()
}

/// Parses and asserts the link produced no notices.
fn parse_clean(query: &str) -> ViewState {
    let (s, notices) = parse(query);
    assert_eq!(notices, vec![], "query {query:?}");
    s
}

/// Asserts `s` survives to_query -> parse unchanged and without notices.
fn assert_round_trip(s: &ViewState) {
    let q = to_query(s);
    let (back, notices) = parse(&q);
    assert_eq!(notices, vec![], "query {q:?}");
    assert_eq!(&back, s, "query {q:?}");
}

/// The real catalogue with one fact's value changed, leaked so it is `'static` like the real one.
fn catalogue_with_value(id: &str, value: f64) -> &'static Catalogue {
    let facts: Vec<Fact> =
        CATALOGUE.facts.iter().map(|f| if f.id == id { Fact { value, ..f.clone() } } else { f.clone() }).collect();
    Box::leak(Box::new(Catalogue { facts, ..CATALOGUE.clone() }))
}

#[test]
fn the_ids_used_here_exist() {
    assert!(chart_ids().contains(&CHART));
    assert!(CATALOGUE.fact(FACT).is_some());
    assert!(CATALOGUE.topic("gd-5g").is_some());
    assert!(CATALOGUE.region("guangdong").is_some());
    assert!(section_ids().contains(&"gd-5g"));
}

#[test]
fn the_default_view_is_the_empty_query() {
    let d = ViewState::default();
    assert!(d.is_default());
    assert_eq!(to_query(&d), "");
    for q in ["", "?", "&&", "?&", "?&&&", "?lang=zh&theme=auto&embed=0", "?q=&chart=&table=", "?q=+%20+"] {
        let s = parse_clean(q);
        assert!(s.is_default(), "{q:?} gave {s:?}");
        assert_eq!(to_query(&s), "");
    }
}

#[test]
fn lang_and_chart_round_trip() {
    let s = parse_clean("?lang=en&chart=gd-5g-stations");
    assert_eq!(s.lang, Lang::En);
    assert_eq!(s.chart, Some(CHART));
    assert!(!s.is_default());
    let q = to_query(&s);
    assert!(q.starts_with("?lang=en&chart=gd-5g-stations&cv="), "{q}");
    assert!(q.contains("&cf="), "{q}");
    assert_round_trip(&s);
    // Without the leading '?' too.
    assert_eq!(parse_clean("lang=en&chart=gd-5g-stations"), s);
}

#[test]
fn every_field_round_trips() {
    let s = ViewState {
        lang: Lang::En,
        theme: Theme::Dark,
        embed: true,
        section: Some("gd-5g"),
        chart: Some(CHART),
        tables: vec!["gd-finance", "sme-shares"],
        fact: Some(FACT),
        q: "5G 基站 & 100% + a=b,c".to_string(),
        topic: Some("gd-5g"),
        region: Some("guangdong"),
        read: Some("guangdong"),
        indicator: Some("gd-clearance"),
        check: "超过2000亿元 & more".to_string(),
    };
    assert_round_trip(&s);
    let q = to_query(&s);
    let keys: Vec<&str> =
        q.trim_start_matches('?').split('&').map(|p| p.split_once('=').map_or(p, |(k, _)| k)).collect();
    assert_eq!(keys, PARAM_NAMES);
    assert!(q.contains("&table=gd-finance,sme-shares&"), "{q}");
    assert!(q.contains("&q=5G%20%E5%9F%BA%E7%AB%99%20%26%20100%25%20%2B%20a%3Db%2Cc&"), "{q}");
}

#[test]
fn param_order_is_stable_regardless_of_input_order() {
    let a = parse_clean("?region=guangdong&q=5G&lang=en&table=sme-shares&chart=gd-5g-stations&theme=light");
    let b = parse_clean("?theme=light&chart=gd-5g-stations&table=sme-shares&lang=en&q=5G&region=guangdong");
    assert_eq!(a, b);
    let q = to_query(&a);
    assert_eq!(q, to_query(&b));
    let expected = "?lang=en&theme=light&chart=gd-5g-stations&table=sme-shares&q=5G&region=guangdong&cv=";
    assert!(q.starts_with(expected), "{q}");
}

#[test]
fn plus_is_space_and_q_is_trimmed_and_cut() {
    assert_eq!(parse_clean("?q=5G+%E5%9F%BA%E7%AB%99").q, "5G 基站");
    assert_eq!(parse_clean("?q=%20%20x%E3%80%80").q, "x");
    let long = "字".repeat(MAX_Q_CHARS + 20);
    let (s, notices) = parse(&format!("?q={long}"));
    assert_eq!(s.q.chars().count(), MAX_Q_CHARS);
    assert_eq!(notices, vec![Notice::Truncated { param: "q", max: MAX_Q_CHARS }]);
    // The cut is trimmed too, so the result round-trips.
    let (s, _) = parse(&format!("?q={}+{}", "a".repeat(MAX_Q_CHARS - 1), "b".repeat(10)));
    assert_eq!(s.q, "a".repeat(MAX_Q_CHARS - 1));
    assert_round_trip(&s);
}

#[test]
fn tables_are_sorted_deduplicated_and_accept_both_separators() {
    let s = parse_clean("?table=sme-shares,gd-finance,sme-shares,,");
    assert_eq!(s.tables, vec!["gd-finance", "sme-shares"]);
    assert_eq!(parse_clean("?table=sme-shares%2Cgd-finance").tables, s.tables);
    let (s, notices) = parse("?table=gd-finance,nope,sme-shares");
    assert_eq!(s.tables, vec!["gd-finance", "sme-shares"]);
    assert_eq!(notices, vec![Notice::UnknownChart { id: "nope".into() }]);
}

#[test]
fn repeated_keys_keep_the_first_occurrence() {
    let (s, notices) = parse("?lang=en&lang=zh&lang=zh");
    assert_eq!(s.lang, Lang::En);
    assert_eq!(notices, vec![Notice::Repeated { param: "lang" }]);
    // First wins even when it is unusable, so the result does not depend on later pairs.
    let (s, notices) = parse("?chart=nope&chart=gd-5g-stations");
    assert_eq!(s.chart, None);
    assert_eq!(notices, vec![Notice::Repeated { param: "chart" }, Notice::UnknownChart { id: "nope".into() }]);
    // Empty values are "not set" and do not count.
    assert_eq!(parse_clean("?q=&q=x").q, "x");
}

#[test]
fn unknown_and_bad_values_are_reported() {
    let (s, notices) = parse("?foo=1&Lang=en&lang=fr&theme=blue&embed=yes&foo=2");
    assert!(s.is_default());
    assert_eq!(
        notices,
        vec![
            Notice::UnknownParam { name: "foo".into() },
            Notice::UnknownParam { name: "Lang".into() },
            Notice::BadValue { param: "lang", value: "fr".into() },
            Notice::BadValue { param: "theme", value: "blue".into() },
            Notice::BadValue { param: "embed", value: "yes".into() },
        ]
    );
}

#[test]
fn unknown_ids_are_reported_and_matched_case_sensitively() {
    let (s, notices) = parse("?chart=GD-5G-STATIONS&fact=no-such-fact&section=nowhere&topic=GD-5G&region=atlantis");
    assert!(s.is_default());
    assert_eq!(
        notices,
        vec![
            Notice::UnknownSection { id: "nowhere".into() },
            Notice::UnknownChart { id: "GD-5G-STATIONS".into() },
            Notice::UnknownFact { id: "no-such-fact".into() },
            Notice::UnknownTopic { id: "GD-5G".into() },
            Notice::UnknownRegion { id: "atlantis".into() },
        ]
    );
}

#[test]
fn ids_are_the_static_strings_not_the_users() {
    // What matters is that nothing stored points into the user's buffer: a fact id is the
    // catalogue's own string.
    let query = String::from("?chart=gd-5g-stations&fact=gd-clearance-2020-06&table=sme-shares&topic=gd-5g");
    let range = query.as_bytes().as_ptr_range();
    let (s, _) = parse(&query);
    let ids = [s.chart, s.fact, s.topic, s.tables.first().copied()];
    assert!(ids.iter().all(Option::is_some), "{s:?}");
    for id in ids.into_iter().flatten() {
        assert!(!range.contains(&id.as_ptr()), "{id} borrows from the query");
    }
    let fact = s.fact.unwrap_or_default();
    assert!(CATALOGUE.facts.iter().any(|f| std::ptr::eq(f.id.as_str(), fact)));
}

#[test]
fn markup_is_plain_text_in_q_and_an_unknown_chart_id() {
    let script = "<script>alert(1)</script>";
    let s = parse_clean("?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E");
    assert_eq!(s.q, script);
    assert_round_trip(&s);
    assert!(to_query(&s).contains("q=%3Cscript%3Ealert%281%29%3C%2Fscript%3E"));
    let (s, notices) = parse(&format!("?chart={script}"));
    assert_eq!(s.chart, None);
    assert_eq!(notices, vec![Notice::UnknownChart { id: script.into() }]);
    assert!(notices[0].message(Lang::En).contains(script));
}

#[test]
fn percent_encoding_decodes_utf8_and_rejects_bad_sequences() {
    assert_eq!(parse_clean("?q=%E4%B8%AD").q, "中");
    assert_eq!(parse_clean("?q=%e4%b8%ad").q, "中");
    assert_eq!(parse_clean("?%6Cang=en").lang, Lang::En);
    for bad in ["%ZZ", "%E4%B8", "%", "%4", "%C0%80", "%FF"] {
        let (s, notices) = parse(&format!("?lang=en&q={bad}"));
        assert_eq!(s.q, "", "{bad}");
        assert_eq!(s.lang, Lang::En, "{bad}");
        assert_eq!(notices, vec![Notice::BadEncoding { param: "q".into() }], "{bad}");
    }
    let (_, notices) = parse("?l%ZZng=en");
    assert_eq!(notices, vec![Notice::BadEncoding { param: "l%ZZng".into() }]);
}

#[test]
fn a_100_kb_query_is_cut_without_panicking() {
    let huge = format!("?lang=en&q={}", "a".repeat(100 * 1024));
    let (s, notices) = parse(&huge);
    assert_eq!(s.lang, Lang::En);
    assert_eq!(s.q, "", "the cut pair is dropped");
    assert_eq!(notices, vec![Notice::QueryTooLong { len: huge.len() }]);

    let many = "&chart=x".repeat(100 * 1024 / 8);
    let (s, notices) = parse(&many);
    assert_eq!(s.chart, None);
    assert!(notices.len() <= 4, "{notices:?}");

    let multibyte = format!("?q=x&{}", "中".repeat(40 * 1024));
    let (s, _) = parse(&multibyte);
    assert_eq!(s.q, "x");

    let fits = format!("?q={}", "a".repeat(MAX_QUERY_BYTES - 3));
    let (_, notices) = parse(&fits);
    assert_eq!(notices, vec![Notice::Truncated { param: "q", max: MAX_Q_CHARS }]);
}

#[test]
fn embed_needs_a_chart() {
    let (s, notices) = parse("?embed=1");
    assert!(!s.embed);
    assert_eq!(notices, vec![Notice::EmbedWithoutChart]);
    let (s, notices) = parse("?embed=1&chart=nope");
    assert!(!s.embed);
    assert_eq!(notices, vec![Notice::UnknownChart { id: "nope".into() }, Notice::EmbedWithoutChart]);
    let s = parse_clean("?embed=1&chart=gd-5g-stations");
    assert!(s.embed);
    assert_round_trip(&s);
}

#[test]
fn filter_carries_the_search_part() {
    let s = parse_clean("?q=5G&topic=gd-5g&region=guangdong&chart=gd-5g-stations");
    let f = s.filter();
    assert_eq!(f.text, "5G");
    assert_eq!(f.topic.as_deref(), Some("gd-5g"));
    assert_eq!(f.region.as_deref(), Some("guangdong"));
}

#[test]
fn messages_echo_user_values_shortened_by_chars() {
    let long = "长".repeat(300);
    let n = Notice::UnknownParam { name: long.clone() };
    for lang in [Lang::Zh, Lang::En] {
        let m = n.message(lang);
        assert!(!m.contains(&"长".repeat(MAX_ECHO_CHARS)), "{m}");
        assert!(m.contains(&"长".repeat(MAX_ECHO_CHARS - 1)), "{m}");
    }
    let n = Notice::UnknownChart { id: "a\u{202E}b\nc".into() };
    assert!(!n.message(Lang::En).contains('\u{202E}'));
    assert!(!n.message(Lang::En).contains('\n'));
}

#[test]
fn version_and_fingerprints_are_stable_and_shaped() {
    let v = catalogue_version(&CATALOGUE);
    assert_eq!(v, catalogue_version(&CATALOGUE));
    assert_eq!(v.len(), 6);
    assert!(v.bytes().all(|b| b.is_ascii_digit() || b.is_ascii_lowercase()));
    let def = charts().iter().find(|c| c.id == CHART);
    let ids = def.map(|d| d.fact_ids()).unwrap_or_default();
    let cf: String = ids.iter().filter_map(|id| CATALOGUE.fact(id)).map(fact_fingerprint).collect();
    assert_eq!(cf.len(), 2 * ids.len());
    let q = to_query(&ViewState { chart: Some(CHART), ..ViewState::default() });
    assert_eq!(q, format!("?chart={CHART}&cv={v}&cf={cf}"));
    let q = to_query(&ViewState { fact: Some(FACT), ..ViewState::default() });
    let fp = CATALOGUE.fact(FACT).map(fact_fingerprint).unwrap_or_default();
    assert_eq!(q, format!("?fact={FACT}&cv={v}&cf={fp}"));
    assert_eq!(to_query(&ViewState { lang: Lang::En, ..ViewState::default() }), format!("?lang=en&cv={v}"));
}

#[test]
fn a_stale_link_names_exactly_the_changed_fact() {
    let changed = "gd-5g-stations-2019";
    let old = CATALOGUE.fact(changed).map_or(0.0, |f| f.value);
    let modified = catalogue_with_value(changed, old + 1.0);
    assert_ne!(catalogue_version(modified), catalogue_version(&CATALOGUE));
    assert_ne!(modified.fact(changed).map(fact_fingerprint), CATALOGUE.fact(changed).map(fact_fingerprint));

    let s = ViewState { chart: Some(CHART), lang: Lang::En, ..ViewState::default() };
    let stale = Notice::StaleCatalogue { changed: vec![changed], unknown_chart_facts: false };
    // A link made before the correction, opened now ...
    let (back, notices) = parse(&to_query_with(&s, modified));
    assert_eq!(back, s);
    assert_eq!(notices, vec![stale.clone()]);
    // ... and a link made now, opened against other data.
    let (back, notices) = parse_with(&to_query(&s), modified);
    assert_eq!(back, s);
    assert_eq!(notices, vec![stale.clone()]);
    assert!(stale.message(Lang::En).contains("Changed figures"));

    // The same link against the same data says nothing.
    let (_, notices) = parse_with(&to_query_with(&s, modified), modified);
    assert_eq!(notices, vec![]);
}

#[test]
fn stale_links_without_per_fact_detail() {
    let modified = catalogue_with_value("gd-5g-stations-2019", 1.0);
    let v_old = catalogue_version(modified);
    // Nothing in focus: the data changed, nothing to name.
    let (_, notices) = parse(&format!("?lang=en&cv={v_old}"));
    assert_eq!(notices, vec![Notice::StaleCatalogue { changed: vec![], unknown_chart_facts: false }]);
    // A change outside the chart in focus.
    let (_, notices) = parse(&to_query_with(&ViewState { chart: Some("sme-shares"), ..Default::default() }, modified));
    assert_eq!(notices, vec![Notice::StaleCatalogue { changed: vec![], unknown_chart_facts: false }]);
    // The chart's fact list differs in length from the link's.
    let (_, notices) = parse(&format!("?chart={CHART}&cv={v_old}&cf=00"));
    assert_eq!(notices, vec![Notice::StaleCatalogue { changed: vec![], unknown_chart_facts: true }]);
    // No cf at all, with a chart in focus.
    let (_, notices) = parse(&format!("?chart={CHART}&cv={v_old}"));
    assert_eq!(notices, vec![Notice::StaleCatalogue { changed: vec![], unknown_chart_facts: true }]);
    // The link's chart no longer exists.
    let (_, notices) = parse(&format!("?chart=gone&cv={v_old}&cf=0000"));
    assert_eq!(
        notices,
        vec![
            Notice::UnknownChart { id: "gone".into() },
            Notice::StaleCatalogue { changed: vec![], unknown_chart_facts: true }
        ]
    );
    // The selected fact alone.
    let s = ViewState { fact: Some("gd-5g-stations-2019"), ..Default::default() };
    let (_, notices) = parse(&to_query_with(&s, modified));
    assert_eq!(
        notices,
        vec![Notice::StaleCatalogue { changed: vec!["gd-5g-stations-2019"], unknown_chart_facts: false }]
    );
    // Malformed stamps.
    let (_, notices) = parse("?lang=en&cv=ABC");
    assert_eq!(notices, vec![Notice::BadValue { param: "cv", value: "ABC".into() }]);
    let (_, notices) = parse(&format!("?chart={CHART}&cv={v_old}&cf=%3C%3E"));
    assert_eq!(
        notices,
        vec![
            Notice::BadValue { param: "cf", value: "<>".into() },
            Notice::StaleCatalogue { changed: vec![], unknown_chart_facts: true }
        ]
    );
    // Missing cv: no notice, whatever cf says.
    assert_eq!(parse(&format!("?chart={CHART}&cf=zz")).1, vec![]);
}

// ---- properties ----

fn normalise(raw: &str, max: usize) -> String {
    let cut: String = raw.trim().chars().take(max).collect();
    cut.trim_end().to_string()
}

prop_compose! {
    fn view_state()(
        lang in prop::sample::select(vec![Lang::Zh, Lang::En]),
        theme in prop::sample::select(vec![Theme::Auto, Theme::Light, Theme::Dark]),
        embed in any::<bool>(),
        section in prop::option::of(prop::sample::select(section_ids())),
        chart in prop::option::of(prop::sample::select(chart_ids())),
        tables in prop::collection::vec(prop::sample::select(chart_ids()), 0..5),
        fact in prop::option::of(prop::sample::select(fact_ids())),
        q in prop_oneof![Just(String::new()), any::<String>(), "[ a-z5G基站%+&=,#?]{0,120}"],
        topic in prop::option::of(prop::sample::select(topic_ids())),
        region in prop::option::of(prop::sample::select(region_ids())),
        read in prop::option::of(prop::sample::select(article_ids())),
        indicator in prop::option::of(prop::sample::select(indicator_ids())),
        check in prop_oneof![Just(String::new()), any::<String>(), "[ a-z5G基站%+&=,#?]{0,120}", "[约超过万亿元%以上广东]{120,200}"],
    ) -> ViewState {
        let mut tables = tables;
        tables.sort_unstable();
        tables.dedup();
        ViewState { lang, theme, embed: embed && (chart.is_some() || indicator.is_some()), section, chart, tables, fact, q: normalise(&q, MAX_Q_CHARS), topic, region, read, indicator, check: normalise(&check, MAX_CHECK_CHARS) }
    }
}

/// Query-ish strings: separators, escapes and real and near-miss ids, to reach the parser's corners.
fn queryish() -> impl Strategy<Value = String> {
    let mut tokens: Vec<String> =
        ["?", "&", "=", "%", "+", ",", ";", "%2C", "%E4", "%B8%AD", "%ZZ", "%", "1", "0", "zh", "en", "dark"]
            .iter()
            .map(|s| s.to_string())
            .collect();
    for name in PARAM_NAMES.iter().chain(&["x"]) {
        tokens.push(name.to_string());
    }
    tokens
        .extend(chart_ids().into_iter().chain(section_ids()).chain(fact_ids()).chain(article_ids()).map(String::from));
    tokens.push(catalogue_version(&CATALOGUE));
    prop::collection::vec(prop::sample::select(tokens), 0..40).prop_map(|t| t.concat())
}

fn any_query() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        prop::collection::vec(any::<u8>(), 0..600).prop_map(|b| String::from_utf8_lossy(&b).into_owned()),
        queryish(),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn parse_never_panics_and_returns_a_valid_view(query in any_query()) {
        let (s, _) = parse(&query);
        prop_assert!(s.q.chars().count() <= MAX_Q_CHARS);
        prop_assert_eq!(s.q.trim(), s.q.as_str());
        prop_assert!(s.check.chars().count() <= MAX_CHECK_CHARS);
        prop_assert_eq!(s.check.trim(), s.check.as_str());
        prop_assert!(!s.embed || s.chart.is_some());
        prop_assert!(s.tables.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn valid_views_round_trip(s in view_state()) {
        let q = to_query(&s);
        let (back, notices) = parse(&q);
        prop_assert_eq!(notices, vec![]);
        prop_assert_eq!(&back, &s);
        prop_assert_eq!(q.is_empty(), s.is_default());
        prop_assert!(q.len() <= MAX_QUERY_BYTES, "a valid view's link is longer than links are read: {}", q.len());
        prop_assert!(q.bytes().all(|b| b.is_ascii_alphanumeric() || b"?&=%,-_.~".contains(&b)), "{}", q);
    }

    #[test]
    fn to_query_is_canonical(query in any_query()) {
        let (first, _) = parse(&query);
        let q1 = to_query(&first);
        let (second, notices) = parse(&q1);
        prop_assert_eq!(notices, vec![]);
        prop_assert_eq!(&second, &first);
        prop_assert_eq!(to_query(&second), q1);
    }
}

#[test]
fn a_query_of_distinct_unknown_params_stays_bounded() {
    // Notices are deduplicated but not capped: up to one per pair inside MAX_QUERY_BYTES.
    let query: String = (0..4000).map(|i| format!("&{i:x}=1")).collect();
    let (s, notices) = parse(&query);
    let table = format!("?table={}", (0..900).map(|i| format!("{i:x}")).collect::<Vec<_>>().join(","));
    let (_, table_notices) = parse(&table);
    assert!(s.is_default());
    assert!(notices.len() <= MAX_QUERY_BYTES / 2);
    assert!(table_notices.len() <= MAX_QUERY_BYTES / 2);
}

#[test]
fn the_reading_view_and_the_checker_are_part_of_the_link() {
    let s = parse_clean("?read=guangdong&check=%E5%B9%BF%E4%B8%9C%E5%87%8F%E7%A8%8E%E9%99%8D%E8%B4%B9%E8%B6%85%E8%BF%872000%E4%BA%BF%E5%85%83");
    assert_eq!(s.read, Some("guangdong"));
    assert_eq!(s.check, "广东减税降费超过2000亿元");
    let q = to_query(&s);
    assert!(q.starts_with("?read=guangdong&check=%E5%B9%BF"), "{q}");
    assert_eq!(parse_clean(&q), s);
    // `+` is a space in a query; a claim in English keeps its words.
    assert_eq!(parse_clean("?check=+more+than+1%2F3+").check, "more than 1/3");

    let (s, notices) = parse("?read=nowhere&lang=en");
    assert_eq!(s.read, None);
    assert_eq!(s.lang, Lang::En);
    assert_eq!(notices, vec![Notice::UnknownArticle { id: "nowhere".into() }]);
    assert!(notices[0].message(Lang::En).contains("nowhere"));

    let long = "约".repeat(MAX_CHECK_CHARS + 5);
    let (s, notices) = parse(&format!("?check={long}"));
    assert_eq!(s.check.chars().count(), MAX_CHECK_CHARS);
    assert_eq!(notices, vec![Notice::Truncated { param: "check", max: MAX_CHECK_CHARS }]);
    assert!(notices[0].message(Lang::Zh).contains("160"));
}

/// Another report's ids are not this report's: the page reads them as any unknown id, with a
/// notice (the on-demand module first looks them up in the reports' index and, when a report has
/// them, opens that report's page with the same link instead).
#[test]
fn ids_of_other_reports_are_unknown_here_with_a_notice_naming_each() {
    let link = "?section=east-2021q1&chart=east-2021q1-stations&fact=fixture-east-2021q1-3";
    let (view, notices) = parse(link);
    assert_eq!((view.section, view.chart, view.fact), (None, None, None));
    assert_eq!(
        notices,
        vec![
            Notice::UnknownSection { id: "east-2021q1".into() },
            Notice::UnknownChart { id: "east-2021q1-stations".into() },
            Notice::UnknownFact { id: "fixture-east-2021q1-3".into() },
        ]
    );
    // What the module looks for in the reports' index: each id once, by kind, and the ids this
    // report has too (the report the link belongs to must have them all).
    let wanted = views::view_state::ids_elsewhere(&format!(
        "{link}&table=east-2021q1-stations,east-2021q1-shares,gd-finance&read=east&topic=x"
    ))
    .expect("ids of another report");
    assert_eq!(wanted.sections, ["east-2021q1"]);
    assert_eq!(wanted.charts, ["east-2021q1-stations", "east-2021q1-shares", "gd-finance"]);
    assert_eq!(wanted.facts, ["fixture-east-2021q1-3"]);
    assert_eq!(wanted.articles, ["east"]);
    let mixed = views::view_state::ids_elsewhere("?chart=gd-finance&fact=fixture-east-2021q1-3").expect("one unknown");
    assert_eq!(
        (mixed.charts, mixed.facts),
        (vec!["gd-finance".to_string()], vec!["fixture-east-2021q1-3".to_string()])
    );
    // A link whose ids are all this report's, or that names none, stays here.
    assert_eq!(views::view_state::ids_elsewhere("?chart=gd-finance&fact=gd-tax-fee-cuts&lang=xx&topic=x"), None);
}
