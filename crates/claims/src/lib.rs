//! Checks a sentence against the reports: each number it states ([`read`]) is compared only with
//! a fact that speaks of the same thing (of the same kind, of the place the sentence speaks of
//! ([`place`]), described by the words around the number ([`subject`]), of the period it names
//! ([`when`])) and judged by what the report's own number allows, rounding and bounds included:
//!
//! - `consistent`: the report states it, or it follows from what the report states
//!   (7.8万 for "78,000"; "超过1000亿" from "超过1400亿");
//! - `inconsistent`: the report's number rules it out (40% against "50%以上");
//! - `unsupported`: the report has the figure but its number does not establish the claim
//!   ("more than 1亿元" against "超过100万元"), or it is for another period than the sentence
//!   names (a period no report covers is never `inconsistent`);
//! - `not-found`: no fact of the reports measures it; the judgement says what did not match.
//!
//! Precision first: a number is called consistent only with a fact that matches on all of these.
//!
//! Plain Rust, tested natively. The page runs it in the on-demand module (`views::checker` says
//! what it found), so the first load does not carry it.

pub mod place;
pub mod read;
pub mod subject;
pub mod when;

use facts::{Catalogue, Fact, Named, Qualifier, UnitKind};
use place::Place;
use read::{stated_numbers, Stated};
use subject::Compared;
use when::{Fit, When};

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

    /// How bad it is for the sentence: one number the report rules out makes it inconsistent.
    fn rank(self) -> u8 {
        match self {
            Verdict::Consistent => 0,
            Verdict::Unsupported => 1,
            Verdict::NotFound => 2,
            Verdict::Inconsistent => 3,
        }
    }
}

/// Why a number was compared with the fact it was, or with none: what a reader needs to see a
/// wrong match at a glance.
#[derive(Clone, Debug, PartialEq)]
pub enum Basis<'a> {
    /// Compared with the judgement's fact: the place the sentence names (`None`: it names none,
    /// and the fact's is taken), the words it shares with the fact, and how the period fits.
    Matched { place: Option<Place>, words: Vec<String>, period: Fit, when: Option<When> },
    /// No fact of the place the sentence speaks of; `fact` (of report `report`) speaks of the same
    /// thing for another place.
    OtherPlace { fact: &'a Fact, report: usize, named: Place },
    /// Facts of this kind and place measure something else: `fact` is the nearest, and `word` a
    /// word of the sentence it does not have.
    OtherSubject { fact: &'a Fact, report: usize, word: String },
    /// No report has a figure of this kind.
    Nothing,
}

/// One stated number, judged.
#[derive(Clone, Debug)]
pub struct Judgement<'a> {
    pub stated: Stated<'a>,
    pub verdict: Verdict,
    /// The fact it was compared with; `None` when not found.
    pub fact: Option<&'a Fact>,
    /// Which of the catalogues checked against holds `fact` (and read `stated`'s units).
    pub report: usize,
    pub basis: Basis<'a>,
    /// The same thing elsewhere (report, fact), so the reader sees which figure was used: with no
    /// period named, its figures of other periods and of other reports; with one named, the same
    /// period's figure in another report.
    pub others: Vec<(usize, &'a Fact)>,
    /// The sentence names no period, the reports' figures of it differ by period, and none allows
    /// the number: it is not ruled out, since it may hold at another time.
    pub periods_differ: bool,
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

/// One fact weighed as what a stated number speaks of.
#[derive(Clone)]
struct Candidate<'a> {
    report: usize,
    fact: &'a Fact,
    compared: Compared,
    /// `compared` with the words shared with a neighbouring number barring as well.
    strict: Compared,
    place: Result<(), Place>,
    fit: Fit,
    verdict: Verdict,
    /// Closer to 0 is nearer the stated value.
    nearness: f64,
    /// The unit the sentence names, when it is the fact's, says much of what is counted
    /// ("7个方面" are areas, not measures): the longer its name, the more.
    unit_weight: f64,
}

impl Candidate<'_> {
    fn agrees(&self) -> bool {
        self.compared.agrees() && self.place.is_ok()
    }

    fn score(&self) -> f64 {
        self.compared.score() + self.unit_weight
    }
}

/// Checks `sentence` against every catalogue of `reports` (the open report first). Each number
/// is compared only with a fact that speaks of the same thing: of the same kind (a share, an
/// amount of money, a count), of the place the sentence speaks of, described by the words around
/// the number, and of the period it names. Among those, the one described most closely is
/// judged; the report listed first wins a tie.
pub fn check_reports<'a>(reports: &[&'a Catalogue], text: &str) -> Check<'a> {
    // A text of several sentences (a pasted paragraph, lines): each names its own place and
    // period.
    let mut numbers = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if "。！？!?\n".contains(c) {
            numbers.extend(check_sentence(reports, text, start, i + c.len_utf8()));
            start = i + c.len_utf8();
        }
    }
    numbers.extend(check_sentence(reports, text, start, text.len()));
    let verdict = numbers.iter().map(|j| j.verdict).max_by_key(|v| v.rank());
    Check { numbers, verdict }
}

/// The judgements on the numbers of `text[from..to]`, one sentence, placed in `text`.
fn check_sentence<'a>(reports: &[&'a Catalogue], text: &str, from: usize, to: usize) -> Vec<Judgement<'a>> {
    let sentence = &text[from..to];
    let mut numbers = judge_sentence(reports, sentence);
    for j in &mut numbers {
        j.stated.start += from;
        j.stated.end += from;
    }
    numbers
}

fn judge_sentence<'a>(reports: &[&'a Catalogue], sentence: &str) -> Vec<Judgement<'a>> {
    let (when, when_spans) = when::named(sentence);
    let regions: Vec<&Named> = reports.iter().flat_map(|c| c.regions.iter()).collect();
    let places = place::named(sentence, &regions);
    let context: Vec<Option<u16>> =
        reports.iter().map(|c| when::context_year(c.facts.iter().map(|f| f.period))).collect();
    // Each report reads the numbers with its own units; a number is the same span of the sentence.
    let read: Vec<Vec<Stated<'a>>> = reports
        .iter()
        .map(|c| {
            let mut list = stated_numbers(c, sentence);
            list.retain(|s| !when_spans.iter().any(|&(a, b)| a <= s.start && s.end <= b));
            list
        })
        .collect();
    // Reports may read one number with more or less of its unit ("约27亿" and "约27亿元"): the
    // longest reading is the number, and each report's reading of it the one that overlaps it.
    let mut spans: Vec<(usize, usize)> = Vec::new();
    let mut all: Vec<(usize, usize)> = read.iter().flatten().map(|s| (s.start, s.end)).collect();
    all.sort_by_key(|(a, b)| (std::cmp::Reverse(b - a), *a));
    for (a, b) in all {
        if !spans.iter().any(|&(x, y)| x < b && a < y) {
            spans.push((a, b));
        }
    }
    spans.sort_unstable();
    let overlaps = |s: &Stated, (a, b): (usize, usize)| s.start < b && a < s.end;
    // The sentence with its numbers, places and periods blanked out: what is left are the words
    // that say what each number is about.
    let mut blank: Vec<u8> = sentence.as_bytes().to_vec();
    for &(a, b) in spans.iter().chain(&when_spans).chain(places.iter().map(|p| &p.span)) {
        blank[a..b].fill(b' ');
    }
    let blank = String::from_utf8(blank).unwrap_or_default();
    let stretches = stretches(&blank, &spans);

    let mut numbers = Vec::new();
    let mut weighed = Vec::new();
    for (k, span) in spans.iter().enumerate() {
        let (own, shared, _) = &stretches[k];
        let mut candidates = Vec::new();
        let mut reading = None;
        for (i, list) in read.iter().enumerate() {
            let Some(stated) = list.iter().find(|s| overlaps(s, *span)) else { continue };
            reading.get_or_insert((i, stated));
            for fact in &reports[i].facts {
                if !kind_fits(reports[i], stated, fact) {
                    continue;
                }
                let chinese = !stated.text.is_ascii();
                if !reports[i].unit(&fact.unit).is_some_and(|u| subject::names_unit(sentence, u, chinese)) {
                    continue;
                }
                let vocabulary = subject::vocabulary(reports[i], fact);
                let mut compared = subject::compare(own, &vocabulary);
                let around = subject::compare(shared, &vocabulary);
                let mut strict = compared.clone();
                strict.on_label.extend(around.on_label.iter().cloned());
                strict.elsewhere.extend(around.elsewhere.iter().cloned());
                strict.foreign.extend(around.foreign.iter().cloned());
                // Words between two numbers may be the other number's: they help, and bar only
                // when the other number's fact lacks them too (checked below).
                compared.on_label.extend(around.on_label);
                compared.elsewhere.extend(around.elsewhere);
                let place = match reports[i].region(&fact.region) {
                    Some(r) => place::fits(&places, r).map_err(Clone::clone),
                    None => places.first().cloned().map_or(Ok(()), Err),
                };
                let dated = format!("{}{}", fact.label_zh, fact.quote);
                let fit = when::fit(when, fact.period, context[i], &dated);
                let value = stated.value_for(fact);
                let nearness = -((fact.value - value).abs() / fact.value.abs().max(value.abs()).max(1.0));
                candidates.push(Candidate {
                    report: i,
                    fact,
                    compared,
                    strict,
                    place,
                    fit,
                    verdict: judge(stated, fact),
                    nearness,
                    unit_weight: match stated.units.as_slice() {
                        [one] if *one == fact.unit => {
                            4.0 * reports[i].unit(one).map_or(1, |u| u.zh.chars().count().max(1)) as f64
                        }
                        _ => 0.0,
                    },
                });
            }
        }
        let Some((first_report, first_read)) = reading else { continue };
        numbers.push(decide(&read, &candidates, when, places.first(), first_report, first_read));
        weighed.push((candidates, first_report, first_read));
    }
    // Words between two numbers that neither number's fact has bar both: "228家企业获得创业担保
    // 贷款超315亿元" speaks of a loan the report does not have.
    let mut strict = vec![false; numbers.len()];
    for k in 0..numbers.len().saturating_sub(1) {
        let Some(between) = &stretches[k].2 else { continue };
        let foreign_to = |j: &Judgement<'a>| -> Vec<String> {
            match j.fact {
                Some(f) => subject::compare(between, &subject::vocabulary(reports[j.report], f)).foreign,
                None => Vec::new(),
            }
        };
        let lacks = |j: &Judgement<'a>, word: &str| match j.fact {
            Some(f) => !subject::compare(word, &subject::vocabulary(reports[j.report], f)).foreign.is_empty(),
            None => true,
        };
        let (a, b) = (&numbers[k], &numbers[k + 1]);
        if foreign_to(a).iter().any(|w| lacks(b, w)) || foreign_to(b).iter().any(|w| lacks(a, w)) {
            strict[k] = true;
            strict[k + 1] = true;
        }
    }
    for (k, (candidates, first_report, first_read)) in weighed.iter().enumerate() {
        if strict[k] {
            let barred: Vec<Candidate> =
                candidates.iter().map(|c| Candidate { compared: c.strict.clone(), ..c.clone() }).collect();
            numbers[k] = decide(&read, &barred, when, places.first(), *first_report, first_read);
        }
    }
    numbers
}

/// The judgement on one number, given every fact weighed for it.
fn decide<'a>(
    read: &[Vec<Stated<'a>>],
    candidates: &[Candidate<'a>],
    when: Option<When>,
    named_place: Option<&Place>,
    first_report: usize,
    first_read: &Stated<'a>,
) -> Judgement<'a> {
    let stated_in = |report: usize| {
        read[report].iter().find(|s| s.start < first_read.end && first_read.start < s.end).unwrap_or(first_read).clone()
    };
    let matched: Vec<&Candidate> = candidates.iter().filter(|c| c.agrees()).collect();
    if matched.is_empty() {
        let best_by = |c: &&Candidate, d: &&Candidate| {
            c.compared.score().total_cmp(&d.compared.score()).then(c.nearness.total_cmp(&d.nearness)).reverse()
        };
        // Facts of the same thing elsewhere, each with the place the sentence speaks of instead.
        let mut elsewhere: Vec<(&Candidate, &Place)> = candidates
            .iter()
            .filter(|c| c.compared.agrees())
            .filter_map(|c| c.place.as_ref().err().map(|p| (c, p)))
            .collect();
        elsewhere.sort_by(|(c, _), (d, _)| best_by(c, d).then(c.report.cmp(&d.report)));
        let basis = if let Some((c, named)) = elsewhere.first() {
            Basis::OtherPlace { fact: c.fact, report: c.report, named: (*named).clone() }
        } else {
            let mut near: Vec<&Candidate> = candidates
                .iter()
                .filter(|c| c.place.is_ok() && !c.compared.on_label.is_empty() && !c.compared.foreign.is_empty())
                .collect();
            near.sort_by(|c, d| d.nearness.total_cmp(&c.nearness).then(c.report.cmp(&d.report)));
            match near.first() {
                Some(c) => Basis::OtherSubject { fact: c.fact, report: c.report, word: c.compared.foreign[0].clone() },
                None => Basis::Nothing,
            }
        };
        let report = match &basis {
            Basis::OtherPlace { report, .. } | Basis::OtherSubject { report, .. } => *report,
            _ => first_report,
        };
        return Judgement {
            stated: stated_in(report),
            verdict: Verdict::NotFound,
            fact: None,
            report,
            basis,
            others: Vec::new(),
            periods_differ: false,
        };
    }
    let in_period: Vec<&Candidate> =
        matched.iter().copied().filter(|c| matches!(c.fit, Fit::Same | Fit::Unnamed)).collect();
    let pool = if in_period.is_empty() { &matched } else { &in_period };
    // Closest described first; with no period named, a figure that allows the number before one
    // that does not (the sentence may speak of either time); then the nearest value.
    let mut ranked: Vec<&Candidate> = pool.to_vec();
    ranked.sort_by(|c, d| {
        d.score()
            .total_cmp(&c.score())
            .then_with(|| {
                if when.is_none() {
                    (c.verdict != Verdict::Consistent).cmp(&(d.verdict != Verdict::Consistent))
                } else {
                    std::cmp::Ordering::Equal
                }
            })
            .then(d.nearness.total_cmp(&c.nearness))
            .then(c.report.cmp(&d.report))
    });
    let best = ranked[0];
    // The same thing elsewhere: with no period named, every other figure of it (another period,
    // or another report); with one named, the same period's figure in another report.
    let others: Vec<(usize, &Fact)> = matched
        .iter()
        .filter(|c| c.report != best.report || c.fact.id != best.fact.id)
        .filter(|c| when.is_none() || (c.fit == Fit::Same && c.report != best.report))
        .take(4)
        .map(|c| (c.report, c.fact))
        .collect();
    let other_periods = others.iter().any(|(_, f)| f.period != best.fact.period);
    let periods_differ = when.is_none() && best.verdict == Verdict::Inconsistent && other_periods;
    let verdict = if in_period.is_empty() || periods_differ { Verdict::Unsupported } else { best.verdict };
    Judgement {
        stated: stated_in(best.report),
        verdict,
        fact: Some(best.fact),
        report: best.report,
        basis: Basis::Matched {
            place: named_place.cloned(),
            words: best.compared.on_label.iter().chain(&best.compared.elsewhere).cloned().collect(),
            period: best.fit,
            when,
        },
        others,
        periods_differ,
    }
}

/// Whether `fact` is a figure of the kind `stated` is: a share, money or a count, in the unit it
/// names when its kind is not clear. A number that names no unit may be money or a count, never
/// a share.
fn kind_fits(catalogue: &Catalogue, stated: &Stated, fact: &Fact) -> bool {
    let Some(unit) = catalogue.unit(&fact.unit) else { return false };
    // A percentage after 增长 or 下降 is a growth rate, never a share or a level.
    if stated.direction.is_some() && unit.kind == UnitKind::Percent && !fact.measure.is_change() {
        return false;
    }
    match (stated.kind, stated.units.is_empty()) {
        (Some(k), _) => unit.kind == k,
        (None, false) => stated.units.contains(&fact.unit.as_str()),
        (None, true) => matches!(unit.kind, UnitKind::Count | UnitKind::Currency),
    }
}

/// For each number (`spans`, in order), the words that go with it in `blank`: its own (from the
/// clause's start to the first number, from the last number to the clause's end) and those it
/// shares with a neighbour (between two numbers of one clause).
/// The third is what it shares with the next number, if any.
fn stretches(blank: &str, spans: &[(usize, usize)]) -> Vec<(String, String, Option<String>)> {
    let is_stop = |c: char| "，。；;！？!?,：:".contains(c);
    let clause_start =
        |at: usize| blank[..at].rfind(is_stop).map_or(0, |i| i + blank[i..].chars().next().map_or(1, char::len_utf8));
    let clause_end = |at: usize| blank[at..].find(is_stop).map_or(blank.len(), |i| at + i);
    spans
        .iter()
        .enumerate()
        .map(|(k, &(start, end))| {
            let (c0, c1) = (clause_start(start), clause_end(end));
            // A clause that says nothing of its own ("…2300亿元，占全国一半以上") goes on with the
            // one before it: the words of that clause are its too.
            let says = |t: &str| {
                t.chars()
                    .filter(|c| {
                        c.is_ascii_alphabetic()
                            || ('\u{4e00}'..='\u{9fff}').contains(c) && !"占为是达约近有的了".contains(*c)
                    })
                    .count()
                    >= 2
            };
            let inherited = if c0 > 0 && !says(&blank[c0..c1]) {
                &blank[clause_start(blank[..c0].trim_end_matches(is_stop).len())..c0]
            } else {
                ""
            };
            let prev = spans[..k].iter().rev().find(|s| s.1 > c0 && s.1 <= start).map(|s| s.1);
            let next = spans[k + 1..].iter().find(|s| s.0 < c1 && s.0 >= end).map(|s| s.0);
            let mut own = inherited.trim_end_matches(is_stop).to_string();
            own.push(' ');
            let mut shared = String::new();
            match prev {
                None => own.push_str(&blank[c0..start]),
                Some(p) => shared.push_str(&blank[p..start]),
            }
            own.push(' ');
            shared.push(' ');
            let with_next = next.map(|n| blank[end..n].to_string());
            match next {
                None => own.push_str(&blank[end..c1]),
                Some(n) => shared.push_str(&blank[end..n]),
            }
            (own, shared, with_next)
        })
        .collect()
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

/// What a number with this qualifier and rounding allows. A bound is a bound at the number as
/// written: the report's "50%以上" is not "anything from 49.5%".
pub fn range(value: f64, qualifier: Qualifier, rounding: f64) -> Range {
    // A bound on a decline bounds its size: 下降超过3% is below -3.
    if value < 0.0 {
        let m = range(-value, qualifier, rounding);
        return Range { lo: -m.hi, lo_open: m.hi_open, hi: -m.lo, hi_open: m.lo_open };
    }
    let r = rounding.abs();
    match qualifier {
        // Half open: 4 (3.5 to 4.5) and 5 (4.5 to 5.5) do not touch.
        Qualifier::Exact => Range { lo: value - r, lo_open: false, hi: value + r, hi_open: r > 0.0 },
        Qualifier::About => {
            let spread = value.abs() * ABOUT + r;
            Range { lo: value - spread, lo_open: false, hi: value + spread, hi_open: false }
        }
        Qualifier::AtLeast => Range { lo: value, lo_open: false, hi: f64::INFINITY, hi_open: true },
        Qualifier::MoreThan => Range { lo: value, lo_open: true, hi: f64::INFINITY, hi_open: true },
        Qualifier::LessThan => Range { lo: f64::NEG_INFINITY, lo_open: true, hi: value, hi_open: true },
    }
}

impl Range {
    /// Whether every value `o` allows lies in this range. At a shared end, open and closed count
    /// alike: "more than half" and "一半以上" say the same, as readers take them.
    fn contains_range(&self, o: &Range) -> bool {
        self.lo <= o.lo && self.hi >= o.hi
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
    // The sentence's own rounding, at most 5% of its number: "1万座" is not anything from 5000.
    let value = stated.value_for(fact);
    let claim = range(value, stated.qualifier, stated.rounding.min(value.abs() * 0.05));
    if !report.meets(&claim) {
        return Verdict::Inconsistent;
    }
    match stated.qualifier {
        // An exact claim agrees when it lies within what the report's own number allows and the
        // report gives a number, not only a bound.
        Qualifier::Exact => {
            let bounded = matches!(fact.qualifier, Qualifier::Exact | Qualifier::About);
            if bounded && report.contains(value) {
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
