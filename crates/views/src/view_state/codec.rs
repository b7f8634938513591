//! The link codec: a query string -> ([`ViewState`], notices) and back, one link per view.

use super::version::{catalogue_version, fact_fingerprint};
use super::{insert_sorted, Notice, Theme, ViewState, MAX_CHECK_CHARS, MAX_QUERY_BYTES, MAX_Q_CHARS};
use catalogue::CATALOGUE;
use charts::registry::{charts, sections};
use facts::i18n::Lang;
use facts::Catalogue;

/// The parameters, in the order [`to_query`] writes them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Param {
    Lang,
    Theme,
    Embed,
    Section,
    Chart,
    Table,
    Fact,
    Q,
    Topic,
    Region,
    Read,
    Indicator,
    Check,
    Cv,
    Cf,
}

pub(super) const PARAMS: [Param; 15] = [
    Param::Lang,
    Param::Theme,
    Param::Embed,
    Param::Section,
    Param::Chart,
    Param::Table,
    Param::Fact,
    Param::Q,
    Param::Topic,
    Param::Region,
    Param::Read,
    Param::Indicator,
    Param::Check,
    Param::Cv,
    Param::Cf,
];

impl Param {
    fn name(self) -> &'static str {
        match self {
            Param::Lang => "lang",
            Param::Theme => "theme",
            Param::Embed => "embed",
            Param::Section => "section",
            Param::Chart => "chart",
            Param::Table => "table",
            Param::Fact => "fact",
            Param::Q => "q",
            Param::Topic => "topic",
            Param::Region => "region",
            Param::Read => "read",
            Param::Indicator => "indicator",
            Param::Check => "check",
            Param::Cv => "cv",
            Param::Cf => "cf",
        }
    }

    /// Exact, case-sensitive, like ids: `Lang=en` is not `lang=en`.
    fn from_name(name: &str) -> Option<Param> {
        PARAMS.into_iter().find(|p| p.name() == name)
    }
}

/// Notices without repeats, so `?x=1&x=2&x=3` reports `x` once.
#[derive(Default)]
pub(super) struct Notices(pub(super) Vec<Notice>);

impl Notices {
    fn push(&mut self, n: Notice) {
        if !self.0.contains(&n) {
            self.0.push(n);
        }
    }
}

/// The first non-empty occurrence of each parameter, decoded (`None` when badly encoded).
#[derive(Default)]
pub(super) struct Raw {
    present: [bool; PARAMS.len()],
    values: [Option<String>; PARAMS.len()],
}

impl Raw {
    fn get(&self, p: Param) -> Option<&str> {
        self.values.get(p as usize).and_then(|v| v.as_deref())
    }

    fn present(&self, p: Param) -> bool {
        self.present.get(p as usize).copied().unwrap_or(false)
    }
}

/// Reads a link's query against [`CATALOGUE`]. See [`parse_with`].
pub fn parse(query: &str) -> (ViewState, Vec<Notice>) {
    parse_with(query, &CATALOGUE)
}

/// Reads a query (`location.search`, with or without its leading `?`, without the fragment)
/// against `catalogue`. Never fails: what cannot be used is dropped with a [`Notice`].
///
/// Pairs are separated by `&`; empty pairs and empty values are skipped silently (forms and
/// hand-edited links produce them, and they mean "not set"). Keys and values are
/// percent-decoded with `+` as space. The first non-empty occurrence of a parameter wins, even
/// when its value is unusable, so the result does not depend on which later value happens to be
/// valid. For queries over [`MAX_QUERY_BYTES`], the pair cut by the limit is dropped too, since a
/// cut value may still be a valid but different id or list.
pub fn parse_with(query: &str, catalogue: &'static Catalogue) -> (ViewState, Vec<Notice>) {
    let mut notices = Notices::default();
    let query = limit(query, &mut notices);
    let raw = collect(query, &mut notices);
    let mut s = ViewState::default();

    if let Some(v) = raw.get(Param::Lang) {
        match v {
            "zh" => s.lang = Lang::Zh,
            "en" => s.lang = Lang::En,
            _ => notices.push(bad_value(Param::Lang, v)),
        }
    }
    if let Some(v) = raw.get(Param::Theme) {
        match [Theme::Auto, Theme::Light, Theme::Dark].into_iter().find(|t| t.as_str() == v) {
            Some(t) => s.theme = t,
            None => notices.push(bad_value(Param::Theme, v)),
        }
    }
    if let Some(v) = raw.get(Param::Embed) {
        match v {
            "1" => s.embed = true,
            "0" => s.embed = false,
            _ => notices.push(bad_value(Param::Embed, v)),
        }
    }
    if let Some(v) = raw.get(Param::Section) {
        s.section = sections().iter().find(|d| d.id == v).map(|d| d.id.as_str());
        if s.section.is_none() {
            notices.push(Notice::UnknownSection { id: v.to_string() });
        }
    }
    if let Some(v) = raw.get(Param::Chart) {
        s.chart = chart_id(v);
        if s.chart.is_none() {
            notices.push(Notice::UnknownChart { id: v.to_string() });
        }
    }
    if let Some(v) = raw.get(Param::Table) {
        // Split after decoding, so `,` and `%2C` both separate.
        for item in v.split(',').filter(|i| !i.is_empty()) {
            match chart_id(item) {
                Some(id) => insert_sorted(&mut s.tables, id),
                None => notices.push(Notice::UnknownChart { id: item.to_string() }),
            }
        }
    }
    if let Some(v) = raw.get(Param::Fact) {
        s.fact = catalogue.fact(v).map(|f| f.id.as_str());
        if s.fact.is_none() {
            notices.push(Notice::UnknownFact { id: v.to_string() });
        }
    }
    if let Some(v) = raw.get(Param::Q) {
        s.q = trimmed_text(v, MAX_Q_CHARS, Param::Q, &mut notices);
    }
    if let Some(v) = raw.get(Param::Topic) {
        s.topic = catalogue.topic(v).map(|t| t.id.as_str());
        if s.topic.is_none() {
            notices.push(Notice::UnknownTopic { id: v.to_string() });
        }
    }
    if let Some(v) = raw.get(Param::Region) {
        s.region = catalogue.region(v).map(|r| r.id.as_str());
        if s.region.is_none() {
            notices.push(Notice::UnknownRegion { id: v.to_string() });
        }
    }
    if let Some(v) = raw.get(Param::Read) {
        s.read = catalogue.article(v).map(|a| a.id.as_str());
        if s.read.is_none() {
            notices.push(Notice::UnknownArticle { id: v.to_string() });
        }
    }
    if let Some(v) = raw.get(Param::Indicator) {
        // An indicator is known here when a fact of the open report names it.
        s.indicator = catalogue.facts.iter().find_map(|f| f.indicator.as_deref().filter(|i| *i == v));
        if s.indicator.is_none() {
            notices.push(Notice::UnknownIndicator { id: v.to_string() });
        }
    }
    if let Some(v) = raw.get(Param::Check) {
        s.check = trimmed_text(v, MAX_CHECK_CHARS, Param::Check, &mut notices);
    }
    if s.embed && s.chart.is_none() && s.indicator.is_none() {
        s.embed = false;
        notices.push(Notice::EmbedWithoutChart);
    }
    if let Some(stale) = check_version(catalogue, &s, &raw, &mut notices) {
        notices.push(stale);
    }
    (s, notices.0)
}

/// For a link that names a section, chart, fact or article the open report does not have: every
/// such id the link names, known here or not, which is what a report must hold for the link to be
/// its (`catalogue::site_index::SiteIndex::home_of`; on a site of several reports the on-demand
/// module then opens the link on that report's page). `None` when the open report has them all.
pub fn ids_elsewhere(query: &str) -> Option<catalogue::site_index::Wanted> {
    let (view, notices) = parse(query);
    let mut wanted = catalogue::site_index::Wanted::default();
    let mut unknown = false;
    let add = |list: &mut Vec<String>, id: &str| {
        if !list.iter().any(|x| x == id) {
            list.push(id.to_string());
        }
    };
    for n in &notices {
        match n {
            Notice::UnknownSection { id } => add(&mut wanted.sections, id),
            Notice::UnknownChart { id } => add(&mut wanted.charts, id),
            Notice::UnknownFact { id } => add(&mut wanted.facts, id),
            Notice::UnknownArticle { id } => add(&mut wanted.articles, id),
            Notice::UnknownIndicator { id } => add(&mut wanted.indicators, id),
            _ => continue,
        }
        unknown = true;
    }
    if !unknown {
        return None;
    }
    view.section.into_iter().for_each(|id| add(&mut wanted.sections, id));
    view.chart.into_iter().chain(view.tables.iter().copied()).for_each(|id| add(&mut wanted.charts, id));
    view.fact.into_iter().for_each(|id| add(&mut wanted.facts, id));
    view.read.into_iter().for_each(|id| add(&mut wanted.articles, id));
    view.indicator.into_iter().for_each(|id| add(&mut wanted.indicators, id));
    Some(wanted)
}

/// Free text from the link, trimmed and cut to `max` characters (with a notice when cut).
fn trimmed_text(v: &str, max: usize, p: Param, notices: &mut Notices) -> String {
    if v.trim().chars().count() > max {
        notices.push(Notice::Truncated { param: p.name(), max });
    }
    trim_to(v, max)
}

/// `text` trimmed and cut to at most `max` characters: what a link keeps of free text, and what
/// the page keeps of what a reader typed, so both give the same view.
pub fn trim_to(text: &str, max: usize) -> String {
    let cut: String = text.trim().chars().take(max).collect();
    cut.trim_end().to_string()
}

pub(super) fn bad_value(p: Param, value: &str) -> Notice {
    Notice::BadValue { param: p.name(), value: value.to_string() }
}

pub(super) fn chart_id(id: &str) -> Option<&'static str> {
    charts().iter().find(|c| c.id == id).map(|c| c.id.as_str())
}

/// The part of `query` to read: all of it, or the pairs wholly inside the first
/// [`MAX_QUERY_BYTES`] bytes.
pub(super) fn limit<'q>(query: &'q str, notices: &mut Notices) -> &'q str {
    if query.len() <= MAX_QUERY_BYTES {
        return query;
    }
    notices.push(Notice::QueryTooLong { len: query.len() });
    let end = (0..=MAX_QUERY_BYTES).rev().find(|&i| query.is_char_boundary(i)).unwrap_or(0);
    let head = query.get(..end).unwrap_or("");
    if query.as_bytes().get(end) == Some(&b'&') {
        head
    } else {
        head.rsplit_once('&').map_or("", |(whole, _cut)| whole)
    }
}

/// Splits the query into pairs and keeps the first non-empty occurrence of each known
/// parameter; reports unknown, repeated and badly encoded ones.
pub(super) fn collect(query: &str, notices: &mut Notices) -> Raw {
    let mut raw = Raw::default();
    let query = query.strip_prefix('?').unwrap_or(query);
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        let Some(name) = decode(key) else {
            notices.push(Notice::BadEncoding { param: key.to_string() });
            continue;
        };
        let Some(param) = Param::from_name(&name) else {
            notices.push(Notice::UnknownParam { name });
            continue;
        };
        if value.is_empty() {
            continue;
        }
        let i = param as usize;
        if raw.present(param) {
            notices.push(Notice::Repeated { param: param.name() });
            continue;
        }
        if let Some(p) = raw.present.get_mut(i) {
            *p = true;
        }
        match decode(value) {
            Some(v) => {
                if let Some(slot) = raw.values.get_mut(i) {
                    *slot = Some(v);
                }
            }
            None => notices.push(Notice::BadEncoding { param: param.name().to_string() }),
        }
    }
    raw
}

/// `application/x-www-form-urlencoded` decoding: `+` is a space, `%XX` a byte, and the bytes
/// must be UTF-8. `None` for a `%` not followed by two hex digits or for invalid UTF-8, rather
/// than guessing what was meant.
pub(super) fn decode(raw: &str) -> Option<String> {
    let bytes = raw.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b'%' => {
                let hi = bytes.get(i + 1).copied().and_then(hex_value)?;
                let lo = bytes.get(i + 2).copied().and_then(hex_value)?;
                out.push(hi << 4 | lo);
                i += 3;
            }
            _ => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}

pub(super) fn hex_value(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

/// Compares the link's `cv`/`cf` with `catalogue`. No `cv`, or the same `cv`: nothing to say.
pub(super) fn check_version(catalogue: &Catalogue, s: &ViewState, raw: &Raw, notices: &mut Notices) -> Option<Notice> {
    let cv = raw.get(Param::Cv)?;
    if cv.len() != 6 || !cv.bytes().all(|b| b.is_ascii_digit() || b.is_ascii_lowercase()) {
        notices.push(bad_value(Param::Cv, cv));
        return None;
    }
    if cv == catalogue_version(catalogue) {
        return None;
    }
    // The facts the link was made for; `None` when its chart or fact is gone, so the link's
    // fingerprints belong to something we cannot name.
    let focus: Option<Vec<&'static str>> = if let Some(chart) = s.chart {
        charts().iter().find(|c| c.id == chart).map(|c| c.fact_ids())
    } else if raw.present(Param::Chart) {
        None
    } else if let Some(fact) = s.fact {
        Some(vec![fact])
    } else if raw.present(Param::Fact) {
        None
    } else {
        Some(Vec::new())
    };
    let Some(focus) = focus else {
        return Some(Notice::StaleCatalogue { changed: Vec::new(), unknown_chart_facts: true });
    };
    let cf = match raw.get(Param::Cf) {
        Some(cf) if cf.len() % 2 == 0 && cf.bytes().all(is_fingerprint_byte) => cf,
        Some(cf) => {
            notices.push(bad_value(Param::Cf, cf));
            ""
        }
        None => "",
    };
    // Missing `cf` with facts in focus counts as a length mismatch: the figures may have
    // changed and we cannot tell which.
    if cf.len() != 2 * focus.len() {
        return Some(Notice::StaleCatalogue { changed: Vec::new(), unknown_chart_facts: true });
    }
    let mut changed: Vec<&'static str> = Vec::new();
    for (id, old) in focus.iter().zip(cf.as_bytes().chunks(2)) {
        let now = catalogue.fact(id).map_or_else(|| MISSING_FINGERPRINT.to_string(), fact_fingerprint);
        if now.as_bytes() != old && !changed.contains(id) {
            changed.push(id);
        }
    }
    Some(Notice::StaleCatalogue { changed, unknown_chart_facts: false })
}

/// Fingerprint written for a chart fact missing from the catalogue; never produced by
/// [`fact_fingerprint`], so a fact that reappears counts as changed.
pub(super) const MISSING_FINGERPRINT: &str = "__";

pub(super) fn is_fingerprint_byte(b: u8) -> bool {
    b.is_ascii_digit() || b.is_ascii_lowercase() || b == b'_'
}

/// The link for `s` against [`CATALOGUE`]. See [`to_query_with`].
pub fn to_query(s: &ViewState) -> String {
    to_query_with(s, &CATALOGUE)
}

/// The link for `s`: "" for the default view, else `?k=v&…` with only non-default values, in
/// the fixed order of the parameter table, then `cv` and (with a chart or fact in focus) `cf`.
/// One view has one link, so links can be compared and cached as strings.
///
/// Values are percent-encoded except ASCII letters, digits and `-_.~`, so the link survives
/// being pasted anywhere. `table` items are joined with a literal `,` (ids never contain one,
/// and it keeps links readable); [`parse`] also accepts `%2C`. `s` is written as given: an
/// invalid view (say `embed` without `chart`) gives a link that [`parse`] corrects with a notice.
pub fn to_query_with<'a>(s: &'a ViewState, catalogue: &Catalogue) -> String {
    let mut out = String::new();
    if s.lang != Lang::default() {
        push_pair(&mut out, Param::Lang, &[lang_value(s.lang)]);
    }
    if s.theme != Theme::default() {
        push_pair(&mut out, Param::Theme, &[s.theme.as_str()]);
    }
    if s.embed {
        push_pair(&mut out, Param::Embed, &["1"]);
    }
    if let Some(v) = s.section {
        push_pair(&mut out, Param::Section, &[v]);
    }
    if let Some(v) = s.chart {
        push_pair(&mut out, Param::Chart, &[v]);
    }
    if !s.tables.is_empty() {
        let mut tables = Vec::new();
        for t in &s.tables {
            insert_sorted(&mut tables, t);
        }
        push_pair(&mut out, Param::Table, &tables);
    }
    if let Some(v) = s.fact {
        push_pair(&mut out, Param::Fact, &[v]);
    }
    if !s.q.is_empty() {
        push_pair(&mut out, Param::Q, &[s.q.as_str()]);
    }
    if let Some(v) = s.topic {
        push_pair(&mut out, Param::Topic, &[v]);
    }
    if let Some(v) = s.region {
        push_pair(&mut out, Param::Region, &[v]);
    }
    if let Some(v) = s.read {
        push_pair(&mut out, Param::Read, &[v]);
    }
    if let Some(v) = s.indicator {
        push_pair(&mut out, Param::Indicator, &[v]);
    }
    if !s.check.is_empty() {
        push_pair(&mut out, Param::Check, &[s.check.as_str()]);
    }
    if out.is_empty() {
        return out;
    }
    push_pair(&mut out, Param::Cv, &[&catalogue_version(catalogue)]);
    let fingerprints = if let Some(chart) = s.chart {
        charts().iter().find(|c| c.id == chart).map(|c| {
            c.fact_ids()
                .iter()
                .map(|id| catalogue.fact(id).map_or_else(|| MISSING_FINGERPRINT.to_string(), fact_fingerprint))
                .collect::<String>()
        })
    } else {
        s.fact.and_then(|id| catalogue.fact(id)).map(fact_fingerprint)
    };
    if let Some(cf) = fingerprints.filter(|cf| !cf.is_empty()) {
        push_pair(&mut out, Param::Cf, &[&cf]);
    }
    out
}

pub(super) fn lang_value(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "zh",
        Lang::En => "en",
    }
}

/// Appends `?k=v` or `&k=v`, the items of `v` encoded and joined with `,`.
pub(super) fn push_pair(out: &mut String, p: Param, items: &[&str]) {
    out.push(if out.is_empty() { '?' } else { '&' });
    out.push_str(p.name());
    out.push('=');
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        encode_into(out, item);
    }
}

/// Percent-encodes every byte but ASCII letters, digits and `-_.~` (RFC 3986 unreserved), so
/// space is `%20` (never `+`) and non-ASCII is its UTF-8 bytes.
pub(super) fn encode_into(out: &mut String, value: &str) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for b in value.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(b));
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 0x0F)]));
        }
    }
}
