//! Helpers shared by the native integration tests.
#![allow(dead_code)]

/// Reads a CSV file as the project publishes it (RFC 4180, the form Excel opens cleanly) with the
/// `csv` crate, and also checks what that reader forgives: every record ends in CRLF (no bare LF
/// outside quotes, none missing at the end) and every record has as many fields as the first.
///
/// Records are split at LF only, so the CR of each CRLF is left at the end of the record's last
/// field, where it is checked for and removed.
pub fn parse_csv(text: &str) -> Result<Vec<Vec<String>>, String> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(false)
        .terminator(csv::Terminator::Any(b'\n'))
        .from_reader(text.as_bytes());
    let mut records = Vec::new();
    for (n, result) in reader.records().enumerate() {
        let record = result.map_err(|e| e.to_string())?;
        let mut fields: Vec<String> = record.iter().map(str::to_string).collect();
        let last = fields.last_mut().ok_or_else(|| format!("record {n} is empty"))?;
        if last.pop() != Some('\r') {
            return Err(format!("record {n} does not end in CRLF: {fields:?}"));
        }
        records.push(fields);
    }
    if !text.is_empty() && !text.ends_with("\r\n") {
        return Err("last record has no CRLF".to_string());
    }
    Ok(records)
}

/// Every report of the site, the real one and the fixture reports of tests/fixtures/reports/,
/// verified and mapped as the build does.
pub fn reports() -> Vec<facts::Report> {
    let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let dirs = [root.join("seeds"), root.join("tests/fixtures/reports")];
    let paths = verify::reports::catalogue_paths(&dirs).expect("catalogues");
    let loaded = verify::reports::load_all(&paths).unwrap_or_else(|e| panic!("{e:?}"));
    verify::to_model::reports(&loaded)
}

/// Every report with its page: `first` for the site's default report, "page.html" for the others.
pub fn on_pages<'a>(all: &'a [facts::Report], first: &'a str) -> Vec<views::across_reports::OnPage<'a>> {
    all.iter()
        .map(|report| views::across_reports::OnPage {
            report,
            page: if report.name == all[0].name { first } else { "page.html" },
        })
        .collect()
}
