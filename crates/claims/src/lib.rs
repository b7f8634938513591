//! Checks a sentence against the report: each number it states ([`read`]) is matched to the fact
//! it most likely refers to (same unit, the words around it, the period) and judged by what the
//! report's own number allows, rounding and bounds included:
//!
//! - `consistent`: the report states it, or it follows from what the report states
//!   (7.8万 for "78,000"; "超过1000亿" from "超过1400亿");
//! - `inconsistent`: the report's number rules it out (40% against "50%以上");
//! - `unsupported`: the report has the indicator but its number does not establish the claim
//!   ("more than 1亿元" against "超过100万元"), or it is for another year than the sentence names;
//! - `not-found`: no fact of the report measures it.
//!
//! Plain Rust, tested natively. The page runs it in the on-demand module (`views::checker` says
//! what it found), so the first load does not carry it.

pub mod read;

use facts::{Catalogue, Fact, Period, Qualifier};
use read::{stated_numbers, Stated};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    Consistent,
    Inconsistent,
    Unsupported,
    NotFound,
}

impl Verdict {
    /// As in `data-verdict`.
    pub fn id(self) -> &'static str {
        match self {
            Verdict::Consistent => "consistent",
            Verdict::Inconsistent => "inconsistent",
            Verdict::Unsupported => "unsupported",
            Verdict::NotFound => "not-found",
        }
    }
}

/// One stated number, judged.
#[derive(Clone, Debug)]
pub struct Judgement<'a> {
    pub stated: Stated<'a>,
    pub verdict: Verdict,
    pub fact: Option<&'a Fact>,
    /// Which of the catalogues checked against holds `fact` (and read `stated`'s units).
    pub report: usize,
    /// Other catalogues with a fact that matches the number as closely: the sentence does not say
    /// which one it speaks of (no period or place tells them apart).
    pub also: Vec<usize>,
}

/// A sentence, judged: every number, and the sentence as a whole (the worst of its numbers:
/// one number the report rules out makes the sentence inconsistent).
#[derive(Clone, Debug)]
pub struct Check<'a> {
    pub numbers: Vec<Judgement<'a>>,
    /// `None` when the sentence states no number: there is nothing to judge.
    pub verdict: Option<Verdict>,
}

/// Checks `sentence` (Chinese or English) against `catalogue`.
pub fn check<'a>(catalogue: &'a Catalogue, sentence: &str) -> Check<'a> {
    check_reports(&[catalogue], sentence)
}

/// Checks `sentence` against every catalogue of `reports` (the open report first): each number
/// is matched to the fact, of any report, that it most likely speaks of. The words, period and
/// place around the number decide between reports as they decide within one (`best_fact`); the
/// report listed first wins a tie, and the judgement names the others that matched as well.
pub fn check_reports<'a>(reports: &[&'a Catalogue], sentence: &str) -> Check<'a> {
    // Each report reads the numbers with its own units; a number is the same span of the sentence.
    let mut spans: Vec<(usize, usize)> = Vec::new();
    let read: Vec<Vec<Stated<'a>>> = reports.iter().map(|c| stated_numbers(c, sentence)).collect();
    for s in read.iter().flatten() {
        if !spans.contains(&(s.start, s.end)) {
            spans.push((s.start, s.end));
        }
    }
    spans.sort_unstable();
    let numbers: Vec<Judgement<'a>> = spans
        .into_iter()
        .filter_map(|span| {
            let candidates: Vec<(usize, &Stated<'a>, Option<(f64, &'a Fact)>)> = read
                .iter()
                .enumerate()
                .filter_map(|(i, list)| list.iter().find(|s| (s.start, s.end) == span).map(|s| (i, s)))
                .map(|(i, s)| (i, s, scored_fact(reports[i], sentence, s)))
                .collect();
            let best = candidates.iter().filter_map(|(i, s, found)| found.map(|(score, f)| (*i, *s, score, f))).fold(
                None::<(usize, &Stated<'a>, f64, &'a Fact)>,
                |best, c| match best {
                    Some(b) if b.2 >= c.2 => Some(b),
                    _ => Some(c),
                },
            );
            let Some((report, stated, score, fact)) = best else {
                // No report has a fact of it: judged as the first report that read it.
                let (report, stated, _) = candidates.first()?;
                return Some(Judgement {
                    stated: (*stated).clone(),
                    verdict: Verdict::NotFound,
                    fact: None,
                    report: *report,
                    also: Vec::new(),
                });
            };
            let also = candidates
                .iter()
                .filter(|(i, _, found)| *i != report && found.is_some_and(|(s, _)| (s - score).abs() < 1e-9))
                .map(|(i, _, _)| *i)
                .collect();
            // The report's figure is for another year than the sentence names: it can neither
            // establish nor rule out what the sentence says of its year.
            let verdict = if other_years(sentence, fact) { Verdict::Unsupported } else { judge(stated, fact) };
            Some(Judgement { stated: stated.clone(), verdict, fact: Some(fact), report, also })
        })
        .collect();
    let rank = |v: Verdict| match v {
        Verdict::Consistent => 0,
        Verdict::Unsupported => 1,
        Verdict::NotFound => 2,
        Verdict::Inconsistent => 3,
    };
    let verdict = numbers.iter().map(|j| j.verdict).max_by_key(|v| rank(*v));
    Check { numbers, verdict }
}

/// The range of values a number allows: `lo..hi`, each end open or closed.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Range {
    pub lo: f64,
    pub lo_open: bool,
    pub hi: f64,
    pub hi_open: bool,
}

/// How far "about" reaches either side: 10%.
const ABOUT: f64 = 0.10;

/// What a number with this qualifier and rounding allows.
pub fn range(value: f64, qualifier: Qualifier, rounding: f64) -> Range {
    let r = rounding.abs();
    match qualifier {
        Qualifier::Exact => Range { lo: value - r, lo_open: false, hi: value + r, hi_open: false },
        Qualifier::About => {
            let spread = value.abs() * ABOUT + r;
            Range { lo: value - spread, lo_open: false, hi: value + spread, hi_open: false }
        }
        Qualifier::AtLeast => Range { lo: value - r, lo_open: false, hi: f64::INFINITY, hi_open: true },
        Qualifier::MoreThan => Range { lo: value - r, lo_open: r == 0.0, hi: f64::INFINITY, hi_open: true },
        Qualifier::LessThan => Range { lo: f64::NEG_INFINITY, lo_open: true, hi: value + r, hi_open: r == 0.0 },
    }
}

impl Range {
    fn contains_range(&self, o: &Range) -> bool {
        let lo_ok = self.lo < o.lo || (self.lo == o.lo && (!self.lo_open || o.lo_open));
        let hi_ok = self.hi > o.hi || (self.hi == o.hi && (!self.hi_open || o.hi_open));
        lo_ok && hi_ok
    }

    fn meets(&self, o: &Range) -> bool {
        let below = self.hi < o.lo || (self.hi == o.lo && (self.hi_open || o.lo_open));
        let above = o.hi < self.lo || (o.hi == self.lo && (o.hi_open || self.lo_open));
        !below && !above
    }

    fn contains(&self, v: f64) -> bool {
        (self.lo < v || (self.lo == v && !self.lo_open)) && (v < self.hi || (v == self.hi && !self.hi_open))
    }
}

/// The report's rounding of a fact: half the last digit of its expression as written.
pub fn fact_rounding(f: &Fact) -> f64 {
    let core: String =
        f.expr.chars().filter(|c| c.is_ascii_digit() || *c == '.' || *c == ',' || *c == '万' || *c == '亿').collect();
    let digits: String = core.chars().filter(|c| c.is_ascii_digit() || *c == '.').collect();
    let scale = core.chars().fold(1.0, |s, c| match c {
        '万' => s * 1e4,
        '亿' => s * 1e8,
        _ => s,
    });
    if f.expr.contains('/') || f.expr.contains('分') {
        return 0.0;
    }
    read::rounding_of(&digits, scale)
}

/// The verdict on `stated` given that `fact` is what it speaks of.
pub fn judge(stated: &Stated, fact: &Fact) -> Verdict {
    let report = range(fact.value, fact.qualifier, fact_rounding(fact));
    let claim = range(stated.value, stated.qualifier, stated.rounding);
    if !report.meets(&claim) {
        return Verdict::Inconsistent;
    }
    match stated.qualifier {
        // An exact claim agrees when it lies within what the report's own number allows and the
        // report gives a number, not only a bound.
        Qualifier::Exact => {
            let bounded = matches!(fact.qualifier, Qualifier::Exact | Qualifier::About);
            if bounded && report.contains(stated.value) {
                Verdict::Consistent
            } else {
                Verdict::Unsupported
            }
        }
        // A bound or an approximation holds when everything the report allows lies inside it.
        _ if claim.contains_range(&report) => Verdict::Consistent,
        _ => Verdict::Unsupported,
    }
}

/// The fact `stated` most likely speaks of: one of its unit (or of its kind, when the sentence
/// names no unit), the one whose label, quote and region share most with the sentence, ties
/// going to the one whose value is nearest. `None` when no fact of that unit shares a word.
pub fn best_fact<'a>(catalogue: &'a Catalogue, sentence: &str, stated: &Stated) -> Option<&'a Fact> {
    scored_fact(catalogue, sentence, stated).map(|(_, f)| f)
}

/// [`best_fact`] with how well it matches (higher is closer), comparable across catalogues.
pub fn scored_fact<'a>(catalogue: &'a Catalogue, sentence: &str, stated: &Stated) -> Option<(f64, &'a Fact)> {
    let context: String = format!("{}{}", &sentence[..stated.start], &sentence[stated.end..]);
    let words = terms(&context);
    let years = years_in(&context);
    let facts: &'a [Fact] = &catalogue.facts;
    facts
        .iter()
        .filter(|f| match (stated.units.is_empty(), stated.kind) {
            (false, _) => stated.units.contains(&f.unit.as_str()),
            (true, Some(k)) => catalogue.unit(&f.unit).is_some_and(|u| u.kind == k),
            // Nothing says what it counts: no fact can be told apart.
            (true, None) => false,
        })
        .filter_map(|f| {
            // What the fact is about must come up in its label; its quote and where it holds only
            // help to choose.
            let label = terms(&format!("{} {} {}", f.label_zh, f.label_en, f.short_en));
            let quote = terms(&format!("{} {}", f.quote, f.gloss_en));
            let region = catalogue.region(&f.region).map(|r| terms(&format!("{} {}", r.zh, r.en))).unwrap_or_default();
            let on_label = words.iter().filter(|w| label.contains(w) && !region.contains(w)).count() as f64;
            if on_label == 0.0 {
                return None;
            }
            let in_quote =
                words.iter().filter(|w| quote.contains(w) && !label.contains(w) && !region.contains(w)).count() as f64;
            let shared = 2.0 * on_label + in_quote + words.iter().filter(|w| region.contains(w)).count() as f64;
            let period = period_years(f.period);
            let when = if years.is_empty() || period.is_empty() {
                0.0
            } else if years.iter().any(|y| period.contains(y)) {
                2.0
            } else {
                -3.0
            };
            let nearness = -((f.value - stated.value).abs() / f.value.abs().max(stated.value.abs()).max(1.0));
            Some((shared + when + nearness * 0.5, f))
        })
        .filter(|(score, _)| *score > 0.0)
        .max_by(|a, b| a.0.total_cmp(&b.0))
}

/// Whether `sentence` names years and `fact`'s period, which has years, touches none of them.
pub fn other_years(sentence: &str, fact: &Fact) -> bool {
    let years = years_in(sentence);
    let covered = period_years(fact.period);
    !years.is_empty() && !covered.is_empty() && !years.iter().any(|y| covered.contains(y))
}

/// The years a period touches.
pub fn period_years(p: Period) -> Vec<u16> {
    match p {
        Period::Year(y) | Period::MonthEnd(y, _) | Period::AsOf(y, _) => vec![y],
        Period::MonthRange { from, to } => (from.0..=to.0).collect(),
        Period::YearRange(a, b) => (a..=b).collect(),
        Period::Unstated => Vec::new(),
    }
}

/// The years (1990-2099) a text names as four digits standing alone.
pub fn years_in(text: &str) -> Vec<u16> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    for i in 0..b.len().saturating_sub(3) {
        let run = &b[i..i + 4];
        let alone = (i == 0 || !b[i - 1].is_ascii_digit()) && !b.get(i + 4).is_some_and(u8::is_ascii_digit);
        if alone && run.iter().all(u8::is_ascii_digit) && !counts_something(text.get(i + 4..).unwrap_or("")) {
            if let Ok(y) = text[i..i + 4].parse::<u16>() {
                if (1990..2100).contains(&y) {
                    out.push(y);
                }
            }
        }
    }
    out
}

/// Whether what follows four digits makes them an amount, not a year: a measure word or magnitude
/// (2000亿元, 2000家, 2000 billion), a decimal part or a percent sign. 2019年 and "in 2019" are
/// years.
fn counts_something(after: &str) -> bool {
    let mut chars = after.chars();
    match chars.next() {
        Some('年') => false,
        Some(c) if ('\u{4e00}'..='\u{9fff}').contains(&c) => true,
        Some('%') => true,
        Some('.') => chars.next().is_some_and(|c| c.is_ascii_digit()),
        _ => {
            let word = after.trim_start().split(|c: char| !c.is_ascii_alphabetic()).next().unwrap_or("");
            matches!(
                word.to_ascii_lowercase().as_str(),
                "billion"
                    | "million"
                    | "thousand"
                    | "hundred"
                    | "yuan"
                    | "percent"
                    | "per"
                    | "stations"
                    | "base"
                    | "enterprises"
                    | "companies"
                    | "firms"
                    | "smes"
                    | "villages"
                    | "ports"
                    | "measures"
            )
        }
    }
}

/// English words (lower case, three letters or more, not the commonest) and Chinese character
/// pairs: what two texts about the same thing share.
fn terms(text: &str) -> Vec<String> {
    const STOP: &[&str] = &[
        "the", "and", "for", "than", "more", "less", "about", "with", "that", "this", "from", "over", "its", "are",
        "was", "were", "has", "have", "had", "report", "says", "said", "least", "around", "nearly", "percent", "yuan",
        "billion", "million", "thousand",
    ];
    let mut out = Vec::new();
    let lower = text.to_lowercase();
    for w in lower.split(|c: char| !c.is_ascii_alphanumeric()) {
        let name = w.len() == 2 && w.bytes().any(|b| b.is_ascii_digit()) && w.bytes().any(|b| b.is_ascii_alphabetic());
        if (w.len() >= 3 || name) && !STOP.contains(&w) && !w.bytes().all(|b| b.is_ascii_digit()) {
            let w = w.strip_suffix('s').filter(|s| s.len() >= 3).unwrap_or(w);
            out.push(w.to_string());
        }
    }
    let cjk: Vec<char> = text.chars().collect();
    for pair in cjk.windows(2) {
        if pair.iter().all(|c| ('\u{4e00}'..='\u{9fff}').contains(c))
            && !pair.iter().any(|c| "以上超过约近万亿元的了和在是".contains(*c))
        {
            out.push(pair.iter().collect());
        }
    }
    out.sort();
    out.dedup();
    out
}
