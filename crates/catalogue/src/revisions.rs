//! Revisions: one indicator's figure for one period, stated by two reports with different values
//! (初步核算 then 最终核实). Both statements are kept; the later report's is the figure a series
//! draws and the claim checker judges against, and the earlier one is marked as revised, never
//! silently replaced.
//!
//! Which report is later: reports carry no publication date, but a report restating a figure is
//! published after the period it covers, so the report whose latest stated period ends later is
//! the later one; between two reports covering the same last month, the one listed later in the
//! site's order.

use facts::{Fact, Report};

/// One statement of a figure: the report and the fact that state it.
#[derive(Clone, Copy, Debug)]
pub struct Statement<'a> {
    pub report: &'a Report,
    pub fact: &'a Fact,
}

/// A figure stated again with another value: `earlier` is revised by `later`.
#[derive(Clone, Copy, Debug)]
pub struct Revision<'a> {
    pub indicator: &'a str,
    /// The month the period ends in (`Period::end_month`).
    pub month: u32,
    pub earlier: Statement<'a>,
    pub later: Statement<'a>,
}

/// The month a report's latest stated period ends in (0 for a report that states none): how
/// [`revisions`] orders reports.
pub fn latest_month(report: &Report) -> u32 {
    report.catalogue.facts.iter().filter_map(|f| f.period.end_month()).max().unwrap_or(0)
}

/// The order in which `reports` (in the site's order) were published, as far as their figures
/// tell: indices into `reports`, earliest first.
pub fn publication_order(reports: &[Report]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..reports.len()).collect();
    // A stable sort keeps the site's order between reports covering the same last month.
    order.sort_by_key(|&i| latest_month(&reports[i]));
    order
}

/// Every revision among `reports`, in publication order of the later statement, then by
/// indicator and period. Three statements of one figure give two revisions (the first by the
/// second, the second by the third); a figure repeated with the same value and qualifier is no
/// revision, nor is a figure one report states twice.
pub fn revisions(reports: &[Report]) -> Vec<Revision<'_>> {
    let order = publication_order(reports);
    // Every statement with an indicator and a period: (indicator, month, publication rank).
    let mut stated: Vec<(&str, u32, usize, Statement)> = Vec::new();
    for (rank, &i) in order.iter().enumerate() {
        let report = &reports[i];
        for fact in &report.catalogue.facts {
            if let (Some(indicator), Some(month)) = (fact.indicator.as_deref(), fact.period.end_month()) {
                stated.push((indicator, month, rank, Statement { report, fact }));
            }
        }
    }
    stated.sort_by(|a, b| (a.0, a.1, a.2).cmp(&(b.0, b.1, b.2)));
    let mut out: Vec<(usize, Revision)> = Vec::new();
    for pair in stated.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        let same_figure = a.0 == b.0 && a.1 == b.1;
        let other_report = a.2 != b.2;
        let differs = a.3.fact.value != b.3.fact.value || a.3.fact.qualifier != b.3.fact.qualifier;
        if same_figure && other_report && differs {
            out.push((b.2, Revision { indicator: a.0, month: a.1, earlier: a.3, later: b.3 }));
        }
    }
    out.sort_by(|a, b| (a.0, a.1.indicator, a.1.month).cmp(&(b.0, b.1.indicator, b.1.month)));
    out.into_iter().map(|(_, r)| r).collect()
}

/// `reports` as they stand: each without the facts a later report revised, so what is weighed
/// against them (a sentence in the claim checker) meets the figure that stands.
pub fn standing(reports: &[Report]) -> Vec<Report> {
    standing_with(reports, &revisions(reports))
}

/// [`standing`] with the site's revisions already found.
pub fn standing_with(reports: &[Report], found: &[Revision]) -> Vec<Report> {
    reports
        .iter()
        .map(|r| {
            let mut out = r.clone();
            out.catalogue.facts.retain(|f| revised_by(found, &r.name, &f.id).is_none());
            out
        })
        .collect()
}

/// The statement that revises `fact` of `report`, if a later report states its figure otherwise.
pub fn revised_by<'a>(revisions: &[Revision<'a>], report: &str, fact: &str) -> Option<Statement<'a>> {
    revisions.iter().find(|r| r.earlier.report.name == report && r.earlier.fact.id == fact).map(|r| r.later)
}

/// The statement `fact` of `report` revises, if an earlier report stated its figure otherwise.
pub fn revises<'a>(revisions: &[Revision<'a>], report: &str, fact: &str) -> Option<Statement<'a>> {
    revisions.iter().find(|r| r.later.report.name == report && r.later.fact.id == fact).map(|r| r.earlier)
}

#[cfg(test)]
mod tests {
    use super::*;
    use facts::{Catalogue, Period, Qualifier};

    fn fact(id: &str, indicator: &str, period: Period, value: f64) -> Fact {
        Fact {
            id: id.into(),
            article: "a".into(),
            topic: "t".into(),
            region: "r".into(),
            label_zh: String::new(),
            label_en: String::new(),
            short_zh: String::new(),
            short_en: String::new(),
            value,
            unit: "u".into(),
            qualifier: Qualifier::Exact,
            measure: facts::Measure::Level,
            base: facts::Base::None,
            period,
            quote: String::new(),
            expr: String::new(),
            quote_offset: 0,
            gloss_en: String::new(),
            status: facts::Status::Reviewed,
            indicator: Some(indicator.into()),
        }
    }

    fn report(name: &str, facts: Vec<Fact>) -> Report {
        Report { name: name.into(), catalogue: Catalogue { facts, ..Catalogue::default() }, ..Report::default() }
    }

    #[test]
    fn a_later_report_stating_a_figure_otherwise_revises_it_and_the_same_figure_again_does_not() {
        // Listed later first: the order comes from the periods the reports cover.
        let q3 = report(
            "q3",
            vec![
                fact("q3-a", "stations", Period::AsOf(2020, 12), 53000.0),
                fact("q3-b", "stations", Period::AsOf(2021, 9), 74000.0),
                fact("q3-c", "clearance", Period::AsOf(2021, 3), 95.1),
            ],
        );
        let q1 = report(
            "q1",
            vec![
                fact("q1-a", "stations", Period::AsOf(2020, 12), 52000.0),
                fact("q1-b", "stations", Period::AsOf(2021, 3), 60000.0),
                fact("q1-c", "clearance", Period::AsOf(2021, 3), 95.1),
            ],
        );
        let reports = [q3, q1];
        assert_eq!(publication_order(&reports), vec![1, 0]);
        let found = revisions(&reports);
        assert_eq!(found.len(), 1, "{found:?}");
        let r = found[0];
        assert_eq!((r.indicator, r.earlier.fact.id.as_str(), r.later.fact.id.as_str()), ("stations", "q1-a", "q3-a"));
        assert_eq!(revised_by(&found, "q1", "q1-a").map(|s| s.fact.id.as_str()), Some("q3-a"));
        assert_eq!(revises(&found, "q3", "q3-a").map(|s| s.report.name.as_str()), Some("q1"));
        assert!(revised_by(&found, "q1", "q1-c").is_none());
    }

    #[test]
    fn a_bound_made_exact_is_a_revision_and_one_report_stating_a_figure_twice_is_not() {
        let mut bound = fact("a-1", "stations", Period::AsOf(2021, 3), 60000.0);
        bound.qualifier = Qualifier::MoreThan;
        let a = report("a", vec![bound, fact("a-2", "stations", Period::AsOf(2021, 3), 61000.0)]);
        let b = report("b", vec![fact("b-1", "stations", Period::AsOf(2021, 6), 70000.0)]);
        let c = report("c", vec![fact("c-1", "stations", Period::AsOf(2021, 3), 61000.0)]);
        let c2 = report("c", vec![fact("c-1", "stations", Period::AsOf(2021, 3), 60000.0)]);
        // a's two statements are its own; c (covering the same last month as a, listed later)
        // repeats a's second figure: nothing is revised.
        assert!(revisions(&[a.clone(), b.clone(), c]).is_empty());
        // c2 states 60000 exactly: it revises a's 61000 (sorted after a's statements).
        let reports = [a, b, c2];
        let found = revisions(&reports);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].later.fact.id, "c-1");
    }
}
