//! Coverage: every number the scanner finds in a report's text is a fact's `expr` inside its
//! quote or a `not_indicator`'s; what is not, fails the build with its line and context.

use crate::problems::*;
use crate::schema::*;
use facts::numbers::{self, Span};

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
