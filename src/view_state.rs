//! What the reader is looking at, as a link: [`ViewState`] <-> query string.
//!
//! A shared link must reopen the same view, so every choice the reader makes (language, theme,
//! chart in focus, tables, selected fact, search) lives in one value that [`to_query`] writes and
//! [`parse`] reads back. Links are typed, pasted, cut short by chat apps and crafted by strangers,
//! so [`parse`] never fails: it keeps what it understands and returns a [`Notice`] for everything
//! it ignored or changed, for the page to show. Ids from the link are only ever compared with our
//! own static lists and the list's `&'static str` is stored, so user text never becomes an id;
//! the only user text kept is the search text `q`, which the page shows as plain text.
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
//! | `cv`      | catalogue version (written, not stored)  |         |
//! | `cf`      | fingerprints of the facts in focus       |         |

use crate::charts::registry::{CHARTS, SECTIONS};
use crate::facts::{Catalogue, Fact, Period, Qualifier, CATALOGUE};
use crate::i18n::Lang;
use crate::search::Filter;

/// Longest query read, in bytes. Real links are a few hundred bytes; the cap bounds the work and
/// the number of notices a crafted link can cause.
pub const MAX_QUERY_BYTES: usize = 4096;
/// Longest search text kept, in characters: longer text is no search anyone typed, and the
/// search cost grows with it.
pub const MAX_Q_CHARS: usize = 100;
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
/// (`CHARTS`, `SECTIONS`, the catalogue), never text from the link.
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
    /// Section scrolled to (`?section=gd-5g`), a `SECTIONS` id.
    pub section: Option<&'static str>,
    /// Chart in focus (`?chart=gd-5g-stations`), a `CHARTS` id.
    pub chart: Option<&'static str>,
    /// Charts shown as tables (`?table=gd-finance,sme-shares`): `CHARTS` ids, sorted, no repeats.
    pub tables: Vec<&'static str>,
    /// Selected fact, whose source sentence is open (`?fact=gd-clearance-2020-06`).
    pub fact: Option<&'static str>,
    /// Search text (`?q=5G%20基站`), trimmed.
    pub q: String,
    /// Catalogue topic id the facts are narrowed to (`?topic=gd-5g`).
    pub topic: Option<&'static str>,
    /// Catalogue region id the facts are narrowed to (`?region=guangdong`).
    pub region: Option<&'static str>,
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

/// Something in a link that was ignored or changed. User text is kept as given (for tests and
/// logs) and shortened only by [`Notice::message`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    /// A parameter this page does not know (misspelt, or from another site).
    UnknownParam {
        name: String,
    },
    /// A known parameter with a value outside its fixed set (`lang`, `theme`, `embed`, `cv`, `cf`).
    BadValue {
        param: &'static str,
        value: String,
    },
    /// `chart` or an item of `table` names no chart.
    UnknownChart {
        id: String,
    },
    UnknownFact {
        id: String,
    },
    UnknownSection {
        id: String,
    },
    UnknownTopic {
        id: String,
    },
    UnknownRegion {
        id: String,
    },
    /// The parameter occurs more than once; the first (non-empty) occurrence was used.
    Repeated {
        param: &'static str,
    },
    /// The value was longer than allowed and was cut (only `q`).
    Truncated {
        param: &'static str,
    },
    /// Invalid `%` escape or invalid UTF-8; the parameter was ignored. `param` is the parameter
    /// name, or the raw (still encoded) key when the key itself is badly encoded.
    BadEncoding {
        param: String,
    },
    /// `embed=1` without a valid chart: the full page is shown instead of an empty frame.
    EmbedWithoutChart,
    /// The query was longer than [`MAX_QUERY_BYTES`]; `len` is its length in bytes. Only the
    /// pairs wholly inside the first [`MAX_QUERY_BYTES`] bytes were read.
    QueryTooLong {
        len: usize,
    },
    /// The catalogue changed since the link was made (`cv` differs).
    StaleCatalogue {
        /// Facts in focus (the chart's, or the selected fact) whose figures changed.
        changed: Vec<&'static str>,
        /// The figures in focus could not be compared one by one: the chart now shows a different
        /// number of facts, the link's chart or fact no longer exists, or `cf` is missing or
        /// malformed.
        unknown_chart_facts: bool,
    },
}

impl Notice {
    /// One sentence for the reader. User values are shortened to [`MAX_ECHO_CHARS`] characters
    /// with control and bidi-override characters replaced, and must be displayed as text.
    pub fn message(&self, lang: Lang) -> String {
        let zh = lang == Lang::Zh;
        match self {
            Notice::UnknownParam { name } => {
                if zh {
                    format!("已忽略未知的链接参数“{}”。", echo(name))
                } else {
                    format!("Ignored the unknown link parameter “{}”.", echo(name))
                }
            }
            Notice::BadValue { param, value } => {
                let expected = expected_values(param);
                if zh {
                    format!("参数“{}”的值“{}”无效，已忽略（可用：{}）。", param, echo(value), expected)
                } else {
                    format!("Ignored “{}” for “{}”: not a valid value (expected {}).", echo(value), param, expected)
                }
            }
            Notice::UnknownChart { id } => unknown(lang, "图表", "chart", id),
            Notice::UnknownFact { id } => unknown(lang, "数据", "figure", id),
            Notice::UnknownSection { id } => unknown(lang, "栏目", "section", id),
            Notice::UnknownTopic { id } => unknown(lang, "主题", "topic", id),
            Notice::UnknownRegion { id } => unknown(lang, "地区", "region", id),
            Notice::Repeated { param } => {
                if zh {
                    format!("参数“{param}”出现多次，已采用第一个值。")
                } else {
                    format!("The parameter “{param}” appears more than once; the first value was used.")
                }
            }
            Notice::Truncated { param } => {
                if zh {
                    format!("参数“{param}”过长，已截取前{MAX_Q_CHARS}个字符。")
                } else {
                    format!("The parameter “{param}” was too long and was cut to {MAX_Q_CHARS} characters.")
                }
            }
            Notice::BadEncoding { param } => {
                if zh {
                    format!("参数“{}”的编码无效，已忽略。", echo(param))
                } else {
                    format!("Ignored the parameter “{}”: it is not validly encoded.", echo(param))
                }
            }
            Notice::EmbedWithoutChart => {
                if zh {
                    "嵌入模式需要指定图表，已显示完整页面。".to_string()
                } else {
                    "Embedding needs a chart, so the full page is shown.".to_string()
                }
            }
            Notice::QueryTooLong { len } => {
                if zh {
                    format!("链接过长（{len}字节），只读取了前{MAX_QUERY_BYTES}字节。")
                } else {
                    format!("The link is too long ({len} bytes); only the first {MAX_QUERY_BYTES} bytes were read.")
                }
            }
            Notice::StaleCatalogue { changed, unknown_chart_facts } => {
                stale_message(lang, changed, *unknown_chart_facts)
            }
        }
    }
}

/// "No chart “x”; ignored." in either language.
fn unknown(lang: Lang, what_zh: &str, what_en: &str, id: &str) -> String {
    match lang {
        Lang::Zh => format!("没有名为“{}”的{}，已忽略。", echo(id), what_zh),
        Lang::En => format!("There is no {} “{}”; ignored.", what_en, echo(id)),
    }
}

/// What a fixed-set parameter accepts, for the `BadValue` message.
fn expected_values(param: &str) -> &'static str {
    match param {
        "lang" => "zh, en",
        "theme" => "auto, light, dark",
        "embed" => "1, 0",
        "cv" => "6 × [0-9a-z]",
        "cf" => "2 × [0-9a-z_] …",
        _ => "…",
    }
}

/// Names changed facts by their label (our static text), so the reader knows which numbers to
/// re-check.
fn stale_message(lang: Lang, changed: &[&'static str], unknown_facts: bool) -> String {
    let zh = lang == Lang::Zh;
    let head =
        if zh { "此链接生成后数据已更新。" } else { "The data has been updated since this link was made." };
    let labels: Vec<&str> =
        changed.iter().map(|id| CATALOGUE.fact(id).map_or(*id, |f| lang.pick(f.label_zh, f.label_en))).collect();
    let mut out = head.to_string();
    if !labels.is_empty() {
        if zh {
            out.push_str(&format!("有变化的数字：{}。", labels.join("；")));
        } else {
            out.push_str(&format!(" Changed figures: {}.", labels.join("; ")));
        }
    }
    if unknown_facts {
        out.push_str(if zh {
            "无法逐项比对此链接所指的数字，请对照原文核实。"
        } else {
            " The figures this link points at could not be compared one by one; check them against the source."
        });
    } else if labels.is_empty() {
        out.push_str(if zh {
            "此链接所指的数字没有变化。"
        } else {
            " The figures this link points at are unchanged."
        });
    }
    out
}

/// A user value made safe to show inside a sentence: at most [`MAX_ECHO_CHARS`] characters
/// (the last one "…" when cut), with control, zero-width and bidi-override characters replaced
/// by U+FFFD so the value cannot break lines or reorder the sentence around it.
fn echo(s: &str) -> String {
    let total = s.chars().count();
    let keep = if total > MAX_ECHO_CHARS { MAX_ECHO_CHARS - 1 } else { total };
    let mut out: String = s.chars().take(keep).map(|c| if is_unsafe_in_text(c) { '\u{FFFD}' } else { c }).collect();
    if total > MAX_ECHO_CHARS {
        out.push('…');
    }
    out
}

fn is_unsafe_in_text(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{061C}' | '\u{200B}'..='\u{200F}' | '\u{2028}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
}

/// The parameters, in the order [`to_query`] writes them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Param {
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
    Cv,
    Cf,
}

const PARAMS: [Param; 12] = [
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
struct Notices(Vec<Notice>);

impl Notices {
    fn push(&mut self, n: Notice) {
        if !self.0.contains(&n) {
            self.0.push(n);
        }
    }
}

/// The first non-empty occurrence of each parameter, decoded (`None` when badly encoded).
#[derive(Default)]
struct Raw {
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
pub fn parse_with(query: &str, catalogue: &Catalogue) -> (ViewState, Vec<Notice>) {
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
        s.section = SECTIONS.iter().find(|d| d.id == v).map(|d| d.id);
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
        s.fact = catalogue.fact(v).map(|f| f.id);
        if s.fact.is_none() {
            notices.push(Notice::UnknownFact { id: v.to_string() });
        }
    }
    if let Some(v) = raw.get(Param::Q) {
        let trimmed = v.trim();
        if trimmed.chars().count() > MAX_Q_CHARS {
            let cut: String = trimmed.chars().take(MAX_Q_CHARS).collect();
            s.q = cut.trim_end().to_string();
            notices.push(Notice::Truncated { param: Param::Q.name() });
        } else {
            s.q = trimmed.to_string();
        }
    }
    if let Some(v) = raw.get(Param::Topic) {
        s.topic = catalogue.topic(v).map(|t| t.id);
        if s.topic.is_none() {
            notices.push(Notice::UnknownTopic { id: v.to_string() });
        }
    }
    if let Some(v) = raw.get(Param::Region) {
        s.region = catalogue.region(v).map(|r| r.id);
        if s.region.is_none() {
            notices.push(Notice::UnknownRegion { id: v.to_string() });
        }
    }
    if s.embed && s.chart.is_none() {
        s.embed = false;
        notices.push(Notice::EmbedWithoutChart);
    }
    if let Some(stale) = check_version(catalogue, &s, &raw, &mut notices) {
        notices.push(stale);
    }
    (s, notices.0)
}

fn bad_value(p: Param, value: &str) -> Notice {
    Notice::BadValue { param: p.name(), value: value.to_string() }
}

fn chart_id(id: &str) -> Option<&'static str> {
    CHARTS.iter().find(|c| c.id == id).map(|c| c.id)
}

/// The part of `query` to read: all of it, or the pairs wholly inside the first
/// [`MAX_QUERY_BYTES`] bytes.
fn limit<'q>(query: &'q str, notices: &mut Notices) -> &'q str {
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
fn collect(query: &str, notices: &mut Notices) -> Raw {
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
fn decode(raw: &str) -> Option<String> {
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

fn hex_value(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

/// Compares the link's `cv`/`cf` with `catalogue`. No `cv`, or the same `cv`: nothing to say.
fn check_version(catalogue: &Catalogue, s: &ViewState, raw: &Raw, notices: &mut Notices) -> Option<Notice> {
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
        CHARTS.iter().find(|c| c.id == chart).map(|c| c.fact_ids())
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
const MISSING_FINGERPRINT: &str = "__";

fn is_fingerprint_byte(b: u8) -> bool {
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
pub fn to_query_with(s: &ViewState, catalogue: &Catalogue) -> String {
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
    if out.is_empty() {
        return out;
    }
    push_pair(&mut out, Param::Cv, &[&catalogue_version(catalogue)]);
    let fingerprints = if let Some(chart) = s.chart {
        CHARTS.iter().find(|c| c.id == chart).map(|c| {
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

fn lang_value(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "zh",
        Lang::En => "en",
    }
}

/// Appends `?k=v` or `&k=v`, the items of `v` encoded and joined with `,`.
fn push_pair(out: &mut String, p: Param, items: &[&str]) {
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
fn encode_into(out: &mut String, value: &str) {
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

/// FNV-1a, 64 bit: tiny, dependency-free, and the same on every platform and build, which is
/// all a link stamp needs (it guards against accidents, not adversaries).
struct Fnv1a(u64);

impl Fnv1a {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;

    fn new() -> Self {
        Fnv1a(Self::OFFSET)
    }

    fn bytes(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(Self::PRIME);
        }
    }

    /// A string and a terminator byte that UTF-8 never contains, so ("ab", "c") and ("a", "bc")
    /// hash differently.
    fn str(&mut self, s: &str) {
        self.bytes(s.as_bytes());
        self.bytes(&[0xFF]);
    }

    /// The fields a reader would call "the figure": id, value, unit, qualifier and period. Labels,
    /// quotes and glosses are left out so rewording them does not mark links stale.
    fn fact(&mut self, f: &Fact) {
        self.str(f.id);
        self.bytes(&f.value.to_bits().to_le_bytes());
        self.str(f.unit);
        self.bytes(&[match f.qualifier {
            Qualifier::Exact => 0,
            Qualifier::AtLeast => 1,
            Qualifier::MoreThan => 2,
            Qualifier::About => 3,
            Qualifier::LessThan => 4,
        }]);
        match f.period {
            Period::Year(y) => {
                self.bytes(&[0]);
                self.bytes(&y.to_le_bytes());
            }
            Period::MonthEnd(y, m) => {
                self.bytes(&[1]);
                self.year_month(y, m);
            }
            Period::MonthRange { from, to } => {
                self.bytes(&[2]);
                self.year_month(from.0, from.1);
                self.year_month(to.0, to.1);
            }
            Period::YearRange(a, b) => {
                self.bytes(&[3]);
                self.bytes(&a.to_le_bytes());
                self.bytes(&b.to_le_bytes());
            }
            Period::AsOf(y, m) => {
                self.bytes(&[4]);
                self.year_month(y, m);
            }
            Period::Unstated => self.bytes(&[5]),
        }
    }

    fn year_month(&mut self, y: u16, m: u8) {
        self.bytes(&y.to_le_bytes());
        self.bytes(&[m]);
    }

    /// `digits` lowercase base-36 digits of the hash, zero-padded. The high half is folded into
    /// the low half first, since FNV's low bits alone mix poorly.
    fn base36(&self, digits: u32) -> String {
        const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
        let mut n = (self.0 ^ (self.0 >> 32)) % 36u64.pow(digits);
        let mut out = vec![b'0'; digits as usize];
        for slot in out.iter_mut().rev() {
            *slot = DIGITS.get((n % 36) as usize).copied().unwrap_or(b'0');
            n /= 36;
        }
        out.into_iter().map(char::from).collect()
    }
}

/// Six base-36 characters identifying the catalogue's figures (every fact's id, value, unit,
/// qualifier and period, in catalogue order). Written as `cv` so a link can tell it was made for
/// other figures.
pub fn catalogue_version(c: &Catalogue) -> String {
    let mut h = Fnv1a::new();
    for f in c.facts {
        h.fact(f);
    }
    h.base36(6)
}

/// Two base-36 characters identifying one fact's figure (the same hash as [`catalogue_version`]
/// over one fact). Short because a chart's worth of them goes into every link, and a 1-in-1296
/// miss only loses the per-figure detail: `cv` still reports the change.
pub fn fact_fingerprint(f: &Fact) -> String {
    let mut h = Fnv1a::new();
    h.fact(f);
    h.base36(2)
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
    use super::*;

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
        for f in CATALOGUE.facts {
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
            Notice::Truncated { param: "q" },
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
