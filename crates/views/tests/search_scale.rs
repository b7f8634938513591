//! Search over a catalogue a few hundred times larger than the real one: results must stay right
//! at 10,000 facts (speed is checked by hand in the browser, not asserted here).

#![cfg(not(target_arch = "wasm32"))]

use facts::{Article, Catalogue, Fact, Named, Period, Qualifier, Status, Unit, UnitKind};
use views::search::{filter, matches, Filter};

const N: usize = 10_000;

fn named(id: &str, zh: &str, en: &str) -> Named {
    Named { id: id.to_string(), zh: zh.to_string(), en: en.to_string() }
}

/// Fact `i`: topic t{i%4}, region r{i%5}, value i stations, label "指标{i}".
fn synthetic_fact(i: usize) -> Fact {
    Fact {
        id: format!("f{i}"),
        article: "a0".to_string(),
        topic: format!("t{}", i % 4),
        region: format!("r{}", i % 5),
        label_zh: format!("指标{i}"),
        label_en: format!("Indicator {i}"),
        short_zh: format!("指标{i}"),
        short_en: format!("Ind. {i}"),
        value: i as f64,
        unit: "station".to_string(),
        qualifier: if i.is_multiple_of(2) { Qualifier::Exact } else { Qualifier::MoreThan },
        measure: facts::Measure::Level,
        base: facts::Base::None,
        period: Period::Year(2020),
        quote: format!("第{i}条记录"),
        expr: format!("{i}座"),
        quote_offset: 0,
        gloss_en: format!("record number {i}"),
        status: Status::Reviewed,
        indicator: None,
    }
}

fn catalogue() -> Catalogue {
    let facts: Vec<Fact> = (0..N).map(synthetic_fact).collect();
    let topics: Vec<Named> =
        (0..4).map(|t| named(&format!("t{t}"), &format!("主题{t}"), &format!("Topic {t}"))).collect();
    let regions: Vec<Named> =
        (0..5).map(|r| named(&format!("r{r}"), &format!("地区{r}"), &format!("Region {r}"))).collect();
    Catalogue {
        seed: "synthetic.txt".to_string(),
        articles: vec![Article {
            id: "a0".to_string(),
            title_zh: "合成文章".to_string(),
            title_en: "Synthetic article".to_string(),
            source_zh: "测试".to_string(),
            source_en: "Test".to_string(),
            text_start: 0,
            text_end: 0,
        }],
        units: vec![Unit {
            id: "station".to_string(),
            kind: UnitKind::Count,
            zh: "座".to_string(),
            en: "stations".to_string(),
            baseline: 0.0,
        }],
        regions,
        topics,
        facts,
        ..Default::default()
    }
}

fn count(c: &Catalogue, f: Filter) -> usize {
    filter(c, &f).len()
}

fn text(t: &str) -> Filter {
    Filter { text: t.to_string(), ..Filter::default() }
}

#[test]
fn filters_ten_thousand_facts() {
    let c = catalogue();
    assert_eq!(count(&c, Filter::default()), N);
    assert_eq!(count(&c, text("指标")), N);
    assert_eq!(count(&c, text("合成文章 STATIONS")), N);
    assert_eq!(count(&c, text("nothing-like-this")), 0);

    // Exact ids: t1 is every fourth fact; t1 and r2 together are i % 20 == 17.
    assert_eq!(count(&c, Filter { topic: Some("t1".into()), ..Filter::default() }), N / 4);
    assert_eq!(count(&c, Filter { topic: Some("t1".into()), region: Some("r2".into()), text: String::new() }), N / 20);
    assert_eq!(count(&c, Filter { region: Some("r".into()), ..Filter::default() }), 0);

    // Odd facts are "more than": 超过 in Chinese, "more than" in English.
    assert_eq!(count(&c, text("超过")), N / 2);
    assert_eq!(count(&c, text("MORE than")), N / 2);
    assert_eq!(count(&c, Filter { text: "超过".into(), topic: Some("t1".into()), region: None }), N / 4);

    // "9999" and "9,999" occur only in fact 9999 (the English value is "more than 9,999 stations").
    assert_eq!(count(&c, text("9999")), 1);
    assert_eq!(count(&c, text("9,999")), 1);
    assert_eq!(count(&c, text("９９９９")), 1);
    // "1,000" is fact 1000 only: no other number below 10,000 contains the digits 1000.
    assert_eq!(count(&c, text("1,000")), 1);
    // "999": 999, x999 for x in 1..=9, and 999x for x in 0..=9 (9999 counted once) = 1 + 9 + 10 - 1.
    assert_eq!(count(&c, text("999")), 19);
}

#[test]
fn results_keep_catalogue_order_and_agree_with_matches() {
    let c = catalogue();
    let f = Filter { text: "指标 12".into(), topic: None, region: Some("r0".into()) };
    let found = filter(&c, &f);
    let by_matches: Vec<&str> = c.facts.iter().filter(|x| matches(&c, x, &f)).map(|x| x.id.as_str()).collect();
    let ids: Vec<&str> = found.iter().map(|x| x.id.as_str()).collect();
    assert_eq!(ids, by_matches);
    assert!(!ids.is_empty());
    let positions: Vec<usize> = found.iter().map(|x| x.value as usize).collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]));
}
