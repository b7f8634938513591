//! An indicator across periods and reports: the facts that name one `indicator`, placed in time.
//! Each point keeps its fact (and so its sentence and report); the marks are as honest as the
//! bars': an open-ended lower bound ("超过6万") points up from its value, an approximate value
//! ("约") is hollow, and where the series' own step skips a period the line breaks and the axis
//! says the period is missing, never joining across it. Facts without a period cannot be placed;
//! the spec counts them so the figure can say so.

use catalogue::format;
use facts::i18n::Lang;
use facts::{Fact, Period, Qualifier, Report, Unit};

/// One point: a fact at the month its period ends.
#[derive(Clone, Debug, PartialEq)]
pub struct SeriesPoint<'a> {
    pub fact: &'a Fact,
    /// The report (its name) the fact is from.
    pub report: &'a str,
    /// Months since year 0 at the end of the fact's period (December 2020 = 2020 × 12 + 12).
    pub month: u32,
    pub value: f64,
    pub qualifier: Qualifier,
    /// "5.2万座", "超过6万座": the value as the figure writes it.
    pub value_text: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct SeriesSpec<'a> {
    pub indicator: &'a str,
    pub unit: Unit,
    /// In time order.
    pub points: Vec<SeriesPoint<'a>>,
    /// The series' step in months: the shortest distance between two points (3 for quarterly).
    pub step: u32,
    /// Periods the step says should be there but no report gives, as months.
    pub missing: Vec<u32>,
    /// Facts of the indicator whose period the report does not state.
    pub unplaced: usize,
    /// Earlier statements of a point's figure that a later report states otherwise
    /// (`catalogue::revisions`), each with the index in `points` of the statement that revised
    /// it: marked on the drawing, never joined by the line.
    pub revised: Vec<(SeriesPoint<'a>, usize)>,
    /// The indicator is a change (a growth rate, a net change): its axis follows its values on
    /// both sides of zero, never 0 to 100 as for a share.
    pub change: bool,
}

/// The month a period ends in; `None` for an unstated period (`Period::end_month`).
pub fn month_of(p: &Period) -> Option<u32> {
    p.end_month()
}

/// "2021年3月" / "Mar 2021" for a month as [`month_of`] counts.
pub fn month_label(month: u32, lang: Lang) -> String {
    let (y, m) = ((month - 1) / 12, (month - 1) % 12 + 1);
    const EN: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    match lang {
        Lang::Zh => format!("{y}年{m}月"),
        Lang::En => format!("{} {y}", EN[(m - 1) as usize]),
    }
}

/// A tick's label on the time axis: the month alone ("6月", "Jun") when the tick before it is in
/// the same year, so that narrow axes do not run their labels together; else [`month_label`].
pub fn tick_label(month: u32, previous: Option<u32>, lang: Lang) -> String {
    let year = |m: u32| (m - 1) / 12;
    match previous {
        Some(p) if year(p) == year(month) => {
            let m = (month - 1) % 12 + 1;
            const EN: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
            match lang {
                Lang::Zh => format!("{m}月"),
                Lang::En => EN[(m - 1) as usize].to_string(),
            }
        }
        _ => month_label(month, lang),
    }
}

/// The series of `indicator` from the facts of `reports` that name it; `None` when fewer than two
/// of them can be placed in time (one point is no series).
pub fn series<'a>(indicator: &'a str, reports: &'a [Report], lang: Lang) -> Option<SeriesSpec<'a>> {
    let mut points = Vec::new();
    let mut unplaced = 0;
    let mut unit = None;
    for r in reports {
        let c = &r.catalogue;
        for fact in c.facts.iter().filter(|f| f.indicator.as_deref() == Some(indicator)) {
            let Some(u) = c.unit(&fact.unit) else { continue };
            let Some(month) = month_of(&fact.period) else {
                unplaced += 1;
                continue;
            };
            unit.get_or_insert_with(|| u.clone());
            points.push(SeriesPoint {
                fact,
                report: &r.name,
                month,
                value: fact.value,
                qualifier: fact.qualifier,
                value_text: format::value_with_unit(fact.value, u, fact.qualifier, lang),
            });
        }
    }
    if points.len() < 2 {
        return None;
    }
    // An earlier statement of a figure a later report revised leaves the line: the later one is
    // the point, the earlier one is marked beside it.
    let revisions = catalogue::revisions::revisions(reports);
    let revisions: Vec<_> = revisions.iter().filter(|r| r.indicator == indicator).collect();
    let is_revised =
        |p: &SeriesPoint| revisions.iter().any(|r| r.earlier.report.name == p.report && r.earlier.fact.id == p.fact.id);
    let (earlier, mut points): (Vec<SeriesPoint>, Vec<SeriesPoint>) = points.into_iter().partition(is_revised);
    points.sort_by_key(|p| p.month);
    let mut revised = Vec::new();
    for e in earlier {
        // The statement that revised it, or the one that revised that, to the latest.
        let mut later = revisions.iter().find(|r| r.earlier.report.name == e.report && r.earlier.fact.id == e.fact.id);
        let mut at = None;
        while let Some(r) = later {
            at = points.iter().position(|p| p.report == r.later.report.name && p.fact.id == r.later.fact.id);
            if at.is_some() {
                break;
            }
            later = revisions
                .iter()
                .find(|n| n.earlier.report.name == r.later.report.name && n.earlier.fact.id == r.later.fact.id);
        }
        if let Some(at) = at {
            revised.push((e, at));
        }
    }
    if points.len() < 2 {
        return None;
    }
    let step = points.windows(2).map(|w| w[1].month - w[0].month).filter(|d| *d > 0).min().unwrap_or(12);
    let mut missing = Vec::new();
    for w in points.windows(2) {
        let mut m = w[0].month + step;
        while m < w[1].month {
            missing.push(m);
            m += step;
        }
    }
    let change = points.iter().any(|p| p.fact.measure.is_change());
    Some(SeriesSpec { indicator, unit: unit?, points, step, missing, unplaced, revised, change })
}

impl SeriesSpec<'_> {
    /// Pairs of neighbouring points joined by a line: one step apart (a missing period between
    /// two points breaks the line), and not at the same month.
    pub fn segments(&self) -> Vec<(usize, usize)> {
        (1..self.points.len())
            .filter(|&i| self.points[i].month - self.points[i - 1].month == self.step)
            .map(|i| (i - 1, i))
            .collect()
    }

    /// Every month on the axis, from the first point to the last, one step apart.
    pub fn ticks(&self) -> Vec<u32> {
        let (Some(first), Some(last)) = (self.points.first(), self.points.last()) else { return Vec::new() };
        (0..).map(|i| first.month + i * self.step).take_while(|m| *m <= last.month).collect()
    }
}

// The change between two points lives with the other reports' notes (`catalogue::changes`).
pub use catalogue::changes::{change, Change};

#[cfg(test)]
mod tick_labels {
    use super::*;

    #[test]
    fn a_tick_in_the_same_year_as_the_one_before_gives_its_month_alone() {
        let (dec20, mar21, jun21) = (2020 * 12 + 12, 2021 * 12 + 3, 2021 * 12 + 6);
        assert_eq!(tick_label(dec20, None, Lang::Zh), "2020年12月");
        assert_eq!(tick_label(mar21, Some(dec20), Lang::Zh), "2021年3月");
        assert_eq!(tick_label(jun21, Some(mar21), Lang::Zh), "6月");
        assert_eq!(tick_label(jun21, Some(mar21), Lang::En), "Jun");
        assert_eq!(tick_label(mar21, Some(dec20), Lang::En), "Mar 2021");
    }

    #[test]
    fn a_change_between_bounds_is_a_bound_never_a_false_exact_figure() {
        use super::{change, Change};
        use facts::Qualifier::*;
        // 超过6万 then 7.4万: at most +1.4万.
        assert!(matches!(change((60000.0, MoreThan), (74000.0, Exact)), Change::AtMost { by, .. } if by == 14000.0));
        // 5.2万 then 超过6万: at least +8000.
        assert!(matches!(change((52000.0, Exact), (60000.0, MoreThan)), Change::AtLeast { by, .. } if by == 8000.0));
        // 不到5% then 8%: at least +3.
        assert!(matches!(change((5.0, LessThan), (8.0, Exact)), Change::AtLeast { .. }));
        assert!(matches!(change((5.0, Exact), (8.0, LessThan)), Change::AtMost { .. }));
        assert_eq!(change((5.0, MoreThan), (8.0, AtLeast)), Change::Unknown);
        assert!(matches!(change((60000.0, MoreThan), (8.0, LessThan)), Change::AtMost { .. }));
        let Change::Exact { by, percent, approximate } = change((285.0, Exact), (314.0, About)) else {
            panic!("two stated figures give an exact change")
        };
        assert_eq!((by, approximate), (29.0, true));
        assert!(percent.is_some_and(|p| (p - 10.175).abs() < 0.01));
        assert!(matches!(change((0.0, Exact), (3.0, Exact)), Change::Exact { percent: None, .. }));
    }
}
