//! The index of the site's reports, `reports/index.HASH.json` (sites of several reports only):
//! every report with its page, its report file and the ids links use (so a link with another
//! report's ids is sent to that report's page, [`SiteIndex::home_of`]), and the series of every
//! indicator across all reports. `publish` writes it from [`SiteIndex::of`]; the on-demand module
//! reads it with [`parse`] when a search, a link or the series need the other reports.

use serde::{Deserialize, Serialize};

use facts::{Report, Status};

use crate::pages::page_link;
use crate::SCHEMA;

/// What the index holds.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SiteIndex {
    /// The version of every file the site publishes ([`SCHEMA`]).
    pub schema: u32,
    /// Every report, the site's default first.
    pub reports: Vec<IndexedReport>,
    /// Every indicator with a point in some report: which reports and facts give its points.
    pub series: Vec<IndexedSeries>,
}

/// A report as the index lists it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct IndexedReport {
    pub name: String,
    /// The link to its page (`catalogue::pages::page_link`).
    pub page: String,
    /// Its report file, `reports/NAME.HASH.json`.
    pub file: String,
    /// (id, title in Chinese, title in English) of each article.
    pub articles: Vec<(String, String, String)>,
    /// (id, title in Chinese, title in English) of each section.
    pub sections: Vec<(String, String, String)>,
    pub charts: Vec<String>,
    pub facts: Vec<String>,
    /// The indicators its facts name.
    #[serde(default)]
    pub indicators: Vec<String>,
    /// How many of its facts no person has reviewed yet.
    pub drafts: usize,
}

/// An indicator's points, as (report name, fact id), reports in site order.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct IndexedSeries {
    pub indicator: String,
    pub points: Vec<(String, String)>,
}

/// The ids a link names that the open report does not have: what another report must hold for
/// the link to be its.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Wanted {
    pub sections: Vec<String>,
    pub charts: Vec<String>,
    pub facts: Vec<String>,
    pub articles: Vec<String>,
    pub indicators: Vec<String>,
}

impl Wanted {
    pub fn is_empty(&self) -> bool {
        self.sections.is_empty()
            && self.charts.is_empty()
            && self.facts.is_empty()
            && self.articles.is_empty()
            && self.indicators.is_empty()
    }
}

impl IndexedReport {
    /// Whether this report has every id `wanted` names.
    pub fn holds(&self, wanted: &Wanted) -> bool {
        let has = |list: &[String], id: &String| list.contains(id);
        wanted.sections.iter().all(|id| self.sections.iter().any(|s| &s.0 == id))
            && wanted.articles.iter().all(|id| self.articles.iter().any(|a| &a.0 == id))
            && wanted.charts.iter().all(|id| has(&self.charts, id))
            && wanted.facts.iter().all(|id| has(&self.facts, id))
            && wanted.indicators.iter().all(|id| has(&self.indicators, id))
    }
}

impl SiteIndex {
    /// The index of `reports` (the site's default first), each with its report file `files[i]`.
    pub fn of(reports: &[Report], files: &[String]) -> SiteIndex {
        let listed = reports
            .iter()
            .zip(files)
            .enumerate()
            .map(|(i, (r, file))| {
                let c = &r.catalogue;
                IndexedReport {
                    name: r.name.clone(),
                    page: page_link(&r.name, i == 0),
                    file: file.clone(),
                    articles: c
                        .articles
                        .iter()
                        .map(|a| (a.id.clone(), a.title_zh.clone(), a.title_en.clone()))
                        .collect(),
                    sections: c.sections.iter().map(|s| (s.id.clone(), s.title.0.clone(), s.title.1.clone())).collect(),
                    charts: c.charts.iter().map(|x| x.id.clone()).collect(),
                    facts: c.facts.iter().map(|x| x.id.clone()).collect(),
                    indicators: {
                        let mut ids: Vec<String> = c.facts.iter().filter_map(|x| x.indicator.clone()).collect();
                        ids.sort();
                        ids.dedup();
                        ids
                    },
                    drafts: c.facts.iter().filter(|x| x.status == Status::Draft).count(),
                }
            })
            .collect();
        let mut series: Vec<IndexedSeries> = Vec::new();
        for r in reports {
            for fact in &r.catalogue.facts {
                let Some(indicator) = &fact.indicator else { continue };
                let point = (r.name.clone(), fact.id.clone());
                match series.iter_mut().find(|s| &s.indicator == indicator) {
                    Some(s) => s.points.push(point),
                    None => series.push(IndexedSeries { indicator: indicator.clone(), points: vec![point] }),
                }
            }
        }
        series.sort_by(|a, b| a.indicator.cmp(&b.indicator));
        SiteIndex { schema: SCHEMA, reports: listed, series }
    }

    /// The report, other than `open`, whose page a link naming `wanted` belongs on: the first
    /// that holds every id it names. `None` when nothing is wanted or no report holds it all (the
    /// page then says which ids it does not know).
    pub fn home_of(&self, wanted: &Wanted, open: &str) -> Option<&IndexedReport> {
        if wanted.is_empty() {
            return None;
        }
        self.reports.iter().find(|r| r.name != open && r.holds(wanted))
    }

    pub fn to_json(&self) -> String {
        // Plain data with string keys always serializes.
        serde_json::to_string(self).unwrap_or_default()
    }
}

/// Reads the index; a file of another schema version is refused by name.
pub fn parse(text: &str) -> Result<SiteIndex, String> {
    let index: SiteIndex = serde_json::from_str(text).map_err(|e| format!("the reports' index is damaged: {e}"))?;
    if index.schema != SCHEMA {
        return Err(format!(
            "the reports' index has schema version {}, but this page reads version {SCHEMA}",
            index.schema
        ));
    }
    Ok(index)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(name: &str, charts: &[&str], facts: &[&str]) -> IndexedReport {
        IndexedReport {
            name: name.into(),
            page: format!("{name}.html"),
            charts: charts.iter().map(|s| s.to_string()).collect(),
            facts: facts.iter().map(|s| s.to_string()).collect(),
            sections: vec![(format!("{name}-s"), String::new(), String::new())],
            ..IndexedReport::default()
        }
    }

    #[test]
    fn a_link_belongs_to_the_report_that_holds_every_id_it_names() {
        let index = SiteIndex {
            schema: SCHEMA,
            reports: vec![
                entry("a", &["a-c"], &["a-1"]),
                entry("b", &["b-c", "b-d"], &["b-1"]),
                entry("c", &["b-c"], &[]),
            ],
            series: Vec::new(),
        };
        let want = |charts: &[&str], facts: &[&str]| Wanted {
            charts: charts.iter().map(|s| s.to_string()).collect(),
            facts: facts.iter().map(|s| s.to_string()).collect(),
            ..Wanted::default()
        };
        assert_eq!(index.home_of(&want(&["b-c"], &["b-1"]), "a").map(|r| r.name.as_str()), Some("b"));
        assert_eq!(index.home_of(&want(&["b-c", "b-d"], &[]), "a").map(|r| r.name.as_str()), Some("b"));
        // Never the open report itself, never a report that lacks one of the ids.
        assert_eq!(index.home_of(&want(&["b-c"], &[]), "b").map(|r| r.name.as_str()), Some("c"));
        assert_eq!(index.home_of(&want(&["b-c"], &["a-1"]), "x"), None);
        assert_eq!(index.home_of(&Wanted::default(), "a"), None);
        let section = Wanted { sections: vec!["c-s".into()], ..Wanted::default() };
        assert_eq!(index.home_of(&section, "a").map(|r| r.name.as_str()), Some("c"));
    }

    #[test]
    fn the_index_reads_back_and_another_version_is_refused_by_name() {
        let reports = &*crate::REPORTS;
        let files: Vec<String> = reports.iter().map(|r| format!("reports/{}.json", r.name)).collect();
        let index = SiteIndex::of(reports, &files);
        assert_eq!(index.reports[0].page, "./");
        assert_eq!(parse(&index.to_json()), Ok(index.clone()));
        let other = index.to_json().replacen(&format!("\"schema\":{SCHEMA}"), "\"schema\":99", 1);
        assert!(parse(&other).is_err_and(|e| e.contains("schema version 99")));
        assert!(parse("{\"schema\":").is_err_and(|e| e.contains("damaged")));
    }
}
