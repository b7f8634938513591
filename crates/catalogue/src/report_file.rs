//! A report as one published JSON file, `reports/NAME.HASH.json`: the model's own serde form
//! (`facts::Report`) inside an envelope that names the schema version. `publish` writes it with
//! [`to_json`]; the on-demand module reads it back with [`parse`] when a reader opens the report.
//! `publish` also writes a JSON Schema of this form, derived from the same types.

use serde::{Deserialize, Serialize};

use facts::Report;

/// The published files' version ([`crate::SCHEMA`]); [`parse`] rejects any other, naming both.
pub use crate::SCHEMA;

/// What a report file holds.
#[derive(Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ReportFile {
    /// The version of every file the site publishes (`SCHEMA`); a reader refuses any other.
    pub schema: u32,
    pub report: Report,
}

/// The schema version a file names, read first so that a file of another version is named as
/// such rather than as a file with missing or unknown fields; and whether the file reads as JSON
/// to its end. The version is kept as soon as it is read: a file cut short or damaged further on
/// still says which version it is.
fn schema_of(text: &str) -> (Option<u32>, Result<(), serde_json::Error>) {
    use serde::de::{Deserializer as _, IgnoredAny, MapAccess, Visitor};
    use std::cell::Cell;

    struct Probe<'a>(&'a Cell<Option<u32>>);

    impl<'de> Visitor<'de> for Probe<'_> {
        type Value = ();

        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a JSON object")
        }

        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
            while let Some(key) = map.next_key::<String>()? {
                if key == "schema" {
                    self.0.set(Some(map.next_value()?));
                } else {
                    map.next_value::<IgnoredAny>()?;
                }
            }
            Ok(())
        }
    }

    let schema = Cell::new(None);
    let read = serde_json::Deserializer::from_str(text).deserialize_map(Probe(&schema));
    (schema.get(), read)
}

/// The report as one line of JSON.
pub fn to_json(report: &Report) -> String {
    let file = ReportFile { schema: SCHEMA, report: report.clone() };
    // Serializing plain data with string keys cannot fail.
    serde_json::to_string(&file).unwrap_or_default()
}

/// Reads a report file. The message says what is wrong in the file's terms (the version, or the
/// line, column and field serde stopped at).
pub fn parse(text: &str) -> Result<Report, String> {
    match schema_of(text) {
        (Some(SCHEMA), _) => {}
        (Some(other), _) => return Err(format!("schema version {other}, but this page reads version {SCHEMA}")),
        (None, Err(e)) => return Err(format!("not a report file: {e}")),
        (None, Ok(())) => return Err("not a report file: it names no schema version".to_string()),
    }
    let file: ReportFile = serde_json::from_str(text).map_err(|e| format!("damaged report file: {e}"))?;
    Ok(file.report)
}
