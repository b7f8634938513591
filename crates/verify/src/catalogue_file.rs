//! Loader and verifier for `seeds/NAME.facts.toml` (schema: `seeds/CATALOGUE.md`).
//!
//! Native only: used by `seed_reports`' build script and by the tests and tools. [`load`] checks everything one entry can get wrong and
//! reports every problem at once, each naming the file, the entry and the field; [`uncovered`]
//! checks that every number the scanner finds in the text is accounted for.

use std::collections::{HashMap, HashSet};
use std::fmt;

use serde::Deserialize;

use facts::counters::Counters;
use facts::numbers::{self, Form, Span};
use facts::{Qualifier, UnitKind};

pub use crate::presentation::{ChartEntry, CrossCheckEntry, PanelEntry, SectionEntry, StockFlowEntry};

/// A whole catalogue file. Field names are the TOML's; unknown fields are rejected.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CatalogueFile {
    /// File name of the text in `seeds/`: NAME.txt for NAME.facts.toml.
    pub seed: String,
    /// Fact ids the overview shows as headline figures, in order.
    #[serde(default)]
    pub headlines: Vec<String>,
    #[serde(default, rename = "article")]
    pub articles: Vec<ArticleEntry>,
    #[serde(default, rename = "unit")]
    pub units: Vec<UnitEntry>,
    #[serde(default, rename = "region")]
    pub regions: Vec<NamedEntry>,
    #[serde(default, rename = "topic")]
    pub topics: Vec<NamedEntry>,
    #[serde(default, rename = "fact")]
    pub facts: Vec<FactEntry>,
    #[serde(default, rename = "not_indicator")]
    pub not_indicators: Vec<NotIndicatorEntry>,
    #[serde(default, rename = "section")]
    pub sections: Vec<SectionEntry>,
    #[serde(default, rename = "chart")]
    pub charts: Vec<ChartEntry>,
    #[serde(default, rename = "cross_check")]
    pub cross_checks: Vec<CrossCheckEntry>,
    /// The file name given to [`load`].
    #[serde(skip)]
    pub file_name: String,
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ArticleEntry {
    pub id: String,
    /// A whole line of the text (surrounding whitespace aside) where the article starts.
    pub heading: String,
    pub title_zh: String,
    pub title_en: String,
    pub source_zh: String,
    pub source_en: String,
    /// Byte range of the article in the text: from its heading to the next article's heading.
    /// Set by [`load`].
    #[serde(skip)]
    pub start: usize,
    #[serde(skip)]
    pub end: usize,
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UnitEntry {
    pub id: String,
    /// percent | currency | count.
    pub kind: String,
    /// The measure words right after the number ("座", "元", "个", "人次"), "" for none; "%" for
    /// percent units; "第" for a rank unit (matches any ordinal, 第一 or 第2家). One word, or several
    /// for one thing counted in several ways (5G base stations: 42698个, 98613座).
    pub counter: Counters,
    pub zh: String,
    pub en: String,
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NamedEntry {
    pub id: String,
    pub zh: String,
    pub en: String,
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FactEntry {
    pub id: String,
    pub article: String,
    pub topic: String,
    pub region: String,
    pub label_zh: String,
    pub label_en: String,
    /// Short bar labels for charts; default to the labels.
    #[serde(default)]
    pub short_zh: Option<String>,
    #[serde(default)]
    pub short_en: Option<String>,
    /// Base units: 41000 for 4.1万, 230000000000 for 2300亿元, 25 for 1/4 of a percent unit.
    pub value: f64,
    pub unit: String,
    /// exact | at_least | more_than | about | less_than.
    pub qualifier: String,
    /// See [`facts::Period`].
    pub period: String,
    pub quote: String,
    pub expr: String,
    #[serde(default)]
    pub qualifier_word: Option<String>,
    #[serde(default)]
    pub gloss_en: Option<String>,
    /// "draft" (written by the draft tool, not yet reviewed by a person) or "reviewed" (the
    /// default).
    #[serde(default)]
    pub status: Option<String>,
    /// The indicator this fact measures: facts of one indicator, across periods and reports, form
    /// a series.
    #[serde(default)]
    pub indicator: Option<String>,
    /// Byte offset of `quote` in the text. Set by [`load`].
    #[serde(skip)]
    pub quote_offset: usize,
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NotIndicatorEntry {
    pub expr: String,
    /// Where; `None` means every occurrence of `expr`.
    #[serde(default)]
    pub quote: Option<String>,
    pub reason: String,
}

/// One problem in a catalogue file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CatalogueError {
    /// The catalogue's file name, e.g. `000_51d79537997213ea.facts.toml`.
    pub file: String,
    /// `fact "gd-5g-stations-2019"`, `unit #3`, `not_indicator #2 ("2019—2022年")`, `coverage`;
    /// empty for file-level problems.
    pub entry: String,
    /// The TOML field, empty when the problem is not about one field.
    pub field: String,
    pub message: String,
}

impl fmt::Display for CatalogueError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.file)?;
        if !self.entry.is_empty() {
            write!(f, ": {}", self.entry)?;
        }
        if !self.field.is_empty() {
            write!(f, ": field {}", self.field)?;
        }
        write!(f, ": {}", self.message)
    }
}

impl std::error::Error for CatalogueError {}

/// Formats a number for messages: 41000, 2.3, 230000000000.
fn num(v: f64) -> String {
    format!("{v}")
}

/// Start offsets of every occurrence of `needle` in `hay`, overlapping ones included.
pub fn occurrences(hay: &str, needle: &str) -> Vec<usize> {
    let mut out = Vec::new();
    if needle.is_empty() {
        return out;
    }
    let mut from = 0;
    while let Some(i) = hay[from..].find(needle) {
        let at = from + i;
        out.push(at);
        from = at + hay[at..].chars().next().map_or(1, char::len_utf8);
    }
    out
}

/// 1-based line number of a byte offset.
pub fn line_of(text: &str, offset: usize) -> usize {
    text.as_bytes()[..offset.min(text.len())].iter().filter(|b| **b == b'\n').count() + 1
}

/// "line 57: …建成5G基站【36988】座，约占全国…": a span with a little context on each side.
pub fn span_context(text: &str, start: usize, end: usize) -> String {
    if start > end || !text.is_char_boundary(start) || !text.is_char_boundary(end) {
        return format!("bytes {start}..{end} (not a span of the text)");
    }
    const CONTEXT: usize = 12;
    let before: String = {
        let mut v: Vec<char> = text[..start].chars().rev().take_while(|c| *c != '\n').take(CONTEXT).collect();
        v.reverse();
        v.into_iter().collect()
    };
    let after: String = text[end..].chars().take_while(|c| *c != '\n').take(CONTEXT).collect();
    format!("line {}: …{}【{}】{}…", line_of(text, start), before, &text[start..end], after)
}

/// Ids: lowercase ASCII letters and digits in groups joined by single '-'.
pub fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .split('-')
            .all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()))
}

pub(crate) struct Errors<'a> {
    pub(crate) file: &'a str,
    pub(crate) list: Vec<CatalogueError>,
}

impl Errors<'_> {
    pub(crate) fn push(&mut self, entry: &str, field: &str, message: impl Into<String>) {
        self.list.push(CatalogueError {
            file: self.file.to_string(),
            entry: entry.to_string(),
            field: field.to_string(),
            message: message.into(),
        });
    }
}

/// Checks that `ids` (of `[[kind]]` entries, in order) are well formed and unique; returns them.
pub(crate) fn check_ids<'a>(errs: &mut Errors<'_>, kind: &str, ids: impl Iterator<Item = &'a str>) -> HashSet<&'a str> {
    let mut seen = HashSet::new();
    for (i, id) in ids.enumerate() {
        let name = entry_name(kind, i, id);
        if !valid_id(id) {
            errs.push(&name, "id", format!("{id:?} is not lowercase letters and digits joined by single '-'"));
        }
        if !seen.insert(id) {
            errs.push(&name, "id", format!("{kind} id {id:?} is used twice"));
        }
    }
    seen
}

/// An "is empty" error for each of `fields` (name, value) that is blank.
pub(crate) fn non_empty(errs: &mut Errors<'_>, name: &str, fields: &[(&str, &str)]) {
    for (field, value) in fields {
        if value.trim().is_empty() {
            errs.push(name, field, "is empty");
        }
    }
}

pub(crate) fn entry_name(kind: &str, index: usize, id: &str) -> String {
    if id.is_empty() {
        format!("{kind} #{}", index + 1)
    } else {
        format!("{kind} {id:?}")
    }
}

/// Names the TOML entry that holds byte `offset` of `text`: `fact #12 ("gd-...")`, or, inside a
/// nested table such as `[[chart.panel]]`, `chart #9 ("luoning-ecommerce") panel #1`; "" when the
/// offset is before the first `[[...]]` header.
fn entry_at(text: &str, offset: usize) -> String {
    let offset = offset.min(text.len());
    let mut kind = String::new();
    let mut index = 0usize;
    let mut counts: HashMap<String, usize> = HashMap::new();
    let mut header_end = 0;
    // The nested table the offset is in: (its last name part, its index within the entry).
    let mut child: Option<(String, usize)> = None;
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        if pos > offset {
            break;
        }
        let t = line.trim();
        if let Some(name) = t.strip_prefix("[[").and_then(|r| r.split("]]").next()) {
            let name = name.trim().to_string();
            match name.split_once('.') {
                Some((_, part)) => {
                    let n = child.as_ref().filter(|(p, _)| p == part).map_or(1, |(_, n)| n + 1);
                    child = Some((part.to_string(), n));
                }
                None => {
                    let n = counts.entry(name.clone()).or_insert(0);
                    *n += 1;
                    index = *n;
                    kind = name;
                    header_end = pos + line.len();
                    child = None;
                }
            }
        }
        pos += line.len();
    }
    if kind.is_empty() {
        return String::new();
    }
    // The entry's id, if it has one before the next header.
    let body = &text[header_end..];
    let body = body.find("\n[").map_or(body, |e| &body[..e]);
    let id = body.lines().find_map(|l| {
        let l = l.trim();
        let rest = l.strip_prefix("id")?.trim_start().strip_prefix('=')?.trim();
        Some(rest.trim_matches('"').to_string())
    });
    let entry = match id {
        Some(id) => format!("{kind} #{index} ({id:?})"),
        None => format!("{kind} #{index}"),
    };
    match child {
        Some((part, n)) => format!("{entry} {part} #{n}"),
        None => entry,
    }
}

/// Turns a TOML error into a catalogue error that names the file, line, entry and field.
fn toml_error(file: &str, text: &str, e: &toml::de::Error) -> CatalogueError {
    let message = e.message().trim().to_string();
    let (entry, location) = match e.span() {
        Some(span) => {
            let line = line_of(text, span.start);
            (entry_at(text, span.start), format!("line {line}: "))
        }
        None => (String::new(), String::new()),
    };
    let field = message
        .strip_prefix("unknown field `")
        .or_else(|| message.strip_prefix("missing field `"))
        .and_then(|r| r.split('`').next())
        .unwrap_or("")
        .to_string();
    CatalogueError { file: file.to_string(), entry, field, message: format!("{location}invalid TOML: {message}") }
}

/// Where a column banner over the next article's heading starts (做好“六稳”落实“六保” over the
/// Guangdong article), when the article at `start..end` ends in one; `end` is the next heading.
///
/// The article's last non-blank line is taken for a banner when it is not the article's heading
/// and has no clause punctuation (，。；！？), the mark of a heading in `catalogue::provenance`:
/// a heading with nothing under it in its own article can only head what follows.
fn trailing_banner(text: &str, start: usize, end: usize) -> Option<usize> {
    let body = text.get(start..end)?.trim_end();
    // No line break left: the article is its heading alone.
    let line_start = body.rfind('\n')? + 1;
    let line = body[line_start..].trim();
    let prose = line.chars().any(|c| matches!(c, '，' | '。' | '；' | '！' | '？'));
    (!line.is_empty() && !prose).then_some(start + line_start)
}

/// Parses and verifies a catalogue against its text.
///
/// `file_name` names the catalogue in messages (and, when it ends in `.facts.toml`, fixes the
/// `seed` it must describe); `seed_text` is the text. On success, article spans and quote offsets
/// are filled in. Coverage is checked separately by [`uncovered`].
pub fn load(toml_text: &str, file_name: &str, seed_text: &str) -> Result<CatalogueFile, Vec<CatalogueError>> {
    let mut file: CatalogueFile = toml::from_str(toml_text).map_err(|e| vec![toml_error(file_name, toml_text, &e)])?;
    file.file_name = file_name.to_string();
    let mut errs = Errors { file: file_name, list: Vec::new() };

    if let Some(stem) = file_name.rsplit(['/', '\\']).next().and_then(|n| n.strip_suffix(".facts.toml")) {
        let expected = format!("{stem}.txt");
        if file.seed != expected {
            errs.push("", "seed", format!("{:?} but this catalogue describes {expected:?}", file.seed));
        }
    }
    if seed_text.is_empty() {
        errs.push("", "seed", "the text is empty");
    }

    // Ids: well-formed and unique per kind.
    let article_ids = check_ids(&mut errs, "article", file.articles.iter().map(|a| a.id.as_str()));
    let unit_ids = check_ids(&mut errs, "unit", file.units.iter().map(|u| u.id.as_str()));
    let region_ids = check_ids(&mut errs, "region", file.regions.iter().map(|r| r.id.as_str()));
    let topic_ids = check_ids(&mut errs, "topic", file.topics.iter().map(|t| t.id.as_str()));
    check_ids(&mut errs, "fact", file.facts.iter().map(|f| f.id.as_str()));
    let (article_ids, unit_ids, region_ids, topic_ids): (
        HashSet<String>,
        HashSet<String>,
        HashSet<String>,
        HashSet<String>,
    ) = (
        article_ids.into_iter().map(str::to_string).collect(),
        unit_ids.into_iter().map(str::to_string).collect(),
        region_ids.into_iter().map(str::to_string).collect(),
        topic_ids.into_iter().map(str::to_string).collect(),
    );

    // Articles: headings are unique whole lines, in text order; spans run to the next heading.
    let mut line_starts: Vec<(usize, &str)> = Vec::new();
    {
        let mut pos = 0;
        for line in seed_text.split_inclusive('\n') {
            let content = line.trim_end_matches(['\n', '\r']);
            let lead = content.len() - content.trim_start().len();
            line_starts.push((pos + lead, content.trim()));
            pos += line.len();
        }
    }
    let mut previous: Option<(usize, String)> = None;
    let mut starts: Vec<Option<usize>> = Vec::new();
    for (i, a) in file.articles.iter().enumerate() {
        let name = entry_name("article", i, &a.id);
        non_empty(
            &mut errs,
            &name,
            &[
                ("heading", &a.heading),
                ("title_zh", &a.title_zh),
                ("title_en", &a.title_en),
                ("source_zh", &a.source_zh),
                ("source_en", &a.source_en),
            ],
        );
        let heading = a.heading.trim();
        let at: Vec<usize> =
            line_starts.iter().filter(|(_, l)| !heading.is_empty() && *l == heading).map(|(p, _)| *p).collect();
        let start = match at.as_slice() {
            [one] => Some(*one),
            [] if !heading.is_empty() && seed_text.contains(heading) => {
                errs.push(&name, "heading", format!("{heading:?} occurs in the text but not as a whole line"));
                None
            }
            [] => {
                if !heading.is_empty() {
                    errs.push(&name, "heading", format!("{heading:?} is not a line of the text"));
                }
                None
            }
            many => {
                let lines: Vec<String> = many.iter().map(|p| line_of(seed_text, *p).to_string()).collect();
                errs.push(&name, "heading", format!("{heading:?} is ambiguous: it is lines {}", lines.join(", ")));
                None
            }
        };
        if let (Some(s), Some((p, prev))) = (start, &previous) {
            if s <= *p {
                errs.push(
                    &name,
                    "heading",
                    format!(
                        "articles must be listed in text order, but this heading (line {}) comes before article {prev:?}'s (line {})",
                        line_of(seed_text, s),
                        line_of(seed_text, *p)
                    ),
                );
            }
        }
        if let Some(s) = start {
            previous = Some((s, a.id.clone()));
        }
        starts.push(start);
    }
    let mut next_start: Option<usize> = None;
    for (a, start) in file.articles.iter_mut().zip(starts.iter()).rev() {
        if let Some(s) = *start {
            a.start = s;
            a.end = match next_start {
                Some(n) => trailing_banner(seed_text, s, n.max(s)).unwrap_or(n.max(s)),
                None => seed_text.len().max(s),
            };
            next_start = Some(s);
        }
    }
    let article_span: HashMap<String, Option<(usize, usize)>> =
        file.articles.iter().zip(starts.iter()).map(|(a, s)| (a.id.clone(), s.map(|_| (a.start, a.end)))).collect();

    // Units.
    for (i, u) in file.units.iter().enumerate() {
        let name = entry_name("unit", i, &u.id);
        non_empty(&mut errs, &name, &[("zh", &u.zh), ("en", &u.en)]);
        let words = u.counter.words();
        if words.is_empty() {
            errs.push(&name, "counter", "an empty list: write \"\" for a unit with no counter word".to_string());
        }
        for (i, w) in words.iter().enumerate() {
            if words[..i].contains(w) {
                errs.push(&name, "counter", format!("{w:?} is listed twice"));
            }
        }
        match UnitKind::from_spelling(&u.kind) {
            Some(UnitKind::Percent) => {
                if words != ["%"] {
                    errs.push(
                        &name,
                        "counter",
                        format!("{}, but a percent unit's counter is \"%\" alone", u.counter.describe()),
                    );
                }
            }
            Some(UnitKind::Currency | UnitKind::Count) => {}
            None => errs.push(&name, "kind", format!("{:?} is not one of {}", u.kind, UnitKind::spellings())),
        }
    }
    let units: HashMap<&str, &UnitEntry> = file.units.iter().map(|u| (u.id.as_str(), u)).collect();

    for (kind, list) in [("region", &file.regions), ("topic", &file.topics)] {
        for (i, n) in list.iter().enumerate() {
            non_empty(&mut errs, &entry_name(kind, i, &n.id), &[("zh", &n.zh), ("en", &n.en)]);
        }
    }

    // Facts.
    let mut offsets = Vec::with_capacity(file.facts.len());
    for (i, f) in file.facts.iter().enumerate() {
        let name = entry_name("fact", i, &f.id);
        let mut offset = 0;
        non_empty(
            &mut errs,
            &name,
            &[("label_zh", &f.label_zh), ("label_en", &f.label_en), ("quote", &f.quote), ("expr", &f.expr)],
        );
        if let Some(g) = &f.gloss_en {
            if g.trim().is_empty() {
                errs.push(&name, "gloss_en", "is empty (leave it out instead)");
            }
        }
        for (field, value, ids, kind) in [
            ("article", &f.article, &article_ids, "article"),
            ("topic", &f.topic, &topic_ids, "topic"),
            ("region", &f.region, &region_ids, "region"),
            ("unit", &f.unit, &unit_ids, "unit"),
        ] {
            if !ids.contains(value.as_str()) {
                errs.push(&name, field, format!("no {kind} has id {value:?}"));
            }
        }
        if let Err(m) = facts::period::parse(&f.period) {
            errs.push(&name, "period", m);
        }
        let stored = Qualifier::from_spelling(&f.qualifier);
        if stored.is_none() {
            errs.push(&name, "qualifier", format!("{:?} is not one of {}", f.qualifier, Qualifier::spellings()));
        }
        if !f.value.is_finite() {
            errs.push(&name, "value", format!("{} is not a finite number", f.value));
        }

        // The quote: verbatim, once, inside its article.
        if !f.quote.is_empty() {
            let at = occurrences(seed_text, &f.quote);
            match at.as_slice() {
                [one] => {
                    offset = *one;
                    if let Some(Some((s, e))) = article_span.get(&f.article) {
                        if offset < *s || offset + f.quote.len() > *e {
                            errs.push(
                                &name,
                                "quote",
                                format!(
                                    "is at line {}, outside article {:?} (lines {}–{})",
                                    line_of(seed_text, offset),
                                    f.article,
                                    line_of(seed_text, *s),
                                    line_of(seed_text, e.saturating_sub(1).max(*s))
                                ),
                            );
                        }
                    }
                }
                [] => errs.push(&name, "quote", "does not occur verbatim in the text"),
                many => {
                    let lines: Vec<String> = many.iter().map(|p| line_of(seed_text, *p).to_string()).collect();
                    errs.push(
                        &name,
                        "quote",
                        format!(
                            "occurs {} times (lines {}); lengthen it until it is unique",
                            many.len(),
                            lines.join(", ")
                        ),
                    );
                }
            }
        }
        offsets.push(offset);

        // The expression: inside the quote, parses, agrees with qualifier, unit and value.
        if f.expr.is_empty() {
            continue;
        }
        let expr_at = occurrences(&f.quote, &f.expr);
        if !f.quote.is_empty() && expr_at.is_empty() {
            errs.push(&name, "expr", format!("{:?} does not occur in the quote", f.expr));
        }
        let parsed = match numbers::parse_expr(&f.expr) {
            Ok(p) => p,
            Err(e) => {
                errs.push(&name, "expr", e.to_string());
                continue;
            }
        };

        // Qualifier: the expression's own words, plus qualifier_word when given.
        let mut qualifier = parsed.qualifier;
        if let Some(w) = &f.qualifier_word {
            match numbers::qualifier_word(w) {
                None => errs.push(
                    &name,
                    "qualifier_word",
                    format!("{w:?} is not a qualifying word (约, 近, 超过, 以上, 不到 ...)"),
                ),
                Some(q) => {
                    if !f.quote.contains(w.as_str()) {
                        errs.push(&name, "qualifier_word", format!("{w:?} does not occur in the quote"));
                    }
                    if parsed.qualifier != Qualifier::Exact {
                        errs.push(
                            &name,
                            "qualifier_word",
                            format!(
                                "expr {:?} already says {}; qualifier_word is only for a word outside expr",
                                f.expr,
                                parsed.qualifier.spelling()
                            ),
                        );
                    }
                    qualifier = q;
                }
            }
        } else {
            // A qualifying word written right next to expr but left out of it.
            for &p in &expr_at {
                let before = &f.quote[..p];
                let after = &f.quote[p + f.expr.len()..];
                const NEAR_BEFORE: &[&str] =
                    &["不少于", "不低于", "至少", "超过", "多于", "大约", "将近", "接近", "不到", "不足", "少于"];
                const NEAR_AFTER: &[&str] = &["以上", "以下", "左右"];
                let ends_in_number =
                    f.expr.chars().last().is_some_and(|c| c.is_ascii_digit() || "万亿千百十".contains(c));
                let word = NEAR_BEFORE
                    .iter()
                    .find(|w| before.ends_with(**w))
                    .or_else(|| NEAR_AFTER.iter().find(|w| after.starts_with(**w)))
                    .or_else(|| ["多", "余"].iter().find(|w| ends_in_number && after.starts_with(**w)));
                if let Some(w) = word {
                    errs.push(
                        &name,
                        "expr",
                        format!(
                            "the quote has {w:?} right next to {:?}; include it in expr (it qualifies the number)",
                            f.expr
                        ),
                    );
                }
            }
        }
        if let Some(stored) = stored {
            if stored != qualifier {
                let from = match &f.qualifier_word {
                    Some(w) if parsed.qualifier == Qualifier::Exact => {
                        format!("qualifier_word {w:?}")
                    }
                    _ => format!("expr {:?}", f.expr),
                };
                errs.push(
                    &name,
                    "qualifier",
                    format!("{from} says {} but qualifier is {:?}", qualifier.spelling(), f.qualifier),
                );
            }
        }

        // Unit and value.
        let Some(unit) = units.get(f.unit.as_str()) else {
            continue;
        };
        let percent = UnitKind::from_spelling(&unit.kind) == Some(UnitKind::Percent);
        let expected = match (percent, parsed.form) {
            (true, Form::Percent) => Some(parsed.value),
            (true, Form::Fraction) => Some(parsed.value * 100.0),
            (true, _) => {
                errs.push(
                    &name,
                    "unit",
                    format!("{:?} is a percent unit but expr {:?} is not a percentage or fraction", unit.id, f.expr),
                );
                None
            }
            (_, Form::Percent | Form::Fraction) => {
                errs.push(
                    &name,
                    "unit",
                    format!(
                        "expr {:?} is a percentage or fraction but unit {:?} is a {} unit",
                        f.expr, unit.id, unit.kind
                    ),
                );
                None
            }
            (_, form) => {
                let counter_ok =
                    unit.counter.accepts(&parsed.counter) || (form == Form::Ordinal && unit.counter.accepts("第"));
                if !counter_ok {
                    errs.push(
                        &name,
                        "unit",
                        format!(
                            "unit {:?} has counter {} but expr {:?} has counter {:?}",
                            unit.id,
                            unit.counter.describe(),
                            f.expr,
                            parsed.counter
                        ),
                    );
                }
                Some(parsed.value)
            }
        };
        if let Some(expected) = expected {
            let tolerance = 1e-9 * expected.abs().max(f.value.abs()).max(1.0);
            if (expected - f.value).abs() > tolerance {
                let scale = if percent && parsed.form == Form::Fraction {
                    " (a fraction, ×100 for a percent unit)"
                } else {
                    ""
                };
                errs.push(
                    &name,
                    "value",
                    format!("{} parses to {}{scale} but value is {}", f.expr, num(expected), num(f.value)),
                );
            }
        }
    }
    for (f, o) in file.facts.iter_mut().zip(offsets) {
        f.quote_offset = o;
    }

    // Not-indicators.
    for (i, n) in file.not_indicators.iter().enumerate() {
        let name = format!("not_indicator #{} ({:?})", i + 1, n.expr);
        non_empty(&mut errs, &name, &[("expr", &n.expr), ("reason", &n.reason)]);
        if n.expr.is_empty() {
            continue;
        }
        match &n.quote {
            Some(q) if q.is_empty() => errs.push(&name, "quote", "is empty (leave it out to mean every occurrence)"),
            Some(q) => {
                if occurrences(seed_text, q).is_empty() {
                    errs.push(&name, "quote", "does not occur verbatim in the text");
                }
                if !q.contains(n.expr.as_str()) {
                    errs.push(&name, "expr", format!("{:?} does not occur in the quote", n.expr));
                }
            }
            None => {
                if !seed_text.contains(n.expr.as_str()) {
                    errs.push(&name, "expr", format!("{:?} does not occur in the text", n.expr));
                }
            }
        }
    }

    crate::presentation::check(&file, &mut errs);

    if errs.list.is_empty() {
        Ok(file)
    } else {
        Err(errs.list)
    }
}

/// Byte ranges of the text that facts and not-indicators account for: every occurrence of a
/// fact's `expr` inside every occurrence of its quote, every occurrence of a not-indicator's
/// `expr` inside every occurrence of its quote, or anywhere when it has no quote.
pub fn covered_ranges(file: &CatalogueFile, seed_text: &str) -> Vec<(usize, usize)> {
    let mut ranges = Vec::new();
    let mut add = |quote: Option<&str>, expr: &str| {
        if expr.is_empty() {
            return;
        }
        match quote {
            Some(q) => {
                for qa in occurrences(seed_text, q) {
                    for ea in occurrences(q, expr) {
                        ranges.push((qa + ea, qa + ea + expr.len()));
                    }
                }
            }
            None => {
                for ea in occurrences(seed_text, expr) {
                    ranges.push((ea, ea + expr.len()));
                }
            }
        }
    };
    for f in &file.facts {
        add(Some(&f.quote), &f.expr);
    }
    for n in &file.not_indicators {
        add(n.quote.as_deref(), &n.expr);
    }
    ranges.sort_unstable();
    ranges
}

/// Every span of [`numbers::scan`] over the text that no fact or not-indicator accounts for: a
/// span is accounted for when it lies wholly inside one of [`covered_ranges`] (so an expr that
/// cuts a number, like "1万座" inside "4.1万座", does not count).
pub fn uncovered(file: &CatalogueFile, seed_text: &str) -> Vec<Span> {
    let ranges = covered_ranges(file, seed_text);
    numbers::scan(seed_text).into_iter().filter(|s| !ranges.iter().any(|(a, b)| *a <= s.start && s.end <= *b)).collect()
}

/// [`uncovered`] as catalogue errors, one per span, with its line and context.
pub fn coverage_errors(file: &CatalogueFile, seed_text: &str) -> Vec<CatalogueError> {
    uncovered(file, seed_text)
        .into_iter()
        .map(|s| CatalogueError {
            file: file.file_name.clone(),
            entry: "coverage".to_string(),
            field: String::new(),
            message: format!(
                "number {:?} at {} is in no fact's expr and no not_indicator's expr",
                s.text,
                span_context(seed_text, s.start, s.end)
            ),
        })
        .collect()
}

/// Not-indicators that account for no scanned number (harmless, but probably stale or a guess
/// about the scanner, e.g. 几个 or 一核一带一区).
pub fn idle_not_indicators<'a>(file: &'a CatalogueFile, seed_text: &str) -> Vec<&'a NotIndicatorEntry> {
    let spans = numbers::scan(seed_text);
    file.not_indicators
        .iter()
        .filter(|n| {
            let single = CatalogueFile { not_indicators: vec![(*n).clone()], ..CatalogueFile::default() };
            let ranges = covered_ranges(&single, seed_text);
            !spans.iter().any(|s| ranges.iter().any(|(a, b)| *a <= s.start && s.end <= *b))
        })
        .collect()
}
