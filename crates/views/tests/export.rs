//! JSON and CSV exports: parse them back and compare with the catalogue.

#![cfg(not(target_arch = "wasm32"))]

mod common;
use std::sync::LazyLock;

use catalogue::export::{to_csv, to_json, FACT_COLUMNS};
use catalogue::CATALOGUE;
use common::parse_csv;
use facts::{Article, Catalogue, Fact, Named, Period, Qualifier, Status, Unit, UnitKind};

/// A catalogue whose strings hold everything CSV and JSON must escape.
static TRICKY: LazyLock<Catalogue> = LazyLock::new(|| Catalogue {
    seed: "tricky.txt".into(),
    articles: vec![Article {
        id: "a".into(),
        title_zh: "标题，逗号".into(),
        title_en: "Title \"quoted\"".into(),
        source_zh: "来源".into(),
        source_en: "src\\path".into(),
        text_start: 0,
        text_end: 0,
    }],
    units: vec![Unit {
        id: "u".into(),
        kind: UnitKind::Currency,
        zh: "元".into(),
        en: "yuan, CNY".into(),
        baseline: 0.0,
    }],
    regions: vec![Named { id: "r".into(), zh: "广东省".into(), en: "Guang\ndong".into() }],
    topics: vec![Named { id: "t".into(), zh: "主题".into(), en: " padded ".into() }],
    facts: vec![
        Fact {
            id: "f-1".into(),
            article: "a".into(),
            topic: "t".into(),
            region: "r".into(),
            label_zh: "带\"引号\"和,逗号".into(),
            label_en: "line one\r\nline two".into(),
            short_zh: "".into(),
            short_en: "".into(),
            value: 230_000_000_000.0,
            unit: "u".into(),
            qualifier: Qualifier::MoreThan,
            measure: facts::Measure::Level,
            base: facts::Base::None,
            period: Period::MonthRange { from: (2020, 1), to: (2020, 6) },
            quote: "超过1400亿元".into(),
            expr: "超过1400亿元".into(),
            quote_offset: 12,
            gloss_en: "tab\there \u{1} and \u{2028}".into(),
            status: Status::Reviewed,
            indicator: None,
        },
        Fact {
            id: "f-2".into(),
            article: "a".into(),
            topic: "missing-topic".into(),
            region: "r".into(),
            label_zh: "".into(),
            label_en: "".into(),
            short_zh: "".into(),
            short_en: "".into(),
            value: 2.3,
            unit: "missing-unit".into(),
            qualifier: Qualifier::Exact,
            measure: facts::Measure::Level,
            base: facts::Base::None,
            period: Period::Unstated,
            quote: "2.30%".into(),
            expr: "2.30%".into(),
            quote_offset: 0,
            gloss_en: "".into(),
            status: Status::Reviewed,
            indicator: None,
        },
    ],
    ..Default::default()
});

fn csv_rows(c: &Catalogue) -> Vec<Vec<String>> {
    let csv = to_csv(c, "");
    let body = csv.strip_prefix('\u{feff}').unwrap_or_else(|| panic!("no BOM"));
    parse_csv(body).unwrap_or_else(|e| panic!("CSV does not parse: {e}\n{csv}"))
}

fn expected_row(c: &Catalogue, f: &Fact) -> Vec<String> {
    let named = |list: &[Named], id: &str| {
        list.iter().find(|n| n.id == id).map_or((String::new(), String::new()), |n| (n.zh.clone(), n.en.clone()))
    };
    let (tz, te) = named(&c.topics, &f.topic);
    let (rz, re) = named(&c.regions, &f.region);
    let (uz, ue) = c
        .units
        .iter()
        .find(|u| u.id == f.unit)
        .map_or((String::new(), String::new()), |u| (u.zh.clone(), u.en.clone()));
    let article = c.articles.iter().find(|a| a.id == f.article);
    let of_article = |pick: fn(&facts::Article) -> &String| article.map_or(String::new(), |a| pick(a).clone());
    let report = c.seed.trim_end_matches(".txt").to_string();
    vec![
        f.id.clone(),
        report.clone(),
        f.article.clone(),
        of_article(|a| &a.title_zh),
        of_article(|a| &a.title_en),
        of_article(|a| &a.source_zh),
        of_article(|a| &a.source_en),
        format!("{report}.html?fact={}", f.id),
        f.topic.clone(),
        tz,
        te,
        f.region.clone(),
        rz,
        re,
        f.label_zh.clone(),
        f.label_en.clone(),
        f.short_zh.clone(),
        f.short_en.clone(),
        format!("{}", f.value),
        f.unit.clone(),
        uz,
        ue,
        f.qualifier.spelling().to_string(),
        f.measure.spelling().to_string(),
        f.base.spelling().to_string(),
        f.period.to_string(),
        f.quote.clone(),
        f.gloss_en.clone(),
        f.indicator.clone().unwrap_or_default(),
        // The open report's declarations (the real report names no indicator).
        indicator(f).map_or(String::new(), |i| i.name_zh.clone()),
        indicator(f).map_or(String::new(), |i| i.name_en.clone()),
        indicator(f).map_or(String::new(), |i| i.definition_zh.clone()),
        indicator(f).map_or(String::new(), |i| i.definition_en.clone()),
    ]
}

fn indicator(f: &Fact) -> Option<&'static facts::Indicator> {
    catalogue::indicators().iter().find(|i| Some(i.id.as_str()) == f.indicator.as_deref())
}

/// Downloads carry each fact's indicator with its declaration's name and definition, from the
/// report that declares it (fixture-release-2020m11's revenue is declared in the m10 release).
#[test]
fn downloads_carry_the_indicator_its_name_and_its_definition() {
    let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let paths = verify::reports::catalogue_paths(&[root.join("tests/fixtures/reports")]).expect("catalogues");
    let loaded = verify::reports::load_all(&paths).unwrap_or_else(|e| panic!("{e:?}"));
    let reports = verify::to_model::reports(&loaded);
    let json: serde_json::Value =
        serde_json::from_str(&catalogue::export::to_json_all(&reports, "")).expect("facts.json parses");
    let facts = json["facts"].as_array().expect("facts");
    let revenue = facts.iter().find(|f| f["id"] == "beiling-2020m11-revenue").expect("the November revenue");
    assert_eq!(revenue["indicator"], "beiling-telecom-revenue");
    assert_eq!(revenue["indicator_name_zh"], "北岭省电信业务收入（年初至今）");
    assert!(revenue["indicator_definition_en"].as_str().is_some_and(|d| d.contains("cumulative from January")));
    let none =
        facts.iter().find(|f| f["id"] == "beiling-2020m11-revenue-growth-change").expect("a fact of no indicator");
    assert_eq!((none["indicator"].as_str(), none["indicator_name_en"].as_str()), (Some(""), Some("")));
    let csv = catalogue::export::to_csv_all(&reports, "");
    assert!(csv.contains("全省规模以上电厂发电量，自1月起累计至报告月（千瓦时）。"), "the definition is a CSV column");
}

#[test]
fn csv_round_trips_tricky_strings() {
    let rows = csv_rows(&TRICKY);
    assert_eq!(rows.len(), 1 + TRICKY.facts.len());
    assert_eq!(rows[0], FACT_COLUMNS);
    for (row, f) in rows[1..].iter().zip(&TRICKY.facts) {
        assert_eq!(*row, expected_row(&TRICKY, f));
    }
    assert_eq!(rows[1][18], "230000000000");
    assert_eq!((rows[1][23].as_str(), rows[1][24].as_str()), ("level", "none"));
    assert_eq!(rows[1][25], "2020-01..2020-06");
    assert_eq!(rows[1][15], "line one\r\nline two");
    assert_eq!(rows[1][14], "带\"引号\"和,逗号");
    assert_eq!(rows[1][10], " padded ");
    assert_eq!(rows[2][9], "", "missing topic gives empty names");
    assert_eq!((rows[1][1].as_str(), rows[1][7].as_str()), ("tricky", "tricky.html?fact=f-1"));
    assert_eq!((rows[1][3].as_str(), rows[1][6].as_str()), ("标题，逗号", "src\\path"));
}

#[test]
fn csv_is_excel_friendly() {
    let csv = to_csv(&CATALOGUE, "");
    assert!(csv.starts_with("\u{feff}id,report,article,article_title_zh,"), "BOM and header first");
    assert!(csv.ends_with("\r\n"));
    // Every LF outside quoted fields is part of a CRLF (parse_csv rejects bare LFs).
    let rows = csv_rows(&CATALOGUE);
    assert_eq!(rows.len(), 1 + CATALOGUE.facts.len(), "one row per fact");
    for (row, f) in rows[1..].iter().zip(&CATALOGUE.facts) {
        assert_eq!(row.len(), FACT_COLUMNS.len());
        assert_eq!(*row, expected_row(&CATALOGUE, f));
    }
}

#[test]
fn csv_reader_rejects_malformed_input() {
    assert!(parse_csv("a,b\n").is_err(), "bare LF as a record end");
    assert!(parse_csv("a,b\r\nc,d").is_err(), "no CRLF after the last record");
    assert!(parse_csv("a,b\r\nc\r\n").is_err(), "records of different lengths");
    assert_eq!(parse_csv("\"x\ny\",z\r\n"), Ok(vec![vec!["x\ny".to_string(), "z".to_string()]]), "LF inside quotes");
    assert_eq!(parse_csv("\"a,\"\"b\"\"\",c\r\n"), Ok(vec![vec!["a,\"b\"".to_string(), "c".to_string()]]));
}

fn json_of(c: &Catalogue) -> serde_json::Value {
    let text = to_json(c, "");
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("JSON does not parse: {e}\n{text}"))
}

#[test]
fn json_round_trips_tricky_strings() {
    let v = json_of(&TRICKY);
    assert_eq!(v["schema"], catalogue::SCHEMA);
    assert_eq!(v["seed"], "tricky.txt");
    let facts = v["facts"].as_array().unwrap_or_else(|| panic!("facts is not an array"));
    assert_eq!(facts.len(), 2);
    for (j, f) in facts.iter().zip(&TRICKY.facts) {
        let row = expected_row(&TRICKY, f);
        for (key, want) in FACT_COLUMNS.iter().zip(&row) {
            match *key {
                "value" => assert_eq!(j[key].as_f64(), Some(f.value)),
                _ => assert_eq!(j[key].as_str(), Some(want.as_str()), "{key}"),
            }
        }
        // The JSON alone keeps what goes back to the text: where the quote is, the expression.
        assert_eq!(j["quote_offset"].as_u64(), Some(f.quote_offset as u64));
        assert_eq!(j["expr"].as_str(), Some(f.expr.as_str()));
    }
    assert_eq!(v["articles"][0]["title_en"], "Title \"quoted\"");
    assert_eq!(v["articles"][0]["source_en"], "src\\path");
    assert_eq!(v["regions"][0]["en"], "Guang\ndong");
    assert_eq!(v["units"][0]["kind"], "currency");
    assert_eq!(facts[0]["gloss_en"], "tab\there \u{1} and \u{2028}");
}

#[test]
fn json_of_the_catalogue_is_complete_and_ordered() {
    let text = to_json(&CATALOGUE, "");
    let v = json_of(&CATALOGUE);
    let keys = ["\"schema\"", "\"seed\"", "\"articles\"", "\"units\"", "\"regions\"", "\"topics\"", "\"facts\""];
    let positions: Vec<usize> = keys.iter().map(|k| text.find(k).unwrap_or(usize::MAX)).collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "top-level keys out of order: {positions:?}");
    assert_eq!(v["facts"].as_array().map(Vec::len), Some(CATALOGUE.facts.len()));
    assert_eq!(v["units"].as_array().map(Vec::len), Some(CATALOGUE.units.len()));
    assert_eq!(v["regions"].as_array().map(Vec::len), Some(CATALOGUE.regions.len()));
    assert_eq!(v["topics"].as_array().map(Vec::len), Some(CATALOGUE.topics.len()));
    assert_eq!(v["articles"].as_array().map(Vec::len), Some(CATALOGUE.articles.len()));
    // Each fact's keys appear in FACT_COLUMNS order on its line.
    let fact_lines: Vec<&str> =
        text.lines().filter(|l| l.trim_start().starts_with("{\"id\"") && l.contains("\"quote_offset\"")).collect();
    assert_eq!(fact_lines.len(), CATALOGUE.facts.len());
    for line in fact_lines {
        let pos: Vec<usize> =
            FACT_COLUMNS.iter().map(|k| line.find(&format!("\"{k}\": ")).unwrap_or(usize::MAX)).collect();
        assert!(pos.windows(2).all(|w| w[0] < w[1]), "keys out of order in {line}");
    }
    for (j, f) in v["facts"].as_array().into_iter().flatten().zip(&CATALOGUE.facts) {
        assert_eq!(j["id"], f.id);
        assert_eq!(j["value"].as_f64(), Some(f.value), "{}", f.id);
        assert_eq!(j["period"], f.period.to_string());
    }
    // Same input, same bytes.
    assert_eq!(text, to_json(&CATALOGUE, ""));
}
