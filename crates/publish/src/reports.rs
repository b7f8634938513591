//! The reports as files beside the page. The open report's data (`reports/NAME.HASH.bin`: its
//! catalogue in the compact binary form the first load reads, [`open_data`]) is what the page
//! fetches while the wasm arrives; the page names it in its site block ([`site_json`]). Every
//! report has its report file (`reports/NAME.HASH.json`, [`catalogue::report_file::to_json`], text
//! included), which the on-demand module reads when it needs a report's text or opens another
//! report; with several reports, the index `catalogue::reports_index()` lists the others, what
//! each holds (articles, sections, charts, facts) and the indicator series across all reports.
//! `offline.html` carries every file inline ([`inline_blocks`], [`data_block`]).

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

/// A file's name part that changes with its content, so a browser never keeps a stale one.
fn content_key(bytes: &[u8]) -> String {
    sha2::Sha256::digest(bytes).iter().take(5).map(|b| format!("{b:02x}")).collect()
}

/// The report file of every report, the open one first.
pub fn report_files(reports: &[Report]) -> Vec<ReportFile> {
    reports
        .iter()
        .map(|r| {
            let json = report_file::to_json(r);
            ReportFile { path: format!("reports/{}.{}.json", r.name, content_key(json.as_bytes())), json }
        })
        .collect()
}

/// The open report's data as the first load reads it: its catalogue with postcard (see
/// bench/deserializers for why), and the file's path.
pub fn open_data(reports: &[Report]) -> Result<(String, Vec<u8>), PublishError> {
    let open = reports.first().ok_or_else(|| PublishError("no report to publish".into()))?;
    let bytes = postcard::to_allocvec(&open.catalogue)
        .map_err(|e| PublishError(format!("cannot encode the data of report {}: {e}", open.name)))?;
    Ok((format!("reports/{}.{}.bin", open.name, content_key(&bytes)), bytes))
}

/// What the page says of the site, as the JSON of its `<script type="application/json" id="site">`:
/// the open report's name, where its data and its report file are, and the reports' index ("" for
/// one report). The page's boot script reads it (index.html).
pub fn site_json(reports: &[Report], index_path: &str) -> Result<String, PublishError> {
    let (data, _) = open_data(reports)?;
    // Only the open report's file is named here: no need to write the others' JSON for that.
    let files = report_files(reports.get(..1).unwrap_or_default());
    let report = files.first().map_or("", |f| f.path.as_str());
    let name = reports.first().map_or("", |r| r.name.as_str());
    // `</` cannot occur: names, paths and the index path are letters, digits, '-', '_', '.', '/'.
    Ok(json!({"name": name, "data": data, "report": report, "index": index_path}).to_string())
}

/// The index of the other reports, and the series of every indicator across all reports (points
/// in period order; the first report's facts included, since the module carries it).
pub fn index_json(reports: &[Report], files: &[ReportFile]) -> String {
    let listed: Vec<Value> = reports
        .iter()
        .zip(files)
        .skip(1)
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

/// Writes the open report's data, every report file and, with several reports, the index under
/// `dir`; returns how many files.
pub fn write(dir: &std::path::Path, reports: &[Report], index_path: &str) -> Result<usize, PublishError> {
    let files = report_files(reports);
    let index = if index_path.is_empty() { None } else { Some(index_json(reports, &files)) };
    let (data_path, data) = open_data(reports)?;
    let all = files
        .iter()
        .map(|f| (f.path.as_str(), f.json.as_bytes()))
        .chain(index.as_deref().map(|i| (index_path, i.as_bytes())))
        .chain([(data_path.as_str(), data.as_slice())]);
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

/// The open report's data as a base64 block `<script type="application/octet-stream"
/// id="file:PATH">`, for `offline.html`, whose boot script reads it there (it comes before that
/// script, which reads it as the page is parsed).
pub fn data_block(reports: &[Report]) -> Result<String, PublishError> {
    let (path, bytes) = open_data(reports)?;
    Ok(format!("<script type=\"application/octet-stream\" id=\"file:{path}\">{}</script>", crate::base64(&bytes)))
}

/// Every report file and the index as `<script type="application/json" id="file:PATH">` blocks,
/// for `offline.html`: the module reads them there instead of fetching (a file page can fetch
/// nothing). `</` is written `<\/` inside them, the same JSON, so no block can end early.
pub fn inline_blocks(reports: &[Report], index_path: &str) -> String {
    let files = report_files(reports);
    let index = if index_path.is_empty() { None } else { Some(index_json(reports, &files)) };
    files
        .iter()
        .map(|f| (f.path.as_str(), f.json.as_str()))
        .chain(index.as_deref().map(|i| (index_path, i)))
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
