//! JSON and CSV exports of a [`Catalogue`], dependency-free so they also run in the wasm (for
//! downloads) and in `publish_facts`.
//!
//! Both list every fact with the same columns, in this order: [`FACT_COLUMNS`].

use facts::{Catalogue, Fact, Indicator};

pub use crate::SCHEMA;

/// Fact columns of the CSV and the first keys of each JSON fact, in order: what a reader of a
/// download needs to know what each number is and where it comes from (its report, article,
/// issuing body and a link to it on its report's page).
pub const FACT_COLUMNS: &[&str] = &[
    "id",
    "report",
    "article",
    "article_title_zh",
    "article_title_en",
    "source_zh",
    "source_en",
    "link",
    "topic",
    "topic_zh",
    "topic_en",
    "region",
    "region_zh",
    "region_en",
    "label_zh",
    "label_en",
    "short_zh",
    "short_en",
    "value",
    "unit",
    "unit_zh",
    "unit_en",
    "qualifier",
    "measure",
    "base",
    "period",
    "quote",
    "gloss_en",
    "indicator",
    "indicator_name_zh",
    "indicator_name_en",
    "indicator_definition_zh",
    "indicator_definition_en",
];

/// Keys each JSON fact has after [`FACT_COLUMNS`] and the CSV leaves out: where the quote sits
/// in the report's text and the expression as written, for scripts that go back to the text.
pub const JSON_ONLY_COLUMNS: &[&str] = &["quote_offset", "expr"];

/// The name of a catalogue's report: its text file's name (`NAME.txt`) without `.txt`.
pub fn report_name(c: &Catalogue) -> &str {
    c.seed.strip_suffix(".txt").unwrap_or(&c.seed)
}

/// The link to fact `id` on its report's page (`NAME.html`, which every report has), after `base`:
/// "" for a link relative to the site (as in `facts.json`, beside the pages), the site's address
/// for one that works anywhere (a download from the page).
pub fn fact_link(c: &Catalogue, id: &str, base: &str) -> String {
    format!("{base}{}?fact={id}", crate::pages::page_file(report_name(c), false))
}

/// A number as plain decimal text ("36988", "2.3", "230000000000"); empty for NaN or infinity.
pub fn number_str(v: f64) -> String {
    if v.is_finite() {
        // Display of f64 is the shortest round-trip form, never with an exponent.
        format!("{v}")
    } else {
        String::new()
    }
}

/// One value of a fact row.
enum Cell {
    Text(String),
    Number(f64),
    Int(usize),
}

/// The row of one fact, in [`FACT_COLUMNS`] then [`JSON_ONLY_COLUMNS`] order (links after
/// `base`, see [`fact_link`]). Names of missing ids are empty.
fn fact_row<'a>(c: &'a Catalogue, indicators: &[Indicator], f: &Fact, base: &str) -> Vec<Cell> {
    let indicator = f.indicator.as_deref().and_then(|id| indicators.iter().find(|i| i.id == id));
    let of_indicator = |pick: fn(&Indicator) -> &str| indicator.map_or("", pick);
    let find =
        |list: &'a [facts::Named], id: &str| list.iter().find(|n| n.id == id).map(|n| (n.zh.as_str(), n.en.as_str()));
    let (topic_zh, topic_en) = find(&c.topics, &f.topic).unwrap_or(("", ""));
    let (region_zh, region_en) = find(&c.regions, &f.region).unwrap_or(("", ""));
    let (unit_zh, unit_en) =
        c.units.iter().find(|u| u.id == f.unit).map_or(("", ""), |u| (u.zh.as_str(), u.en.as_str()));
    let article = c.articles.iter().find(|a| a.id == f.article);
    let of_article = |pick: fn(&facts::Article) -> &str| article.map_or("", pick);
    let t = |s: &str| Cell::Text(s.to_string());
    vec![
        t(&f.id),
        t(report_name(c)),
        t(&f.article),
        t(of_article(|a| &a.title_zh)),
        t(of_article(|a| &a.title_en)),
        t(of_article(|a| &a.source_zh)),
        t(of_article(|a| &a.source_en)),
        Cell::Text(fact_link(c, &f.id, base)),
        t(&f.topic),
        t(topic_zh),
        t(topic_en),
        t(&f.region),
        t(region_zh),
        t(region_en),
        t(&f.label_zh),
        t(&f.label_en),
        t(&f.short_zh),
        t(&f.short_en),
        Cell::Number(f.value),
        t(&f.unit),
        t(unit_zh),
        t(unit_en),
        t(f.qualifier.spelling()),
        t(f.measure.spelling()),
        t(f.base.spelling()),
        Cell::Text(f.period.to_string()),
        t(&f.quote),
        t(&f.gloss_en),
        t(f.indicator.as_deref().unwrap_or("")),
        t(of_indicator(|i| &i.name_zh)),
        t(of_indicator(|i| &i.name_en)),
        t(of_indicator(|i| &i.definition_zh)),
        t(of_indicator(|i| &i.definition_en)),
        Cell::Int(f.quote_offset),
        t(&f.expr),
    ]
}

/// A JSON string literal: quotes, backslashes and control characters escaped, U+2028 and U+2029
/// too (so the output is also valid JavaScript); everything else as UTF-8.
pub fn json_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{08}' => out.push_str("\\b"),
            '\u{0c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 || c == '\u{2028}' || c == '\u{2029}' || c == '\u{7f}' => {
                out.push_str(&format!("\\u{:04x}", c as u32));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn json_number(v: f64) -> String {
    if v.is_finite() {
        number_str(v)
    } else {
        "null".to_string()
    }
}

/// `{"k": v, ...}` on one line, keys in the given order; values already JSON.
fn json_object(pairs: &[(&str, String)]) -> String {
    let body: Vec<String> = pairs.iter().map(|(k, v)| format!("{}: {v}", json_string(k))).collect();
    format!("{{{}}}", body.join(", "))
}

fn json_array(indent: &str, items: &[String]) -> String {
    if items.is_empty() {
        return "[]".to_string();
    }
    let inner = format!("{indent}  ");
    let body: Vec<String> = items.iter().map(|i| format!("{inner}{i}")).collect();
    format!("[\n{}\n{indent}]", body.join(",\n"))
}

/// The catalogue as JSON:
/// `{"schema": SCHEMA, "seed": ..., "articles": [...], "units": [...], "regions": [...],
/// "topics": [...], "facts": [...]}`, keys in a fixed order, one entry per line; links after
/// `base` ([`fact_link`]).
pub fn to_json(c: &Catalogue, base: &str) -> String {
    to_json_with(c, crate::indicators(), base)
}

/// [`to_json`] with the declarations of the catalogue's indicators.
fn to_json_with(c: &Catalogue, indicators: &[Indicator], base: &str) -> String {
    let s = |v: &str| json_string(v);
    let articles: Vec<String> = c
        .articles
        .iter()
        .map(|a| {
            json_object(&[
                ("id", s(&a.id)),
                ("title_zh", s(&a.title_zh)),
                ("title_en", s(&a.title_en)),
                ("source_zh", s(&a.source_zh)),
                ("source_en", s(&a.source_en)),
            ])
        })
        .collect();
    let units: Vec<String> = c
        .units
        .iter()
        .map(|u| json_object(&[("id", s(&u.id)), ("kind", s(u.kind.spelling())), ("zh", s(&u.zh)), ("en", s(&u.en))]))
        .collect();
    let named = |list: &[facts::Named]| -> Vec<String> {
        list.iter().map(|n| json_object(&[("id", s(&n.id)), ("zh", s(&n.zh)), ("en", s(&n.en))])).collect()
    };
    let facts: Vec<String> = c.facts.iter().map(|f| fact_json_with(c, indicators, f, base)).collect();
    format!(
        "{{\n  \"schema\": {SCHEMA},\n  \"seed\": {},\n  \"articles\": {},\n  \"units\": {},\n  \"regions\": {},\n  \"topics\": {},\n  \"facts\": {}\n}}\n",
        json_string(&c.seed),
        json_array("  ", &articles),
        json_array("  ", &units),
        json_array("  ", &named(&c.regions)),
        json_array("  ", &named(&c.topics)),
        json_array("  ", &facts),
    )
}

/// One CSV field per RFC 4180: quoted (with `"` doubled) when it holds a comma, a quote, CR or
/// LF, or starts or ends with a space; as is otherwise.
pub fn csv_field(s: &str) -> String {
    let needs_quotes = s.contains([',', '"', '\r', '\n']) || s.starts_with(' ') || s.ends_with(' ');
    if needs_quotes {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// Every fact as CSV: UTF-8 with a byte-order mark (so Excel reads the Chinese as UTF-8), CRLF
/// line ends, RFC 4180 quoting, a header row of [`FACT_COLUMNS`], then one row per fact.
pub fn to_csv(c: &Catalogue, base: &str) -> String {
    let all: Vec<&Fact> = c.facts.iter().collect();
    facts_csv(c, &all, base)
}

/// One fact as a one-line JSON object with the keys of [`FACT_COLUMNS`] and
/// [`JSON_ONLY_COLUMNS`], exactly as [`to_json`] writes it.
/// Its indicator's name and definition are the open report's declarations (`crate::indicators`).
pub fn fact_json(c: &Catalogue, f: &Fact, base: &str) -> String {
    fact_json_with(c, crate::indicators(), f, base)
}

fn fact_json_with(c: &Catalogue, indicators: &[Indicator], f: &Fact, base: &str) -> String {
    let pairs: Vec<(&str, String)> = FACT_COLUMNS
        .iter()
        .chain(JSON_ONLY_COLUMNS)
        .zip(fact_row(c, indicators, f, base))
        .map(|(k, cell)| {
            let v = match cell {
                Cell::Text(t) => json_string(&t),
                Cell::Number(n) => json_number(n),
                Cell::Int(i) => i.to_string(),
            };
            (*k, v)
        })
        .collect();
    json_object(&pairs)
}

/// Some facts as a JSON array, one fact per line, each as [`fact_json`] writes it.
pub fn facts_json(c: &Catalogue, facts: &[&Fact], base: &str) -> String {
    let items: Vec<String> = facts.iter().map(|f| fact_json(c, f, base)).collect();
    json_array("", &items)
}

/// Some facts as CSV, in the given order, with the header, quoting, BOM and line ends of
/// [`to_csv`]: `facts_csv(c, &all_facts, base)` is `to_csv(c, base)`.
pub fn facts_csv(c: &Catalogue, facts: &[&Fact], base: &str) -> String {
    facts_csv_with(c, crate::indicators(), facts, base)
}

fn facts_csv_with(c: &Catalogue, indicators: &[Indicator], facts: &[&Fact], base: &str) -> String {
    let mut out = String::from("\u{feff}");
    let header: Vec<String> = FACT_COLUMNS.iter().map(|h| csv_field(h)).collect();
    out.push_str(&header.join(","));
    out.push_str("\r\n");
    for f in facts {
        let row: Vec<String> = fact_row(c, indicators, f, base)
            .into_iter()
            .take(FACT_COLUMNS.len())
            .map(|cell| match cell {
                Cell::Text(t) => csv_field(&t),
                Cell::Number(n) => number_str(n),
                Cell::Int(i) => i.to_string(),
            })
            .collect();
        out.push_str(&row.join(","));
        out.push_str("\r\n");
    }
    out
}

/// Every report's facts as JSON: [`to_json`] of the one report when there is one (so its file
/// stays as it was); for several, the same shape with `seeds` (every report's text) for `seed`,
/// and the articles, units, regions, topics and facts of all of them. Units, regions and topics
/// are listed once per id (each fact carries its own unit's and names' text as well).
pub fn to_json_all<'a>(reports: &'a [facts::Report], base: &str) -> String {
    match reports {
        [one] => to_json_with(&one.catalogue, &one.indicators, base),
        _ => {
            let s = |v: &str| json_string(v);
            let mut articles = Vec::new();
            let mut units = Vec::new();
            let (mut regions, mut topics) = (Vec::new(), Vec::new());
            let mut seen: Vec<(&str, &str)> = Vec::new();
            let mut once = |kind: &'static str, id: &'a str| {
                let fresh = !seen.contains(&(kind, id));
                if fresh {
                    seen.push((kind, id));
                }
                fresh
            };
            let mut fact_lines = Vec::new();
            for r in reports {
                let c = &r.catalogue;
                for a in &c.articles {
                    articles.push(json_object(&[
                        ("id", s(&a.id)),
                        ("title_zh", s(&a.title_zh)),
                        ("title_en", s(&a.title_en)),
                        ("source_zh", s(&a.source_zh)),
                        ("source_en", s(&a.source_en)),
                    ]));
                }
                for u in &c.units {
                    if once("unit", &u.id) {
                        units.push(json_object(&[
                            ("id", s(&u.id)),
                            ("kind", s(u.kind.spelling())),
                            ("zh", s(&u.zh)),
                            ("en", s(&u.en)),
                        ]));
                    }
                }
                for (kind, list, out) in [("region", &c.regions, &mut regions), ("topic", &c.topics, &mut topics)] {
                    for n in list {
                        if once(kind, &n.id) {
                            out.push(json_object(&[("id", s(&n.id)), ("zh", s(&n.zh)), ("en", s(&n.en))]));
                        }
                    }
                }
                fact_lines.extend(c.facts.iter().map(|f| fact_json_with(c, &r.indicators, f, base)));
            }
            let seeds: Vec<String> = reports.iter().map(|r| s(&r.catalogue.seed)).collect();
            format!(
                "{{\n  \"schema\": {SCHEMA},\n  \"seeds\": [{}],\n  \"articles\": {},\n  \"units\": {},\n  \"regions\": {},\n  \"topics\": {},\n  \"facts\": {}\n}}\n",
                seeds.join(", "),
                json_array("  ", &articles),
                json_array("  ", &units),
                json_array("  ", &regions),
                json_array("  ", &topics),
                json_array("  ", &fact_lines),
            )
        }
    }
}

/// Every report's facts as one CSV ([`to_csv`]'s header and format; each row names its report's
/// text in `seed`).
pub fn to_csv_all(reports: &[facts::Report], base: &str) -> String {
    match reports {
        [one] => {
            let all: Vec<&Fact> = one.catalogue.facts.iter().collect();
            facts_csv_with(&one.catalogue, &one.indicators, &all, base)
        }
        _ => {
            let mut out = String::new();
            for (i, r) in reports.iter().enumerate() {
                let all: Vec<&Fact> = r.catalogue.facts.iter().collect();
                let part = facts_csv_with(&r.catalogue, &r.indicators, &all, base);
                if i == 0 {
                    out.push_str(&part);
                } else {
                    // Past the byte-order mark and the header row.
                    out.push_str(part.split_once("\r\n").map_or("", |(_, rows)| rows));
                }
            }
            out
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use facts::Period;

    #[test]
    fn json_escapes() {
        assert_eq!(json_string("a\"b\\c\nd\te\u{1}\u{2028}中"), "\"a\\\"b\\\\c\\nd\\te\\u0001\\u2028中\"");
    }

    #[test]
    fn csv_quotes_only_when_needed() {
        assert_eq!(csv_field("广东"), "广东");
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("two\r\nlines"), "\"two\r\nlines\"");
        assert_eq!(csv_field(" pad"), "\" pad\"");
        assert_eq!(csv_field(""), "");
    }

    #[test]
    fn numbers_are_plain_decimals() {
        assert_eq!(number_str(36988.0), "36988");
        assert_eq!(number_str(2.3), "2.3");
        assert_eq!(number_str(230_000_000_000.0), "230000000000");
        assert_eq!(number_str(f64::NAN), "");
        assert_eq!(json_number(f64::INFINITY), "null");
    }

    #[test]
    fn periods_use_the_catalogue_spelling() {
        assert_eq!(Period::Year(2019).to_string(), "2019");
        assert_eq!(Period::YearRange(2019, 2022).to_string(), "2019..2022");
        assert_eq!(Period::MonthEnd(2020, 6).to_string(), "2020-06");
        assert_eq!(Period::MonthRange { from: (2020, 1), to: (2020, 6) }.to_string(), "2020-01..2020-06");
        assert_eq!(Period::AsOf(2020, 6).to_string(), "asof 2020-06");
        assert_eq!(Period::Unstated.to_string(), "unstated");
    }
}
