//! Measures a draft against a finished catalogue of the same text: for each finished fact, does
//! the draft have a fact at the same place in the text, and with the same value, unit, qualifier,
//! kind (its `measure`), direction (the sign of its value), base and period?

use std::fmt;

use serde::Deserialize;

use facts::change_words::Direction;
use facts::counters::Counters;
use facts::numbers;

use crate::Draft;

#[derive(Deserialize)]
struct Finished {
    #[serde(default, rename = "unit")]
    units: Vec<FinishedUnit>,
    #[serde(default, rename = "fact")]
    facts: Vec<FinishedFact>,
    #[serde(default, rename = "not_indicator")]
    not_indicators: Vec<FinishedNot>,
}

#[derive(Deserialize)]
struct FinishedFact {
    id: String,
    value: f64,
    unit: String,
    qualifier: String,
    /// "level" when not given (the model's default).
    #[serde(default)]
    measure: Option<String>,
    /// "none" when not given.
    #[serde(default)]
    base: Option<String>,
    period: String,
    quote: String,
    expr: String,
}

#[derive(Deserialize)]
struct FinishedUnit {
    id: String,
    kind: String,
    counter: Counters,
}

#[derive(Deserialize)]
struct FinishedNot {
    expr: String,
    #[serde(default)]
    quote: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Comparison {
    /// Facts in the finished catalogue.
    pub finished: usize,
    /// Of those, how many the draft has a fact for at the same place in the text.
    pub found: usize,
    pub right_value: usize,
    pub right_unit: usize,
    pub right_qualifier: usize,
    /// Value, unit and qualifier all right.
    pub all_three: usize,
    /// The unit's kind and counter words right, whatever its id (a draft without the finished
    /// catalogues beside it names its units itself).
    pub right_unit_shape: usize,
    /// The measure ("kind" in the summary), the direction (the sign of the value: up, down, flat)
    /// and the base.
    pub right_kind: usize,
    pub right_direction: usize,
    pub right_base: usize,
    /// Not asked for by the brief, but cheap: the period too.
    pub right_period: usize,
    /// Scanned numbers: (finished says, draft says) counts, each side fact or not-indicator.
    pub fact_fact: usize,
    pub not_not: usize,
    pub fact_as_not: usize,
    pub not_as_fact: usize,
    /// One line per finished fact the draft gets wrong, and per draft fact the finished
    /// catalogue calls a not-indicator.
    pub wrong: Vec<String>,
}

/// Byte ranges of `expr` inside every occurrence of `quote` (or anywhere, without a quote).
fn ranges(text: &str, quote: Option<&str>, expr: &str) -> Vec<(usize, usize)> {
    let find_all = |hay: &str, needle: &str| -> Vec<usize> {
        if needle.is_empty() {
            return Vec::new();
        }
        hay.match_indices(needle).map(|(i, _)| i).collect()
    };
    match quote {
        Some(q) => find_all(text, q)
            .into_iter()
            .flat_map(|qa| find_all(q, expr).into_iter().map(move |ea| (qa + ea, qa + ea + expr.len())))
            .collect(),
        None => find_all(text, expr).into_iter().map(|a| (a, a + expr.len())).collect(),
    }
}

fn overlap(a: (usize, usize), b: (usize, usize)) -> usize {
    a.1.min(b.1).saturating_sub(a.0.max(b.0))
}

fn direction_word(value: f64) -> &'static str {
    match Direction::of(value) {
        Direction::Up => "up",
        Direction::Down => "down",
        Direction::Flat => "flat",
    }
}

fn same(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

pub fn compare(draft: &Draft, finished_toml: &str, text: &str) -> Result<Comparison, String> {
    let finished: Finished = toml::from_str(finished_toml).map_err(|e| e.message().to_string())?;
    let mut c = Comparison { finished: finished.facts.len(), ..Comparison::default() };
    let draft_range = |f: &crate::DraftFact| (f.expr_offset, f.expr_offset + f.expr.len());

    for f in &finished.facts {
        // The finished quote is unique in the text (the verifier checks it); its first
        // occurrence of expr is the fact's place.
        let Some(place) = ranges(text, Some(&f.quote), &f.expr).into_iter().next() else {
            c.wrong.push(format!("{}: {:?} not found in the text", f.id, f.expr));
            continue;
        };
        let best = draft
            .facts
            .iter()
            .max_by_key(|d| overlap(draft_range(d), place))
            .filter(|d| overlap(draft_range(d), place) > 0);
        let Some(d) = best else {
            let why = draft
                .not_indicators
                .iter()
                .find(|n| ranges(text, n.quote.as_deref(), &n.expr).into_iter().any(|r| overlap(r, place) > 0))
                .map_or("not drafted".to_string(), |n| format!("drafted as not-indicator {:?}: {}", n.expr, n.reason));
            c.wrong.push(format!("{} ({}): {why}", f.id, f.expr));
            continue;
        };
        c.found += 1;
        let value = same(d.value, f.value);
        let unit = d.unit == f.unit;
        let qualifier = d.qualifier.spelling() == f.qualifier;
        let period = d.period == f.period;
        let shape = |words: &[String]| {
            let mut w = words.to_vec();
            w.sort();
            w
        };
        let draft_unit = draft.units.iter().find(|u| u.id == d.unit);
        let finished_unit = finished.units.iter().find(|u| u.id == f.unit);
        let unit_shape = match (draft_unit, finished_unit) {
            (Some(a), Some(b)) => a.kind == b.kind && shape(a.counter.words()) == shape(b.counter.words()),
            _ => unit,
        };
        let want_kind = f.measure.as_deref().unwrap_or("level");
        let want_base = f.base.as_deref().unwrap_or("none");
        let kind = d.measure.spelling() == want_kind;
        let direction = Direction::of(d.value) == Direction::of(f.value);
        let base = d.base.spelling() == want_base;
        c.right_value += usize::from(value);
        c.right_unit += usize::from(unit);
        c.right_qualifier += usize::from(qualifier);
        c.all_three += usize::from(value && unit && qualifier);
        c.right_period += usize::from(period);
        c.right_unit_shape += usize::from(unit_shape);
        c.right_kind += usize::from(kind);
        c.right_direction += usize::from(direction);
        c.right_base += usize::from(base);
        let mut diffs = Vec::new();
        if !value {
            diffs.push(format!("value {} (want {})", d.value, f.value));
        }
        if !unit {
            diffs.push(format!("unit {} (want {})", d.unit, f.unit));
        }
        if !qualifier {
            diffs.push(format!("qualifier {} (want {})", d.qualifier.spelling(), f.qualifier));
        }
        if !kind {
            diffs.push(format!("kind {} (want {want_kind})", d.measure.spelling()));
        }
        if !direction {
            diffs.push(format!("direction {} (want {})", direction_word(d.value), direction_word(f.value)));
        }
        if !base {
            diffs.push(format!("base {} (want {want_base})", d.base.spelling()));
        }
        if !period {
            diffs.push(format!("period {} (want {})", d.period, f.period));
        }
        if !diffs.is_empty() {
            c.wrong.push(format!("{} ({} / draft {}): {}", f.id, f.expr, d.expr, diffs.join(", ")));
        }
    }

    // Every scanned number, classed by each side.
    let finished_facts: Vec<(usize, usize)> =
        finished.facts.iter().flat_map(|f| ranges(text, Some(&f.quote), &f.expr)).collect();
    let finished_nots: Vec<(usize, usize)> =
        finished.not_indicators.iter().flat_map(|n| ranges(text, n.quote.as_deref(), &n.expr)).collect();
    let draft_facts: Vec<(usize, usize)> = draft.facts.iter().map(draft_range).collect();
    let draft_nots: Vec<(usize, usize)> =
        draft.not_indicators.iter().flat_map(|n| ranges(text, n.quote.as_deref(), &n.expr)).collect();
    let inside = |list: &[(usize, usize)], s: &numbers::Span| list.iter().any(|(a, b)| *a <= s.start && s.end <= *b);
    for span in numbers::scan(text) {
        let fin_fact = inside(&finished_facts, &span);
        let fin_not = !fin_fact && inside(&finished_nots, &span);
        let dr_fact = inside(&draft_facts, &span);
        let dr_not = !dr_fact && inside(&draft_nots, &span);
        match (fin_fact, fin_not, dr_fact, dr_not) {
            (true, _, true, _) => c.fact_fact += 1,
            (true, _, _, true) => c.fact_as_not += 1,
            (_, true, _, true) => c.not_not += 1,
            (_, true, true, _) => {
                c.not_as_fact += 1;
                if let Some(d) = draft.facts.iter().find(|d| overlap(draft_range(d), (span.start, span.end)) > 0) {
                    c.wrong.push(format!(
                        "{} ({}): drafted as a fact, but the catalogue lists it as not an indicator",
                        d.id, d.expr
                    ));
                }
            }
            _ => {}
        }
    }
    Ok(c)
}

impl fmt::Display for Comparison {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{} finished facts: found {} / right value {} / right unit {} / right qualifier {} / all three {} / \
             right kind {} / right direction {} / right base {} (right period {}; unit kind and counter {})",
            self.finished,
            self.found,
            self.right_value,
            self.right_unit,
            self.right_qualifier,
            self.all_three,
            self.right_kind,
            self.right_direction,
            self.right_base,
            self.right_period,
            self.right_unit_shape
        )?;
        writeln!(
            f,
            "scanned numbers: fact=fact {}, not=not {}, fact drafted as not {}, not drafted as fact {}",
            self.fact_fact, self.not_not, self.fact_as_not, self.not_as_fact
        )?;
        for w in &self.wrong {
            writeln!(f, "  {w}")?;
        }
        Ok(())
    }
}
