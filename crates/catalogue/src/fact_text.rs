//! Words that describe a fact in the reader's language, shared by tooltips, tables, the fact
//! list, the source panel and text alternatives, so every place says the same thing the same way.
//!
//! Nothing here panics on catalogue data: a missing unit, region, topic or article shows its id,
//! which is ugly but honest and keeps the page up.

use crate::format::value_with_unit;
use facts::change_words::Direction;
use facts::i18n::Lang;
use facts::{Catalogue, Fact, Measure, Period, Qualifier, Unit, UnitKind};

/// English month abbreviations, used in ranges ("Jan–Jun 2020").
const MONTH_ABBR: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
/// English month names, used for single dates ("end of June 2020") and in references.
pub const MONTH_NAME: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// When the number holds, as the report would say it.
///
/// December month-ends read as year-ends ("2019年底", "end-2019"), as the reports write them.
pub fn period(p: &Period, lang: Lang) -> String {
    match lang {
        Lang::Zh => period_zh(p),
        Lang::En => period_en(p),
    }
}

fn period_zh(p: &Period) -> String {
    match *p {
        Period::Year(y) => format!("{y}年"),
        Period::MonthEnd(y, m) => month_end_zh(y, m),
        Period::MonthRange { from: (y1, m1), to: (y2, m2) } if y1 == y2 && m1 == m2 => format!("{y1}年{m1}月"),
        Period::MonthRange { from: (y1, m1), to: (y2, m2) } if y1 == y2 => format!("{y1}年{m1}—{m2}月"),
        Period::MonthRange { from: (y1, m1), to: (y2, m2) } => format!("{y1}年{m1}月—{y2}年{m2}月"),
        Period::YearRange(a, b) => format!("{a}—{b}年"),
        Period::AsOf(y, m) => format!("截至{}", month_end_zh(y, m)),
        Period::Unstated => "报告未注明时间".to_string(),
    }
}

/// "2020年6月末", or "2019年底" for December.
fn month_end_zh(y: u16, m: u8) -> String {
    if m == 12 {
        format!("{y}年底")
    } else {
        format!("{y}年{m}月末")
    }
}

fn period_en(p: &Period) -> String {
    match *p {
        Period::Year(y) => y.to_string(),
        Period::MonthEnd(y, 12) => format!("end of {y}"),
        Period::MonthEnd(y, m) => format!("end of {} {y}", month_name(m)),
        Period::MonthRange { from: (y1, m1), to: (y2, m2) } if y1 == y2 && m1 == m2 => {
            format!("{} {y1}", month_abbr(m1))
        }
        Period::MonthRange { from: (y1, m1), to: (y2, m2) } if y1 == y2 => {
            format!("{}–{} {y1}", month_abbr(m1), month_abbr(m2))
        }
        Period::MonthRange { from: (y1, m1), to: (y2, m2) } => {
            format!("{} {y1}–{} {y2}", month_abbr(m1), month_abbr(m2))
        }
        Period::YearRange(a, b) => format!("{a}–{b}"),
        Period::AsOf(y, 12) => format!("as of end-{y}"),
        Period::AsOf(y, m) => format!("as of end-{} {y}", month_name(m)),
        Period::Unstated => "period not stated".to_string(),
    }
}

/// "Jun" for 6; an impossible month shows its number rather than panicking.
fn month_abbr(m: u8) -> String {
    month_lookup(&MONTH_ABBR, m)
}

/// "June" for 6; an impossible month shows its number rather than panicking.
fn month_name(m: u8) -> String {
    month_lookup(&MONTH_NAME, m)
}

fn month_lookup(names: &[&str; 12], m: u8) -> String {
    usize::from(m).checked_sub(1).and_then(|i| names.get(i)).map_or_else(|| format!("month {m}"), |s| (*s).to_string())
}

/// What the qualifier says about the number, so a reader does not take a bound for a total.
pub fn qualifier(q: Qualifier, lang: Lang) -> &'static str {
    match q {
        Qualifier::Exact => lang.pick("确切值", "exact"),
        Qualifier::AtLeast => lang.pick("下限（以上）", "lower bound (at least)"),
        Qualifier::MoreThan => lang.pick("下限（超过）", "lower bound (more than)"),
        Qualifier::About => lang.pick("约数", "approximate"),
        Qualifier::LessThan => lang.pick("上限（不到）", "upper bound (less than)"),
    }
}

/// Everything a view shows about one fact, already in the reader's language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FactText {
    pub label: String,
    /// Value with unit and qualifier words, e.g. "4.1万座", "at least 50%".
    pub value: String,
    /// Kind of bound, e.g. "确切值", "lower bound (at least)".
    pub qualifier: &'static str,
    pub period: String,
    pub region: String,
    pub topic: String,
    /// Article title.
    pub article: String,
    /// The Chinese original, whatever the language: it is the evidence.
    pub quote: String,
    /// English gloss of the quote in English; empty in Chinese (the quote says it).
    pub gloss: String,
}

/// Describes `f` for display in `lang`.
pub fn describe(c: &Catalogue, f: &Fact, lang: Lang) -> FactText {
    FactText {
        label: lang.pick(&f.label_zh, &f.label_en).to_string(),
        value: value_text(c, f, lang),
        qualifier: qualifier(f.qualifier, lang),
        period: period(&f.period, lang),
        region: c.region(&f.region).map_or(f.region.as_str(), |r| lang.pick(&r.zh, &r.en)).to_string(),
        topic: c.topic(&f.topic).map_or(f.topic.as_str(), |t| lang.pick(&t.zh, &t.en)).to_string(),
        article: c.article(&f.article).map_or(f.article.as_str(), |a| lang.pick(&a.title_zh, &a.title_en)).to_string(),
        quote: f.quote.to_string(),
        gloss: match lang {
            Lang::Zh => String::new(),
            Lang::En => f.gloss_en.to_string(),
        },
    }
}

/// The value with its unit, and for a change or a multiple the words that say what it is ("同比增长
/// 3.6%", "down 1.2 million subscribers since the end of last year"); with an unknown unit, the
/// bare number followed by the unit id.
fn value_text(c: &Catalogue, f: &Fact, lang: Lang) -> String {
    match c.unit(&f.unit) {
        Some(u) if f.measure.has_base() => change_text(f, u, lang),
        Some(u) => value_with_unit(f.value, u, f.qualifier, lang),
        None => {
            let bare =
                Unit { id: f.unit.clone(), kind: UnitKind::Count, zh: String::new(), en: String::new(), baseline: 0.0 };
            format!("{} {}", value_with_unit(f.value, &bare, f.qualifier, lang), f.unit)
        }
    }
}

/// A change as the report would say it: base, direction, then the magnitude. A base the quote
/// names itself (较2018年年底) is left to the label, which says it. Tables indexed by the enums'
/// order rather than matches: this runs in the page's first download.
fn change_text(f: &Fact, u: &Unit, lang: Lang) -> String {
    let flat = f.value == 0.0;
    let amount = if flat { String::new() } else { value_with_unit(f.value.abs(), u, f.qualifier, lang) };
    let base = f.base as usize;
    if f.measure == Measure::Multiple {
        const OF: [(&str, &str); 5] = [
            ("基期的", " the base"),
            ("去年同期的", " the same period a year before"),
            ("上期的", " the previous period"),
            ("上年末的", " the end of last year"),
            ("基期的", " the base"),
        ];
        let (zh, en) = OF.get(base).copied().unwrap_or(OF[0]);
        return match lang {
            Lang::Zh => format!("是{zh}{amount}"),
            Lang::En => format!("{amount}{en}"),
        };
    }
    const BASE: [(&str, &str); 5] = [
        ("", ""),
        ("同比", " year on year"),
        ("环比", " on the previous period"),
        ("比上年末", " since the end of last year"),
        ("", ""),
    ];
    let (base_zh, base_en) = BASE.get(base).copied().unwrap_or(BASE[0]);
    let (zh, en) = match (Direction::of(f.value), f.measure) {
        (Direction::Flat, _) => ("持平", "unchanged"),
        (Direction::Up, Measure::Change) => ("增加", "up "),
        (Direction::Up, Measure::PointChange) => ("提高", "up "),
        (Direction::Up, Measure::IndexChange) => ("上升", "up "),
        (Direction::Up, _) => ("增长", "up "),
        (Direction::Down, Measure::Change) => ("减少", "down "),
        (Direction::Down, _) => ("下降", "down "),
    };
    match lang {
        Lang::Zh => format!("{base_zh}{zh}{amount}"),
        Lang::En => format!("{en}{amount}{base_en}"),
    }
}

/// One sentence that stands for the fact where a chart cannot be seen, e.g.
/// "2019年建成5G基站：36,988座（2019年，广东省）。" / "5G base stations built in 2019: 36,988
/// stations (2019, Guangdong)."
pub fn sentence(c: &Catalogue, f: &Fact, lang: Lang) -> String {
    let t = describe(c, f, lang);
    match lang {
        Lang::Zh => format!("{}：{}（{}，{}）。", t.label, t.value, t.period, t.region),
        Lang::En => format!("{}: {} ({}, {}).", t.label, t.value, t.period, t.region),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::CATALOGUE;

    fn fact(id: &str) -> &'static Fact {
        CATALOGUE.fact(id).expect("fact in catalogue")
    }

    #[test]
    fn periods_in_chinese() {
        let zh = |p| period(&p, Lang::Zh);
        assert_eq!(zh(Period::Year(2019)), "2019年");
        assert_eq!(zh(Period::MonthEnd(2020, 6)), "2020年6月末");
        assert_eq!(zh(Period::MonthRange { from: (2020, 1), to: (2020, 6) }), "2020年1—6月");
        assert_eq!(zh(Period::MonthRange { from: (2019, 11), to: (2020, 2) }), "2019年11月—2020年2月");
        assert_eq!(zh(Period::MonthRange { from: (2020, 3), to: (2020, 3) }), "2020年3月");
        assert_eq!(zh(Period::YearRange(2019, 2022)), "2019—2022年");
        assert_eq!(zh(Period::AsOf(2020, 6)), "截至2020年6月末");
        assert_eq!(zh(Period::AsOf(2019, 12)), "截至2019年底");
        assert_eq!(zh(Period::Unstated), "报告未注明时间");
    }

    #[test]
    fn periods_in_english() {
        let en = |p| period(&p, Lang::En);
        assert_eq!(en(Period::Year(2019)), "2019");
        assert_eq!(en(Period::MonthEnd(2020, 6)), "end of June 2020");
        assert_eq!(en(Period::MonthRange { from: (2020, 1), to: (2020, 6) }), "Jan–Jun 2020");
        assert_eq!(en(Period::MonthRange { from: (2019, 11), to: (2020, 2) }), "Nov 2019–Feb 2020");
        assert_eq!(en(Period::YearRange(2019, 2022)), "2019–2022");
        assert_eq!(en(Period::AsOf(2020, 6)), "as of end-June 2020");
        assert_eq!(en(Period::AsOf(2019, 12)), "as of end-2019");
        assert_eq!(en(Period::Unstated), "period not stated");
    }

    #[test]
    fn impossible_months_do_not_panic() {
        assert_eq!(period(&Period::MonthEnd(2020, 0), Lang::En), "end of month 0 2020");
        assert_eq!(period(&Period::AsOf(2020, 13), Lang::En), "as of end-month 13 2020");
        assert_eq!(period(&Period::MonthEnd(2020, 13), Lang::Zh), "2020年13月末");
    }

    #[test]
    fn qualifiers_in_both_languages() {
        assert_eq!(qualifier(Qualifier::Exact, Lang::Zh), "确切值");
        assert_eq!(qualifier(Qualifier::AtLeast, Lang::Zh), "下限（以上）");
        assert_eq!(qualifier(Qualifier::MoreThan, Lang::Zh), "下限（超过）");
        assert_eq!(qualifier(Qualifier::About, Lang::Zh), "约数");
        assert_eq!(qualifier(Qualifier::LessThan, Lang::Zh), "上限（不到）");
        assert_eq!(qualifier(Qualifier::Exact, Lang::En), "exact");
        assert_eq!(qualifier(Qualifier::AtLeast, Lang::En), "lower bound (at least)");
        assert_eq!(qualifier(Qualifier::MoreThan, Lang::En), "lower bound (more than)");
        assert_eq!(qualifier(Qualifier::About, Lang::En), "approximate");
        assert_eq!(qualifier(Qualifier::LessThan, Lang::En), "upper bound (less than)");
    }

    #[test]
    fn describes_the_2019_station_count() {
        let f = fact("gd-5g-stations-2019");
        let zh = describe(&CATALOGUE, f, Lang::Zh);
        assert_eq!(zh.label, "2019年建成5G基站");
        // Digits are grouped the way the browser's Intl groups them for zh-CN.
        assert_eq!(zh.value, "36,988座");
        assert_eq!(zh.qualifier, "确切值");
        assert_eq!(zh.period, "2019年");
        assert_eq!(zh.region, "广东省");
        assert_eq!(zh.topic, "广东5G与数字经济");
        assert_eq!(zh.article, "广东：推进补链强链控链 提升产业链现代化水平");
        assert_eq!(zh.quote, "2019年全省建成5G基站36988座");
        assert_eq!(zh.gloss, "");

        let en = describe(&CATALOGUE, f, Lang::En);
        assert_eq!(en.label, "5G base stations built in 2019");
        assert_eq!(en.value, "36,988 stations");
        assert_eq!(en.region, "Guangdong");
        assert_eq!(en.topic, "Guangdong 5G and digital economy");
        assert_eq!(en.quote, "2019年全省建成5G基站36988座", "the quote stays Chinese");
        assert_eq!(en.gloss, "In 2019 the province built 36,988 5G base stations");
    }

    #[test]
    fn describes_bounds_and_stocks() {
        let zh = describe(&CATALOGUE, fact("sme-share-tax"), Lang::Zh);
        assert_eq!(
            (zh.value.as_str(), zh.qualifier, zh.period.as_str()),
            ("50%以上", "下限（以上）", "报告未注明时间")
        );
        let en = describe(&CATALOGUE, fact("gd-clearance-2020-06"), Lang::En);
        assert_eq!((en.value.as_str(), en.period.as_str()), ("94.3%", "as of end-June 2020"));
        let en = describe(&CATALOGUE, fact("luoning-broadband-ports"), Lang::En);
        assert_eq!(
            (en.value.as_str(), en.period.as_str(), en.region.as_str()),
            ("3,600 ports", "as of end-2019", "Luoning County")
        );
    }

    #[test]
    fn sentences_for_text_alternatives() {
        let f = fact("gd-5g-stations-2019");
        assert_eq!(sentence(&CATALOGUE, f, Lang::Zh), "2019年建成5G基站：36,988座（2019年，广东省）。");
        assert_eq!(
            sentence(&CATALOGUE, f, Lang::En),
            "5G base stations built in 2019: 36,988 stations (2019, Guangdong)."
        );
        let f = fact("gd-5g-stations-2020h1-new");
        assert_eq!(sentence(&CATALOGUE, f, Lang::Zh), "2020年1—6月新建5G基站：4.1万座（2020年1—6月，广东省）。");
        assert_eq!(
            sentence(&CATALOGUE, f, Lang::En),
            "New 5G base stations, Jan–Jun 2020: 41,000 stations (Jan–Jun 2020, Guangdong)."
        );
    }

    #[test]
    fn dangling_references_fall_back_to_ids() {
        let broken = Fact {
            unit: "furlong".to_string(),
            region: "atlantis".to_string(),
            topic: "no-topic".to_string(),
            article: "no-article".to_string(),
            ..fact("gd-5g-stations-2019").clone()
        };
        let en = describe(&CATALOGUE, &broken, Lang::En);
        assert_eq!(en.value, "36,988 furlong");
        assert_eq!(en.region, "atlantis");
        assert_eq!(en.topic, "no-topic");
        assert_eq!(en.article, "no-article");
        assert_eq!(sentence(&CATALOGUE, &broken, Lang::Zh), "2019年建成5G基站：36,988 furlong（2019年，atlantis）。");
    }

    #[test]
    fn every_fact_has_words_in_both_languages() {
        for f in &CATALOGUE.facts {
            for lang in [Lang::Zh, Lang::En] {
                let t = describe(&CATALOGUE, f, lang);
                assert!(!t.label.is_empty() && !t.value.is_empty() && !t.period.is_empty(), "{} {lang:?}", f.id);
                assert_ne!(t.region, f.region, "{} has a region name", f.id);
            }
        }
    }
}
