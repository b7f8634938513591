//! Drafts a catalogue for a report's text: every numeric expression `facts::numbers::scan` finds
//! becomes a `[[fact]]` (value in base units, unit, qualifier, period, quote, label) or a
//! `[[not_indicator]]` with a reason (dates, plan spans, names, ordinals in names, "one" used as
//! an article). The draft is a starting point for a person: every fact carries
//! `status = "draft"`, English fields hold the Chinese until translated, and topics and regions
//! are placeholders.
//!
//! Every fact also says what it measures (`measure`: a level, a share, a growth, a change …) and,
//! for a change or a multiple, its `base` (同比, 比上年末 …), proposed from the words before the
//! number with the shared table of `facts::change_words`; its period is read from the dates
//! around it and the release's title (`context`).
//!
//! The one promise the draft keeps without review: every fact's `value` is what its `expr`
//! parses to with the same parser the verifier uses, signed and read as the verifier reads its
//! quote (下降3.2% is -3.2, 增长1.3倍 is 2.3), so a reviewer checks meaning, not arithmetic.

pub mod compare;
mod context;
pub mod indicators;
mod measure;
mod units;
mod write;

use serde::Deserialize;

use facts::counters::Counters;
use facts::numbers::{self, NumberExpr, Qualifier, Span};
use facts::{Base, Measure};

use units::{Around, Units};

pub use write::to_toml;

/// A `[[unit]]` entry, as the catalogue format spells it.
#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct UnitDef {
    pub id: String,
    pub kind: String,
    pub counter: Counters,
    pub zh: String,
    pub en: String,
    /// An index unit's baseline (100 for 上年=100, 50 for a diffusion index).
    #[serde(default)]
    pub baseline: Option<f64>,
}

/// A drafted `[[fact]]`.
#[derive(Clone, Debug, PartialEq)]
pub struct DraftFact {
    pub id: String,
    pub label_zh: String,
    pub value: f64,
    pub unit: String,
    pub qualifier: Qualifier,
    /// A qualifying word outside `expr` (约 in 约占全国1/4).
    pub qualifier_word: Option<String>,
    /// What the number measures; `base` is what a change or a multiple is measured against
    /// (`Base::None` for the rest).
    pub measure: Measure,
    pub base: Base,
    pub period: String,
    pub quote: String,
    /// Byte offset of `quote` in the text (the format computes it, so it is written as a comment).
    pub quote_offset: usize,
    pub expr: String,
    /// Byte offset of `expr` in the text.
    pub expr_offset: usize,
    /// 1-based line of the quote.
    pub line: usize,
    /// The declared indicator a finished catalogue beside the text gives points of in the same
    /// words and unit (`indicators::propose`); none until then.
    pub indicator: Option<String>,
}

/// A drafted `[[not_indicator]]`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DraftNot {
    pub expr: String,
    /// `None`: every occurrence of `expr` in the text.
    pub quote: Option<String>,
    pub reason: String,
    /// Byte offset of the first occurrence this entry was drafted for.
    pub expr_offset: usize,
}

/// A drafted `[[article]]`: a heading line of the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DraftArticle {
    pub id: String,
    pub heading: String,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Draft {
    /// The text's file name, NAME.txt.
    pub seed: String,
    pub articles: Vec<DraftArticle>,
    /// Other lines that look like headings, (line, text): a person decides which start articles.
    pub heading_candidates: Vec<(usize, String)>,
    /// Every unit the facts use, declared in the draft.
    pub units: Vec<UnitDef>,
    pub facts: Vec<DraftFact>,
    pub not_indicators: Vec<DraftNot>,
}

/// Units every draft may need even when no finished catalogue is at hand.
pub fn builtin_units() -> Vec<UnitDef> {
    let unit = |id: &str, kind: &str, counter: &str, zh: &str, en: &str| UnitDef {
        id: id.to_string(),
        kind: kind.to_string(),
        counter: Counters::One(counter.to_string()),
        zh: zh.to_string(),
        en: en.to_string(),
        baseline: None,
    };
    vec![
        unit("percent", "percent", "%", "%", "%"),
        unit("yuan", "currency", "元", "元", "yuan"),
        unit("rank", "count", "第", "位（排名）", "(rank)"),
        unit("percentage-point", "percentage_points", "个百分点", "个百分点", "percentage points"),
        unit("times", "times", "倍", "倍", "times"),
        // 指数为86.3, 上升0.2点. The baseline is a proposal: the draft says so beside it.
        UnitDef {
            counter: Counters::Several(vec![String::new(), "点".to_string()]),
            baseline: Some(100.0),
            ..unit("index", "index", "", "点", "points")
        },
    ]
}

/// The `[[unit]]` table of a finished catalogue, so a draft reuses its ids where the measure
/// word matches. Everything else in the file is ignored.
pub fn units_of_catalogue(toml_text: &str) -> Result<Vec<UnitDef>, String> {
    #[derive(Deserialize)]
    struct Units {
        #[serde(default, rename = "unit")]
        units: Vec<UnitDef>,
    }
    toml::from_str::<Units>(toml_text).map(|u| u.units).map_err(|e| e.message().to_string())
}

/// The fact-id prefix for a file stem: lowercase ASCII letters and digits joined by single '-'
/// (the id rule of the format), so `000_51d7` gives `000-51d7`.
pub fn id_prefix(stem: &str) -> String {
    let mut out = String::new();
    for c in stem.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-').to_string();
    if out.is_empty() {
        "draft".to_string()
    } else {
        out
    }
}

/// What one scanned number turned out to be.
enum Found {
    Fact { start: usize, end: usize, parsed: NumberExpr },
    Not { start: usize, end: usize, reason: &'static str, everywhere: bool },
}

const NAME_WITH_LETTERS: &str = "name of a technology, standard or code written with letters (5G, 4K), not a quantity";
const PLUS_NAME: &str = "name of a plan or framework written with + (1+1+9), not a quantity";
const PLAN_SPAN: &str = "a plan's or policy's year span (in its title)";
const YEAR_SPAN: &str = "date: a span of years";
const TITLE_YEAR: &str = "year in a document title";
const SINCE_YEAR: &str = "date: the start of a period (…以来)";
const YEAR_DATE: &str = "date: the year or month the nearby figures refer to (their period)";
const MONTH_SPAN: &str = "date: a span of months (the nearby figures' period)";
const DAY_DATE: &str = "date";
const NOUN_ORDINAL: &str = "part of a noun (第三方), not an ordinal quantity";
const QUARTER: &str = "a quarter of the year (一季度, 前三季度): the period of nearby figures";
const PAGE: &str = "newspaper page reference";
const BATCH: &str = "ordinal: the number of a batch, session or round in a name";
const SESSION: &str = "ordinal in the name of a meeting or session (十九届)";
const NEW_GENERATION: &str = "“new generation” as part of a name, not a quantity; every occurrence";
const ONE_HAND: &str = "discourse marker (一方面…另一方面), not a count; every occurrence";
const ARTICLE_ONE: &str = "“one” used as an article (一个, 一批, 一项), not a count";
const PLAN_NAME: &str = "part of a plan's name (三年行动计划)";
const SLOGAN: &str = "name or slogan in quotation marks, not a statistic";
const UNPARSED: &str = "TODO: the number parser cannot read this expression; decide by hand";
const NAMED_GROUP: &str =
    "a group named by its size (三家基础电信企业, 三大门类, 三个原则), not a count the text measures";

/// Qualifying words that qualify a number from further back in its clause when a verb follows
/// them (约占全国1/4, 近为, 超过有): the catalogue's `qualifier_word`.
const DISTANT_QUALIFIERS: &[&str] = &["大约", "将近", "接近", "超过", "不到", "不足", "约", "近", "逾"];
const DISTANT_VERBS: &[&str] = &["占", "为", "有", "达"];

const DASHES: &[char] = &['—', '–', '-', '~', '～', '至', '到'];

fn tail(text: &str, i: usize) -> &str {
    text.get(i..).unwrap_or("")
}

fn head(text: &str, i: usize) -> &str {
    text.get(..i).unwrap_or("")
}

/// Byte length of the ASCII digits at the start of `s`.
fn digits_len(s: &str) -> usize {
    s.bytes().take_while(u8::is_ascii_digit).count()
}

/// A whole number written in 1 to `max_len` ASCII digits at the start of `s`: (value, length).
fn leading_int(s: &str, max_len: usize) -> Option<(u32, usize)> {
    let len = digits_len(s);
    if len == 0 || len > max_len {
        return None;
    }
    s.get(..len)?.parse().ok().map(|n| (n, len))
}

fn is_year(n: u32) -> bool {
    (1900..=2199).contains(&n)
}

/// Whether byte `i` of `text` lies inside an open 《…》 or （…）.
fn in_title(text: &str, i: usize) -> bool {
    let before = head(text, i);
    let open = |o: char, c: char| before.matches(o).count() > before.matches(c).count();
    open('《', '》') || open('（', '）') || open('(', ')')
}

/// Length of "—2022年" after a year (the second year of a span and its 年).
fn year_span_after(s: &str) -> Option<usize> {
    let dash = s.chars().next().filter(|c| DASHES.contains(c))?;
    let rest = tail(s, dash.len_utf8());
    let (year, len) = leading_int(rest, 4)?;
    (len == 4 && is_year(year) && tail(rest, len).starts_with('年')).then_some(dash.len_utf8() + len + '年'.len_utf8())
}

/// Length of a month written at the start of `s`: "6月", "6月末", "4月28日", "6月份".
fn month_len(s: &str) -> Option<usize> {
    let (m, len) = leading_int(s, 2)?;
    if !(1..=12).contains(&m) || !tail(s, len).starts_with('月') {
        return None;
    }
    let mut end = len + '月'.len_utf8();
    if let Some((d, dlen)) = leading_int(tail(s, end), 2) {
        let after = tail(s, end + dlen);
        if (1..=31).contains(&d) && (after.starts_with('日') || after.starts_with('号')) {
            return Some(end + dlen + '日'.len_utf8());
        }
    }
    for w in ["上旬", "中旬", "下旬", "底", "末", "初", "份"] {
        if tail(s, end).starts_with(w) {
            end += w.len();
            break;
        }
    }
    Some(end)
}

/// Length of "—6月" after a month number (the end of a span of months).
fn month_span_after(s: &str) -> Option<usize> {
    let dash = s.chars().next().filter(|c| DASHES.contains(c))?;
    let rest = tail(s, dash.len_utf8());
    let (m, len) = leading_int(rest, 2)?;
    ((1..=12).contains(&m) && tail(rest, len).starts_with('月')).then_some(dash.len_utf8() + len + '月'.len_utf8())
}

fn is_chinese_numeral(core: &str) -> bool {
    core.chars().next().is_some_and(|c| "一二两三四五六七八九十".contains(c))
}

/// The longest of `words` that `s` starts with.
fn longest_prefix<'a>(s: &str, words: &[&'a str]) -> Option<&'a str> {
    words.iter().filter(|w| !w.is_empty() && s.starts_with(**w)).max_by_key(|w| w.len()).copied()
}

/// Decides what the number at `span` is. `counters` are the measure words an `expr` may end
/// in, any order.
fn classify(text: &str, span: &Span, counters: &[&str]) -> Found {
    let (s, e) = (span.start, span.end);
    let pre = head(text, s);
    let post = tail(text, e);
    let core = span.text.as_str();
    let whole = !core.is_empty() && core.bytes().all(|b| b.is_ascii_digit());
    let not = |start: usize, end: usize, reason: &'static str| Found::Not { start, end, reason, everywhere: false };

    if whole {
        // 500GB is a quantity; 5G and 4K are names.
        let letters_after = post.bytes().take_while(u8::is_ascii_alphabetic).count();
        let letters_after = if units::latin_unit_len(post).is_some() { 0 } else { letters_after };
        let letters_before = pre.bytes().rev().take_while(u8::is_ascii_alphabetic).count();
        if letters_after + letters_before > 0 {
            return Found::Not {
                start: s - letters_before,
                end: e + letters_after,
                reason: NAME_WITH_LETTERS,
                everywhere: true,
            };
        }
        let digit_or_plus = |b: &u8| b.is_ascii_digit() || *b == b'+';
        let glued = |side: &str| side.len() > 1 && side.as_bytes().get(1).is_some_and(u8::is_ascii_digit);
        let rev_pre: String = pre.chars().rev().take(2).collect();
        if (post.starts_with('+') && glued(post)) || (pre.ends_with('+') && glued(&rev_pre)) {
            let back = pre.bytes().rev().take_while(digit_or_plus).count();
            let fwd = post.bytes().take_while(digit_or_plus).count();
            let start = s - back;
            let end = e + fwd;
            let trimmed_start =
                start + head(text, end).get(start..).map_or(0, |t| t.len() - t.trim_start_matches('+').len());
            let trimmed_end = end - head(text, end).get(start..).map_or(0, |t| t.len() - t.trim_end_matches('+').len());
            return not(trimmed_start.min(s), trimmed_end.max(e), PLUS_NAME);
        }
    }

    if let Some((n, len)) = leading_int(core, 4).filter(|(_, len)| *len == core.len()) {
        if len == 4 && is_year(n) {
            if let Some(span_len) = year_span_after(post) {
                let reason = if in_title(text, s) { PLAN_SPAN } else { YEAR_SPAN };
                return not(s, e + span_len, reason);
            }
            if post.starts_with('年') {
                let mut end = e + '年'.len_utf8();
                if let Some(m) = month_len(tail(text, end)) {
                    end += m;
                } else if let Some(w) = longest_prefix(tail(text, end), &["年底", "年末", "年初", "底", "末", "初"])
                {
                    end += w.len();
                }
                let since = tail(text, end).starts_with("以来");
                if since {
                    end += "以来".len();
                }
                let reason = if in_title(text, s) {
                    TITLE_YEAR
                } else if since {
                    SINCE_YEAR
                } else {
                    YEAR_DATE
                };
                return not(s, end, reason);
            }
        }
        if (1..=12).contains(&n) {
            if let Some(m) = month_span_after(post) {
                return not(s, e + m, MONTH_SPAN);
            }
            if let Some(m) = month_len(tail(text, s)) {
                return not(s, s + m, YEAR_DATE);
            }
        }
        if (1..=31).contains(&n) && (post.starts_with('日') || post.starts_with('号')) {
            return not(s, e + '日'.len_utf8(), DAY_DATE);
        }
    }

    // 一季度, 前三季度: a quarter of the year, the period of nearby figures.
    if post.starts_with('季') {
        let start = if pre.ends_with('前') { s - '前'.len_utf8() } else { s };
        let len = if post.starts_with("季度") { "季度".len() } else { '季'.len_utf8() };
        return not(start, e + len, QUARTER);
    }
    if pre.ends_with('第') {
        let start = s - '第'.len_utf8();
        if post.starts_with('方') {
            return not(start, e + '方'.len_utf8(), NOUN_ORDINAL);
        }
        if post.starts_with('版') {
            return not(start, e + '版'.len_utf8(), PAGE);
        }
        if let Some(w) = longest_prefix(post, &["批", "届", "期", "轮"]) {
            return not(start, e + w.len(), BATCH);
        }
        return fact(text, start, s, e, counters);
    }
    if post.starts_with('届') {
        return not(s, e + '届'.len_utf8(), SESSION);
    }
    if core == "一" {
        if pre.ends_with('新') && post.starts_with('代') {
            return Found::Not {
                start: s - '新'.len_utf8(),
                end: e + '代'.len_utf8(),
                reason: NEW_GENERATION,
                everywhere: true,
            };
        }
        if post.starts_with("方面") {
            return Found::Not { start: s, end: e + "方面".len(), reason: ONE_HAND, everywhere: true };
        }
        if longest_prefix(post, &["年", "天", "月", "周"]).is_none() {
            let word = longest_prefix(post, counters).map_or(0, str::len);
            return not(s, e + word, ARTICLE_ONE);
        }
    }
    if is_chinese_numeral(core) {
        if let Some(after) = post.strip_prefix('年') {
            if longest_prefix(after, &["行动计划", "行动方案", "规划", "计划"]).is_some() {
                return not(s, e + '年'.len_utf8(), PLAN_NAME);
            }
        }
        if pre.ends_with('“') {
            let close = post.char_indices().take(12).find(|(_, c)| *c == '”').map(|(i, _)| i);
            let end = match close {
                Some(i) => e + i,
                None => e + longest_prefix(post, counters).map_or(0, str::len),
            };
            return not(s, end, SLOGAN);
        }
        if let Some(len) = named_group(pre, core, post) {
            return not(s, e + len, NAMED_GROUP);
        }
    }
    fact(text, s, s, e, counters)
}

/// Measure words after which a small Chinese numeral names a group rather than counting it.
const GROUP_COUNTERS: &[&str] = &["家", "大", "个"];

/// What a group named by its size is a group of, right after its counter: firms everyone can
/// name (三家基础电信企业) and the parts of a whole or an argument (三大门类, 三个原则).
const GROUP_NOUNS: &[&str] = &[
    "基础电信企业",
    "电信企业",
    "电信运营商",
    "运营商",
    "国有大型商业银行",
    "国有大行",
    "政策性银行",
    "交易所",
    "门类",
    "行业",
    "产业",
    "领域",
    "板块",
    "集群",
    "原则",
    "方面",
    "特点",
    "环节",
    "市场",
    "大局",
    "阶段",
    "层面",
];

/// Verbs that make a number of things a measured count however it is written: 获得, 推动, 建成 ….
const MEASURING_VERBS: &[&str] = &[
    "获得", "推动", "建成", "建设", "新建", "新增", "培育", "认定", "累计", "共有", "拥有", "现有", "达到", "达",
    "引进", "落户", "入选", "组建", "设立", "评为", "支持", "扶持", "带动", "覆盖", "完成",
];

/// A small Chinese numeral (两 to 十) with 家, 大 or 个 that names a group the sentence does not
/// measure: 三家基础电信企业, 三大门类, 以下三个原则. Digits (228家企业) are always counted, and so is
/// a group after a verb that counts it (获得, 推动, 建成 …). The length of what follows the numeral
/// in the not-indicator's expr: the counter and the group's noun.
fn named_group(pre: &str, core: &str, post: &str) -> Option<usize> {
    let n = numbers::parse_chinese_numeral(core).ok()?;
    if !(2..=10).contains(&n) {
        return None;
    }
    let counter = GROUP_COUNTERS.iter().find(|c| post.starts_with(**c))?;
    let clause = facts::change_words::clause_lead(pre);
    // 比上年增加两家: a change word right before it counts it too.
    if MEASURING_VERBS.iter().any(|v| clause.contains(v)) || facts::change_words::direction_before(clause).is_some() {
        return None;
    }
    let rest = tail(post, counter.len());
    let noun = GROUP_NOUNS.iter().filter(|w| rest.starts_with(**w)).max_by_key(|w| w.len());
    match noun {
        Some(noun) => Some(counter.len() + noun.len()),
        // 三大 is a name whatever follows: 四大 of anything is those four.
        None if *counter == "大" => Some(counter.len()),
        None => None,
    }
}

/// Builds the fact's `expr` around a scanned core at `core_start..e` (`start` is before it when a
/// 第 leads): a qualifying word right before it, 多/余, the counter and 以上/以下/左右 after it.
/// Falls back to shorter expressions when a longer one does not parse.
fn fact(text: &str, start: usize, core_start: usize, e: usize, counters: &[&str]) -> Found {
    let mut from = start;
    if let Some(w) = facts::numbers::qualifying_prefix(head(text, start)) {
        from = start - w.len();
    }
    let core = text.get(core_start..e).unwrap_or("");
    let numeric_end = !core.ends_with(['%', '％']) && !core.contains('/') && core != "一半";
    let mut end = e;
    if numeric_end {
        let more = longest_prefix(tail(text, end), &["多", "余"]);
        if let Some(m) = more.filter(|m| longest_prefix(tail(text, end + m.len()), counters).is_some()) {
            end += m.len();
        }
        if let Some(c) = longest_prefix(tail(text, end), counters) {
            end += c.len();
        } else if let Some(len) = units::latin_unit_len(tail(text, end)) {
            end += len;
        }
    }
    if let Some(w) = longest_prefix(tail(text, end), &["以上", "以下", "左右"]) {
        end += w.len();
    }
    for (a, b) in [(from, end), (start, end), (from, e), (start, e)] {
        if let Some(parsed) = text.get(a..b).and_then(|x| numbers::parse_expr(x).ok()) {
            return Found::Fact { start: a, end: b, parsed };
        }
    }
    Found::Not { start, end: e, reason: UNPARSED, everywhere: false }
}

/// A qualifying word earlier in the clause that qualifies the number through a verb (约占全国1/4):
/// the last one in the clause, and at one position the longer (大约 over 约).
fn distant_qualifier(clause_before: &str) -> Option<String> {
    let mut last: Option<(usize, &str)> = None;
    for w in DISTANT_QUALIFIERS {
        for (i, _) in clause_before.match_indices(w) {
            let verb_follows = DISTANT_VERBS.iter().any(|v| tail(clause_before, i + w.len()).starts_with(v));
            let later = last.is_none_or(|(j, lw)| i > j || (i == j && w.len() > lw.len()));
            if verb_follows && later {
                last = Some((i, w));
            }
        }
    }
    last.map(|(_, w)| w.to_string()).filter(|w| numbers::qualifier_word(w).is_some())
}

/// Every measure word an `expr` may end in: the known units' counters, the scanner's measure
/// words and a few compounds the scanner's list lacks.
fn counters(known: &[UnitDef]) -> Vec<String> {
    let mut out: Vec<String> = ["元", "人次", "个百分点", "百分点", "平方米", "平方公里", "千米", "万元", "公斤"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    out.extend(numbers::MEASURE_WORDS.iter().map(|s| s.to_string()));
    out.extend(numbers::UNITS_AFTER_MULTIPLIER_CHAR.iter().map(|s| s.to_string()));
    out.extend(
        known.iter().flat_map(|u| u.counter.words()).filter(|w| !w.is_empty() && *w != "%" && *w != "第").cloned(),
    );
    out.sort();
    out.dedup();
    out
}

/// Drafts the catalogue of `text`, whose file name is `seed` (NAME.txt). `known` are units of
/// finished catalogues whose ids the draft reuses where the measure word matches.
pub fn draft(seed: &str, text: &str, known: &[UnitDef]) -> Draft {
    let stem = seed.strip_suffix(".txt").unwrap_or(seed);
    let prefix = id_prefix(stem);
    let counter_list = counters(known);
    let counter_refs: Vec<&str> = counter_list.iter().map(String::as_str).collect();
    let mut units = Units::new(known);
    let dates = facts::dates::Dates::of(text);
    let mut out = Draft { seed: seed.to_string(), ..Draft::default() };
    let (articles, candidates) = context::headings(text);
    // Article ids are unique across all reports, like fact ids.
    out.articles = articles.into_iter().map(|a| DraftArticle { id: format!("{prefix}-{}", a.id), ..a }).collect();
    out.heading_candidates = candidates;

    let mut covered_to = 0;
    for span in numbers::scan(text) {
        if span.start < covered_to {
            continue;
        }
        match classify(text, &span, &counter_refs) {
            Found::Not { start, end, reason, everywhere } => {
                covered_to = end;
                let expr = text.get(start..end).unwrap_or(&span.text).to_string();
                let quote = if everywhere { None } else { Some(context::sentence(text, start, end).1.to_string()) };
                let duplicate = out.not_indicators.iter().any(|n| n.expr == expr && n.quote == quote)
                    || out.not_indicators.iter().any(|n| n.expr == expr && n.quote.is_none());
                if !duplicate {
                    out.not_indicators.push(DraftNot { expr, quote, reason: reason.to_string(), expr_offset: start });
                }
            }
            Found::Fact { start, end, parsed } => {
                covered_to = end;
                let expr = text.get(start..end).unwrap_or("").to_string();
                let (quote_offset, quote) = context::sentence(text, start, end);
                let clause_start = context::clause_start(text, start);
                let clause_end = context::clause_end(text, end);
                let before = text.get(clause_start..start).unwrap_or("");
                let after = text.get(end..clause_end).unwrap_or("");
                let sentence_before = text.get(context::period_start(text, start)..start).unwrap_or("");
                let around = Around { after, before, sentence_before };
                let (unit, magnitude, kind) = units.choose(&parsed, &around);
                // The words before expr as the build reads them: up to its first occurrence in
                // the quote.
                let at = quote.find(expr.as_str()).unwrap_or(start.saturating_sub(quote_offset));
                let quote_before = quote.get(..at).unwrap_or("");
                let proposal = match measure::propose(quote_before, &expr, parsed.form, after, kind, magnitude) {
                    Ok(p) => p,
                    Err(reason) => {
                        out.not_indicators.push(DraftNot {
                            expr,
                            quote: Some(quote.to_string()),
                            reason: reason.to_string(),
                            expr_offset: start,
                        });
                        continue;
                    }
                };
                let qualifier_word =
                    if parsed.qualifier == Qualifier::Exact { distant_qualifier(before) } else { None };
                let qualifier = qualifier_word.as_deref().and_then(numbers::qualifier_word).unwrap_or(parsed.qualifier);
                let clause = text.get(clause_start..clause_end).unwrap_or("");
                let stock = context::is_stock(clause, proposal.base);
                out.facts.push(DraftFact {
                    id: format!("{prefix}-{}", out.facts.len() + 1),
                    label_zh: context::label(before, after, &expr),
                    value: proposal.value,
                    unit,
                    qualifier,
                    qualifier_word,
                    measure: proposal.measure,
                    base: proposal.base,
                    period: dates.period(text, start, stock),
                    quote: quote.to_string(),
                    quote_offset,
                    expr,
                    expr_offset: start,
                    line: context::line_of(text, quote_offset),
                    indicator: None,
                });
            }
        }
    }
    // Units only a number drafted as a not-indicator needed are left out.
    out.units = units.used.into_iter().filter(|u| out.facts.iter().any(|f| f.unit == u.id)).collect();
    out
}

/// Counts for a person reading the terminal: facts by unit and qualifier, not-indicators by
/// reason.
pub fn summary(d: &Draft) -> String {
    fn tally<'a>(items: impl Iterator<Item = &'a str>) -> Vec<(&'a str, usize)> {
        let mut out: Vec<(&str, usize)> = Vec::new();
        for item in items {
            match out.iter_mut().find(|(k, _)| *k == item) {
                Some((_, n)) => *n += 1,
                None => out.push((item, 1)),
            }
        }
        out.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        out
    }
    let mut s =
        format!("{} facts, {} not-indicator entries, {} units\n", d.facts.len(), d.not_indicators.len(), d.units.len());
    s.push_str("facts by unit:\n");
    for (k, n) in tally(d.facts.iter().map(|f| f.unit.as_str())) {
        s.push_str(&format!("  {n:>4}  {k}\n"));
    }
    s.push_str("facts by measure:\n");
    for (k, n) in tally(d.facts.iter().map(|f| f.measure.spelling())) {
        s.push_str(&format!("  {n:>4}  {k}\n"));
    }
    s.push_str("facts by qualifier:\n");
    for (k, n) in tally(d.facts.iter().map(|f| f.qualifier.spelling())) {
        s.push_str(&format!("  {n:>4}  {k}\n"));
    }
    s.push_str("not-indicators by reason:\n");
    for (k, n) in tally(d.not_indicators.iter().map(|f| f.reason.as_str())) {
        s.push_str(&format!("  {n:>4}  {k}\n"));
    }
    s
}
