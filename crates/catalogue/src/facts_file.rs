//! The shape of `facts.json` as types: what a script that downloads it reads. `export` writes the
//! file (one fact per line, keys in [`crate::export::FACT_COLUMNS`] order); these types read it back
//! in the tests, so the two cannot drift apart, and the publish step derives the file's JSON
//! Schema (`facts.schema.json`) from them.

use serde::{Deserialize, Serialize};

/// `facts.json`: one report's catalogue (`seed`), or several reports' (`seeds`).
#[derive(Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct FactsFile {
    /// The version of every file the site publishes (`catalogue::SCHEMA`); a reader refuses any
    /// other.
    pub schema: u32,
    /// The report text file the facts come from (a site of one report).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seed: Option<String>,
    /// Every report's text file (a site of several reports).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seeds: Option<Vec<String>>,
    pub articles: Vec<ArticleEntry>,
    pub units: Vec<UnitEntry>,
    pub regions: Vec<NamedEntry>,
    pub topics: Vec<NamedEntry>,
    pub facts: Vec<FactEntry>,
}

/// An article of a report: its title and who issued it, in both languages.
#[derive(Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ArticleEntry {
    pub id: String,
    pub title_zh: String,
    pub title_en: String,
    pub source_zh: String,
    pub source_en: String,
}

/// A unit: its kind (`percent`, `currency`, `count`, …) and how it is written in each language.
#[derive(Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct UnitEntry {
    pub id: String,
    pub kind: facts::UnitKind,
    pub zh: String,
    pub en: String,
}

/// A region or a topic: its id and its name in each language.
#[derive(Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct NamedEntry {
    pub id: String,
    pub zh: String,
    pub en: String,
}

/// One fact, with the names of its topic, region and unit written out (the CSV's columns).
#[derive(Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct FactEntry {
    pub id: String,
    pub article: String,
    pub topic: String,
    pub topic_zh: String,
    pub topic_en: String,
    pub region: String,
    pub region_zh: String,
    pub region_en: String,
    pub label_zh: String,
    pub label_en: String,
    pub short_zh: String,
    pub short_en: String,
    /// The number in base units (yuan, not 亿元); `null` only if it is not a finite number.
    pub value: Option<f64>,
    pub unit: String,
    pub unit_zh: String,
    pub unit_en: String,
    pub qualifier: facts::Qualifier,
    pub period: facts::Period,
    /// The report text file the fact comes from.
    pub seed: String,
    /// The sentence fragment that states the number, verbatim.
    pub quote: String,
    /// Where `quote` starts in the report's text, in UTF-8 bytes.
    pub quote_offset: usize,
    /// The numeric expression inside `quote`, as written ("4.1万座").
    pub expr: String,
    /// The quote in English.
    pub gloss_en: String,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::{self, FACT_COLUMNS};

    fn read(json: &str) -> FactsFile {
        serde_json::from_str(json).unwrap_or_else(|e| panic!("facts.json does not read as FactsFile: {e}"))
    }

    #[test]
    fn facts_json_reads_as_its_types_for_one_report_and_for_several() {
        let one = read(&export::to_json_all(&crate::REPORTS[..1]));
        assert_eq!(one.schema, export::SCHEMA);
        assert!(one.seed.is_some() && one.seeds.is_none());
        assert_eq!(one.facts.len(), crate::REPORTS[0].catalogue.facts.len());

        let mut two = crate::REPORTS[0].clone();
        two.name = "again".to_string();
        two.catalogue.seed = "again.txt".to_string();
        let several = read(&export::to_json_all(&[crate::REPORTS[0].clone(), two]));
        assert!(several.seed.is_none() && several.seeds.as_ref().is_some_and(|s| s.len() == 2));
    }

    #[test]
    fn a_fact_entry_has_exactly_the_csv_columns_in_their_order() {
        let json = export::to_json_all(&crate::REPORTS[..1]);
        let file = read(&json);
        let entry = serde_json::to_value(&file.facts[0]).unwrap_or_default();
        let keys: Vec<&str> = entry.as_object().map(|o| o.keys().map(String::as_str).collect()).unwrap_or_default();
        let mut columns = FACT_COLUMNS.to_vec();
        let mut sorted = keys.clone();
        columns.sort_unstable();
        sorted.sort_unstable();
        assert_eq!(sorted, columns);
        // The file itself lists them in column order.
        let line = json.lines().find(|l| l.contains("\"quote_offset\":")).unwrap_or_default();
        let positions: Vec<usize> = FACT_COLUMNS.iter().filter_map(|c| line.find(&format!("\"{c}\":"))).collect();
        assert_eq!(positions.len(), FACT_COLUMNS.len());
        assert!(positions.windows(2).all(|w| w[0] < w[1]), "{line}");
    }
}
