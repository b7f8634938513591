//! The reports as files beside their pages. A report's data (`reports/NAME.HASH.bin`: its
//! catalogue in the compact binary form the first load reads, [`report_data`]) is what its page
//! fetches while the wasm arrives; the page names it in its site block ([`site_json`]). Every
//! report has its report file (`reports/NAME.HASH.json`, [`catalogue::report_file::to_json`], text
//! included), which the on-demand module reads when it needs the report's text, searches every
//! report or checks a sentence against them; with several reports, the index
//! (`catalogue::reports_index()`) lists every report, its page, what it holds (articles,
//! sections, charts, facts) and the indicator series across all reports.

use serde_json::json;
use sha2::Digest as _;

use catalogue::pages::{english_page_file, page_link};
use catalogue::report_file;
use facts::i18n::Lang;
use facts::Report;

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

/// A report's data as its page's first load reads it: its catalogue with postcard (see
/// bench/deserializers for why), and the file's path.
pub fn report_data(report: &Report) -> Result<(String, Vec<u8>), PublishError> {
    let bytes = postcard::to_allocvec(&report.catalogue)
        .map_err(|e| PublishError(format!("cannot encode the data of report {}: {e}", report.name)))?;
    Ok((format!("reports/{}.{}.bin", report.name, content_key(&bytes)), bytes))
}

/// What the page `page` of `reports[open]` says of the site, as the JSON of its `<script
/// type="application/json" id="site">`: the open report's name, where its data and its report file
/// are, the reports' index ("" for one report), the site's name (`seeds/site.toml`), the report's
/// views a link can ask the page to draw before the app arrives ([`link_values`], with the views
/// drawn as pages of their own: a view's page is `NAME.KIND-ID.html`, `PageView::key`). Then
/// the report's pages in each language the page is not, under that language's code: `en` on the
/// Chinese page, where a link in English is sent; `zh` on the English one, where a link in
/// Chinese is sent and whose address the page shows. A table or reading page names both, and
/// shows the Chinese page's address; its view is `view`. `lang` is `en` on a page drawn in
/// English. The page's first script reads it (index.html), and the app `lang` (the language the
/// page's drawings are in).
pub fn site_json(
    reports: &[Report],
    open: usize,
    index_path: &str,
    sections: &[&str],
    page_views: &[crate::PageView],
    page: &crate::ReportPage,
) -> Result<String, PublishError> {
    let report = crate::report_at(reports, open)?;
    let (data, _) = report_data(report)?;
    // Only the open report's file is named here: no need to write the others' JSON for that.
    let files = report_files(std::slice::from_ref(report));
    let file = files.first().map_or("", |f| f.path.as_str());
    // `</` cannot occur: names, paths, ids and the index path are letters, digits, '-', '_', '.', '/'.
    let site = &*catalogue::SITE;
    let mut json = json!({
        "name": report.name,
        "data": data,
        "report": file,
        "index": index_path,
        "title_zh": site.title_zh,
        "title_en": site.title_en,
        "views": link_values(&views::view_state::catalogue_version(&report.catalogue), sections, page_views),
    });
    with_page_fields(&mut json, &report.name, page);
    Ok(json.to_string())
}

/// The values a link's keys may have for the report's pages to draw its view before the app
/// arrives (`views` in [`site_json`]), each key's space-separated: `cv` the report's version
/// `version` (a link made from another version may name figures that changed: the app's to
/// say), `embed`, `lang` and `theme` as the app reads them (`view_state::codec`), the report's
/// `section`s, its drawn `chart`s, which are also its `table` pages, and its articles, each a
/// `read`ing page (`PageView`). A key or value not listed (a search, a fact, several tables...) is
/// the app's to draw. index.html's first script checks a link against it.
pub fn link_values(version: &str, sections: &[&str], page_views: &[crate::PageView]) -> serde_json::Value {
    use views::view_state::Theme;
    let tables = page_views.iter().filter_map(|v| v.table()).collect::<Vec<_>>().join(" ");
    let articles = page_views.iter().filter_map(|v| v.article()).collect::<Vec<_>>().join(" ");
    let langs = [Lang::Zh, Lang::En].map(|l| l.pick("zh", "en")).join(" ");
    let themes = [Theme::Auto, Theme::Light, Theme::Dark].map(Theme::as_str).join(" ");
    json!({
        "cv": version,
        "embed": "0 1",
        "lang": langs,
        "theme": themes,
        "section": sections.join(" "),
        "chart": tables,
        "table": tables,
        "read": articles,
    })
}

/// The fields of [`site_json`] that say which of the report's pages it is: `lang`, `view` and the
/// pages in the other languages, `zh` and `en`.
const PAGE_FIELDS: [&str; 4] = ["lang", "view", "zh", "en"];

fn with_page_fields(json: &mut serde_json::Value, name: &str, page: &crate::ReportPage) {
    if let Some(fields) = json.as_object_mut() {
        fields.retain(|k, _| !PAGE_FIELDS.contains(&k.as_str()));
    }
    let (zh, en) = (page_link(name, page.address), english_page_file(name, page.address));
    if page.lang == Lang::En {
        json["lang"] = "en".into();
    }
    // A view's page names both languages' pages: its address is the Chinese one's.
    let view = page.view.key();
    if page.lang == Lang::En || view.is_some() {
        json["zh"] = zh.into();
    }
    if page.lang == Lang::Zh || view.is_some() {
        json["en"] = en.into();
    }
    if let Some(view) = view {
        json["view"] = view.into();
    }
}

/// The site block of the page `page` of report `name`, from `other`, the site block of another of
/// its pages: the same of the report and the site, its own of the page ([`with_page_fields`]).
/// What [`site_json`] writes, without encoding the report's data and file again to name them.
pub fn site_json_from(other: &str, name: &str, page: &crate::ReportPage) -> Result<String, PublishError> {
    let mut json: serde_json::Value =
        serde_json::from_str(other).map_err(|e| PublishError(format!("{name}: the page's site block: {e}")))?;
    with_page_fields(&mut json, name, page);
    Ok(json.to_string())
}

/// The index of the reports (`catalogue::site_index`): for each, its page and report file and the
/// ids it holds, and the series of every indicator across all reports.
pub fn index_json(reports: &[Report], files: &[ReportFile]) -> String {
    let paths: Vec<String> = files.iter().map(|f| f.path.clone()).collect();
    catalogue::site_index::SiteIndex::of(reports, &paths).to_json()
}

/// Writes every report's data and report file and, with several reports, the index under `dir`;
/// returns how many files.
pub fn write(dir: &std::path::Path, reports: &[Report], index_path: &str) -> Result<usize, PublishError> {
    let files = report_files(reports);
    let index = if index_path.is_empty() { None } else { Some(index_json(reports, &files)) };
    let data = reports.iter().map(report_data).collect::<Result<Vec<_>, _>>()?;
    let all = files
        .iter()
        .map(|f| (f.path.as_str(), f.json.as_bytes()))
        .chain(index.as_deref().map(|i| (index_path, i.as_bytes())))
        .chain(data.iter().map(|(path, bytes)| (path.as_str(), bytes.as_slice())));
    let mut n = 0;
    for (path, text) in all {
        crate::write_file(&dir.join(path), text)?;
        n += 1;
    }
    Ok(n)
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
            serde_json::from_str(&catalogue::export::to_json_all(&catalogue::REPORTS, "")).unwrap_or_default();
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
