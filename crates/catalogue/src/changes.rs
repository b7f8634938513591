//! What changed between two statements of one indicator: the change from one point to the next
//! as far as the two figures allow ([`change`]), in words ([`change_words`]), and, for each fact
//! whose indicator has an earlier point in another report, the note the page shows beside it
//! ([`since_previous`], written when the site is published into each report's catalogue, since
//! the page loads no other report).

use facts::i18n::Lang;
use facts::{Catalogue, Fact, Qualifier, Report, SincePrevious, Unit, UnitKind};

use crate::revisions::{self, Statement};
use crate::{fact_text, format};

/// The change from one point of a series to the next, as far as the two figures allow: exact when
/// both are (approximate when either is 约), a bound when one of them is (超过6万 then 7.4万 is at
/// most +1.4万), unknown when both bound the same way. `percent` is relative to the earlier point.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Change {
    Exact {
        by: f64,
        percent: Option<f64>,
        approximate: bool,
    },
    AtMost {
        by: f64,
        percent: Option<f64>,
    },
    AtLeast {
        by: f64,
        percent: Option<f64>,
    },
    /// Both figures are lower bounds, or both upper bounds: the change could be anything.
    Unknown,
}

/// How a qualifier bounds the true value: below it (+1: it is a lower bound), above (-1), or not.
fn bound(q: Qualifier) -> i8 {
    match q {
        Qualifier::AtLeast | Qualifier::MoreThan => 1,
        Qualifier::LessThan => -1,
        Qualifier::Exact | Qualifier::About => 0,
    }
}

/// The change from `(value, qualifier)` `from` to `to`.
pub fn change(from: (f64, Qualifier), to: (f64, Qualifier)) -> Change {
    let by = to.0 - from.0;
    let percent = (from.0 != 0.0).then(|| by / from.0.abs() * 100.0);
    // A later lower bound or an earlier upper bound can only make the change larger, and the
    // other way round.
    match bound(to.1) - bound(from.1) {
        0 if bound(to.1) == 0 => {
            Change::Exact { by, percent, approximate: from.1 == Qualifier::About || to.1 == Qualifier::About }
        }
        0 => Change::Unknown,
        d if d > 0 => Change::AtLeast { by, percent },
        _ => Change::AtMost { by, percent },
    }
}

/// A change in words, as a figure's neighbours in a table or a tooltip say it: (`data-change`,
/// the signed amount, the words). "至多+1.4万座 (+23.3%)"; a percent's change in percentage
/// points, with no relative change; `None` for [`Change::Unknown`].
pub fn change_words(c: Change, unit: &Unit, lang: Lang) -> Option<(&'static str, f64, String)> {
    let (kind, by, percent, words) = match c {
        Change::Exact { by, percent, approximate } => {
            ("exact", by, percent, if approximate { lang.pick("约", "about ") } else { "" })
        }
        Change::AtMost { by, percent } => ("at_most", by, percent, lang.pick("至多", "at most ")),
        Change::AtLeast { by, percent } => ("at_least", by, percent, lang.pick("至少", "at least ")),
        Change::Unknown => return None,
    };
    let sign = |v: f64| {
        if v > 0.0 {
            "+"
        } else if v < 0.0 {
            "-"
        } else {
            ""
        }
    };
    let percent_unit = unit.kind == UnitKind::Percent;
    let points = Unit {
        id: String::new(),
        kind: UnitKind::PercentagePoints,
        zh: "个百分点".to_string(),
        en: "percentage points".to_string(),
        baseline: 0.0,
    };
    let amount = format::value_with_unit(by.abs(), if percent_unit { &points } else { unit }, Qualifier::Exact, lang);
    let relative = match percent.filter(|_| !percent_unit) {
        Some(pc) => format!(" ({}{}%)", sign(pc), format::digits::grouped(pc.abs(), 1)),
        None => String::new(),
    };
    Some((kind, by, format!("{words}{}{amount}{relative}", sign(by))))
}

/// "cannot tell: both figures are bounds the same way", for [`Change::Unknown`].
pub fn unknown_words(lang: Lang) -> &'static str {
    lang.pick("无法计算：两个数字都是同向的界限", "cannot tell: both figures are bounds the same way")
}

/// A report's title in `lang`: its first article's, or its name.
fn title(r: &Report, lang: Lang) -> String {
    r.catalogue.articles.first().map_or(r.name.clone(), |a| lang.pick(&a.title_zh, &a.title_en).to_string())
}

/// "《title》截至2021年3月末为超过6万座：“sentence”" / "“title” gave more than 60,000 stations for
/// end-March 2021: “sentence”".
fn stated(s: Statement, lang: Lang) -> String {
    let t = fact_text::describe(&s.report.catalogue, s.fact, lang);
    match lang {
        Lang::Zh => format!("《{}》{}为{}：“{}”", title(s.report, lang), t.period, t.value, s.fact.quote),
        Lang::En => format!("“{}” gave {} for {}: “{}”", title(s.report, lang), t.value, t.period, s.fact.quote),
    }
}

/// The notes of `report` (one of `reports`, the site's): for each of its facts whose indicator
/// has an earlier point in another report, the change from the latest such point that stands
/// (not revised since), with that point's period, figure, report and sentence; and for each fact
/// that revises an earlier report's figure, what that report said.
pub fn since_previous(reports: &[Report], report: &Report) -> Vec<SincePrevious> {
    since_previous_with(reports, &revisions::revisions(reports), report)
}

/// [`since_previous`] with the site's revisions found once for every report.
fn since_previous_with(reports: &[Report], found: &[revisions::Revision], report: &Report) -> Vec<SincePrevious> {
    // Every standing statement with an indicator and a period, in any report but this one.
    let standing = |r: &Report, f: &Fact| revisions::revised_by(found, &r.name, &f.id).is_none();
    let mut notes = Vec::new();
    for fact in &report.catalogue.facts {
        let (Some(indicator), Some(month)) = (fact.indicator.as_deref(), fact.period.end_month()) else { continue };
        let Some(unit) = report.catalogue.unit(&fact.unit) else { continue };
        if let Some(earlier) = revisions::revises(found, &report.name, &fact.id) {
            let (zh, en) = (stated(earlier, Lang::Zh), stated(earlier, Lang::En));
            notes.push(SincePrevious {
                fact: fact.id.clone(),
                change: "revised".to_string(),
                by: fact.value - earlier.fact.value,
                zh: format!("修订了较早的报告：{zh}"),
                en: format!("Revises an earlier report: {en}"),
            });
        }
        let before = reports
            .iter()
            .filter(|r| r.name != report.name)
            .flat_map(|r| r.catalogue.facts.iter().map(move |f| (r, f)))
            .filter(|(r, f)| f.indicator.as_deref() == Some(indicator) && standing(r, f))
            .filter_map(|(r, f)| Some((f.period.end_month()?, r, f)))
            .filter(|(m, _, _)| *m < month)
            .max_by_key(|(m, _, _)| *m);
        let Some((_, r, f)) = before else { continue };
        let c = change((f.value, f.qualifier), (fact.value, fact.qualifier));
        let earlier = Statement { report: r, fact: f };
        let words = |lang: Lang| match change_words(c, unit, lang) {
            Some((_, _, w)) => w,
            None => unknown_words(lang).to_string(),
        };
        let (kind, by) = change_words(c, unit, Lang::Zh).map_or(("unknown", 0.0), |(k, by, _)| (k, by));
        notes.push(SincePrevious {
            fact: fact.id.clone(),
            change: kind.to_string(),
            by,
            zh: format!("较上一报告{}。{}", words(Lang::Zh), stated(earlier, Lang::Zh)),
            en: format!("Since the report before: {}. {}", words(Lang::En), stated(earlier, Lang::En)),
        });
    }
    notes
}

/// `reports` as the site publishes them: each catalogue with its [`since_previous`] notes.
pub fn with_since_previous(reports: &[Report]) -> Vec<Report> {
    let found = revisions::revisions(reports);
    reports
        .iter()
        .map(|r| {
            let mut out = r.clone();
            out.catalogue.since_previous = since_previous_with(reports, &found, r);
            out
        })
        .collect()
}

/// The notes of `fact` in `catalogue`.
pub fn notes_of<'a>(catalogue: &'a Catalogue, fact: &'a Fact) -> impl Iterator<Item = &'a SincePrevious> {
    catalogue.since_previous.iter().filter(move |n| n.fact == fact.id)
}
