//! The reports the dashboard's first load does not carry, as files beside the page: one
//! `reports/NAME.HASH.json` per report ([`catalogue::report_file::to_json`]) and the index
//! `catalogue::REPORTS_INDEX` that lists them, what each holds (articles, sections, charts,
//! facts) and the indicator series across all reports. The on-demand module reads the index when a
//! reader reaches the list of reports, searches, or follows a link into one, and a report's file
//! when it is opened. `offline.html` carries every file inline ([`inline_blocks`]).

use std::collections::BTreeMap;

use serde_json::{json, Value};
use sha2::Digest as _;

use catalogue::report_file;
use facts::{Report, Status};

use crate::PublishError;

/// A file to write under the site's directory.
pub struct ReportFile {
    /// Relative to the site: `reports/NAME.HASH.json`.
    pub path: String,
    pub json: String,
}

/// The file of every report but the first (which the first load carries), each named by its
/// content so a browser never keeps a stale one.
/// The JSON Schemas published beside the data, for people who script downloads: of `facts.json`
/// (`catalogue::facts_file`) and of a report file (`catalogue::report_file`), each derived from
/// the types that read the file, so a schema cannot say other than what the page reads.
pub fn schemas() -> [(&'static str, String); 2] {
    let pretty = |schema: schemars::schema::RootSchema| {
        // A schema of plain data types always serializes.
        serde_json::to_string_pretty(&schema).unwrap_or_default() + "\n"
    };
    [
        ("facts.schema.json", pretty(schemars::schema_for!(catalogue::facts_file::FactsFile))),
        ("report-file.schema.json", pretty(schemars::schema_for!(catalogue::report_file::ReportFile))),
    ]
}

pub fn report_files(reports: &[Report]) -> Vec<ReportFile> {
    reports
        .iter()
        .skip(1)
        .map(|r| {
            let json = report_file::to_json(r);
            let hash = sha2::Sha256::digest(json.as_bytes());
            let short: String = hash.iter().take(5).map(|b| format!("{b:02x}")).collect();
            ReportFile { path: format!("reports/{}.{short}.json", r.name), json }
        })
        .collect()
}

/// The index of the other reports, and the series of every indicator across all reports (points
/// in period order; the first report's facts included, since the module carries it).
pub fn index_json(reports: &[Report], files: &[ReportFile]) -> String {
    let listed: Vec<Value> = reports
        .iter()
        .skip(1)
        .zip(files)
        .map(|(r, f)| {
            let c = &r.catalogue;
            json!({
                "name": r.name,
                "file": f.path,
                "articles": c.articles.iter().map(|a| json!([a.id, a.title_zh, a.title_en])).collect::<Vec<_>>(),
                "sections": c.sections.iter().map(|s| json!([s.id, s.title.0, s.title.1])).collect::<Vec<_>>(),
                "charts": c.charts.iter().map(|x| x.id.as_str()).collect::<Vec<_>>(),
                "facts": c.facts.iter().map(|x| x.id.as_str()).collect::<Vec<_>>(),
                "drafts": c.facts.iter().filter(|x| x.status == Status::Draft).count(),
            })
        })
        .collect();
    // indicator -> [(report, fact)], reports in order.
    let mut series: BTreeMap<&str, Vec<Value>> = BTreeMap::new();
    for r in reports {
        for fact in &r.catalogue.facts {
            if let Some(indicator) = &fact.indicator {
                series.entry(indicator).or_default().push(json!([r.name, fact.id]));
            }
        }
    }
    let series: Vec<Value> =
        series.into_iter().map(|(id, points)| json!({"indicator": id, "points": points})).collect();
    json!({"schema": catalogue::SCHEMA, "first": reports.first().map_or("", |r| r.name.as_str()), "reports": listed, "series": series})
        .to_string()
}

/// Writes the report files and the index under `dir` (nothing when there is one report).
pub fn write(dir: &std::path::Path, reports: &[Report], index_path: &str) -> Result<usize, PublishError> {
    if index_path.is_empty() {
        return Ok(0);
    }
    let files = report_files(reports);
    let index = index_json(reports, &files);
    let all = files.iter().map(|f| (f.path.as_str(), f.json.as_str())).chain([(index_path, index.as_str())]);
    let mut n = 0;
    for (path, text) in all {
        let full = dir.join(path);
        if let Some(parent) = full.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|e| PublishError(format!("cannot create {}: {e}", parent.display())))?;
        }
        std::fs::write(&full, text).map_err(|e| PublishError(format!("cannot write {}: {e}", full.display())))?;
        n += 1;
    }
    Ok(n)
}

/// Every report file and the index as `<script type="application/json" id="file:PATH">` blocks,
/// for `offline.html`: the module reads them there instead of fetching (a file page can fetch
/// nothing). `</` is written `<\/` inside them, the same JSON, so no block can end early.
pub fn inline_blocks(reports: &[Report], index_path: &str) -> String {
    if index_path.is_empty() {
        return String::new();
    }
    let files = report_files(reports);
    let index = index_json(reports, &files);
    files
        .iter()
        .map(|f| (f.path.as_str(), f.json.as_str()))
        .chain([(index_path, index.as_str())])
        .map(|(path, json)| {
            format!("<script type=\"application/json\" id=\"file:{path}\">{}</script>\n", json.replace("</", "<\\/"))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The schemas describe the files as published: every field the files have is a property of
    /// the schema, with the schema version among them.
    #[test]
    fn the_schemas_name_every_field_of_the_published_files() {
        let [(facts_name, facts_schema), (report_name, report_schema)] = schemas();
        assert_eq!((facts_name, report_name), ("facts.schema.json", "report-file.schema.json"));
        let facts: serde_json::Value = serde_json::from_str(&facts_schema).unwrap_or_default();
        let file: serde_json::Value =
            serde_json::from_str(&catalogue::export::to_json_all(&catalogue::REPORTS)).unwrap_or_default();
        let properties = &facts["properties"];
        for key in file.as_object().map(|o| o.keys().collect::<Vec<_>>()).unwrap_or_default() {
            assert!(properties.get(key).is_some(), "facts.schema.json has no property {key}");
        }
        let fact = &facts["definitions"]["FactEntry"]["properties"];
        for column in catalogue::export::FACT_COLUMNS {
            assert!(fact.get(column).is_some(), "facts.schema.json: a fact has no property {column}");
        }
        let report: serde_json::Value = serde_json::from_str(&report_schema).unwrap_or_default();
        assert!(report["required"].as_array().is_some_and(|r| r.iter().any(|k| k == "schema")));
        assert!(report["definitions"]["Fact"]["properties"].get("quote").is_some());
    }
}
