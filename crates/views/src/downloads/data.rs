//! One chart's facts as files: CSV and JSON, each fact with its sentence.

use super::*;
use catalogue::export::{fact_json, facts_csv, json_string, number_str};
use charts::spec::ChartSpec;
use facts::{Catalogue, Fact};

/// The catalogue facts a chart shows (bars and reference lines), in `spec.fact_ids()` order.
pub fn chart_facts<'a>(c: &'a Catalogue, spec: &ChartSpec<'_>) -> Vec<&'a Fact> {
    spec.fact_ids().into_iter().filter_map(|id| c.fact(id)).collect()
}

/// The chart's facts as CSV, with the columns, quoting, BOM and line ends of the whole-catalogue
/// CSV, one row per fact. Derived bars (computed, not stated: no fact id) are not rows here,
/// since they have none of the fact columns; the JSON lists them under "derived".
pub fn chart_csv(c: &Catalogue, spec: &ChartSpec, base: &str) -> String {
    facts_csv(c, &chart_facts(c, spec), base)
}

/// The chart as JSON: what it is (id, language, title, subtitle, source, notes), its facts with
/// the keys of the whole-catalogue JSON, and its derived bars (label, value, unit, value_text).
/// Links are after `base` (`catalogue::export::fact_link`).
pub fn chart_json(c: &Catalogue, spec: &ChartSpec, base: &str) -> String {
    let facts: Vec<String> = chart_facts(c, spec).into_iter().map(|f| fact_json(c, f, base)).collect();
    let derived: Vec<String> = spec
        .panels
        .iter()
        .flat_map(|p| p.bars.iter().map(move |b| (p, b)))
        .filter(|(_, b)| b.fact_id.is_none())
        .map(|(p, b)| {
            format!(
                "{{\"label\": {}, \"value\": {}, \"unit\": {}, \"value_text\": {}}}",
                json_string(&b.label),
                json_num(b.value),
                json_string(&p.unit.id),
                json_string(&b.value_text)
            )
        })
        .collect();
    let notes: Vec<String> = spec.notes.iter().map(|n| json_string(n)).collect();
    format!(
        "{{\n  \"schema\": {},\n  \"chart\": {},\n  \"lang\": {},\n  \"title\": {},\n  \"subtitle\": {},\n  \"source\": {},\n  \"notes\": {},\n  \"report\": {},\n  \"facts\": {},\n  \"derived\": {}\n}}\n",
        catalogue::SCHEMA,
        json_string(spec.id),
        json_string(lang_code(spec.lang)),
        json_string(&spec.title),
        json_string(&spec.subtitle),
        json_string(&spec.source),
        array(&notes),
        json_string(catalogue::export::report_name(c)),
        array(&facts),
        array(&derived),
    )
}

pub(super) fn json_num(v: f64) -> String {
    let s = number_str(v);
    if s.is_empty() {
        "null".to_string()
    } else {
        s
    }
}

/// A JSON array nested one level in: one item per line.
pub(super) fn array(items: &[String]) -> String {
    if items.is_empty() {
        return "[]".to_string();
    }
    let body: Vec<String> = items.iter().map(|i| format!("    {i}")).collect();
    format!("[\n{}\n  ]", body.join(",\n"))
}
