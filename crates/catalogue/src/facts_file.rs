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
    /// The report the fact comes from: the NAME of its files (`NAME.txt`, `NAME.html`).
    pub report: String,
    pub article: String,
    /// The article's title and the body that issued it, in both languages.
    pub article_title_zh: String,
    pub article_title_en: String,
    pub source_zh: String,
    pub source_en: String,
    /// The fact on its report's page (`NAME.html?fact=ID`, relative to the site in `facts.json`;
    /// the page's full address in a download from the page).
    pub link: String,
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
    /// What the number measures: a level, a share, a change (signed) against `base` …
    pub measure: facts::Measure,
    /// What a change or a multiple is measured against; "none" for the rest.
    pub base: facts::Base,
    pub period: facts::Period,
    /// The sentence fragment that states the number, verbatim.
    pub quote: String,
    /// The quote in English.
    pub gloss_en: String,
    /// The indicator the fact measures ("" for none), with its declaration's name and definition
    /// (what is counted: 口径) in both languages.
    pub indicator: String,
    pub indicator_name_zh: String,
    pub indicator_name_en: String,
    pub indicator_definition_zh: String,
    pub indicator_definition_en: String,
    /// Where `quote` starts in the report's text, in UTF-8 bytes (JSON only).
    pub quote_offset: usize,
    /// The numeric expression inside `quote`, as written ("4.1万座") (JSON only).
    pub expr: String,
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
        let one = read(&export::to_json_all(&crate::REPORTS[..1], ""));
        assert_eq!(one.schema, export::SCHEMA);
        assert!(one.seed.is_some() && one.seeds.is_none());
        assert_eq!(one.facts.len(), crate::REPORTS[0].catalogue.facts.len());

        let mut two = crate::REPORTS[0].clone();
        two.name = "again".to_string();
        two.catalogue.seed = "again.txt".to_string();
        let several = read(&export::to_json_all(&[crate::REPORTS[0].clone(), two], ""));
        assert!(several.seed.is_none() && several.seeds.as_ref().is_some_and(|s| s.len() == 2));
    }

    #[test]
    fn a_fact_entry_has_exactly_the_csv_columns_then_the_json_only_ones_in_their_order() {
        let json = export::to_json_all(&crate::REPORTS[..1], "");
        let file = read(&json);
        let entry = serde_json::to_value(&file.facts[0]).unwrap_or_default();
        let keys: Vec<&str> = entry.as_object().map(|o| o.keys().map(String::as_str).collect()).unwrap_or_default();
        let all: Vec<&str> = FACT_COLUMNS.iter().chain(export::JSON_ONLY_COLUMNS).copied().collect();
        let mut columns = all.clone();
        let mut sorted = keys.clone();
        columns.sort_unstable();
        sorted.sort_unstable();
        assert_eq!(sorted, columns);
        // The file itself lists them in column order.
        let line = json.lines().find(|l| l.contains("\"quote_offset\":")).unwrap_or_default();
        let positions: Vec<usize> = all.iter().filter_map(|c| line.find(&format!("\"{c}\":"))).collect();
        assert_eq!(positions.len(), all.len());
        assert!(positions.windows(2).all(|w| w[0] < w[1]), "{line}");
    }
}

#[cfg(test)]
mod links {
    use crate::export;

    /// Each fact names its report, its article's title and issuing body, and links to itself on
    /// its report's page: relative in facts.json, full from a page.
    #[test]
    fn a_fact_names_its_report_article_issuer_and_link() {
        let r = &crate::REPORTS[0];
        let file: super::FactsFile =
            serde_json::from_str(&export::to_json_all(std::slice::from_ref(r), "")).unwrap_or_else(|e| panic!("{e}"));
        for f in &file.facts {
            let article = r.catalogue.articles.iter().find(|a| a.id == f.article).expect("article");
            assert_eq!(f.report, r.name);
            assert_eq!(
                (f.article_title_zh.as_str(), f.source_en.as_str()),
                (article.title_zh.as_str(), article.source_en.as_str())
            );
            assert_eq!(f.link, format!("{}.html?fact={}", r.name, f.id));
        }
        let fact = &r.catalogue.facts[0];
        assert_eq!(
            export::fact_link(&r.catalogue, &fact.id, "https://example.org/d/"),
            format!("https://example.org/d/{}.html?fact={}", r.name, fact.id)
        );
    }
}
