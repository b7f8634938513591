//! How a problem in a catalogue file is reported: [`CatalogueError`] names the file, the entry
//! and the field; the helpers name entries (`fact "id"`, `unit #3`) and places in the text and the
//! TOML, and check the ids every entry kind has.

use std::collections::{HashMap, HashSet};
use std::fmt;

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
pub(crate) fn num(v: f64) -> String {
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
pub(crate) fn entry_at(text: &str, offset: usize) -> String {
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
pub(crate) fn toml_error(file: &str, text: &str, e: &toml::de::Error) -> CatalogueError {
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
